package org.ll4al.results;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one place that writes a results folder. Rows are appended and flushed after every
 * cycle, so an interrupted run loses nothing; opening an existing folder repairs what a kill
 * may have left (a half-written last line, selections of a cycle whose row never landed).
 */
public final class ResultsStore {

    private final Path dir;
    private final Path cyclesFile;
    private final Path selectionsFile;

    private ResultsStore(Path dir) {
        this.dir = dir;
        this.cyclesFile = dir.resolve(CsvLayout.CYCLES_FILE);
        this.selectionsFile = dir.resolve(CsvLayout.SELECTIONS_FILE);
    }

    /**
     * Opens (creating if needed) a results folder for appending.
     *
     * @throws ResultsException naming the folder when it cannot be created or written
     */
    public static ResultsStore open(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ResultsException("results folder " + dir + ": cannot create it (" + e + ")", e);
        }
        if (!Files.isWritable(dir)) {
            throw new ResultsException("results folder " + dir + ": not writable");
        }
        if (Files.exists(dir.resolve(CsvLayout.SELECTIONS_FILE + ".gz"))) {
            throw new ResultsException("results folder " + dir + ": holds " + CsvLayout.SELECTIONS_FILE
                    + ".gz, a published run; to run on from it, seed an empty folder with"
                    + " scripts/seed-from-published.sh " + dir + " NEW_FOLDER and give that as -Dout");
        }
        ResultsStore s = new ResultsStore(dir);
        s.repair();
        return s;
    }

    /** The folder this store writes. */
    public Path dir() {
        return dir;
    }

    /** Rows of {@code cycles.csv} written so far (after repair). */
    public List<CycleResult> cycles() {
        return ResultsReader.cycles(dir);
    }

    /** Rows of {@code selections.csv} written so far (after repair). */
    public List<SelectionRecord> selections() {
        return ResultsReader.selections(dir);
    }

    /**
     * Appends the picks made at the end of a cycle and then the cycle's row, each file flushed.
     * The cycle row is written last: a cycle counts as done only once its row has landed.
     */
    public synchronized void appendCycle(CycleResult result, List<SelectionRecord> picks) {
        if (!picks.isEmpty()) {
            append(selectionsFile, CsvLayout.SELECTION_COLUMNS, formatSelections(picks));
        }
        append(cyclesFile, CsvLayout.CYCLE_COLUMNS, formatCycle(result));
    }

    /**
     * Appends per-sample losses to {@code sample_losses.csv} (written with {@code -DsampleLosses};
     * call before the cycle's row: a cycle re-run after a kill may append its samples again, and
     * readers keep the last copy).
     */
    public synchronized void appendSampleLosses(List<SampleLosses> sets) {
        StringBuilder sb = new StringBuilder();
        for (SampleLosses s : sets) {
            for (int i = 0; i < s.names().length; i++) {
                sb.append(print(List.of(
                        s.strategy(),
                        Integer.toString(s.trial()),
                        Integer.toString(s.cycle()),
                        s.set(),
                        s.names()[i],
                        Float.toString(s.trueLoss()[i]),
                        Float.toString(s.predictedLoss()[i]))));
            }
        }
        if (sb.length() > 0) {
            append(dir.resolve(CsvLayout.SAMPLE_LOSSES_FILE), CsvLayout.SAMPLE_LOSS_COLUMNS, sb.toString());
        }
    }

    /** Writes {@code run.json} atomically (temporary file, then rename). */
    public synchronized void writeManifest(RunManifest manifest) {
        rewriteManifest(dir, manifest);
    }

    /**
     * Writes {@code dir/run.json} atomically and touches nothing else: for a folder this class does
     * not open, such as a published run's (its paths made portable before publishing).
     */
    public static void rewriteManifest(Path dir, RunManifest manifest) {
        replace(dir.resolve(CsvLayout.MANIFEST_FILE), ResultsReader.GSON.toJson(manifest) + "\n");
    }

    private void append(Path file, List<String> header, String rows) {
        try (FileChannel ch = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            String text = ch.size() == 0 ? headerLine(header) + rows : rows;
            ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(false);
        } catch (IOException e) {
            throw writeError(file, e);
        }
    }

    private static ResultsException writeError(Path file, IOException e) {
        String why = e instanceof AccessDeniedException ? "permission denied" : e.toString();
        return new ResultsException(file + ": cannot write results (" + why + "); rows written before are intact", e);
    }

    private static String headerLine(List<String> header) {
        return String.join(",", header) + "\n";
    }

    static String formatCycle(CycleResult r) {
        return print(CsvLayout.CYCLE_TABLE.stream().map(c -> c.text().apply(r)).toList());
    }

    static String formatSelections(List<SelectionRecord> picks) {
        StringBuilder sb = new StringBuilder();
        for (SelectionRecord p : picks) {
            sb.append(print(List.of(
                    p.task(),
                    p.strategy(),
                    Integer.toString(p.trial()),
                    Integer.toString(p.cycle()),
                    Integer.toString(p.sampleId()),
                    CsvLayout.num(p.score()))));
        }
        return sb.toString();
    }

    private static String print(List<String> values) {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CsvLayout.FORMAT)) {
            p.printRecord(values);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    /**
     * Drops a half-written last line and selections whose cycle row never landed, and rewrites a
     * {@code cycles.csv} of an older layout in the current one (new columns empty) so that rows
     * appended on resume match the header.
     */
    private void repair() {
        truncateToLastNewline(cyclesFile);
        truncateToLastNewline(selectionsFile);
        truncateToLastNewline(dir.resolve(CsvLayout.SAMPLE_LOSSES_FILE));
        if (!ResultsReader.cyclesHeaderCurrent(dir)) {
            StringBuilder rows = new StringBuilder(headerLine(CsvLayout.CYCLE_COLUMNS));
            cycles().forEach(c -> rows.append(formatCycle(c)));
            replace(cyclesFile, rows.toString());
        }
        if (!Files.exists(selectionsFile)) {
            return;
        }
        Set<String> done = new HashSet<>();
        for (CycleResult c : cycles()) {
            done.add(c.strategy() + "\u0000" + c.trial() + "\u0000" + c.cycle());
        }
        List<SelectionRecord> all = selections();
        List<SelectionRecord> kept = all.stream()
                .filter(s -> done.contains(s.strategy() + "\u0000" + s.trial() + "\u0000" + s.cycle()))
                .collect(Collectors.toList());
        if (kept.size() != all.size()) {
            replace(selectionsFile, headerLine(CsvLayout.SELECTION_COLUMNS) + formatSelections(kept));
        }
    }

    /** Replaces a file's content atomically (temporary file, then rename). */
    private static void replace(Path file, String content) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, content);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw writeError(file, e);
        }
    }

    private static void truncateToLastNewline(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            long pos = size;
            ByteBuffer one = ByteBuffer.allocate(1);
            while (pos > 0) {
                one.clear();
                ch.read(one, pos - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                pos--;
            }
            if (pos != size) {
                ch.truncate(pos);
            }
        } catch (IOException e) {
            throw writeError(file, e);
        }
    }
}
