package org.ll4al.tasks.pose;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.List;
import org.ll4al.tasks.TaskBatch;

/**
 * The joints a pose model predicts for an evaluation batch: the peak of each last-stack heatmap
 * ({@link Heatmaps#peak}) mapped back to image pixels through the sample's unaugmented crop.
 */
final class PeakJoints {

    private PeakJoints() {}

    /**
     * Predicted joints {@code [batch element][joint][x, y]} in image pixels.
     *
     * @param samples the evaluation samples the batch ids index
     * @param res the input crop size
     */
    static double[][][] decode(NDList heads, TaskBatch batch, List<PoseSample> samples, int res) {
        NDArray last = heads.get(heads.size() - 1);
        long[] shape = last.getShape().getShape();
        int b = (int) shape[0];
        int j = (int) shape[1];
        int h = (int) shape[2];
        int w = (int) shape[3];
        float[] heat = last.toFloatArray();
        double[][][] out = new double[b][j][];
        for (int n = 0; n < b; n++) {
            CropTransform t = CropTransform.of(samples.get(batch.ids()[n]), res);
            for (int k = 0; k < j; k++) {
                double[] p = Heatmaps.peak(heat, (n * j + k) * h * w, w, h);
                out[n][k] =
                        t.toImage(CropTransform.heatmapToCrop(p[0], res, w), CropTransform.heatmapToCrop(p[1], res, h));
            }
        }
        return out;
    }
}
