package org.ll4al.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ll4al.results.CycleResult;

/** Draws the learning curves and {@code summary.md} of one experiment from its results folders. */
public final class Report {

    private Report() {}

    /**
     * Reads {@code cycles.csv} of every folder, merges the rows (identical repeats of a
     * (task, strategy, trial, cycle) are dropped), and writes {@code learning_curve_<task>.png},
     * {@code learning_curve_<task>.svg} and {@code summary.md} into {@code outDir}.
     *
     * <p>Folders must hold the same experiment: their {@code run.json} configurations may
     * differ only in {@code out}, {@code shard}, {@code resume}, {@code device} and
     * {@code devices}.
     *
     * @return the files written (charts in task order, then {@code summary.md})
     * @throws IllegalArgumentException for a missing folder or {@code cycles.csv}, folders whose
     *     configurations differ (naming both folders and the options), conflicting duplicate rows
     *     (naming the key), or folders without any row
     * @throws org.ll4al.results.ResultsException for an unreadable results file
     * @throws java.io.UncheckedIOException when an output file cannot be written
     */
    public static List<Path> draw(List<Path> resultDirs, Path outDir) {
        List<CycleResult> rows = Merge.read(resultDirs);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no rows in cycles.csv of " + resultDirs);
        }
        List<Path> written = new ArrayList<>(LearningCurves.write(rows, outDir));
        written.add(Summary.write(rows, outDir));
        return written;
    }
}
