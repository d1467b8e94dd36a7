package org.ll4al.report;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.results.ResultsException;
import org.ll4al.results.ResultsReader;

/** {@link Report#fromFolders}, the {@code -Dreport} command. */
class ReportFromFoldersTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private List<Path> report(Path outDir, Path... folders) {
        return Report.fromFolders(List.of(folders), outDir, new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private List<String> printed() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void oneFolderIsDrawnInPlaceOrIntoOut() throws Exception {
        Path a = Fixture.folder(tmp.resolve("a"), Fixture.RANDOM);
        List<Path> files = report(null, a);
        assertEquals(
                List.of(
                        a.resolve("learning_curve_cls.png"),
                        a.resolve("learning_curve_cls.svg"),
                        a.resolve("summary.md")),
                files);
        assertEquals(files.stream().map(f -> "wrote " + f).toList(), printed(), "no merge for one folder");
        assertFalse(Files.exists(a.resolve("merged")));

        out.reset();
        Path o = tmp.resolve("o");
        assertEquals(o.resolve("summary.md"), report(o, a).get(2));
        assertTrue(Files.exists(o.resolve("learning_curve_cls.png")));
        assertFalse(Files.exists(o.resolve("cycles.csv")), "one folder is drawn, not copied");
    }

    @Test
    void severalFoldersAreMergedIntoFirstFolderMergedThenDrawnThere() throws Exception {
        Path a = Fixture.folder(tmp.resolve("a"), Fixture.RANDOM);
        Path b = Fixture.folder(tmp.resolve("b"), Fixture.concat(Fixture.LLOSS, Fixture.RANDOM.subList(0, 2)));
        Fixture.runJson(a, "{\"cycles\": \"2\", \"out\": \"a\"}");
        Fixture.runJson(b, "{\"cycles\": \"2\", \"out\": \"b\"}");
        List<Path> files = report(null, a, b);
        Path merged = a.resolve("merged");
        assertEquals(merged.resolve("summary.md"), files.get(files.size() - 1));
        List<String> lines = printed();
        assertEquals("merged 2 folders into " + merged, lines.get(0));
        assertEquals(files.size() + 1, lines.size(), String.join("\n", lines));
        assertEquals(
                Fixture.RANDOM.size() + Fixture.LLOSS.size(),
                ResultsReader.cycles(merged).size(),
                "the repeated random rows are kept once");
        assertEquals("a", ResultsReader.manifest(merged).config().get("out"));
        // drawing the merged folder equals drawing both folders at once
        Report.draw(List.of(a, b), tmp.resolve("direct"));
        assertEquals(
                Files.readString(tmp.resolve("direct/summary.md")), Files.readString(merged.resolve("summary.md")));

        ResultsException again = assertThrows(ResultsException.class, () -> report(null, a, b));
        assertTrue(again.getMessage().contains(merged + ": already holds results"), again.getMessage());

        out.reset();
        Path o = tmp.resolve("o");
        report(o, a, b);
        assertEquals("merged 2 folders into " + o, printed().get(0));
        assertTrue(Files.exists(o.resolve("cycles.csv")) && Files.exists(o.resolve("summary.md")));
    }

    @Test
    void aFolderOfShardsIsExpandedAndMerged() throws Exception {
        Path base = tmp.resolve("run");
        Fixture.folder(base.resolve("shard-0-of-2"), Fixture.RANDOM);
        Fixture.folder(base.resolve("shard-1-of-2"), Fixture.ENTROPY);
        List<Path> files = report(null, base);
        assertEquals(
                "merged 2 folders into " + base.resolve("merged"), printed().get(0));
        assertTrue(files.contains(base.resolve("merged/learning_curve_cls.png")), files.toString());
        assertEquals(
                Fixture.RANDOM.size() + Fixture.ENTROPY.size(),
                ResultsReader.cycles(base.resolve("merged")).size());
    }

    @Test
    void badInputIsRefusedNamingTheFoldersAndWritesNothing() throws Exception {
        Path a = Fixture.folder(tmp.resolve("a"), Fixture.RANDOM);
        Path b = Fixture.folder(tmp.resolve("b"), List.of("cls,random,0,10,1,200,top1_accuracy,0.61,,1.0,0.1,ok"));
        String m =
                assertThrows(ResultsException.class, () -> report(null, a, b)).getMessage();
        assertTrue(m.contains("cannot merge " + a + " and " + b), m);
        assertTrue(m.contains("task=cls, strategy=random, trial=0, cycle=1"), m);
        assertFalse(Files.exists(a.resolve("merged")), "nothing written on refusal");

        Fixture.folder(b, Fixture.LLOSS);
        Fixture.runJson(a, "{\"lr\": \"0.1\"}");
        Fixture.runJson(b, "{\"lr\": \"0.01\"}");
        m = assertThrows(ResultsException.class, () -> report(null, a, b)).getMessage();
        assertTrue(m.contains(a.toString()) && m.contains(b.toString()) && m.contains("lr: 0.1 -> 0.01"), m);

        m = assertThrows(ResultsException.class, () -> report(null, tmp.resolve("missing")))
                .getMessage();
        assertTrue(m.contains(tmp.resolve("missing") + " does not exist"), m);
        assertThrows(IllegalArgumentException.class, () -> report(null));
        assertEquals(List.of(), printed());
    }
}
