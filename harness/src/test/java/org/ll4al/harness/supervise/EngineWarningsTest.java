package org.ll4al.harness.supervise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineWarningsTest {

    private static final String NNPACK = "Could not initialize NNPACK! Reason: Unsupported hardware.";

    private static List<String> copy(byte[] stderr) throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(sink, true, StandardCharsets.ISO_8859_1)) {
            Thread t = EngineWarnings.start(new ByteArrayInputStream(stderr), out);
            t.join(10_000);
        }
        return sink.toString(StandardCharsets.ISO_8859_1).lines().toList();
    }

    @Test
    void aRepeatedEngineLineIsPrintedOnceAndCountedAtTheEndEverythingElsePassesThrough() throws Exception {
        String in = String.join(
                        "\n",
                        "[W1204 12:02:34.155272776 LegacyTypeDispatch.h:74] Warning: AutoNonVariableTypeMode is deprecated",
                        "[W1204 12:02:34.161091850 NNPACK.cpp:57] " + NNPACK,
                        "[W1204 12:02:34.162169573 NNPACK.cpp:57] " + NNPACK,
                        "cycle 1: plain line",
                        "[W1204 12:02:34.163118583 NNPACK.cpp:57] " + NNPACK,
                        "[W1204 12:02:35.000000001 NNPACK.cpp:57] Could not initialize NNPACK! Reason: Out of memory.",
                        "cycle 1: plain line",
                        "[W1204 12:02:36.163118583 NNPACK.cpp:57] " + NNPACK)
                + "\n";
        List<String> out = copy(in.getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(
                List.of(
                        "[W1204 12:02:34.155272776 LegacyTypeDispatch.h:74] Warning: AutoNonVariableTypeMode is deprecated",
                        "[W1204 12:02:34.161091850 NNPACK.cpp:57] " + NNPACK,
                        "ll4al: the engine repeats the line above (NNPACK.cpp:57); further repeats are counted and reported"
                                + " when the process ends",
                        "cycle 1: plain line",
                        "[W1204 12:02:35.000000001 NNPACK.cpp:57] Could not initialize NNPACK! Reason: Out of memory.",
                        "cycle 1: plain line", // only the engine's own log lines are collapsed
                        "ll4al: engine log line from NNPACK.cpp:57 repeated 3 more times (not printed): " + NNPACK),
                out);
    }

    @Test
    void linesPassThroughByteForByteAndALastLineWithoutNewlineIsKept() throws Exception {
        byte[] in = {'a', (byte) 0xE9, (byte) 0xFF, '\n', 'e', 'n', 'd'};
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(sink, true, StandardCharsets.ISO_8859_1)) {
            EngineWarnings.start(new ByteArrayInputStream(in), out).join(10_000);
        }
        String nl = System.lineSeparator();
        byte[] want = ("a\u00e9\u00ff" + nl + "end" + nl).getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(new String(want, StandardCharsets.ISO_8859_1), sink.toString(StandardCharsets.ISO_8859_1));
    }
}
