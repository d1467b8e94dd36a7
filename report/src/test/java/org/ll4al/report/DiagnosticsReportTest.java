package org.ll4al.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.results.ResultsReader;

/** Selection diagnostics in the report: the second chart, the summary table and the control label. */
class DiagnosticsReportTest {

    @TempDir
    Path tmp;

    private static final String HEADER =
            Fixture.HEADER + ",picked_loss_ratio,subset_loss_rank_accuracy,picked_label_entropy";

    private Path folder(String... rows) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("run"));
        Files.writeString(dir.resolve("cycles.csv"), HEADER + "\n" + String.join("\n", rows) + "\n");
        Files.writeString(
                dir.resolve("run.json"),
                "{\"config\": {\"task\": \"cls\"}, \"environment\": {}, \"controls\": [\"true-loss\"]}\n");
        return dir;
    }

    @Test
    void diagnosticsAreDrawnAndTabulatedAndTheControlIsLabelled() throws Exception {
        Path dir = folder(
                "cls,random,0,1,0,100,acc,0.5,0.6,1,1,ok,1.0,0.55,0.9",
                "cls,random,0,1,1,200,acc,0.6,0.6,1,1,ok,1.2,0.65,0.8",
                "cls,random,0,1,2,300,acc,0.7,0.6,1,1,ok,,,",
                "cls,true-loss,0,1,0,100,acc,0.5,0.6,1,1,ok,2.0,0.55,0.5",
                "cls,true-loss,0,1,1,200,acc,0.55,0.6,1,1,ok,3.0,0.6,0.7",
                "cls,true-loss,0,1,2,300,acc,0.6,0.6,1,1,ok,,,");
        Path out = tmp.resolve("out");
        List<Path> files = Report.draw(List.of(dir), out);
        assertEquals(
                List.of(
                        "learning_curve_cls.png",
                        "learning_curve_cls.svg",
                        "selection_diagnostics_cls.png",
                        "summary.md"),
                files.stream().map(p -> p.getFileName().toString()).toList());
        BufferedImage img =
                ImageIO.read(out.resolve("selection_diagnostics_cls.png").toFile());
        assertEquals(3 * 640, img.getWidth(), "three panels side by side");
        String md = Files.readString(out.resolve("summary.md"));
        assertTrue(md.contains("### Selection diagnostics"), md);
        // random: ratio mean (1.0 + 1.2) / 2 = 1.1, first 1.0, last 1.2
        assertTrue(
                md.contains(
                        "| random | 1.1000 (1.0000 → 1.2000) | 0.6000 (0.5500 → 0.6500) | 0.8500 (0.9000 → 0.8000) |"),
                md);
        assertTrue(md.contains("| true-loss (control: reads labels) | 2.5000 (2.0000 → 3.0000) |"), md);
        TaskData cls =
                TaskData.byTask(ResultsReader.cycles(dir), Set.of("true-loss")).get("cls");
        assertEquals(
                List.of("random (1 trial)", "true-loss (control: reads labels) (1 trial)"),
                List.copyOf(LearningCurves.chart(cls).getSeriesMap().keySet()),
                "the legend names the control");
    }

    @Test
    void rowsWithoutDiagnosticsGetNoDiagnosticsChartOrTable() throws Exception {
        Path dir = Fixture.folder(tmp.resolve("old"), Fixture.all());
        List<Path> files = Report.draw(List.of(dir), tmp.resolve("out"));
        assertFalse(files.stream().anyMatch(p -> p.getFileName().toString().startsWith("selection_diagnostics")));
        String md = Files.readString(tmp.resolve("out/summary.md"));
        assertFalse(md.contains("Selection diagnostics"));
        // only the learning curves exist, so only they are shown, each in its task's section
        assertEquals(List.of("learning_curve_cls.png", "learning_curve_det.png"), imageLinks(md));
        assertExistBeside(tmp.resolve("out"), imageLinks(md));
        assertTrue(md.indexOf("](learning_curve_det.png)") > md.indexOf("## det"), md);
    }

    @Test
    void summaryShowsTheChartsWrittenBesideIt() throws Exception {
        Path dir = folder(
                "cls,random,0,1,0,100,acc,0.5,0.6,1,1,ok,1.0,0.55,0.9",
                "cls,random,0,1,1,200,acc,0.6,0.6,1,1,ok,,,",
                "cls,lloss,0,1,0,100,acc,0.5,0.6,1,1,ok,1.5,0.55,0.8",
                "cls,lloss,0,1,1,200,acc,0.65,0.6,1,1,ok,,,");
        for (Path out : List.of(dir, tmp.resolve("elsewhere"))) { // drawn in place, and into another folder
            Report.fromFolders(List.of(dir), out, new PrintStream(OutputStream.nullOutputStream()));
            String md = Files.readString(out.resolve("summary.md"));
            assertTrue(md.contains("![cls: learning curves](learning_curve_cls.png)\n"), md);
            assertTrue(md.contains("![cls: selection diagnostics](selection_diagnostics_cls.png)\n"), md);
            assertEquals(List.of("learning_curve_cls.png", "selection_diagnostics_cls.png"), imageLinks(md));
            assertExistBeside(out, imageLinks(md));
            assertTrue(
                    md.indexOf("](learning_curve_cls.png)") < md.indexOf("| strategy | trials |"),
                    "the charts open the task's section: " + md);
        }
        assertFalse(
                Summary.render(ResultsReader.cycles(dir)).contains("!["),
                "rendering without charts written links none");
    }

    /** The targets of the Markdown image links, in order. */
    private static List<String> imageLinks(String md) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("!\\[[^\\]]*\\]\\(([^)]+)\\)").matcher(md);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static void assertExistBeside(Path dir, List<String> links) throws Exception {
        for (String l : links) {
            Path f = dir.resolve(l);
            assertTrue(Files.isRegularFile(f) && Files.size(f) > 1000, "linked chart " + f + " exists");
            assertTrue(ImageIO.read(f.toFile()) != null, f + " is an image");
        }
    }
}
