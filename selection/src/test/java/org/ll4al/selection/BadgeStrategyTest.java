package org.ll4al.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** BADGE's picks, by dataset id, against the numpy reference (scripts/fixtures/strategies_reference.py). */
class BadgeStrategyTest {

    /** Returns the reference's uniform draws in order. */
    private static final class Draws extends Random {
        private final double[] u;
        private int next;

        Draws(double[] u) {
            this.u = u;
        }

        @Override
        public double nextDouble() {
            return u[next++];
        }
    }

    @Test
    void picksTheReferenceIdsFromTheSameDraws() throws Exception {
        JsonObject f;
        try (Reader r =
                new InputStreamReader(getClass().getResourceAsStream("/fixtures/badge.json"), StandardCharsets.UTF_8)) {
            f = new Gson().fromJson(r, JsonObject.class);
        }
        Gson g = new Gson();
        int[] ids = g.fromJson(f.get("ids"), int[].class);
        float[][] x = g.fromJson(f.get("x"), float[][].class);
        double[] u = g.fromJson(f.get("u"), double[].class);
        int budget = f.get("budget").getAsInt();
        int[] expected = g.fromJson(f.get("picked"), int[].class);
        PoolView pool = PoolView.builder()
                .setIds(ids)
                .optVectors(Signal.GRADIENT_EMBEDDING, x)
                .build();
        Draws draws = new Draws(u);
        Selection s = Strategies.byName("badge").select(pool, budget, draws);
        assertArrayEquals(expected, s.ids());
        assertEquals(budget - 1, draws.next, "one draw per pick after the first");
    }

    @Test
    void theFirstPickIsTheLargestNormAndDuplicatesOfPicksAreNeverDrawn() {
        int[] ids = {50, 10, 30, 20};
        float[][] x = {{1, 0}, {0, 3}, {0, 3}, {2, 2}};
        PoolView pool = PoolView.builder()
                .setIds(ids)
                .optVectors(Signal.GRADIENT_EMBEDDING, x)
                .build();
        // norms: 1, 9, 9, 8 -> first pick id 10 (tie with 30, smaller id); 30 duplicates it (distance 0)
        Selection s = Strategies.byName("badge").select(pool, 3, new Draws(new double[] {0.999, 0.999}));
        assertEquals(10, s.ids()[0]);
        assertEquals(Set.of(10, 20, 50), Set.of(s.ids()[0], s.ids()[1], s.ids()[2]));
    }
}
