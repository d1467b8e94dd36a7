package org.ll4al.tasks.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * The SSD multibox loss of each image separately: smooth-L1 over the positive priors' encoded
 * offsets plus softmax cross-entropy over the positives and the hardest negatives (3 per
 * positive, ranked per image on the detached background loss), divided by that image's number of
 * positives (at least 1). SSD divides the batch sum by the batch's positives instead
 * ({@code -Dnormalize=batch}: the objective weighs this loss by the image's positives); the loss
 * prediction module then ranks this loss, which is SSD's loss of the image alone
 * ({@code -DlossTarget=sample}, the default), or the image's term of the batch's sum, this loss
 * x its positives ({@code -DlossTarget=objective}).
 */
public final class SsdLoss {

    /** Negatives kept per positive. */
    public static final int NEG_POS_RATIO = 3;

    private SsdLoss() {}

    /**
     * The per-image loss.
     *
     * @param loc predicted offsets (B,P,4)
     * @param conf class scores (B,P,C+1)
     * @param locTarget encoded offsets of the matched ground truth (B,P,4)
     * @param confTarget class per prior, 0 = background (B,P), any integer type
     * @return the loss of every image, shape (B)
     */
    public static NDArray perImage(NDArray loc, NDArray conf, NDArray locTarget, NDArray confTarget) {
        long priors = conf.getShape().get(1);
        NDArray target = confTarget.toType(DataType.INT64, false);
        NDArray pos = target.gt(0).toType(DataType.FLOAT32, false);
        NDArray numPos = pos.sum(new int[] {1});
        NDArray diff = loc.sub(locTarget).abs();
        NDArray small = diff.minimum(1f);
        NDArray smoothL1 = small.square().mul(0.5f).add(diff.sub(small)).sum(new int[] {2});
        NDArray locLoss = smoothL1.mul(pos).sum(new int[] {1});
        NDArray ce =
                conf.logSoftmax(2).gather(target.expandDims(2), 2).squeeze(2).neg();
        NDArray negLoss = ce.stopGradient().mul(pos.neg().add(1f));
        NDArray rank = negLoss.argSort(1, false).argSort(1, true).toType(DataType.FLOAT32, false);
        NDArray numNeg =
                numPos.mul(NEG_POS_RATIO).minimum(numPos.neg().add(priors)).expandDims(1);
        NDArray neg = rank.lt(numNeg).toType(DataType.FLOAT32, false);
        NDArray selected = pos.add(neg).minimum(1f);
        NDArray confLoss = ce.mul(selected).sum(new int[] {1});
        return locLoss.add(confLoss).div(numPos.maximum(1f));
    }
}
