package org.ll4al.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Merges results folders of one experiment (shards, or runs resumed elsewhere) into one folder:
 * refuses folders whose run.json configurations differ, keeps every (strategy, trial, cycle)
 * once, and refuses two different rows for the same key.
 */
public final class ResultsMerger {

    private ResultsMerger() {}

    /**
     * Expands folders: a folder without {@code cycles.csv} stands for its {@code shard-*}
     * sub-folders.
     */
    public static List<Path> expand(List<Path> dirs) {
        List<Path> out = new ArrayList<>();
        for (Path d : dirs) {
            if (Files.exists(d.resolve(CsvLayout.CYCLES_FILE))) {
                out.add(d);
                continue;
            }
            try (Stream<Path> s = Files.list(d)) {
                List<Path> shards = s.filter(p -> p.getFileName().toString().startsWith("shard-")
                        && Files.exists(p.resolve(CsvLayout.CYCLES_FILE))).sorted().toList();
                if (shards.isEmpty()) {
                    throw new ResultsException(d + ": no cycles.csv and no shard-*/cycles.csv in it");
                }
                out.addAll(shards);
            } catch (IOException e) {
                throw new ResultsException(d + ": not a readable results folder (" + e + ")", e);
            }
        }
        return out;
    }

    /**
     * Checks that the folders hold the same experiment.
     *
     * @param ignored options that do not identify an experiment (out, shard, device, ...)
     * @return the manifest of the first folder that has one, or null
     */
    public static RunManifest checkSameExperiment(List<Path> dirs, Set<String> ignored) {
        RunManifest first = null;
        Path firstDir = null;
        for (Path d : dirs) {
            RunManifest m = ResultsReader.manifest(d);
            if (m == null) {
                continue;
            }
            if (first == null) {
                first = m;
                firstDir = d;
                continue;
            }
            List<String> diff = first.differences(m, ignored);
            if (!diff.isEmpty()) {
                throw new ResultsException("cannot merge " + firstDir + " and " + d
                        + ": their run.json configurations differ in " + String.join("; ", diff));
            }
        }
        return first;
    }

    /** Merges {@code dirs} into {@code out} (which must not hold results yet). */
    public static void merge(List<Path> dirs, Path out, Set<String> ignored) {
        RunManifest manifest = checkSameExperiment(dirs, ignored);
        if (Files.exists(out.resolve(CsvLayout.CYCLES_FILE))) {
            throw new ResultsException(out + ": already holds results; merge into an empty folder");
        }
        Map<String, CycleResult> cycles = new LinkedHashMap<>();
        Map<String, Path> source = new LinkedHashMap<>(); // key -> folder whose row is kept
        Map<String, List<SelectionRecord>> picks = new LinkedHashMap<>(); // key@folder -> picks
        for (Path d : dirs) {
            for (CycleResult c : ResultsReader.cycles(d)) {
                // a failure and the ok row of its later retry are both kept (the failure stays on record)
                String key = key(c.task(), c.strategy(), c.trial(), c.cycle()) + (c.isOk() ? "" : "/" + c.status());
                CycleResult old = cycles.get(key);
                if (old != null && !old.sameOutcome(c)) {
                    throw new ResultsException("cannot merge: " + key + " has different results in two folders ("
                            + old.metricValue() + " vs " + c.metricValue() + ", last seen in " + d + ")");
                }
                if (old == null || (!old.diagnostics().recorded() && c.diagnostics().recorded())) {
                    cycles.put(key, c); // keep the row that carries diagnostics
                    source.put(key, d);
                }
            }
            for (SelectionRecord s : ResultsReader.selections(d)) {
                String key = key(s.task(), s.strategy(), s.trial(), s.cycle());
                picks.computeIfAbsent(key + "@" + d, k -> new ArrayList<>()).add(s);
            }
        }
        ResultsStore store = ResultsStore.open(out);
        if (manifest != null) {
            store.writeManifest(manifest);
        }
        List<CycleResult> ordered = new ArrayList<>(cycles.values());
        ordered.sort(Comparator.comparing(CycleResult::task).thenComparingInt(CycleResult::trial)
                .thenComparing(CycleResult::strategy).thenComparingInt(CycleResult::cycle));
        for (CycleResult c : ordered) {
            String key = key(c.task(), c.strategy(), c.trial(), c.cycle()) + (c.isOk() ? "" : "/" + c.status());
            store.appendCycle(c, picks.getOrDefault(key + "@" + source.get(key), List.of()));
        }
    }

    private static String key(String task, String strategy, int trial, int cycle) {
        return task + "/" + strategy + "/" + trial + "/" + cycle;
    }
}
