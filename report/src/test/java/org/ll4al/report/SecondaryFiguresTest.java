package org.ll4al.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ll4al.results.CycleResult;

/**
 * The summary's secondary figures. Reference (scipy 1.x): random's final PCKh 0.2 / 0.3 / 0.4
 * (mean 0.3, std 0.1), lloss's 0.25 / 0.33 / 0.46 (mean 0.346667, std 0.105987);
 * scipy.stats.ttest_rel(lloss, random): mean difference 0.046667, p 0.033908.
 */
class SecondaryFiguresTest {

    private static CycleResult row(String strategy, int trial, int cycle, double metric, String details) {
        return CycleResult.builder()
                .task("pose")
                .strategy(strategy)
                .trial(trial)
                .seed(trial)
                .cycle(cycle)
                .labeled(100 * (cycle + 1))
                .metricName("pck@0.2")
                .metricValue(metric)
                .metricDetails(details)
                .build();
    }

    private static List<CycleResult> rows(double[] random, double[] lloss) {
        List<CycleResult> out = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            out.add(row("random", t, 0, 0.1, "pckh@0.5 0.15"));
            out.add(row("lloss", t, 0, 0.1, "pckh@0.5 0.15"));
            out.add(row("random", t, 1, 0.2, random == null ? "" : "pckh@0.5 " + random[t]));
            out.add(row("lloss", t, 1, 0.2, lloss == null ? "" : "pckh@0.5 " + lloss[t]));
        }
        return out;
    }

    @Test
    void finalFiguresWithPairedDifferenceAgainstScipy() {
        String md = Summary.render(rows(new double[] {0.2, 0.3, 0.4}, new double[] {0.25, 0.33, 0.46}));
        assertTrue(md.contains("### Secondary figures at the final cycle"), md);
        assertTrue(md.contains("| strategy | pckh@0.5 | Δ pckh@0.5 |\n|---|---:|---:|\n"), md);
        assertTrue(md.contains("| random | 0.3000 ± 0.1000 | — |"), md);
        assertTrue(md.contains("| lloss | 0.3467 ± 0.1060 | 0.0467 (p 0.0339) |"), md);
    }

    @Test
    void noTableWithoutFiguresAtTheFinalCycle() {
        // cycle 0 records figures, the final cycle does not: nothing to tabulate
        assertFalse(Summary.render(rows(null, null)).contains("Secondary figures"));
    }

    @Test
    void parsesNameValuePairsAndSkipsNonNumbers() {
        assertEquals(Map.of("pckh@0.5", 0.075684), SecondaryFigures.parse("pckh@0.5 0.075684"));
        assertEquals(
                List.of("a", "c"),
                new ArrayList<>(SecondaryFigures.parse(" a 1  b x c 2.5e-1 d").keySet()));
        assertEquals(0.25, SecondaryFigures.parse("a 1 b x c 2.5e-1").get("c"));
        assertTrue(SecondaryFigures.parse("").isEmpty());
    }
}
