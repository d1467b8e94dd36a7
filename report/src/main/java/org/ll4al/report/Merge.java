package org.ll4al.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.ll4al.results.CycleResult;
import org.ll4al.results.ResultsReader;
import org.ll4al.results.RunManifest;

/** Reads several results folders and merges their cycle rows into one consistent list. */
final class Merge {

    /** Options that may differ between folders of one experiment (placement, not content). */
    static final Set<String> IGNORED_OPTIONS = Set.of("out", "shard", "resume", "device", "devices");

    private Merge() {}

    /**
     * Reads {@code cycles.csv} of every folder, checks their {@code run.json} configurations
     * agree (folders without one are not compared) and drops duplicate rows.
     *
     * @throws IllegalArgumentException for a missing folder or file, differing configurations,
     *     or two rows of one (task, strategy, trial, cycle) that disagree
     */
    static List<CycleResult> read(List<Path> dirs) {
        if (dirs.isEmpty()) {
            throw new IllegalArgumentException("no results folder given");
        }
        Path refDir = null;
        RunManifest ref = null;
        List<CycleResult> all = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("results folder " + dir + " does not exist");
            }
            if (!Files.isRegularFile(dir.resolve("cycles.csv"))) {
                throw new IllegalArgumentException("results folder " + dir + " has no cycles.csv");
            }
            RunManifest m = ResultsReader.manifest(dir);
            if (m != null && ref == null) {
                ref = m;
                refDir = dir;
            } else if (m != null) {
                List<String> diff = ref.differences(m, IGNORED_OPTIONS);
                if (!diff.isEmpty()) {
                    throw new IllegalArgumentException(
                            "results folders " + refDir + " and " + dir
                                    + " hold different experiments; differing options: "
                                    + String.join(", ", diff));
                }
            }
            all.addAll(ResultsReader.cycles(dir));
        }
        return dedupe(all);
    }

    /**
     * Keeps the first row of each (task, strategy, trial, cycle); a repeat must carry the same
     * outcome (seed, labeled, metric name and value, loss-rank accuracy, status). Wall times
     * are not compared: they describe the run, not the result.
     *
     * @throws IllegalArgumentException naming the key of two rows that disagree
     */
    static List<CycleResult> dedupe(List<CycleResult> rows) {
        Map<String, CycleResult> seen = new LinkedHashMap<>();
        for (CycleResult r : rows) {
            String key = "task=" + r.task() + ", strategy=" + r.strategy() + ", trial="
                    + r.trial() + ", cycle=" + r.cycle();
            CycleResult prev = seen.putIfAbsent(key, r);
            if (prev != null && !sameOutcome(prev, r)) {
                throw new IllegalArgumentException(
                        "conflicting rows for (" + key + "): " + describe(prev) + " vs "
                                + describe(r));
            }
        }
        return new ArrayList<>(seen.values());
    }

    private static boolean sameOutcome(CycleResult a, CycleResult b) {
        return a.seed() == b.seed()
                && a.labeled() == b.labeled()
                && a.metricName().equals(b.metricName())
                && Double.compare(a.metricValue(), b.metricValue()) == 0
                && Double.compare(a.lossRankAccuracy(), b.lossRankAccuracy()) == 0
                && Objects.equals(a.status(), b.status());
    }

    private static String describe(CycleResult r) {
        return "labeled=" + r.labeled() + " seed=" + r.seed() + " " + r.metricName() + "="
                + r.metricValue() + " loss_rank_accuracy=" + r.lossRankAccuracy()
                + " status=" + r.status();
    }
}
