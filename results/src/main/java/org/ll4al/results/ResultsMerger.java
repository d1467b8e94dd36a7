package org.ll4al.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The one merge of results folders of one experiment (shards, or runs resumed elsewhere): refuses
 * folders whose run.json configurations differ, keeps every (task, strategy, trial, cycle) once,
 * and refuses two different rows for the same key. {@link #read} gives the merged rows in memory
 * (the report draws several folders with it), {@link #merge} writes them, with the picks, into a
 * new folder.
 *
 * <p>Keys: a cycles.csv row is identified by (task, strategy, trial, cycle), and a failed row
 * also by its status, so that a failure and the ok row of its later retry are both kept (the
 * failure stays on record). Rows of one key must carry the same outcome ({@link
 * CycleResult#sameOutcome}: wall times are not compared); of agreeing rows the first is kept, or
 * the first that carries selection diagnostics. A selections.csv row is identified by (task,
 * strategy, trial, cycle, sample id): two folders that both hold picks of a cycle must hold the
 * same picks with the same scores.
 *
 * <p>Every refusal is a {@link ResultsException} whose message names the folder or folders and
 * what differs.
 */
public final class ResultsMerger {

    private ResultsMerger() {}

    /**
     * Expands folders: a folder without {@code cycles.csv} stands for its {@code shard-*}
     * sub-folders (sorted by name).
     *
     * @throws ResultsException for a folder that does not exist, or one with neither a cycles.csv
     *     nor a shard-* sub-folder with one
     */
    public static List<Path> expand(List<Path> dirs) {
        List<Path> out = new ArrayList<>();
        for (Path d : dirs) {
            if (Files.exists(d.resolve(CsvLayout.CYCLES_FILE))) {
                out.add(d);
                continue;
            }
            if (!Files.isDirectory(d)) {
                throw new ResultsException("results folder " + d + " does not exist");
            }
            try (Stream<Path> s = Files.list(d)) {
                List<Path> shards = s.filter(p -> p.getFileName().toString().startsWith("shard-")
                                && Files.exists(p.resolve(CsvLayout.CYCLES_FILE)))
                        .sorted()
                        .toList();
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
     * Checks that the folders hold the same experiment (folders without run.json are not
     * compared).
     *
     * @param ignored options that do not identify an experiment (out, shard, device, ...)
     * @return the manifest of the first folder that has one, or null
     * @throws ResultsException naming both folders and the differing options
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

    /**
     * Reads the cycles.csv rows of every folder, merged: each key once, in the order first seen.
     *
     * @param ignored options that do not identify an experiment (out, shard, device, ...)
     * @throws ResultsException for no folder, a missing folder or cycles.csv, differing run.json
     *     configurations or two different rows of one key (naming both folders)
     */
    public static List<CycleResult> read(List<Path> dirs, Set<String> ignored) {
        requireFolders(dirs);
        checkSameExperiment(dirs, ignored);
        return new ArrayList<>(combine(dirs, false).rows.values());
    }

    /**
     * Merges {@code dirs} into {@code out} (which must not hold results yet): the first run.json,
     * the merged cycles.csv rows sorted by (task, trial, strategy, cycle), and for each row the
     * picks of the folder it was kept from.
     *
     * @param ignored options that do not identify an experiment (out, shard, device, ...)
     * @throws ResultsException as {@link #read} does, for two folders holding different picks of
     *     one cycle, and when {@code out} already holds results
     */
    public static void merge(List<Path> dirs, Path out, Set<String> ignored) {
        requireFolders(dirs);
        RunManifest manifest = checkSameExperiment(dirs, ignored);
        if (Files.exists(out.resolve(CsvLayout.CYCLES_FILE))) {
            throw new ResultsException(out + ": already holds results; merge into an empty folder");
        }
        Combined c = combine(dirs, true);
        ResultsStore store = ResultsStore.open(out);
        if (manifest != null) {
            store.writeManifest(manifest);
        }
        List<Map.Entry<String, CycleResult>> ordered = new ArrayList<>(c.rows.entrySet());
        ordered.sort(Comparator.comparing(
                        (Map.Entry<String, CycleResult> e) -> e.getValue().task())
                .thenComparingInt(e -> e.getValue().trial())
                .thenComparing(e -> e.getValue().strategy())
                .thenComparingInt(e -> e.getValue().cycle()));
        for (Map.Entry<String, CycleResult> e : ordered) {
            CycleResult row = e.getValue();
            List<SelectionRecord> picks =
                    row.isOk() ? c.picks.getOrDefault(pickKey(c.source.get(e.getKey()), row), List.of()) : List.of();
            store.appendCycle(row, picks);
        }
    }

    /** Merged rows (by key, first seen first), the folder each kept row came from, and picks. */
    private record Combined(
            Map<String, CycleResult> rows, Map<String, Path> source, Map<PickKey, List<SelectionRecord>> picks) {}

    /** The picks of one cycle in one folder. */
    private record PickKey(Path dir, String task, String strategy, int trial, int cycle) {}

    private static PickKey pickKey(Path dir, CycleResult r) {
        return new PickKey(dir, r.task(), r.strategy(), r.trial(), r.cycle());
    }

    private static void requireFolders(List<Path> dirs) {
        if (dirs.isEmpty()) {
            throw new ResultsException("no results folder given");
        }
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) {
                throw new ResultsException("results folder " + d + " does not exist");
            }
            if (!Files.isRegularFile(d.resolve(CsvLayout.CYCLES_FILE))) {
                throw new ResultsException("results folder " + d + " has no " + CsvLayout.CYCLES_FILE);
            }
        }
    }

    private static Combined combine(List<Path> dirs, boolean withPicks) {
        Map<String, CycleResult> rows = new LinkedHashMap<>();
        Map<String, Path> source = new LinkedHashMap<>();
        Map<PickKey, List<SelectionRecord>> picks = new LinkedHashMap<>();
        Set<Path> done = new HashSet<>();
        for (Path d : dirs) {
            if (!done.add(d.toAbsolutePath().normalize())) {
                continue; // a folder given twice is read once (its picks are not doubled)
            }
            for (CycleResult r : ResultsReader.cycles(d)) {
                String key = key(r);
                CycleResult old = rows.get(key);
                if (old != null && !old.sameOutcome(r)) {
                    throw new ResultsException(where(source.get(key), d) + CsvLayout.CYCLES_FILE + " rows for (" + key
                            + ") differ: " + describe(old) + " vs " + describe(r));
                }
                if (old == null
                        || (!old.diagnostics().recorded() && r.diagnostics().recorded())) {
                    rows.put(key, r); // keep the row that carries selection diagnostics
                    source.put(key, d);
                }
            }
            if (withPicks) {
                for (SelectionRecord s : ResultsReader.selections(d)) {
                    picks.computeIfAbsent(
                                    new PickKey(d, s.task(), s.strategy(), s.trial(), s.cycle()),
                                    k -> new ArrayList<>())
                            .add(s);
                }
            }
        }
        if (withPicks) {
            checkPicksAgree(picks);
        }
        return new Combined(rows, source, picks);
    }

    /** Two folders holding picks of the same cycle must hold the same (sample id, score) pairs. */
    private static void checkPicksAgree(Map<PickKey, List<SelectionRecord>> picks) {
        Map<String, PickKey> first = new LinkedHashMap<>();
        for (Map.Entry<PickKey, List<SelectionRecord>> e : picks.entrySet()) {
            PickKey k = e.getKey();
            String cycle =
                    "task=" + k.task() + ", strategy=" + k.strategy() + ", trial=" + k.trial() + ", cycle=" + k.cycle();
            PickKey seen = first.putIfAbsent(cycle, k);
            if (seen == null || seen.dir().equals(k.dir())) {
                continue;
            }
            List<SelectionRecord> a = sortedPicks(picks.get(seen));
            List<SelectionRecord> b = sortedPicks(e.getValue());
            int n = Math.min(a.size(), b.size());
            for (int i = 0; i < n; i++) {
                SelectionRecord x = a.get(i);
                SelectionRecord y = b.get(i);
                if (x.sampleId() != y.sampleId() || Double.compare(x.score(), y.score()) != 0) {
                    throw new ResultsException(where(seen.dir(), k.dir()) + CsvLayout.SELECTIONS_FILE
                            + " picks for (" + cycle + ") differ: sample_id=" + x.sampleId() + " score="
                            + x.score() + " vs sample_id=" + y.sampleId() + " score=" + y.score());
                }
            }
            if (a.size() != b.size()) {
                throw new ResultsException(where(seen.dir(), k.dir()) + CsvLayout.SELECTIONS_FILE + " picks for ("
                        + cycle + ") differ: " + a.size() + " picks vs " + b.size());
            }
        }
    }

    private static List<SelectionRecord> sortedPicks(List<SelectionRecord> p) {
        List<SelectionRecord> out = new ArrayList<>(p);
        out.sort(Comparator.comparingInt(SelectionRecord::sampleId)
                .thenComparing(SelectionRecord::score, Double::compare));
        return out;
    }

    /** "cannot merge A and B: " (or "A: " for two rows in one folder). */
    private static String where(Path a, Path b) {
        return a.equals(b) ? a + ": two " : "cannot merge " + a + " and " + b + ": their ";
    }

    private static String key(CycleResult r) {
        return "task=" + r.task() + ", strategy=" + r.strategy() + ", trial=" + r.trial() + ", cycle=" + r.cycle()
                + (r.isOk() ? "" : ", status=" + r.status());
    }

    private static String describe(CycleResult r) {
        SelectionDiagnostics d = r.diagnostics();
        return "seed=" + r.seed() + " labeled=" + r.labeled() + " " + r.metricName() + "=" + r.metricValue()
                + " loss_rank_accuracy=" + r.lossRankAccuracy() + " status=" + r.status()
                + (Double.isNaN(r.labeledLossRankAccuracy())
                        ? ""
                        : " labeled_loss_rank_accuracy=" + r.labeledLossRankAccuracy())
                + (Double.isNaN(r.committeeLossAgreement())
                        ? ""
                        : " committee_loss_agreement=" + r.committeeLossAgreement())
                + (Double.isNaN(r.entropyLossRankAccuracy())
                        ? ""
                        : " entropy_loss_rank_accuracy=" + r.entropyLossRankAccuracy())
                + (r.metricDetails().isEmpty() ? "" : " metric_details=" + r.metricDetails())
                + (d.recorded()
                        ? " picked_loss_ratio=" + d.pickedLossRatio() + " subset_loss_rank_accuracy="
                                + d.subsetLossRankAccuracy() + " picked_label_entropy=" + d.pickedLabelEntropy()
                        : "");
    }
}
