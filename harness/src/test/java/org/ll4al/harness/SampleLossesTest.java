package org.ll4al.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.results.CycleResult;
import org.ll4al.results.ResultsReader;
import org.ll4al.results.SelectionRecord;
import org.ll4al.tasks.training.LossRanking;

/**
 * {@code -DsampleLosses=true} writes every sample's true and predicted loss, from which the
 * rankings recorded in cycles.csv are computed again exactly.
 */
class SampleLossesTest {

    @TempDir
    Path tmp;

    @Test
    void perSampleLossesReproduceTheRecordedRankings() throws Exception {
        RunFixture f = new RunFixture(tmp);
        Path out = tmp.resolve("out");
        Properties p = f.smoke(out);
        p.setProperty("strategies", "random,lloss");
        p.setProperty("sampleLosses", "true");
        assertEquals(0, f.run(p), f.stderr);

        Map<String, List<CSVRecord>> sets = new LinkedHashMap<>();
        try (Reader r = Files.newBufferedReader(out.resolve("sample_losses.csv"))) {
            for (CSVRecord rec : CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(r)) {
                sets.computeIfAbsent(
                                rec.get("strategy") + "/" + rec.get("cycle") + "/" + rec.get("set"),
                                k -> new ArrayList<>())
                        .add(rec);
            }
        }
        List<CycleResult> rows = ResultsReader.cycles(out);
        assertEquals(4, rows.size());
        for (CycleResult row : rows) {
            String at = row.strategy() + "/" + row.cycle() + "/";
            List<CSVRecord> labeled = sets.get(at + "labeled");
            assertEquals(row.labeled(), labeled.size(), at);
            assertEquals(row.labeledLossRankAccuracy(), ranking(labeled), 0.0, at + "labeled");
            // cycle 0 is trained once per trial (by the first strategy), which writes its evaluation
            List<CSVRecord> eval =
                    sets.get((row.cycle() == 0 ? "random" : row.strategy()) + "/" + row.cycle() + "/eval");
            assertEquals(60, eval.size(), at + "eval (the fixture's 60 test images)");
            assertEquals(row.lossRankAccuracy(), ranking(eval), 1e-12, at + "eval");
            List<CSVRecord> subset = sets.get(at + "subset");
            if (row.cycle() == 1) {
                assertEquals(null, subset, "the last cycle scores no subset");
                continue;
            }
            assertEquals(100, subset.size(), at + "subset");
            assertEquals(row.diagnostics().subsetLossRankAccuracy(), ranking(subset), 1e-12, at + "subset");
            Set<String> subsetNames = new HashSet<>();
            subset.forEach(s -> subsetNames.add(s.get("sample")));
            Set<String> labeledNames = new HashSet<>();
            labeled.forEach(s -> labeledNames.add(s.get("sample")));
            for (SelectionRecord pick : ResultsReader.selections(out)) {
                if (pick.strategy().equals(row.strategy()) && pick.cycle() == row.cycle()) {
                    String name = Integer.toString(pick.sampleId());
                    assertTrue(subsetNames.contains(name), "a pick comes from the scored subset: " + name);
                    assertFalse(labeledNames.contains(name), "a pick was not labeled: " + name);
                }
            }
        }
        assertEquals(null, sets.get("lloss/0/eval"), "a loaded shared cycle 0 does not write its evaluation again");
    }

    @Test
    void nothingIsWrittenByDefault() throws Exception {
        RunFixture f = new RunFixture(tmp);
        Path out = tmp.resolve("plain");
        Properties p = f.smoke(out);
        p.setProperty("strategies", "random");
        assertEquals(0, f.run(p), f.stderr);
        assertFalse(Files.exists(out.resolve("sample_losses.csv")));
    }

    private static double ranking(List<CSVRecord> rows) {
        float[] truth = new float[rows.size()];
        float[] predicted = new float[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            truth[i] = Float.parseFloat(rows.get(i).get("true_loss"));
            predicted[i] = Float.parseFloat(rows.get(i).get("predicted_loss"));
        }
        return LossRanking.accuracy(truth, predicted);
    }
}
