package org.ll4al.tasks.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * ISAL's influence (Liu et al., ICCV 2021) of labeling each candidate z on the loss of a
 * reference set R: I(z) = -grad L(R)^T H^-1 G_z, G_z = sum over the top-K pseudo-labels k of
 * p_k grad L(z, k) (p_k fixed). s_test = H^-1 grad L(R) by LiSSA as in the reference code:
 * h &lt;- v + (1 - damping) h - (H_z h) / scale, H_z the Hessian of one training sample drawn at
 * random per step, chains averaged, a non-finite h reset to v, the result not divided by scale.
 *
 * <p>DJL exposes no double backward, so Hessian-vector products and the candidates' products
 * G_z . s are central finite differences along the unit direction (of exact gradients and of
 * batched per-sample losses respectively), with a step of {@code step x |theta|}; tests check
 * them against closed-form Hessians. The parameters are restored exactly after each difference.
 */
final class Influence {

    /** Seconds spent in each part of one computation. */
    record Cost(double referenceGradient, double lissa, double candidates) {}

    private final PerSampleObjective f;
    private final IsalSettings s;
    private final PerSampleObjective reference;
    private final int batch;
    private Cost cost;

    /**
     * Creates the computation.
     *
     * @param f the loss of training samples and candidates (its parameters are the ones differentiated)
     * @param reference the loss of the reference set's samples (same parameters; may be {@code f})
     */
    Influence(PerSampleObjective f, PerSampleObjective reference, IsalSettings s, int batch) {
        this.f = f;
        this.reference = reference;
        this.s = s;
        this.batch = batch;
    }

    /** The cost of the last {@link #scores} call. */
    Cost cost() {
        return cost;
    }

    /**
     * Influence of each candidate (lower = more helpful).
     *
     * @param reference ids of R (labels read)
     * @param training ids the Hessian is sampled from (the labeled set)
     * @param candidates ids scored
     * @param rng draws LiSSA's training samples
     */
    float[] scores(int[] reference, int[] training, int[] candidates, Random rng) {
        try (NDManager work = NDManager.newBaseManager()) {
            long t0 = System.nanoTime();
            NDList v = gradient(this.reference, work, reference);
            long t1 = System.nanoTime();
            NDList sTest = lissa(work, v, training, rng);
            long t2 = System.nanoTime();
            float[] dot = directional(candidates, sTest, work);
            long t3 = System.nanoTime();
            cost = new Cost((t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9);
            float[] out = new float[dot.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = -dot[i];
            }
            return out;
        }
    }

    /** s_test by LiSSA (not divided by scale); every array but the result is freed as it goes. */
    NDList lissa(NDManager work, NDList v, int[] training, Random rng) {
        NDList sum = null;
        for (int c = 0; c < s.chains(); c++) {
            NDList h = copy(work, v);
            for (int j = 0; j < s.depth(); j++) {
                int z = training[rng.nextInt(training.length)];
                try (NDManager scope = work.newSubManager()) {
                    NDList hv = hessianVector(scope, new int[] {z}, h);
                    boolean finite = true;
                    for (int i = 0; i < h.size(); i++) {
                        NDArray hi = h.get(i);
                        hi.muli((float) (1 - s.damping()));
                        hi.addi(v.get(i));
                        hi.subi(hv.get(i).divi((float) s.scale()));
                        finite &= Double.isFinite(sumSquares(hi));
                    }
                    if (!finite) { // the reference code restarts the recursion from v
                        for (int i = 0; i < h.size(); i++) {
                            h.get(i).close();
                            h.set(i, v.get(i).duplicate());
                        }
                    }
                }
            }
            if (sum == null) {
                sum = h;
            } else {
                for (int i = 0; i < h.size(); i++) {
                    sum.get(i).addi(h.get(i));
                    h.get(i).close();
                }
            }
        }
        for (NDArray a : sum) {
            a.divi(s.chains());
        }
        return sum;
    }

    /** Sum over {@code ids} of the gradient of the per-sample loss (labels read), in batches. */
    NDList gradient(NDManager into, int[] ids) {
        return gradient(f, into, ids);
    }

    private NDList gradient(PerSampleObjective f, NDManager into, int[] ids) {
        NDList total = null;
        for (int from = 0; from < ids.length; from += batch) {
            int[] part = Arrays.copyOfRange(ids, from, Math.min(ids.length, from + batch));
            NDList g = gradientOnce(f, into, part);
            if (total == null) {
                total = g;
            } else {
                for (int i = 0; i < g.size(); i++) {
                    total.get(i).addi(g.get(i));
                    g.get(i).close();
                }
            }
        }
        return total;
    }

    private static NDList gradientOnce(PerSampleObjective f, NDManager into, int[] ids) {
        List<NDArray> params = f.parameters();
        zeroGradients(f.gradientHolders());
        try (NDManager scope = into.newSubManager()) {
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(f.loss(scope, ids).sum());
            }
        }
        NDList out = new NDList(params.size());
        for (NDArray p : params) {
            NDArray g = p.getGradient();
            NDArray c = g.duplicate();
            c.attach(into);
            out.add(c);
            g.close();
        }
        zeroGradients(f.gradientHolders());
        return out;
    }

    /** H_ids x by central differences of the gradient along x / |x|. */
    NDList hessianVector(NDManager into, int[] ids, NDList x) {
        double norm = norm(x);
        if (norm == 0) {
            NDList zero = new NDList();
            for (NDArray a : x) {
                NDArray z = a.zerosLike();
                z.attach(into);
                zero.add(z);
            }
            return zero;
        }
        double eps = s.step() * Math.max(parameterNorm(), 1e-6);
        NDList theta = copy(into, new NDList(f.parameters()));
        moveTo(theta, x, eps / norm);
        NDList plus = gradient(into, ids);
        moveTo(theta, x, -eps / norm);
        NDList minus = gradient(into, ids);
        moveTo(theta, x, 0);
        float k = (float) (norm / (2 * eps));
        for (int i = 0; i < x.size(); i++) {
            plus.get(i).subi(minus.get(i)).muli(k);
            minus.get(i).close();
        }
        return plus;
    }

    /**
     * G_z . d for every candidate: the top-K pseudo-labels and their posteriors are fixed at the
     * current parameters, then the pseudo-label loss is differenced along d / |d|.
     */
    float[] directional(int[] candidates, NDList d, NDManager work) {
        double norm = norm(d);
        float[] out = new float[candidates.length];
        if (norm == 0) {
            return out;
        }
        double eps = s.step() * Math.max(parameterNorm(), 1e-6);
        for (int from = 0; from < candidates.length; from += batch) {
            int[] ids = Arrays.copyOfRange(candidates, from, Math.min(candidates.length, from + batch));
            try (NDManager scope = work.newSubManager()) {
                NDArray weights = topK(f.posteriors(scope, ids), s.topK());
                NDList theta = copy(scope, new NDList(f.parameters()));
                moveTo(theta, d, eps / norm);
                float[] plus = f.pseudoLoss(scope, ids, weights).toFloatArray();
                moveTo(theta, d, -eps / norm);
                float[] minus = f.pseudoLoss(scope, ids, weights).toFloatArray();
                moveTo(theta, d, 0);
                for (int i = 0; i < ids.length; i++) {
                    out[from + i] = (float) ((plus[i] - (double) minus[i]) / (2 * eps) * norm);
                }
            }
        }
        return out;
    }

    /** Keeps the K largest posteriors of each row (their values), zero elsewhere. */
    static NDArray topK(NDArray p, int k) {
        int classes = (int) p.getShape().get(1);
        if (k >= classes) {
            return p;
        }
        float[] v = p.toFloatArray();
        float[] w = new float[v.length];
        Integer[] order = new Integer[classes];
        for (int b = 0; b < v.length / classes; b++) {
            int base = b * classes;
            Arrays.setAll(order, i -> i);
            Arrays.sort(
                    order,
                    (x, y) -> v[base + y] != v[base + x]
                            ? Float.compare(v[base + y], v[base + x])
                            : Integer.compare(x, y));
            for (int j = 0; j < k; j++) {
                w[base + order[j]] = v[base + order[j]];
            }
        }
        return p.getManager().create(w, p.getShape());
    }

    /**
     * Sets the parameters in place to {@code theta + amount x direction} (outside any gradient
     * recording); amount 0 restores theta exactly.
     */
    private void moveTo(NDList theta, NDList direction, double amount) {
        List<NDArray> params = f.parameters();
        for (int i = 0; i < params.size(); i++) {
            theta.get(i).copyTo(params.get(i));
            if (amount != 0) {
                try (NDArray step = direction.get(i).mul((float) amount)) {
                    params.get(i).addi(step);
                }
            }
        }
    }

    private double parameterNorm() {
        double sq = 0;
        for (NDArray p : f.parameters()) {
            sq += sumSquares(p);
        }
        return Math.sqrt(sq);
    }

    static double norm(NDList x) {
        double sq = 0;
        for (NDArray a : x) {
            sq += sumSquares(a);
        }
        return Math.sqrt(sq);
    }

    /** Sum of squares, freeing its temporaries (they would otherwise stay with the array's manager). */
    private static double sumSquares(NDArray a) {
        try (NDArray sq = a.square();
                NDArray total = sq.sum()) {
            return total.getFloat();
        }
    }

    private static NDList copy(NDManager into, NDList x) {
        NDList out = new NDList(x.size());
        for (NDArray a : x) {
            NDArray c = a.duplicate();
            c.attach(into);
            out.add(c);
        }
        return out;
    }

    private static void zeroGradients(List<NDArray> params) {
        for (NDArray p : params) {
            if (p.hasGradient()) {
                NDArray g = p.getGradient();
                g.subi(g);
                g.close();
            }
        }
    }
}
