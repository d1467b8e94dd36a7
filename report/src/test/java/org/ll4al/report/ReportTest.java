package org.ll4al.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.results.ResultsException;
import org.ll4al.results.ResultsMerger;
import org.ll4al.results.ResultsReader;

class ReportTest {

    @TempDir
    Path tmp;

    @Test
    void writesChartsAndSummary() throws Exception {
        Path dir = Fixture.folder(tmp.resolve("run"), Fixture.all());
        Path out = tmp.resolve("out");
        List<Path> files = Report.draw(List.of(dir), out);
        assertEquals(
                List.of(
                        out.resolve("learning_curve_cls.png"),
                        out.resolve("learning_curve_cls.svg"),
                        out.resolve("learning_curve_det.png"),
                        out.resolve("learning_curve_det.svg"),
                        out.resolve("summary.md")),
                files);
        Path png = out.resolve("learning_curve_cls.png");
        assertTrue(Files.size(png) > 5 * 1024, "png size " + Files.size(png));
        byte[] magic = Arrays.copyOf(Files.readAllBytes(png), 4);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, magic);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(900, img.getWidth());
        assertEquals(600, img.getHeight());
        String svg = Files.readString(out.resolve("learning_curve_cls.svg"));
        assertTrue(svg.contains("<svg"), "not an SVG");
        assertTrue(Files.size(out.resolve("learning_curve_cls.svg")) > 5 * 1024);
        assertTrue(Files.readString(out.resolve("summary.md")).contains("| lloss | 2 | 0.0700 |"));
        assertEquals("true", System.getProperty("java.awt.headless"));
    }

    @Test
    void chartHasOneSeriesPerStrategyWithMeanAndStd() throws Exception {
        Path dir = Fixture.folder(tmp.resolve("run"), Fixture.all());
        TaskData cls = TaskData.byTask(ResultsReader.cycles(dir)).get("cls");
        var chart = LearningCurves.chart(cls);
        assertEquals(
                List.of("random (2 trials)", "entropy (1 trial)", "lloss (3 trials)"),
                List.copyOf(chart.getSeriesMap().keySet()));
        var lloss = chart.getSeriesMap().get("lloss (3 trials)");
        assertArrayEquals(new double[] {100, 200, 300}, lloss.getXData());
        // labeled 100: 0.50, 0.52, 0.51 -> mean 0.51, std 0.01; 200: only ok rows 0.66, 0.68
        assertArrayEquals(new double[] {0.51, 0.67, 0.78}, lloss.getYData(), 1e-12);
        assertArrayEquals(new double[] {0.01, Math.sqrt(0.0002), Math.sqrt(0.0008)}, lloss.getExtraValues(), 1e-12);
        assertTrue(chart.getTitle().contains("cls") && chart.getTitle().contains("top1_accuracy"));
    }

    @Test
    void mergingTwoFoldersEqualsOneFolderWithAllRows() throws Exception {
        // a: random, lloss trial 0; b: lloss (trial 0 again: identical outcome, other times),
        // entropy, det
        List<String> lloss0Again = Fixture.LLOSS.subList(0, 3).stream()
                .map(r -> r.replace(",1.0,0.1,ok", ",9.5,0.7,ok"))
                .toList();
        Path a = Fixture.folder(tmp.resolve("a"), Fixture.concat(Fixture.RANDOM, Fixture.LLOSS.subList(0, 3)));
        Path b = Fixture.folder(
                tmp.resolve("b"),
                Fixture.concat(lloss0Again, Fixture.LLOSS.subList(3, 8), Fixture.ENTROPY, Fixture.DET));
        Path all = Fixture.folder(tmp.resolve("all"), Fixture.all());
        Fixture.runJson(a, "{\"cycles\": \"2\", \"out\": \"a\", \"shard\": \"0/2\"}");
        Fixture.runJson(b, "{\"cycles\": \"2\", \"out\": \"b\", \"shard\": \"1/2\"}");
        List<Path> merged = Report.draw(List.of(a, b), tmp.resolve("m"));
        List<Path> single = Report.draw(List.of(all), tmp.resolve("s"));
        assertEquals(
                single.stream().map(Path::getFileName).toList(),
                merged.stream().map(Path::getFileName).toList());
        assertEquals(Files.readString(tmp.resolve("s/summary.md")), Files.readString(tmp.resolve("m/summary.md")));
        assertEquals(
                ResultsMerger.read(List.of(all), Set.of()).size(),
                ResultsMerger.read(List.of(a, b), Set.of()).size());
    }

    @Test
    void duplicateWithDifferentValueNamesBothFoldersAndTheKey() throws Exception {
        Path a = Fixture.folder(tmp.resolve("a"), Fixture.RANDOM);
        Path b = Fixture.folder(tmp.resolve("b"), List.of("cls,random,0,10,1,200,top1_accuracy,0.61,,1.0,0.1,ok"));
        ResultsException e = assertThrows(ResultsException.class, () -> Report.draw(List.of(a, b), tmp.resolve("out")));
        String m = e.getMessage();
        assertTrue(m.contains(a.toString()) && m.contains(b.toString()), m);
        assertTrue(m.contains("task=cls, strategy=random, trial=0, cycle=1"), m);
        assertTrue(m.contains("top1_accuracy=0.6 ") && m.contains("top1_accuracy=0.61 "), m);
        assertFalse(Files.exists(tmp.resolve("out")), "nothing written on refusal");
    }

    @Test
    void refusesFoldersWithDifferentConfigurations() throws Exception {
        Path a = Fixture.folder(tmp.resolve("a"), Fixture.RANDOM);
        Path b = Fixture.folder(tmp.resolve("b"), Fixture.LLOSS);
        Fixture.runJson(a, "{\"cycles\": \"10\", \"out\": \"/x/a\", \"devices\": \"0\"}");
        Fixture.runJson(b, "{\"cycles\": \"5\", \"out\": \"/x/b\", \"devices\": \"1\"}");
        ResultsException e = assertThrows(ResultsException.class, () -> Report.draw(List.of(a, b), tmp.resolve("out")));
        String m = e.getMessage();
        assertTrue(m.contains(a.toString()) && m.contains(b.toString()), m);
        assertTrue(m.contains("cycles: 10 -> 5"), m);
        assertFalse(m.contains("out:") || m.contains("devices"), m);
        assertFalse(Files.exists(tmp.resolve("out")), "nothing written on refusal");
    }

    @Test
    void missingFolderOrRowsAreErrors() throws Exception {
        ResultsException missing = assertThrows(
                ResultsException.class, () -> Report.draw(List.of(tmp.resolve("nope")), tmp.resolve("out")));
        assertTrue(missing.getMessage().contains(tmp.resolve("nope") + " does not exist"), missing.getMessage());
        Path empty = Fixture.folder(tmp.resolve("empty"), List.of());
        Files.writeString(empty.resolve("cycles.csv"), Fixture.HEADER + "\n");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Report.draw(List.of(empty), tmp.resolve("out")));
        assertTrue(e.getMessage().contains("no rows"), e.getMessage());
    }

    @Test
    void tasksWhoseFileNamesCollideGetDistinctFiles() throws Exception {
        Path dir = Fixture.folder(
                tmp.resolve("run"),
                List.of(
                        "a b,random,0,1,0,10,acc,0.5,,1,1,ok",
                        "a_b,random,0,1,0,10,acc,0.6,,1,1,ok",
                        "a_b,random,0,1,1,20,acc,,,1,1,ok"));
        List<Path> files = Report.draw(List.of(dir), tmp.resolve("out"));
        assertEquals(
                List.of(
                        "learning_curve_a_b.png",
                        "learning_curve_a_b.svg",
                        "learning_curve_a_b_2.png",
                        "learning_curve_a_b_2.svg",
                        "summary.md"),
                files.stream().map(p -> p.getFileName().toString()).toList());
        String md = Files.readString(tmp.resolve("out/summary.md"));
        // the ok row without a value is listed, not used: a_b's final cycle stays 0
        assertTrue(md.contains("| a_b | random | 0 | 1 | 20 | ok, but no metric value |"), md);
        assertTrue(md.contains("| random | 1 | 0.6000 ± n/a | 0.6000 ± n/a | — |"), md);
    }
}
