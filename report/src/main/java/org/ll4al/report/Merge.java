package org.ll4al.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ll4al.results.CycleResult;
import org.ll4al.results.ResultsReader;
import org.ll4al.results.RunManifest;

/** Reads several results folders and merges their cycle rows into one consistent list. */
final class Merge {

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
                List<String> diff = ref.differences(m, java.util.Set.of());
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
     * Keeps one row of each (task, strategy, trial, cycle), the first or the first that carries
     * selection diagnostics; a repeat must carry the same outcome ({@link
     * CycleResult#sameOutcome}). Wall times are not compared: they describe the run, not the result.
     *
     * @throws IllegalArgumentException naming the key of two rows that disagree
     */
    static List<CycleResult> dedupe(List<CycleResult> rows) {
        Map<String, CycleResult> seen = new LinkedHashMap<>();
        for (CycleResult r : rows) {
            String key = "task=" + r.task() + ", strategy=" + r.strategy() + ", trial="
                    + r.trial() + ", cycle=" + r.cycle() + (r.isOk() ? "" : ", " + r.status());
            CycleResult prev = seen.get(key);
            if (prev != null && !prev.sameOutcome(r)) {
                throw new IllegalArgumentException(
                        "conflicting rows for (" + key + "): " + describe(prev) + " vs "
                                + describe(r));
            }
            if (prev == null || (!prev.diagnostics().recorded() && r.diagnostics().recorded())) {
                seen.put(key, r); // keep the row that carries selection diagnostics
            }
        }
        return new ArrayList<>(seen.values());
    }

    private static String describe(CycleResult r) {
        return "labeled=" + r.labeled() + " seed=" + r.seed() + " " + r.metricName() + "="
                + r.metricValue() + " loss_rank_accuracy=" + r.lossRankAccuracy()
                + " status=" + r.status();
    }
}
