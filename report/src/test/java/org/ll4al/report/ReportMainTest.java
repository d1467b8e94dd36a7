package org.ll4al.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportMainTest {

    @TempDir Path tmp;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Properties p, String... args) {
        return ReportMain.run(args, p,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void writesIntoFirstFolderByDefaultAndPrintsFiles() throws Exception {
        Path a = Fixture.folder(tmp.resolve("a"), Fixture.RANDOM);
        Path b = Fixture.folder(tmp.resolve("b"), Fixture.LLOSS);
        Properties p = new Properties();
        p.setProperty("report", a + "," + b);
        assertEquals(0, run(p));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(3, printed.lines().count(), printed);
        assertTrue(printed.contains(a.resolve("summary.md").toString()), printed);
        assertTrue(Files.exists(a.resolve("learning_curve_cls.png")));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void argumentsAndOutOption() throws Exception {
        Path a = Fixture.folder(tmp.resolve("a"), Fixture.RANDOM);
        Properties p = new Properties();
        p.setProperty("out", tmp.resolve("o").toString());
        assertEquals(0, run(p, a.toString()));
        assertTrue(Files.exists(tmp.resolve("o/summary.md")));
    }

    @Test
    void badInputPrintsOneErrorLineAndStatus2() throws Exception {
        Path a = Fixture.folder(tmp.resolve("a"), Fixture.RANDOM);
        Path b = Fixture.folder(tmp.resolve("b"), Fixture.LLOSS);
        Fixture.runJson(a, "{\"lr\": \"0.1\"}");
        Fixture.runJson(b, "{\"lr\": \"0.01\"}");
        Properties p = new Properties();
        p.setProperty("report", a + "," + b);
        assertEquals(2, run(p));
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.startsWith("error: ") && e.contains("lr: 0.1 -> 0.01"), e);

        err.reset();
        assertEquals(2, run(new Properties()));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error: no results folder"));

        err.reset();
        assertEquals(2, run(new Properties(), tmp.resolve("missing").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("does not exist"));
    }
}
