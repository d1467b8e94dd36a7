package org.ll4al.results;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The content of {@code run.json}: the full configuration of a run plus where and when it ran.
 *
 * <p>Only {@link #config()} identifies an experiment; versions, device and times are informative.
 */
public final class RunManifest {

    /** Options that do not change what an experiment computes; ignored when comparing runs. */
    public static final java.util.Set<String> NOT_IDENTIFYING =
            java.util.Set.of("out", "resume", "device", "devices", "shard", "config", "shareCycle0",
                    "supervise", "retries", "retryFailed");

    private final SortedMap<String, String> config;
    private final SortedMap<String, String> environment;
    private java.util.SortedSet<String> controls;
    private String started;
    private String finished;

    /** Creates a manifest from the run configuration and environment facts (versions, device). */
    public RunManifest(Map<String, String> config, Map<String, String> environment) {
        this.config = new TreeMap<>(config);
        this.environment = new TreeMap<>(environment);
    }

    /** The configuration that identifies the experiment (option name to value). */
    public SortedMap<String, String> config() {
        return config;
    }

    /** Facts about where the run executed: versions, device, machine. */
    public SortedMap<String, String> environment() {
        return environment;
    }

    /**
     * Strategies of this run that are controls reading the labels (e.g. {@code true-loss}), so
     * that reports label them; empty for runs written before controls existed.
     */
    public java.util.SortedSet<String> controls() {
        return controls == null ? new java.util.TreeSet<>() : controls;
    }

    /** Sets the control strategies. */
    public void setControls(java.util.Collection<String> names) {
        this.controls = new java.util.TreeSet<>(names);
    }

    /** ISO-8601 start time of the first session that wrote this folder. */
    public String started() {
        return started;
    }

    /** Sets the start time. */
    public void setStarted(String started) {
        this.started = started;
    }

    /** Sets the end time. */
    public void setFinished(String finished) {
        this.finished = finished;
    }

    /**
     * Lists the options whose values differ between this configuration and another, as
     * {@code name: this -> other}; options named in {@code ignored} are not compared.
     */
    public java.util.List<String> differences(RunManifest other, java.util.Set<String> ignored) {
        java.util.List<String> out = new java.util.ArrayList<>();
        java.util.SortedSet<String> names = new java.util.TreeSet<>(config.keySet());
        names.addAll(other.config.keySet());
        for (String n : names) {
            if (ignored.contains(n)) {
                continue;
            }
            String a = config.get(n);
            String b = other.config.get(n);
            if (a == null ? b != null : !a.equals(b)) {
                out.add(n + ": " + a + " -> " + b);
            }
        }
        return out;
    }
}
