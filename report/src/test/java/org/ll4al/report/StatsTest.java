package org.ll4al.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void sampleStdUsesNMinusOne() {
        // mean 2, squared deviations 1+0+1 = 2, / (3-1) = 1
        assertEquals(1.0, Stats.sampleStd(List.of(1.0, 2.0, 3.0)), 1e-12);
        assertTrue(Double.isNaN(Stats.sampleStd(List.of(1.0))));
    }

    @Test
    void normalisedAreaIsTrapezoidOverRange() {
        // (100*(0.5+0.6)/2 + 100*(0.6+0.7)/2) / 200 = (55 + 65) / 200 = 0.6
        assertEquals(0.6, Stats.normalisedArea(new double[] {100, 200, 300}, new double[] {0.5, 0.6, 0.7}), 1e-12);
        // uneven spacing: (100*(0+1)/2 + 300*(1+1)/2) / 400 = (50 + 300) / 400 = 0.875
        assertEquals(0.875, Stats.normalisedArea(new double[] {0, 100, 400}, new double[] {0, 1, 1}), 1e-12);
        assertEquals(0.3, Stats.normalisedArea(new double[] {5}, new double[] {0.3}), 0);
    }

    @Test
    void tQuantileMatchesScipy() {
        // scipy.stats.t.ppf(0.975, df)
        double[][] ref = {
            {1, 12.706204736174694},
            {2, 4.302652729749462},
            {4, 2.7764451051977934},
            {9, 2.262157162798205},
            {29, 2.045229642132703}
        };
        for (double[] r : ref) {
            assertEquals(r[1], Stats.tQuantile975(r[0]), 1e-8, "df " + r[0]);
        }
        // diffs 1, 2, 3: mean 2, sd 1, n 3: 2 ± 4.302653 / sqrt(3)
        double[] ci = Stats.pairedInterval95(List.of(1.0, 2.0, 3.0));
        assertEquals(2 - 4.302652729749462 / Math.sqrt(3), ci[0], 1e-8);
        assertEquals(2 + 4.302652729749462 / Math.sqrt(3), ci[1], 1e-8);
        assertEquals(null, Stats.pairedInterval95(List.of(1.0)));
    }

    @Test
    void twoSidedPMatchesClosedFormsAndTables() {
        // df 1 (Cauchy): P(|T| >= t) = 1 - (2 / pi) atan(t); df 2: 1 - t / sqrt(t^2 + 2)
        for (double t : new double[] {0.1, 1, 2.5, 10}) {
            assertEquals(1 - 2 / Math.PI * Math.atan(t), Stats.twoSidedP(t, 1), 1e-10, "df 1, t " + t);
            assertEquals(1 - t / Math.sqrt(t * t + 2), Stats.twoSidedP(t, 2), 1e-10, "df 2, t " + t);
        }
        // Student t tables: two-sided 5% critical values
        assertEquals(0.05, Stats.twoSidedP(2.776445, 4), 1e-6);
        assertEquals(0.05, Stats.twoSidedP(2.228139, 10), 1e-6);
        assertEquals(0.01, Stats.twoSidedP(4.604095, 4), 1e-6);
        assertEquals(1.0, Stats.twoSidedP(0, 3), 1e-12);
    }

    @Test
    void pairedPOfDifferences() {
        // diffs 1, 2, 3: mean 2, sd 1, t = 2 sqrt(3) = 3.4641, df 2: p = 1 - t / sqrt(t^2 + 2)
        double t = 2 * Math.sqrt(3);
        assertEquals(1 - t / Math.sqrt(t * t + 2), Stats.pairedP(List.of(1.0, 2.0, 3.0)), 1e-10);
        assertTrue(Double.isNaN(Stats.pairedP(List.of(1.0))));
        assertEquals(1.0, Stats.pairedP(List.of(0.0, 0.0)), 0);
    }

    @Test
    void pairedT() {
        // diffs 0.06, 0.08: mean 0.07, sd sqrt(0.0002) = 0.014142, se = sd/sqrt(2) = 0.01
        assertEquals(7.0, Stats.pairedT(List.of(0.06, 0.08)), 1e-9);
        assertTrue(Double.isNaN(Stats.pairedT(List.of(0.06))));
        assertEquals("inf", Stats.fmt(Stats.pairedT(List.of(0.1, 0.1))));
        assertEquals("n/a", Stats.fmt(Stats.pairedT(List.of(0.0, 0.0))));
    }

    @Test
    void formatsFourDecimals() {
        assertEquals("0.7100", Stats.fmt(0.71));
        assertEquals("0.7100 ± 0.0141", Stats.meanStd(List.of(0.70, 0.72)));
        assertEquals("n/a", Stats.meanStd(List.of()));
    }
}
