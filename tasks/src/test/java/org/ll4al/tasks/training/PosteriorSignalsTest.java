package org.ll4al.tasks.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** BALD, committee disagreement and BADGE embeddings against the numpy reference (scripts/fixtures). */
class PosteriorSignalsTest {

    private static JsonObject fixture() throws Exception {
        try (Reader r = new InputStreamReader(
                PosteriorSignalsTest.class.getResourceAsStream("/fixtures/posterior_signals.json"),
                StandardCharsets.UTF_8)) {
            return new Gson().fromJson(r, JsonObject.class);
        }
    }

    private static List<NDArray> stack(NDManager m, float[][][][] a) {
        List<NDArray> out = new ArrayList<>();
        for (float[][][] one : a) {
            out.add(create(m, one));
        }
        return out;
    }

    private static NDArray create(NDManager m, float[][][] a) {
        int d0 = a.length;
        int d1 = a[0].length;
        int d2 = a[0][0].length;
        float[] flat = new float[d0 * d1 * d2];
        for (int i = 0; i < d0; i++) {
            for (int j = 0; j < d1; j++) {
                System.arraycopy(a[i][j], 0, flat, (i * d1 + j) * d2, d2);
            }
        }
        return m.create(flat, new Shape(d0, d1, d2));
    }

    private static float[] f(double[] d) {
        float[] out = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = (float) d[i];
        }
        return out;
    }

    @Test
    void baldAndCommitteeMatchTheReference() throws Exception {
        JsonObject fx = fixture();
        Gson g = new Gson();
        try (NDManager m = NDManager.newBaseManager()) {
            List<NDArray> passes = stack(m, g.fromJson(fx.get("passes"), float[][][][].class));
            assertArrayEquals(
                    f(g.fromJson(fx.get("bald"), double[].class)),
                    PosteriorSignals.mutualInformation(passes).toFloatArray(),
                    2e-5f);
            List<NDArray> members = stack(m, g.fromJson(fx.get("members"), float[][][][].class));
            assertArrayEquals(
                    f(g.fromJson(fx.get("committee"), double[].class)),
                    PosteriorSignals.disagreement(members).toFloatArray(),
                    2e-5f);
        }
    }

    @Test
    void gradientEmbeddingMatchesTheReference() throws Exception {
        JsonObject fx = fixture();
        Gson g = new Gson();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray p = create(m, g.fromJson(fx.get("posteriors"), float[][][].class));
            NDArray h = m.create(g.fromJson(fx.get("features"), float[][].class));
            double[][] expected = g.fromJson(fx.get("gradient_embedding"), double[][].class);
            NDArray got = PosteriorSignals.gradientEmbedding(p, h);
            for (int i = 0; i < expected.length; i++) {
                assertArrayEquals(f(expected[i]), got.get(i).toFloatArray(), 1e-5f);
            }
        }
    }

    @Test
    void identicalPassesHaveNoMutualInformation() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray p = create(m, new float[][][] {{{0.2f, 0.8f}}, {{0.5f, 0.5f}}});
            assertArrayEquals(
                    new float[] {0, 0},
                    PosteriorSignals.mutualInformation(List.of(p, p, p)).toFloatArray(),
                    1e-6f);
        }
    }
}
