package org.ll4al.harness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.options.OptionException;

/**
 * The side-by-side benchmark's rounds end to end against a stub interpreter that prints fixed
 * reference results (no torch needed; the DJL side runs at tiny sizes). No timing is asserted.
 */
class BenchRoundsTest {

    @TempDir
    Path tmp;

    /** A stand-in interpreter: "has" every module, prints fixed results and logs its arguments. */
    private Path stubPython(Path log) throws Exception {
        Path stub = tmp.resolve("python-stub");
        Files.writeString(
                stub,
                "#!/bin/sh\n"
                        + "if [ \"$1\" = \"-c\" ]; then echo 9.9; exit 0; fi\n"
                        + "echo \"$@\" >> '" + log + "'\n"
                        + "case \"$1\" in\n"
                        + "  *coreset.py) echo 'a warning line'; echo '{\"bench\": \"coreset\", \"numpy\": \"9.9\","
                        + " \"blas\": \"stub\", \"seconds\": [0.5]}' ;;\n"
                        + "  *) echo '{\"bench\": \"resnet_cifar\", \"torch\": \"9.9\", \"threads\": 999, \"train_img_s\": [100.0],"
                        + " \"infer_img_s\": [200.0]}' ;;\n"
                        + "esac\n");
        assertTrue(stub.toFile().setExecutable(true));
        return stub;
    }

    @Test
    void classificationRoundsAlternateWithTheReferenceWithTheSameSettings() throws Exception {
        Path log = tmp.resolve("args.log");
        Properties p = smokeClassification();
        p.setProperty("benchRounds", "2");
        p.setProperty("benchCompare", "pytorch");
        p.setProperty("benchPython", stubPython(log).toString());
        String text = bench("classification", p);
        assertTrue(text.contains("data: no -Ddata, a generated CIFAR-format set of 16 images"), text);
        assertTrue(text.contains("torch 9.9") && text.contains("width 0.125, batch 8 / 16, 16 images"), text);
        assertTrue(text.contains("warning: the reference ran with 999 threads, DJL with "), text);
        assertTrue(text.matches("(?s).*training img/s .*100\\.0 \\[100\\.0-100\\.0\\].*"), text);
        assertTrue(text.matches("(?s).*inference img/s .*200\\.0 \\[200\\.0-200\\.0\\].*"), text);
        assertTrue(
                text.matches("(?s).*DJL scoring pass [0-9.]+ s \\(median\\), of which batch preparation [0-9.]+ s"
                        + " \\([0-9.]+%.*native allocator: (the system's malloc|LD_PRELOAD=\\S+),"
                        + " (no THP_MEM_ALLOC_ENABLE|THP_MEM_ALLOC_ENABLE=\\S+) \\(the reference inherits them.*"),
                text);
        List<String> calls = Files.readAllLines(log);
        assertEquals(2, calls.size(), "one reference run per round");
        String args = calls.get(0);
        for (String a : new String[] {
            "resnet_cifar.py",
            "--width 0.125",
            "--batch 8",
            "--infer-batch 16",
            "--images 16",
            "--rounds 1",
            "--threads " + BenchSetup.engineThreads(),
            "--optimizer sgd",
            "--momentum 0.9",
            "--weight-decay 5.0E-4",
            "--lambda 1.0",
            "--margin 1.0",
            "--module-width 128",
            "--loss ranking",
            "--grad-mode inference",
            "--phases all"
        }) {
            assertTrue(args.contains(a), a + " in " + args);
        }
        assertFalse(args.contains("--fold-bn"), args);
        assertTrue(
                text.matches("(?s).*this JVM's own CPU while the reference ran: [0-9.]+ s over [0-9.]+ s of reference"
                        + " runs \\([0-9.]+% of one core.*"),
                text);
        assertTrue(text.contains("2 rounds timing training and inference"), text);
        assertTrue(
                text.matches(
                        "(?s).*round 1/2 \\(DJL first\\): training DJL [0-9.]+ / PyTorch 100\\.0 img/s = [0-9.]+;"
                                + " inference DJL [0-9.]+ / PyTorch 200\\.0 img/s = [0-9.]+\n.*round 2/2 \\(reference first\\): .*"),
                text);
        assertTrue(
                text.contains("scoring: DJL folded batch norm with grad mode off, reference eager modules under"
                        + " torch.inference_mode"),
                text);
        p.setProperty("benchRounds", "1");
        p.setProperty("benchReferenceFold", "true");
        text = bench("classification", p);
        assertTrue(text.contains("reference folded batch norm (--fold-bn)"), text);
        assertTrue(Files.readAllLines(log).get(2).contains("--fold-bn"), "-DbenchReferenceFold passes --fold-bn");
        p.setProperty("benchReferenceGradMode", "no_grad");
        text = bench("classification", p);
        assertTrue(text.contains("reference folded batch norm (--fold-bn) under torch.no_grad"), text);
        assertTrue(
                Files.readAllLines(log).get(3).contains("--grad-mode no_grad"), "-DbenchReferenceGradMode passes on");
        p.setProperty("benchPhases", "inference");
        text = bench("classification", p);
        assertTrue(Files.readAllLines(log).get(4).contains("--phases inference"), "-DbenchPhases passes on");
        assertTrue(text.contains("1 round timing inference"), text);
        assertTrue(
                text.matches(
                        "(?s).*round 1/1 \\(DJL first\\): inference DJL [0-9.]+ / PyTorch 200\\.0 img/s = [0-9.]+\n.*"),
                text);
        assertFalse(text.contains("training img/s"), "inference-only rounds print no training row:\n" + text);
        assertTrue(text.matches("(?s).*inference img/s .*200\\.0 \\[200\\.0-200\\.0\\].*"), text);
        p.setProperty("benchPhases", "training");
        text = bench("classification", p);
        assertTrue(text.matches("(?s).*training img/s .*100\\.0 \\[100\\.0-100\\.0\\].*"), text);
        assertFalse(text.contains("inference img/s"), text);
        assertFalse(text.contains("DJL scoring pass"), text);
        p.setProperty("benchPhases", "scoring");
        OptionException e = assertThrows(OptionException.class, () -> bench("classification", p));
        assertTrue(e.getMessage().contains("benchPhases") && e.getMessage().contains("inference"), e.getMessage());
    }

    @Test
    void coresetRoundsAlternateWithTheNumpyReference() throws Exception {
        Path log = tmp.resolve("args.log");
        Properties p = smallCoreset(new Properties());
        p.setProperty("benchRounds", "3");
        p.setProperty("benchCompare", "numpy");
        p.setProperty("benchPython", stubPython(log).toString());
        String text = bench("coreset", p);
        assertTrue(text.contains("64 unlabeled x 64 labeled x 8-d, pick 5"), text);
        assertTrue(text.contains("numpy BLAS: stub"), text);
        assertTrue(
                text.matches("(?s).*round 3/3 \\(DJL first\\): core-set DJL [0-9.]+ s / numpy 0\\.500 s = [0-9.]+\n.*"),
                text);
        assertTrue(text.matches("(?s).*core-set seconds .*0\\.500 \\[0\\.500-0\\.500\\].*"), text);
        assertEquals(3, Files.readAllLines(log).size());
        assertTrue(Files.readAllLines(log).get(0).contains("--n 64 --labeled 64 --dim 8 --pick 5 --rounds 1"));
        assertTrue(text.contains("this JVM's own CPU while the reference ran: "), text);
    }

    @Test
    void thePlainTaskBenchmarkScoresRightAfterTrainingAndAgain() throws Exception {
        String text = bench("classification", smokeClassification());
        assertTrue(text.matches("(?s).*training  \\(batch 8\\): [0-9.]+ img/s over 16 images.*"), text);
        assertTrue(
                text.matches("(?s).*inference \\(batch 16\\): [0-9.]+ img/s over 16 images \\(the pass right after"
                        + " training, as a cycle scores\\).*inference again: [0-9.]+ img/s \\(a second pass; first / second ="
                        + " [0-9.]+\\).*"),
                text);
        assertTrue(
                text.matches("(?s).*during each pass: training JIT .* ms, GC [0-9]+ ms .*; inference JIT .*; inference"
                        + " again JIT .*; native allocator: .*THP_MEM_ALLOC_ENABLE.*"),
                text);
    }

    @Test
    void oneCommandComparesClassificationAndCoreSet() throws Exception {
        Path log = tmp.resolve("args.log");
        Properties p = smallCoreset(smokeClassification());
        p.setProperty("benchRounds", "1");
        p.setProperty("benchCompare", "pytorch");
        p.setProperty("benchPython", stubPython(log).toString());
        String text = bench("classification,coreset", p);
        assertEquals(1, text.split("machine: ", -1).length - 1, "one machine line:\n" + text);
        int cls = text.indexOf("-Dbench=classification");
        int core = text.indexOf("-Dbench=coreset");
        assertTrue(cls >= 0 && core > cls, text);
        assertTrue(text.substring(cls, core).contains("inference img/s"), text);
        assertTrue(text.substring(core).matches("(?s).*core-set seconds .*0\\.500 \\[0\\.500-0\\.500\\].*"), text);
        List<String> calls = Files.readAllLines(log);
        assertEquals(2, calls.size(), String.join("\n", calls));
        assertTrue(calls.get(0).contains("resnet_cifar.py") && calls.get(1).contains("coreset.py"), calls.toString());
    }

    @Test
    void withoutAnInterpreterTheDjlSideStillPrints() throws Exception {
        Properties p = new Properties();
        p.setProperty("benchN", "32");
        p.setProperty("benchDim", "4");
        p.setProperty("benchPick", "3");
        p.setProperty("benchRounds", "1");
        p.setProperty("benchCompare", "pytorch");
        p.setProperty("benchPython", tmp.resolve("absent").toString());
        String text = bench("coreset", p);
        assertTrue(text.contains("core-set seconds"), text);
        assertTrue(text.contains("numpy skipped: numpy reference needs python3 with numpy"), text);
    }

    /** A classification benchmark at smoke size: batch 8, 16 images. */
    static Properties smokeClassification() {
        Properties p = new Properties();
        p.setProperty("preset", "smoke");
        p.setProperty("batch", "8");
        p.setProperty("benchImages", "16");
        return p;
    }

    /** Core-set benchmark sizes of 64 points x 8-d, 5 picks, set on {@code p}. */
    static Properties smallCoreset(Properties p) {
        p.setProperty("benchN", "64");
        p.setProperty("benchDim", "8");
        p.setProperty("benchPick", "5");
        return p;
    }

    /** What {@code Benchmark.run(what, p)} prints. */
    static String bench(String what, Properties p) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(b, true, StandardCharsets.UTF_8)) {
            Benchmark.run(what, p, out);
        }
        return b.toString(StandardCharsets.UTF_8);
    }
}
