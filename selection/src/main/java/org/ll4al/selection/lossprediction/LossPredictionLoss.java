package org.ll4al.selection.lossprediction;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * The loss-prediction loss. {@link Kind#RANKING} is the paper's margin ranking loss: the batch
 * of B is split into the pairs (i, B-1-i), i < B/2 (an odd batch leaves its middle sample
 * unpaired), and each pair costs max(0, -sign(l_i - l_j)(l^_i - l^_j) + margin) with sign = +1
 * if l_i > l_j else -1; the mean is over the B/2 pairs. {@link Kind#ALLPAIRS} applies the same
 * cost to every pair i < j of the batch (B(B-1)/2 pairs, mean over them): more ranking signal
 * per step from the same images, not the paper's. {@link Kind#MSE} is the paper's ablation.
 * True losses are always detached.
 */
public final class LossPredictionLoss {

    /** Which loss-prediction loss. */
    public enum Kind {
        /** The paper's pairwise margin ranking loss. */
        RANKING,
        /** The same margin ranking cost over every pair i < j of the batch (not the paper's pairing). */
        ALLPAIRS,
        /** Mean squared error to the true loss (ablation). */
        MSE
    }

    private final Kind kind;
    private final float margin;

    /** Creates the loss; {@code margin} (xi, 1 in the paper) is used by the ranking kinds only. */
    public LossPredictionLoss(Kind kind, float margin) {
        if (!(margin >= 0f) || Float.isInfinite(margin)) {
            throw new IllegalArgumentException("margin must be a finite number >= 0, got " + margin);
        }
        this.kind = kind;
        this.margin = margin;
    }

    /** The paper's setting: ranking loss with margin 1. */
    public static LossPredictionLoss paper() {
        return new LossPredictionLoss(Kind.RANKING, 1f);
    }

    /** The ranking loss's margin xi: a pair costs until the predicted losses differ by it in the right order. */
    public float margin() {
        return margin;
    }

    /**
     * Computes the loss.
     *
     * @param predicted predicted losses, shape (B) or (B, 1)
     * @param target true per-sample losses, shape (B); detached here
     * @return a scalar
     */
    public NDArray compute(NDArray predicted, NDArray target) {
        NDArray pred = predicted.reshape(-1);
        NDArray truth = target.stopGradient().reshape(-1);
        long b = pred.size();
        if (b != truth.size()) {
            throw new IllegalArgumentException(
                    "predicted (" + b + ") and true (" + truth.size() + ") losses differ in size");
        }
        if (kind == Kind.MSE) {
            return pred.sub(truth).square().mean();
        }
        long half = b / 2;
        if (half == 0) {
            throw new IllegalArgumentException("ranking loss needs a batch of at least 2, got " + b);
        }
        if (kind == Kind.ALLPAIRS) {
            return allPairs(pred, truth, (int) b);
        }
        NDArray predDiff = pred.sub(pred.flip(0)).get("0:" + half);
        NDArray trueDiff = truth.sub(truth.flip(0)).get("0:" + half);
        NDArray sign = trueDiff.gt(0f).toType(pred.getDataType(), false).mul(2f).sub(1f);
        return sign.mul(predDiff).neg().add(margin).maximum(0f).mean();
    }

    /** Mean margin ranking cost over the pairs i < j (sign -1 on a tie, as the paper's pairing). */
    private NDArray allPairs(NDArray pred, NDArray truth, int b) {
        float[] upper = new float[b * b];
        for (int i = 0; i < b; i++) {
            for (int j = i + 1; j < b; j++) {
                upper[i * b + j] = 1f;
            }
        }
        NDArray mask = pred.getManager().create(upper, new Shape(b, b)).toType(pred.getDataType(), false);
        NDArray predDiff = pred.expandDims(1).sub(pred.expandDims(0));
        NDArray trueDiff = truth.expandDims(1).sub(truth.expandDims(0));
        NDArray sign = trueDiff.gt(0f).toType(pred.getDataType(), false).mul(2f).sub(1f);
        NDArray cost = sign.mul(predDiff).neg().add(margin).maximum(0f).mul(mask);
        return cost.sum().div((float) b * (b - 1) / 2f);
    }
}
