package org.ll4al.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.results.ResultsReader;
import org.ll4al.tasks.detection.VocWriter;

/**
 * A malformed {@code -Dpretrained} file for detection (fixtures of the tasks module's
 * VggWeightsTest, copied here) ends the run with one error line naming it and exit status 2,
 * before anything is trained.
 */
class BadPretrainedTest {

    @TempDir
    Path tmp;

    /** Copies a fixture of {@code src/test/resources/fixtures/state_dicts} into a temp folder. */
    private Path fixture(String name) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("weights"));
        Path file = dir.resolve(name);
        try (InputStream in = BadPretrainedTest.class.getResourceAsStream("/fixtures/state_dicts/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    private Properties smoke(String out, Path pretrained) {
        Properties p = new Properties();
        p.setProperty("task", "detection");
        p.setProperty("preset", "smoke");
        p.setProperty("data", tmp.resolve("voc").toString());
        p.setProperty("out", tmp.resolve(out).toString());
        p.setProperty("device", "cpu");
        p.setProperty("pretrained", pretrained.toString());
        return p;
    }

    private static void assertNothingTrained(Path out) throws IOException {
        assertTrue(ResultsReader.cycles(out).isEmpty(), "no cycle rows in " + out);
        assertTrue(ResultsReader.selections(out).isEmpty(), "no selections in " + out);
        if (Files.isDirectory(out)) {
            try (Stream<Path> files = Files.walk(out)) {
                assertFalse(files.anyMatch(f -> f.toString().endsWith(".params")), "no checkpoint in " + out);
            }
        }
    }

    private static void assertRefused(RunFixture f, Properties p, Path file, String... mentions) {
        assertEquals(2, f.run(p), f.stdout + f.stderr);
        String err = f.stderr.strip();
        assertEquals(1, err.lines().filter(l -> l.startsWith("error:")).count(), "one error line: " + err);
        assertEquals(1, err.lines().count(), "nothing else on stderr: " + err);
        assertTrue(err.startsWith("error: ") && err.contains(file.toString()), "names " + file + ": " + err);
        for (String m : mentions) {
            assertTrue(err.contains(m), "'" + m + "' in: " + err);
        }
        String[] lines = f.stdout.strip().split("\n");
        assertTrue(lines[lines.length - 1].startsWith("results: "), "no cycle reported after the header: " + f.stdout);
    }

    @Test
    void wrongShapeAndNotTorchFilesStopBeforeTrainingWithOneErrorNamingThem() throws Exception {
        VocWriter.write(tmp.resolve("voc"), 30, 10);
        RunFixture f = new RunFixture(tmp);

        // the fixtures' SSD variant (96 px, width 1/32): all tensors fit but 10.weight (conv3_1)
        Path wrong = fixture("wrong_shape.pth");
        Properties p = smoke("wrong", wrong);
        p.setProperty("imageSize", "96");
        p.setProperty("width", "0.03125");
        assertRefused(f, p, wrong, "10.weight", "conv3_1", "(9, 8, 3, 3)", "expects (8, 8, 3, 3)");
        assertNothingTrained(tmp.resolve("wrong"));

        // the smoke preset's own variant: a text file is none of the formats -Dpretrained reads
        Path text = fixture("not_torch.pth");
        assertRefused(f, smoke("text", text), text, "PyTorch state dict", "safetensors");
        assertNothingTrained(tmp.resolve("text"));

        // the refused runs left run.json behind; a corrected command with the same -Dout is not
        // refused for differing from a configuration that never produced anything
        Properties again = smoke("text", wrong);
        again.setProperty("imageSize", "96");
        again.setProperty("width", "0.03125");
        assertRefused(f, again, wrong, "10.weight");
        assertTrue(f.stdout.contains("it holds no results yet"), f.stdout);
        assertNothingTrained(tmp.resolve("text"));
    }
}
