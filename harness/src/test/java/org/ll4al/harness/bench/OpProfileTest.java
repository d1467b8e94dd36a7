package org.ll4al.harness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-operator profile: totals of a fixed trace, and a real profiled scoring pass at smoke size. */
class OpProfileTest {

    @TempDir
    Path tmp;

    @Test
    void totalsCompleteEventsByOperatorLongestFirst() throws IOException {
        Path trace = tmp.resolve("t.json");
        Files.writeString(
                trace,
                "{\"traceEvents\": [{\"ph\": \"X\", \"name\": \"aten::conv2d\", \"dur\": 30},"
                        + " {\"ph\": \"X\", \"name\": \"aten::relu\", \"dur\": 5}, {\"ph\": \"X\", \"name\": \"aten::conv2d\","
                        + " \"dur\": 12.5}, {\"ph\": \"i\", \"name\": \"aten::conv2d\", \"dur\": 1000}, {\"ph\": \"X\","
                        + " \"name\": \"aten::add\", \"dur\": 5}]}");
        List<OpProfile.Row> rows = OpProfile.summarize(trace);
        assertEquals(
                List.of(
                        new OpProfile.Row("aten::conv2d", 42.5, 2),
                        new OpProfile.Row("aten::add", 5, 1),
                        new OpProfile.Row("aten::relu", 5, 1)),
                rows,
                "instant events are not counted; ties by name");
        Files.writeString(trace, "{\"other\": 1}");
        IOException e = assertThrows(IOException.class, () -> OpProfile.summarize(trace));
        assertTrue(e.getMessage().contains(trace.toString()) && e.getMessage().contains("traceEvents"), e.getMessage());
    }

    @Test
    void aProfiledSmokeBenchmarkWritesATraceOfItsConvolutions() throws Exception {
        Path trace = tmp.resolve("djl.json");
        Properties p = BenchRoundsTest.smokeClassification();
        p.setProperty("benchProfile", trace.toString());
        String text = BenchRoundsTest.bench("classification", p);
        assertTrue(text.contains("profile of one scoring pass over 16 images"), text);
        List<OpProfile.Row> rows = OpProfile.summarize(trace);
        assertTrue(rows.stream().anyMatch(r -> r.name().equals("aten::conv2d") && r.calls() > 0), rows.toString());
        assertTrue(text.contains("aten::conv2d"), text);
    }
}
