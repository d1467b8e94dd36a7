package org.ll4al.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.ll4al.results.CycleResult;
import org.ll4al.results.ResultsReader;
import org.ll4al.results.RunManifest;

/** Draws the learning curves and {@code summary.md} of one experiment from its results folders. */
public final class Report {

    private Report() {}

    /**
     * Reads {@code cycles.csv} of every folder, merges the rows (identical repeats of a
     * (task, strategy, trial, cycle) are dropped), and writes {@code learning_curve_<task>.png},
     * {@code learning_curve_<task>.svg}, {@code selection_diagnostics_<task>.png} (when the rows
     * carry diagnostics) and {@code summary.md} into {@code outDir}. Strategies that a folder's
     * {@code run.json} names as controls are labelled "(control: reads labels)" and drawn dashed.
     *
     * <p>Folders must hold the same experiment: their {@code run.json} configurations may
     * differ only in {@code out}, {@code shard}, {@code resume}, {@code device} and
     * {@code devices}.
     *
     * @return the files written (learning curves, diagnostics charts, then {@code summary.md})
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
        Set<String> controls = new TreeSet<>();
        for (Path d : resultDirs) {
            RunManifest m = ResultsReader.manifest(d);
            if (m != null) {
                controls.addAll(m.controls());
            }
        }
        var tasks = TaskData.byTask(rows, controls).values();
        List<Path> written = new ArrayList<>(LearningCurves.write(tasks, outDir));
        written.addAll(DiagnosticsChart.write(tasks, outDir));
        written.add(Summary.write(rows, controls, outDir));
        return written;
    }
}
