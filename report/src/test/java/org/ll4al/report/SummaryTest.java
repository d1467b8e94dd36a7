package org.ll4al.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.results.CycleResult;
import org.ll4al.results.ResultsReader;

/**
 * Hand computation for task cls (labeled 100, 200, 300; final cycle 2):
 *
 * <pre>
 * random  t0: 0.50 0.60 0.70   AULC (100*(0.50+0.60)/2 + 100*(0.60+0.70)/2)/200 = 120/200 = 0.600
 *         t1: 0.52 0.64 0.72   AULC (58 + 68)/200 = 0.630
 *   final mean 0.71, std sqrt((0.01^2 + 0.01^2)/1) = 0.014142
 *   AULC  mean 0.615, std sqrt(2 * 0.015^2) = 0.021213
 * lloss   t0: 0.50 0.66 0.76   AULC (58 + 71)/200 = 0.645   loss-rank acc at final 0.70
 *         t1: 0.52 0.68 0.80   AULC (60 + 74)/200 = 0.670   loss-rank acc at final 0.80
 *         t2: 0.51, then failed at cycle 1 (incomplete: not in final or AULC)
 *   final mean 0.78, std sqrt(2 * 0.02^2) = 0.028284; AULC mean 0.6575, std sqrt(2*0.0125^2)
 *   = 0.017678; loss-rank accuracy mean 0.75
 *   paired vs random, final: diffs 0.06, 0.08 -> mean 0.07, sd 0.014142, t = 0.07/(sd/sqrt 2)
 *   = 7; AULC: diffs 0.045, 0.040 -> mean 0.0425, sd 0.0035355, t = 0.0425/0.0025 = 17
 * entropy t0: 0.50 0.62 0.74   AULC (56 + 68)/200 = 0.620; one trial: std n/a, 1 pair: n/a
 * </pre>
 */
class SummaryTest {

    /** A det row of {@code trial} at cycle {@code c}: 100 labels a cycle, mAP 0.1, ranking 0.55; the rest to add. */
    private static CycleResult.Builder det(String strategy, int trial, int c) {
        return CycleResult.builder()
                .task("det")
                .strategy(strategy)
                .trial(trial)
                .seed(1L)
                .cycle(c)
                .labeled(100 * (c + 1))
                .metric("mAP", 0.1)
                .lossRankAccuracy(0.55)
                .seconds(1, 1);
    }

    @TempDir
    Path tmp;

    private String summary() throws Exception {
        Path dir = Fixture.folder(tmp.resolve("run"), Fixture.all());
        return Summary.render(ResultsReader.cycles(dir));
    }

    @Test
    void tableHoldsHandComputedMeansStdAndAulc() throws Exception {
        String md = summary();
        assertTrue(md.contains("| random | 2 | 0.7100 ± 0.0141 | 0.6150 ± 0.0212 | — |"), md);
        assertTrue(md.contains("| lloss | 2 (+1 incomplete) | 0.7800 ± 0.0283 | 0.6575 ± 0.0177 | 0.7500 |"), md);
        assertTrue(md.contains("| entropy | 1 | 0.7400 ± n/a | 0.6200 ± n/a | — |"), md);
        assertTrue(md.contains("final cycle 2 (labeled 300)"), md);
    }

    @Test
    void pairedComparisonAgainstRandom() throws Exception {
        String md = summary();
        // 2 pairs: Student t with 1 degree of freedom, p = 1 - (2 / pi) atan(t)
        // 95% CI: 0.07 ± t(0.975, 1) * 0.014142 / sqrt(2), scipy.stats.t.ppf(0.975, 1) = 12.706205
        assertTrue(
                md.contains("| lloss | 2 | 0.0700 | [-0.0571, 0.1971] | 7.0000 | 0.0903 | 0.0425 | 17.0000 | 0.0374 |"),
                md);
        assertTrue(md.contains("| entropy | 1 | n/a | n/a | n/a | n/a | n/a | n/a | n/a |"), md);
        // task det has only random
        assertTrue(md.contains("No other strategy in this task: n/a."), md);
    }

    @Test
    void pairedDifferencePerCycle() throws Exception {
        String md = summary();
        // reference: scipy.stats.ttest_rel([0.66, 0.68], [0.60, 0.64]).pvalue = 0.125666 (cycle 1) and
        // ttest_rel([0.76, 0.80], [0.70, 0.72]).pvalue = 0.090334 (cycle 2, the final comparison's)
        assertTrue(md.contains("| strategy | 200 labeled | 300 labeled |\n|---|---:|---:|\n"), md);
        assertTrue(md.contains("| lloss | 0.0500 (p 0.1257) | 0.0700 (p 0.0903) |"), md);
        assertTrue(md.contains("| entropy | n/a | n/a |"), md);
        // task det: one cycle after the first, already the final comparison: no per-cycle table
        assertEquals(1, md.split("By cycle:", -1).length - 1, md);
    }

    @Test
    void strategiesListedRandomFirst() throws Exception {
        String md = summary();
        int random = md.indexOf("| random | 2 |");
        int entropy = md.indexOf("| entropy | 1 |");
        int lloss = md.indexOf("| lloss | 2 (+1");
        assertTrue(random < entropy && entropy < lloss, md);
    }

    @Test
    void failedRowsListed() throws Exception {
        String md = summary();
        String failures = md.substring(md.indexOf("## Failed cycles"));
        assertTrue(
                failures.contains("| cls | lloss | 2 | 1 | 200 | failed: out of memory, retry with smaller batch |"),
                failures);
        assertEquals(1, failures.lines().filter(l -> l.startsWith("| cls")).count());
    }

    @Test
    void secondTaskHasOwnTable() throws Exception {
        String md = summary();
        String det = md.substring(md.indexOf("## det"), md.indexOf("## Failed cycles"));
        // AULC (500*(0.30+0.40)/2)/500 = 0.35
        assertTrue(det.contains("Metric: `mAP`; final cycle 1 (labeled 1000)."), det);
        assertTrue(det.contains("| random | 1 | 0.4000 ± n/a | 0.3500 ± n/a | — |"), det);
    }

    @Test
    void committeeLossAgreementIsGivenAsTheRankingsReference() throws Exception {
        List<CycleResult> rows = new ArrayList<>();
        for (int trial = 0; trial < 2; trial++) {
            for (int c = 0; c < 2; c++) {
                // final-cycle agreements 0.60 and 0.64 -> mean 0.62; cycle 0's 0.9 is not final
                rows.add(det("committee", trial, c)
                        .labeledLossRankAccuracy(0.7)
                        .committeeLossAgreement(c == 1 ? 0.60 + 0.04 * trial : 0.9)
                        .build());
                rows.add(det("random", trial, c).build());
            }
        }
        String md = Summary.render(rows);
        assertTrue(md.contains("Reference for the loss-rank accuracy (committee): the committee's other members"), md);
        assertTrue(md.contains("by their own losses at 0.6200 at the final cycle (mean over members and 2 trials"), md);
        assertEquals(1, md.split("Reference for the loss-rank accuracy", -1).length - 1, "only the committee has one");
        assertTrue(!summary().contains("Reference for the loss-rank accuracy"), "absent where none was recorded");
    }

    @Test
    void theEntropysRankingIsGivenPerStrategyWhereRecorded() throws Exception {
        List<CycleResult> rows = new ArrayList<>();
        for (int trial = 0; trial < 2; trial++) {
            for (int c = 0; c < 2; c++) {
                // lloss final: 0.70 and 0.74 -> 0.72; cycle 0's 0.1 is not final; random recorded none
                rows.add(det("lloss", trial, c)
                        .labeledLossRankAccuracy(0.7)
                        .entropyLossRankAccuracy(c == 1 ? 0.70 + 0.04 * trial : 0.1)
                        .build());
                rows.add(det("random", trial, c).build());
            }
        }
        String md = Summary.render(rows);
        assertTrue(
                md.contains("own predictive entropy (the `entropy` strategy's score; ties count half) ranks its"
                        + " evaluation losses at lloss 0.7200 (mean over trials; `entropy_loss_rank_accuracy`)."),
                md);
        assertTrue(!summary().contains("Label-free reference"), "absent where none was recorded");
    }

    @Test
    void noFailuresSaysNone() throws Exception {
        Path dir = Fixture.folder(tmp.resolve("ok"), Fixture.RANDOM);
        String md = Summary.render(ResultsReader.cycles(dir));
        assertTrue(md.contains("## Failed cycles\n\nNone.\n"), md);
        assertTrue(md.contains("No other strategy"), md);
        assertEquals(List.of(), PairedComparison.diffs(new TreeMap<>(), new TreeMap<>()));
    }
}
