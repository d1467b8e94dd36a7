package org.ll4al.report;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.ll4al.results.ResultsException;

/**
 * Command line: {@code -Dreport=dir1[,dir2,...]} (or the folders as arguments, also
 * comma-separated) and optional {@code -Dout=dir} (default: the first folder). Prints the files
 * written; on bad input prints one {@code error: ...} line to stderr and exits with status 2
 * (status 1 when the output cannot be written).
 */
public final class ReportMain {

    /** Exit status for bad input (missing folder, differing configurations, conflicting rows). */
    public static final int BAD_INPUT = 2;

    /** Exit status when the report cannot be written. */
    public static final int WRITE_FAILED = 1;

    private ReportMain() {}

    /** Runs the report and exits with a non-zero status on failure. */
    public static void main(String[] args) {
        int status = run(args, System.getProperties(), System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the report with the given options; returns the exit status (0 on success). */
    static int run(String[] args, Properties props, PrintStream out, PrintStream err) {
        List<Path> dirs = new ArrayList<>();
        try {
            addFolders(dirs, props.getProperty("report"));
            for (String a : args) {
                addFolders(dirs, a);
            }
            if (dirs.isEmpty()) {
                throw new IllegalArgumentException(
                        "no results folder: use -Dreport=dir1[,dir2,...] [-Dout=dir]");
            }
            String o = props.getProperty("out");
            Path outDir = o == null || o.isBlank() ? dirs.get(0) : Path.of(o.trim());
            for (Path p : Report.draw(dirs, outDir)) {
                out.println(p);
            }
            return 0;
        } catch (IllegalArgumentException | ResultsException e) {
            err.println("error: " + oneLine(e.getMessage()));
            return BAD_INPUT;
        } catch (UncheckedIOException e) {
            err.println("error: " + oneLine(e.getMessage()));
            return WRITE_FAILED;
        }
    }

    private static void addFolders(List<Path> dirs, String spec) {
        if (spec == null) {
            return;
        }
        for (String part : spec.split(",")) {
            if (!part.isBlank()) {
                dirs.add(Path.of(part.trim()));
            }
        }
    }

    private static String oneLine(String s) {
        return s == null ? "unknown failure" : s.replaceAll("\\s*\\R\\s*", " ");
    }
}
