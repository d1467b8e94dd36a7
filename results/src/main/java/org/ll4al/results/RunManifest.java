package org.ll4al.results;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The content of {@code run.json}: the full configuration of a run plus where and when it ran.
 *
 * <p>Only {@link #config()} identifies an experiment; versions, device and times are informative.
 */
public final class RunManifest {

    /**
     * The session options of a {@code run.json} written before manifests named their own (before
     * 2026-12-02): where results went, device, shards, supervision. Newer files list them in
     * {@link #sessionOptions()}, from the declarations of the code that wrote them.
     */
    private static final Set<String> LEGACY_SESSION_OPTIONS = Set.of(
            "out",
            "resume",
            "device",
            "devices",
            "shard",
            "config",
            "shareCycle0",
            "supervise",
            "retries",
            "retryFailed");

    /**
     * The path options of a {@code run.json} written before manifests named their own, whose
     * values may be absolute paths of the machine that ran them.
     */
    private static final Set<String> LEGACY_PATH_OPTIONS = Set.of("data", "out", "pretrained", "config");

    private final SortedMap<String, String> config;
    private SortedSet<String> sessionOptions;
    private SortedSet<String> pathOptions;
    private final SortedMap<String, String> environment;
    private SortedSet<String> controls;
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

    /**
     * The names in {@link #config()} that only describe a session (where results go, which
     * device, which shard) and do not identify the experiment; not compared between runs.
     */
    public SortedSet<String> sessionOptions() {
        return sessionOptions == null ? new TreeSet<>(LEGACY_SESSION_OPTIONS) : sessionOptions;
    }

    /** Records which names of {@link #config()} only describe a session (see {@link #sessionOptions()}). */
    public void setSessionOptions(Collection<String> names) {
        this.sessionOptions = new TreeSet<>(names);
    }

    /**
     * The names in {@link #config()} whose values are paths, written portably (see
     * {@link PortablePaths}) and compared as such.
     */
    public SortedSet<String> pathOptions() {
        return pathOptions == null ? new TreeSet<>(LEGACY_PATH_OPTIONS) : pathOptions;
    }

    /** Records which names of {@link #config()} hold paths (see {@link #pathOptions()}). */
    public void setPathOptions(Collection<String> names) {
        this.pathOptions = new TreeSet<>(names);
    }

    /**
     * Rewrites the values of {@link #pathOptions()} as {@code paths} writes them (no absolute path
     * of the machine), and records the path options explicitly.
     */
    public void makePortable(PortablePaths paths) {
        SortedSet<String> names = pathOptions();
        for (String n : names) {
            if (config.containsKey(n)) {
                config.put(n, paths.of(config.get(n)));
            }
        }
        setPathOptions(names);
    }

    /** Facts about where the run executed: versions, device, machine. */
    public SortedMap<String, String> environment() {
        return environment;
    }

    /**
     * Strategies of this run that are controls reading the labels (e.g. {@code true-loss}), so
     * that reports label them; empty for runs written before controls existed.
     */
    public SortedSet<String> controls() {
        return controls == null ? new TreeSet<>() : controls;
    }

    /** Records which strategies are controls that read labels (reports mark them). */
    public void setControls(Collection<String> names) {
        this.controls = new TreeSet<>(names);
    }

    /** ISO-8601 start time of the first session that wrote this folder. */
    public String started() {
        return started;
    }

    /** Records when the experiment first started (ISO-8601), kept across resumed sessions. */
    public void setStarted(String started) {
        this.started = started;
    }

    /** Records when a session last finished the whole grid (ISO-8601). */
    public void setFinished(String finished) {
        this.finished = finished;
    }

    /**
     * Lists the options whose values differ between this configuration and another, as
     * {@code name: this -> other}, path options compared in their portable form relative to this
     * process's working folder (so a {@code run.json} that recorded an absolute path matches a
     * portable one naming the same place).
     */
    public List<String> differences(RunManifest other, Set<String> ignored) {
        return differences(other, ignored, PortablePaths.here());
    }

    /**
     * Lists the options whose values differ between this configuration and another, as
     * {@code name: this -> other}. Not compared: the names in {@code ignored}, either manifest's
     * {@link #sessionOptions()}, and a name only one of them has (an option added since the
     * other was written, or one of another task). Values of either manifest's
     * {@link #pathOptions()} are compared as {@link PortablePaths#same} does.
     */
    public List<String> differences(RunManifest other, Set<String> ignored, PortablePaths paths) {
        Set<String> pathNames = new TreeSet<>(pathOptions());
        pathNames.addAll(other.pathOptions());
        List<String> out = new ArrayList<>();
        SortedSet<String> names = new TreeSet<>(config.keySet());
        names.retainAll(other.config.keySet());
        names.removeAll(sessionOptions());
        names.removeAll(other.sessionOptions());
        for (String n : names) {
            if (ignored.contains(n)) {
                continue;
            }
            String a = config.get(n);
            String b = other.config.get(n);
            boolean same = pathNames.contains(n) ? paths.same(a, b) : a.equals(b);
            if (!same) {
                out.add(n + ": " + a + " -> " + b);
            }
        }
        return out;
    }
}
