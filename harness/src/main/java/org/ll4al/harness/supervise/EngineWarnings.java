package org.ll4al.harness.supervise;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copies a child JVM's standard error line by line, printing each distinct libtorch (c10) log
 * line once and counting its repeats, which it reports when the stream ends. libtorch logs some
 * warnings on every call rather than once: on a CPU that NNPACK does not recognise, every
 * convolution that oneDNN does not take (ISAL's batch-1 LiSSA steps: 80 per Hessian-vector
 * product) logs {@code Could not initialize NNPACK! Reason: Unsupported hardware.}, 80,000 lines
 * per ISAL scoring pass at the default settings. Every other line passes through unchanged, bytes
 * included.
 */
public final class EngineWarnings implements Runnable {

    /** A c10 log line: {@code [W1204 12:02:34.155272776 NNPACK.cpp:57] message}; group 1 = severity, 2 = place, 3 = message. */
    static final Pattern C10_LINE = Pattern.compile("^\\[([WEI])\\d{4} [0-9:.]+ ([^\\]]+)\\] (.*)$");

    private final InputStream in;
    private final PrintStream out;
    private final Map<String, Long> repeats = new LinkedHashMap<>();

    /**
     * @param in the child's standard error
     * @param out where its lines go (this JVM's standard error)
     */
    EngineWarnings(InputStream in, PrintStream out) {
        this.in = in;
        this.out = out;
    }

    /** Starts copying on a thread of its own; join it after the child has ended to get every line and the summary. */
    static Thread start(InputStream in, PrintStream out) {
        Thread t = new Thread(new EngineWarnings(in, out), "ll4al-engine-stderr");
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public void run() {
        // ISO-8859-1 maps every byte to one char and back: lines pass through byte for byte
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1))) {
            for (String line; (line = r.readLine()) != null; ) {
                accept(line);
            }
        } catch (IOException e) {
            out.println("ll4al: lost the child's standard error: " + e.getMessage());
        } finally {
            summarize();
        }
    }

    /** Prints {@code line} unless it repeats a c10 log line already printed (then counts it). */
    void accept(String line) {
        Matcher m = C10_LINE.matcher(line);
        if (m.matches()) {
            String key = m.group(1) + " " + m.group(2) + "] " + m.group(3);
            Long seen = repeats.get(key);
            if (seen != null) {
                if (seen == 0) {
                    write("ll4al: the engine repeats the line above (" + m.group(2)
                            + "); further repeats are counted and reported when the process ends");
                }
                repeats.put(key, seen + 1);
                return;
            }
            repeats.put(key, 0L);
        }
        write(line);
    }

    /** One line per repeated c10 log line: where it comes from, how often it repeated, and the message. */
    void summarize() {
        repeats.forEach((key, n) -> {
            if (n > 0) {
                int place = key.indexOf("] ");
                write("ll4al: engine log line from " + key.substring(2, place) + " repeated " + n
                        + " more times (not printed): " + key.substring(place + 2));
            }
        });
        out.flush();
    }

    private void write(String line) {
        byte[] b = (line + System.lineSeparator()).getBytes(StandardCharsets.ISO_8859_1);
        out.write(b, 0, b.length);
    }
}
