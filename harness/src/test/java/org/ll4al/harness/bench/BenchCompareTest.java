package org.ll4al.harness.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.harness.options.BenchOptions;
import org.ll4al.harness.options.OptionSpec;
import org.ll4al.options.OptionException;

/**
 * The side-by-side benchmark's arithmetic, parsing and output on fixed inputs; its rounds end to
 * end are {@link BenchRoundsTest}.
 */
class BenchCompareTest {

    @TempDir
    Path tmp;

    private static final String RESNET_LINE = "{\"bench\": \"resnet_cifar\", \"torch\": \"1.13.0a0\", \"threads\": 2,"
            + " \"mkldnn\": true, \"grad_mode\": \"inference\", \"width\": 1.0, \"train_img_s\": [25.5, 24.0],"
            + " \"infer_img_s\": [80.25, 70.0], \"note\": \"a \\\"quoted\\\" \\u00e9\", \"none\": null}";

    @Test
    void medianAndSpreadOfOddAndEvenCounts() {
        BenchCompare.Spread odd = BenchCompare.Spread.of(new double[] {3, 1, 2, 10, 4});
        assertEquals(3, odd.median());
        assertEquals(1, odd.min());
        assertEquals(10, odd.max());
        assertEquals(2.5, BenchCompare.Spread.of(new double[] {4, 1, 3, 2}).median());
        assertEquals(7, BenchCompare.Spread.of(new double[] {7}).median());
        assertEquals("3.0 [1.0-10.0]", odd.format("%.1f"));
        assertThrows(IllegalArgumentException.class, () -> BenchCompare.Spread.of(new double[0]));
    }

    @Test
    void speedRatioAboveOneMeansDjlFasterForThroughputAndForSeconds() {
        var imgs = new BenchCompare.Measure("training img/s", new double[] {50, 30}, new double[] {25, 40}, true);
        assertArrayEquals(new double[] {2.0, 0.75}, BenchCompare.speedRatios(imgs), 1e-12);
        var secs =
                new BenchCompare.Measure("core-set seconds", new double[] {1.0, 4.0}, new double[] {3.0, 2.0}, false);
        assertArrayEquals(new double[] {3.0, 0.5}, BenchCompare.speedRatios(secs), 1e-12);
        assertEquals(
                0,
                BenchCompare.speedRatios(new BenchCompare.Measure("x", new double[] {1}, new double[0], true)).length);
    }

    @Test
    void roundsAlternateWhichSideRunsFirst() {
        assertFalse(BenchCompare.referenceFirst(0));
        assertTrue(BenchCompare.referenceFirst(1));
        assertFalse(BenchCompare.referenceFirst(2));
    }

    @Test
    void parsesTheReferenceJsonLine() {
        Map<String, Object> json = BenchReference.parseJson(RESNET_LINE);
        assertEquals("1.13.0a0", json.get("torch"));
        assertEquals(2.0, json.get("threads"));
        assertEquals(Boolean.TRUE, json.get("mkldnn"));
        assertEquals("a \"quoted\" \u00e9", json.get("note"));
        assertTrue(json.containsKey("none"));
        assertNull(json.get("none"));
        assertArrayEquals(new double[] {25.5, 24.0}, BenchReference.numbers(json, "train_img_s"));
        assertArrayEquals(new double[] {2.0}, BenchReference.numbers(json, "threads"));
        assertThrows(IllegalStateException.class, () -> BenchReference.numbers(json, "torch"));
        assertThrows(IllegalStateException.class, () -> BenchReference.numbers(json, "missing"));
        Map<String, Object> nested = BenchReference.parseJson(" {\"a\": {\"b\": [1, -2.5e-3, []]}, \"c\": [] } ");
        assertEquals(Map.of("b", List.of(1.0, -0.0025, List.of())), nested.get("a"));
        for (String bad : new String[] {
            "", "[1]", "{\"a\": }", "{\"a\": 1", "{\"a\": 1} x", "{\"a\": \"x}", "{a: 1}", "{\"a\": \"\\uZZZZ\"}"
        }) {
            assertThrows(IllegalStateException.class, () -> BenchReference.parseJson(bad), bad);
        }
    }

    @Test
    void takesTheLastJsonLineOfTheOutput() {
        String out = "UserWarning: something\n{\"old\": 1}\r\n  " + RESNET_LINE + "\nbye\n";
        assertEquals(RESNET_LINE, BenchReference.lastJsonLine(out));
        assertNull(BenchReference.lastJsonLine("Traceback (most recent call last):\nImportError\n"));
    }

    @Test
    void printsEachSideAndTheRatioInOneTable() {
        String text = print(
                List.of(
                        new BenchCompare.Measure(
                                "training img/s", new double[] {40, 44, 42}, new double[] {20, 22, 21}, true),
                        new BenchCompare.Measure(
                                "inference img/s", new double[] {100, 90, 95}, new double[] {50, 60, 95}, true)),
                null);
        String[] lines = text.split("\\R");
        assertTrue(
                lines[0].contains("DJL median [min-max]")
                        && lines[0].contains("PyTorch median [min-max]")
                        && lines[0].contains("speed DJL/PyTorch"),
                text);
        assertTrue(
                lines[1].startsWith("training img/s")
                        && lines[1].contains("42.0 [40.0-44.0]")
                        && lines[1].contains("21.0 [20.0-22.0]")
                        && lines[1].contains("2.00 [2.00-2.00]"),
                text);
        assertTrue(
                lines[2].contains("95.0 [90.0-100.0]")
                        && lines[2].contains("60.0 [50.0-95.0]")
                        && lines[2].contains("1.50 [1.00-2.00]"),
                text);
        assertEquals(lines[1].indexOf("42.0"), lines[2].indexOf("95.0"), "aligned columns:\n" + text);
        assertTrue(text.contains("> 1: DJL faster"), text);
        // training ratios 2, 2, 2: no spread, p 0; inference 2, 1.5, 1: log ratios' t = 1.822 on 2
        // degrees of freedom, where the two-sided p is 1 - t / sqrt(2 + t^2) = 0.210
        assertTrue(lines[1].endsWith("2.000, p 0.000"), text);
        double t = (Math.log(2) + Math.log(1.5))
                / 3
                / (Math.sqrt(sampleVariance(Math.log(2), Math.log(1.5), 0)) / Math.sqrt(3));
        assertEquals(1 - t / Math.sqrt(2 + t * t), 0.210, 0.001);
        assertTrue(
                lines[2].endsWith(
                        String.format(Locale.ROOT, "%.3f, p %.3f", Math.cbrt(3), 1 - t / Math.sqrt(2 + t * t))),
                text);
    }

    @Test
    void geometricMeanOfOneRoundHasNoP() {
        double[] g = BenchCompare.geometricMeanAndP(new double[] {1.25});
        assertEquals(1.25, g[0], 1e-12);
        assertTrue(Double.isNaN(g[1]));
    }

    private static double sampleVariance(double... v) {
        double m = Arrays.stream(v).average().orElseThrow();
        return Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1);
    }

    @Test
    void printsTheDjlSideAloneWhenTheReferenceIsSkipped() {
        String text = print(
                List.of(new BenchCompare.Measure(
                        "core-set seconds", new double[] {0.9, 1.1, 1.0}, new double[0], false)),
                "skipped: no python");
        assertTrue(text.contains("1.000 [0.900-1.100]"), text);
        assertTrue(text.contains("PyTorch skipped: no python"), text);
    }

    private static String print(List<BenchCompare.Measure> measures, String skipped) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(b, true, StandardCharsets.UTF_8)) {
            BenchCompare.print(out, "PyTorch", measures, skipped);
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    @Test
    void missingInterpreterOrModuleGivesTheSkipMessage() throws Exception {
        Properties p = new Properties();
        p.setProperty("benchPython", tmp.resolve("no-such-python").toString());
        BenchReference ref = BenchReference.find(p, "torch", "resnet_cifar.py");
        assertFalse(ref.available());
        assertTrue(
                ref.skipped()
                        .startsWith("skipped: PyTorch reference needs python3 with torch (apt-get install"
                                + " python3-torch)"),
                ref.skipped());
        p.setProperty("benchScripts", tmp.toString());
        assertTrue(BenchReference.find(p, "numpy", "coreset.py").skipped().contains("scripts/bench/coreset.py is not"));
        assertNull(BenchReference.moduleVersion(tmp.resolve("no-such-python").toString(), "torch"));
        assertTrue(BenchReference.DEFAULT_PYTHONS.get(0).equals("/usr/bin/python3"));
    }

    @Test
    void findsTheScriptsAboveTheWorkingFolder() {
        assertTrue(Files.isRegularFile(BenchReference.script(new Properties(), "resnet_cifar.py")));
        assertTrue(Files.isRegularFile(BenchReference.script(new Properties(), "coreset.py")));
    }

    @Test
    void benchOptionsAreCheckedBeforeAnyWork() {
        Properties p = new Properties();
        p.setProperty("benchCompare", "pytorch");
        OptionException e = assertThrows(OptionException.class, () -> Benchmark.run("detection", p, System.out));
        assertTrue(e.getMessage().contains("benchCompare"), e.getMessage());
        p.setProperty("benchCompare", "numpy");
        assertThrows(OptionException.class, () -> Benchmark.run("classification", p, System.out));
        p.setProperty("benchCompare", "tensorflow");
        assertThrows(OptionException.class, () -> Benchmark.run("classification", p, System.out));
        assertThrows(OptionException.class, () -> Benchmark.run("nonsense", new Properties(), System.out));
        OptionException listed = assertThrows(
                OptionException.class, () -> Benchmark.run("coreset,nonsense", new Properties(), System.out));
        assertTrue(
                listed.getMessage().contains("nonsense") && listed.getMessage().contains("separated by commas"),
                listed.getMessage());
        Properties rounds = new Properties();
        rounds.setProperty("benchRounds", "0");
        assertThrows(OptionException.class, () -> OptionSpec.value(rounds, BenchOptions.ROUNDS));
        assertEquals(5, OptionSpec.value(new Properties(), BenchOptions.ROUNDS));
        Properties phases = new Properties();
        phases.setProperty("benchPhases", "inference");
        e = assertThrows(OptionException.class, () -> Benchmark.run("classification", phases, System.out));
        assertTrue(
                e.getMessage().contains("benchPhases") && e.getMessage().contains("-DbenchCompare=pytorch"),
                e.getMessage());
    }
}
