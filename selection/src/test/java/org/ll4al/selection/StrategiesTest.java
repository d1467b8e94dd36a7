package org.ll4al.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StrategiesTest {

    // dataset ids deliberately unlike positions 0..4
    private static final int[] IDS = {710, 20, 35, 4002, 58};

    private static PoolView pool(Signal s, float... v) {
        return PoolView.builder().setIds(IDS).optScores(s, v).build();
    }

    @Test
    void entropyPicksHighestWithTiesToSmallerId() {
        Selection s = Strategies.byName("entropy")
                .select(pool(Signal.ENTROPY, 0.1f, 0.9f, 0.5f, 0.9f, 0.2f), 3, new Random(0));
        assertArrayEquals(new int[] {20, 4002, 35}, s.ids());
        assertArrayEquals(new double[] {0.9f, 0.9f, 0.5f}, s.scores(), 1e-7);
    }

    @Test
    void marginPicksSmallestGap() {
        Selection s = Strategies.byName("margin")
                .select(pool(Signal.MARGIN, 0.1f, 0.9f, 0.05f, 0.7f, 0.3f), 2, new Random(0));
        assertArrayEquals(new int[] {35, 710}, s.ids());
    }

    @Test
    void leastConfidencePicksLowestTopPosterior() {
        Selection s = Strategies.byName("least-confidence")
                .select(pool(Signal.LEAST_CONFIDENCE, 0.1f, 0.6f, 0.05f, 0.7f, 0.3f), 2, new Random(0));
        assertArrayEquals(new int[] {4002, 20}, s.ids());
    }

    @Test
    void learningLossPicksHighestPredictedLoss() {
        Selection s = Strategies.byName("lloss")
                .select(pool(Signal.PREDICTED_LOSS, -1f, 2.5f, 0.3f, 1.7f, 3f), 2, new Random(0));
        assertArrayEquals(new int[] {58, 20}, s.ids());
    }

    @Test
    void trueLossPicksHighestTrueLossAndIsTheOnlyControl() {
        Selection s = Strategies.byName("true-loss")
                .select(pool(Signal.TRUE_LOSS, 0.2f, 0.1f, 4f, 0.3f, 4f), 3, new Random(0));
        assertArrayEquals(new int[] {35, 58, 4002}, s.ids());
        for (String n : Strategies.names()) {
            SelectionStrategy st = Strategies.byName(n);
            assertEquals(n.equals("true-loss"), st.readsLabels(), n);
            assertTrue(!st.description().isBlank(), n);
        }
        assertTrue(Strategies.byName("true-loss").description().startsWith("CONTROL, reads labels"));
    }

    @Test
    void randomIsSeededAndReturnsDistinctIdsOfTheSubset() {
        int[] ids = IntStream.range(0, 200).map(i -> 1000 + 3 * i).toArray();
        PoolView p = PoolView.builder().setIds(ids).build();
        SelectionStrategy r = Strategies.byName("random");
        int[] a = r.select(p, 50, new Random(5)).ids();
        int[] b = r.select(p, 50, new Random(5)).ids();
        int[] c = r.select(p, 50, new Random(6)).ids();
        assertArrayEquals(a, b);
        assertNotEquals(Arrays.toString(a), Arrays.toString(c));
        Set<Integer> valid = Arrays.stream(ids).boxed().collect(Collectors.toSet());
        assertEquals(50, Arrays.stream(a).distinct().count());
        assertTrue(Arrays.stream(a).allMatch(valid::contains));
        // independent of the order the subset came in
        int[] reversed =
                IntStream.range(0, ids.length).map(i -> ids[ids.length - 1 - i]).toArray();
        assertArrayEquals(
                a,
                r.select(PoolView.builder().setIds(reversed).build(), 50, new Random(5))
                        .ids());
    }

    @Test
    void unknownNameListsKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Strategies.byName("nope"));
        assertTrue(e.getMessage().contains("nope"));
        for (String n : new String[] {"random", "entropy", "margin", "least-confidence", "coreset", "lloss"}) {
            assertTrue(e.getMessage().contains(n), n);
        }
    }

    @Test
    void missingSignalIsAClearError() {
        PoolView p = pool(Signal.ENTROPY, 1, 2, 3, 4, 5);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Strategies.byName("lloss").select(p, 1, new Random(0)));
        assertTrue(e.getMessage().contains("PREDICTED_LOSS"), e.getMessage());
    }

    @Test
    void budgetOutsideTheSubsetIsRejected() {
        PoolView p = pool(Signal.ENTROPY, 1, 2, 3, 4, 5);
        assertThrows(
                IllegalArgumentException.class,
                () -> Strategies.byName("entropy").select(p, 6, new Random(0)));
        assertThrows(
                IllegalArgumentException.class,
                () -> Strategies.byName("entropy").select(p, 0, new Random(0)));
    }

    @Test
    void subsetIsSeededDistinctAndWithinThePool() {
        int[] pool = IntStream.range(0, 1000).map(i -> 7 * i).toArray();
        int[] a = SubsetSampler.draw(pool, 100, new Random(1));
        assertArrayEquals(a, SubsetSampler.draw(pool, 100, new Random(1)));
        assertEquals(100, Arrays.stream(a).distinct().count());
        Set<Integer> valid = Arrays.stream(pool).boxed().collect(Collectors.toSet());
        assertTrue(Arrays.stream(a).allMatch(valid::contains));
        int[] small = {9, 3, 5};
        assertArrayEquals(new int[] {3, 5, 9}, SubsetSampler.draw(small, 10, new Random(1)), "whole pool when smaller");
    }
}
