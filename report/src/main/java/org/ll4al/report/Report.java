package org.ll4al.report;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.ll4al.results.CycleResult;
import org.ll4al.results.ResultsException;
import org.ll4al.results.ResultsMerger;
import org.ll4al.results.ResultsReader;
import org.ll4al.results.RunManifest;

/** Draws the learning curves and {@code summary.md} of one experiment from its results folders. */
public final class Report {

    private Report() {}

    /**
     * The {@code -Dreport=DIR[,DIR..] [-Dout=DIR]} command. A folder without {@code cycles.csv}
     * stands for its {@code shard-*} sub-folders ({@link ResultsMerger#expand}). One results folder
     * is drawn in place, or into {@code out}; several are first merged ({@link ResultsMerger#merge}:
     * run.json, cycles.csv and selections.csv) into {@code out}, by default
     * {@code <first folder given>/merged}, which must not hold results yet, and drawn there.
     * Prints {@code merged N folders into DIR} when it merges, then {@code wrote FILE} per file.
     *
     * @param folders the folders given, in order
     * @param out the output folder, or null for the default
     * @param log where the progress lines go
     * @return the files drawn (as {@link #draw} returns them)
     * @throws ResultsException for a missing folder, a folder without results or shards, folders
     *     that hold different experiments or conflicting rows (naming both folders), an
     *     unreadable results file, or an output folder that already holds results
     * @throws IllegalArgumentException for no folder, or folders without any row
     * @throws java.io.UncheckedIOException when a chart or the summary cannot be written
     */
    public static List<Path> fromFolders(List<Path> folders, Path out, PrintStream log) {
        if (folders.isEmpty()) {
            throw new IllegalArgumentException("no results folder given");
        }
        List<Path> dirs = ResultsMerger.expand(folders);
        Path from = dirs.get(0);
        Path target = out != null ? out : from;
        if (dirs.size() > 1) {
            target = out != null ? out : folders.get(0).resolve("merged");
            ResultsMerger.merge(dirs, target, Set.of());
            log.println("merged " + dirs.size() + " folders into " + target);
            from = target;
        }
        List<Path> written = draw(List.of(from), target);
        written.forEach(f -> log.println("wrote " + f));
        return written;
    }

    /**
     * Reads {@code cycles.csv} of every folder, merges the rows with {@link ResultsMerger#read}
     * (agreeing repeats of a (task, strategy, trial, cycle) are kept once), and writes
     * {@code learning_curve_<task>.png}, {@code learning_curve_<task>.svg},
     * {@code selection_diagnostics_<task>.png} (when the rows carry diagnostics) and
     * {@code summary.md}, which shows each task's PNG charts (image links to the files beside it),
     * into {@code outDir}. Strategies that a folder's {@code run.json} names as
     * controls are labelled "(control: reads labels)" and drawn dashed.
     *
     * <p>Folders must hold the same experiment: their {@code run.json} configurations may
     * differ only in the session options each {@code run.json} names ({@link RunManifest#sessionOptions()}:
     * {@code out}, {@code shard}, {@code resume}, {@code device}, ...).
     *
     * @return the files written (learning curves, diagnostics charts, then {@code summary.md})
     * @throws ResultsException for a missing folder or {@code cycles.csv}, folders whose
     *     configurations differ (naming both folders and the options), conflicting duplicate rows
     *     (naming both folders and the key), or an unreadable results file
     * @throws IllegalArgumentException for folders without any row
     * @throws java.io.UncheckedIOException when an output file cannot be written
     */
    public static List<Path> draw(List<Path> resultDirs, Path outDir) {
        List<CycleResult> rows = ResultsMerger.read(resultDirs, Set.of());
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
        written.add(Summary.write(rows, controls, outDir, List.copyOf(written)));
        return written;
    }
}
