package org.ll4al.tasks.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * ISAL's influence on a tiny softmax regression against float64 numpy (scripts/fixtures/
 * isal_reference.py): gradients and Hessian-vector products to 1e-3 relative; LiSSA run on the
 * reference's own sequence of training samples lands on the reference's LiSSA result to 1e-3;
 * that result is within the fixture's stated error (2.6% relative L2) of the exact H^-1 influence,
 * and the picked ids equal the exact ones.
 */
class InfluenceTest {

    /** logits = W x, cross-entropy; W is the one parameter. */
    private static final class Softmax implements PerSampleObjective {
        private final NDArray w;
        private final float[][] x;
        private final int[] y;
        private final int k;

        Softmax(NDManager m, float[][] w, float[][] x, int[] y) {
            this.k = w.length;
            float[] flat = new float[w.length * w[0].length];
            for (int i = 0; i < w.length; i++) {
                System.arraycopy(w[i], 0, flat, i * w[0].length, w[0].length);
            }
            this.w = m.create(flat, new Shape(w.length, w[0].length));
            this.w.setRequiresGradient(true);
            this.x = x;
            this.y = y;
        }

        private NDArray logits(NDManager scope, int[] ids) {
            float[] flat = new float[ids.length * x[0].length];
            for (int i = 0; i < ids.length; i++) {
                System.arraycopy(x[ids[i]], 0, flat, i * x[0].length, x[0].length);
            }
            return scope.create(flat, new Shape(ids.length, x[0].length)).matMul(w.transpose());
        }

        @Override
        public List<NDArray> parameters() {
            return List.of(w);
        }

        @Override
        public List<NDArray> gradientHolders() {
            return List.of(w);
        }

        @Override
        public NDArray loss(NDManager scope, int[] ids) {
            int[] labels = Arrays.stream(ids).map(i -> y[i]).toArray();
            NDArray oneHot = scope.create(labels).oneHot(k);
            return logits(scope, ids)
                    .logSoftmax(1)
                    .mul(oneHot)
                    .sum(new int[] {1})
                    .neg();
        }

        @Override
        public NDArray posteriors(NDManager scope, int[] ids) {
            return logits(scope, ids).softmax(1);
        }

        @Override
        public NDArray pseudoLoss(NDManager scope, int[] ids, NDArray weights) {
            return logits(scope, ids)
                    .logSoftmax(1)
                    .mul(weights)
                    .sum(new int[] {1})
                    .neg();
        }
    }

    /** Replays the reference's sequence of training-sample positions. */
    private static final class Sequence extends Random {
        private final int[] positions;
        private int next;

        Sequence(int[] positions) {
            this.positions = positions;
        }

        @Override
        public int nextInt(int bound) {
            return positions[next++];
        }
    }

    private static JsonObject fixture() throws Exception {
        try (Reader r = new InputStreamReader(
                InfluenceTest.class.getResourceAsStream("/fixtures/isal.json"), StandardCharsets.UTF_8)) {
            return new Gson().fromJson(r, JsonObject.class);
        }
    }

    private static double relativeError(float[] got, double[] want) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < want.length; i++) {
            num += (got[i] - want[i]) * (got[i] - want[i]);
            den += want[i] * want[i];
        }
        return Math.sqrt(num / den);
    }

    @Test
    void exactPartsAndLissaMatchTheClosedForm() throws Exception {
        JsonObject fx = fixture();
        Gson g = new Gson();
        try (NDManager m = NDManager.newBaseManager()) {
            Softmax f = new Softmax(
                    m,
                    g.fromJson(fx.get("W"), float[][].class),
                    g.fromJson(fx.get("X"), float[][].class),
                    g.fromJson(fx.get("y"), int[].class));
            int[] reference = g.fromJson(fx.get("reference"), int[].class);
            int[] training = g.fromJson(fx.get("training"), int[].class);
            int[] candidates = g.fromJson(fx.get("candidates"), int[].class);
            IsalSettings s = new IsalSettings(
                    fx.get("damping").getAsDouble(),
                    fx.get("scale").getAsDouble(),
                    fx.get("depth").getAsInt(),
                    fx.get("chains").getAsInt(),
                    fx.get("topK").getAsInt(),
                    1e-3,
                    false,
                    reference.length,
                    false);
            Influence inf = new Influence(f, f, s, 16);

            NDList v = inf.gradient(m, reference);
            assertTrue(
                    relativeError(v.get(0).toFloatArray(), g.fromJson(fx.get("v"), double[].class)) < 1e-4,
                    "sum of reference gradients");
            double[] u = g.fromJson(fx.get("u"), double[].class);
            float[] uf = new float[u.length];
            for (int i = 0; i < u.length; i++) {
                uf[i] = (float) u[i];
            }
            NDList hu = inf.hessianVector(m, new int[] {12}, new NDList(m.create(uf, f.w.getShape())));
            assertTrue(
                    relativeError(hu.get(0).toFloatArray(), g.fromJson(fx.get("hessian_u_sample12"), double[].class))
                            < 1e-3,
                    "Hessian-vector product by central differences");
            float[] w0 = f.w.toFloatArray();

            int[] sequence = g.fromJson(fx.get("sequence"), int[].class);
            Sequence draws = new Sequence(sequence);
            float[] scores = inf.scores(reference, training, candidates, draws);
            assertEquals(sequence.length, draws.next, "one training sample per LiSSA step");
            assertArrayEquals(w0, f.w.toFloatArray(), 0f, "parameters restored exactly after the finite differences");
            double same = relativeError(scores, g.fromJson(fx.get("lissa_influence"), double[].class));
            assertTrue(same < 1e-3, "the reference's LiSSA on the same samples: " + same);
            double stated = fx.get("lissa_error").getAsDouble();
            double err = relativeError(scores, g.fromJson(fx.get("influence"), double[].class));
            assertTrue(
                    err < stated + 1e-3,
                    "LiSSA within its stated error (" + stated + ") of the exact influence: " + err);
            int budget = fx.get("budget").getAsInt();
            Integer[] order = new Integer[candidates.length];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, (a, b) -> Float.compare(scores[a], scores[b]));
            int[] picked = new int[budget];
            for (int i = 0; i < budget; i++) {
                picked[i] = candidates[order[i]];
            }
            assertArrayEquals(g.fromJson(fx.get("picked"), int[].class), picked, "lowest influence, by id");
            assertEquals(true, inf.cost().lissa() > 0);
        }
    }

    @Test
    void topKKeepsTheLargestPosteriors() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray p = m.create(new float[] {0.2f, 0.5f, 0.3f, 0.6f, 0.1f, 0.3f}, new Shape(2, 3));
            assertArrayEquals(
                    new float[] {0, 0.5f, 0.3f, 0.6f, 0, 0.3f},
                    Influence.topK(p, 2).toFloatArray());
            assertArrayEquals(
                    new float[] {0, 0.5f, 0, 0.6f, 0, 0}, Influence.topK(p, 1).toFloatArray());
        }
    }
}
