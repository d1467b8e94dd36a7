package org.ll4al.harness.tools;

import java.io.PrintStream;
import java.util.Locale;
import org.ll4al.harness.run.Progress;
import org.ll4al.tasks.data.DownloadListener;

/**
 * Progress of a download, in {@link Progress}'s style: a redrawn bar with rate and ETA on a
 * terminal (at most five redraws a second), a plain line per tenth otherwise (CI logs); notes
 * are printed as {@code ll4al:} lines.
 */
public final class DownloadProgress implements DownloadListener {

    private final PrintStream out;
    private final boolean terminal;
    private String label;
    private long start;
    private long startBytes;
    private long lastDraw;
    private int lastTenth = -1;
    private boolean open;

    DownloadProgress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void transferred(String file, long done, long total) {
        long now = System.nanoTime();
        if (!file.equals(label)) {
            endLine();
            label = file;
            start = now;
            startBytes = done;
            lastTenth = -1;
            lastDraw = 0;
        }
        boolean finished = total >= 0 && done >= total;
        if (terminal) {
            if (finished || now - lastDraw >= 200_000_000L) {
                out.print("\r" + line(done, total, now) + "   ");
                out.flush();
                open = true;
                lastDraw = now;
            }
            if (finished) {
                endLine();
            }
            return;
        }
        int tenth = total > 0 ? (int) (10 * done / total) : (int) ((now - start) / 30_000_000_000L);
        if (tenth != lastTenth) {
            out.println(line(done, total, now));
            lastTenth = tenth;
        }
    }

    @Override
    public void note(String line) {
        endLine();
        out.println("ll4al: " + line);
    }

    /** Ends a redrawn line before other output. */
    private void endLine() {
        if (open) {
            out.println();
            open = false;
        }
    }

    private String line(long done, long total, long now) {
        double seconds = Math.max(1e-3, (now - start) / 1e9);
        double rate = (done - startBytes) / seconds;
        String size = total >= 0
                ? String.format(Locale.ROOT, "%.1f of %.1f MB", done / 1e6, total / 1e6)
                : String.format(Locale.ROOT, "%.1f MB", done / 1e6);
        String eta = total >= 0 && rate > 0 ? String.format(Locale.ROOT, ", ETA %.0fs", (total - done) / rate) : "";
        String bar = total > 0 ? Progress.bar((int) (1000 * done / total), 1000) + " " : "";
        return String.format(Locale.ROOT, "[%s] %s%s, %.1f MB/s%s", label, bar, size, rate / 1e6, eta);
    }
}
