package org.ll4al.tasks.pose;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.ll4al.tasks.TaskBatch;

/**
 * A list of annotated people with their image crops: builds model batches (input crops,
 * Gaussian targets and per-joint weights), augmented or not.
 */
final class PoseSet {

    /** Augmentation ranges: scale factor, rotation (degrees), flip probability. */
    static final double SCALE_MIN = 0.75;

    static final double SCALE_MAX = 1.25;
    static final double ROTATION = 30;

    private final List<PoseSample> samples;
    private final CropCache cache;
    private final int res;
    private final int hm;
    private final double sigma;

    /** People of {@code json} cropped at {@code res} px, with targets of {@code sigma} heatmap cells. */
    PoseSet(Path json, Path images, List<PoseSample> samples, int res, double sigma, long cacheBytes) {
        this.samples = samples;
        this.res = res;
        this.hm = res / 4;
        this.sigma = sigma;
        this.cache = new CropCache(images, json, samples, res, cacheBytes);
    }

    int size() {
        return samples.size();
    }

    List<PoseSample> samples() {
        return samples;
    }

    /** The crop transform of sample {@code i}: random scale, rotation and flip when {@code rng} is given. */
    CropTransform transform(int i, Random rng) {
        PoseSample s = samples.get(i);
        if (rng == null) {
            return CropTransform.of(s, res);
        }
        double sf = SCALE_MIN + (SCALE_MAX - SCALE_MIN) * rng.nextDouble();
        double rot = (2 * rng.nextDouble() - 1) * ROTATION;
        boolean flip = rng.nextBoolean();
        return new CropTransform(s.centerX(), s.centerY(), s.scale() * sf, rot, flip, res);
    }

    /**
     * A batch: inputs (B, 3, res, res) in [0, 1]; labels = targets (B, 16, res/4, res/4) and
     * weights (B, 16): 1 for an annotated joint inside the crop, visible or occluded (occluded
     * joints get the same Gaussian as visible ones, as in princeton-vl/pytorch_stacked_hourglass,
     * whose heatmap generator ignores the visibility flag and skips only joints at (0, 0));
     * 0 for a joint that is not annotated or falls outside the crop.
     */
    TaskBatch batch(NDManager manager, int[] ids, Random rng) {
        int b = ids.length;
        int j = MpiiJoints.COUNT;
        int imgSize = 3 * res * res;
        int hmSize = j * hm * hm;
        float[] images = new float[b * imgSize];
        float[] targets = new float[b * hmSize];
        float[] weights = new float[b * j];
        for (int n = 0; n < b; n++) {
            PoseSample s = samples.get(ids[n]);
            CropTransform t = transform(ids[n], rng);
            cache.crop(ids[n], t, images, n * imgSize);
            float[] w = s.annotated().clone();
            double[][] crop = t.jointsToCrop(s.joints(), w);
            for (double[] p : crop) {
                p[0] = CropTransform.cropToHeatmap(p[0], res, hm);
                p[1] = CropTransform.cropToHeatmap(p[1], res, hm);
            }
            Heatmaps.render(crop, w, hm, sigma, targets, n * hmSize);
            System.arraycopy(w, 0, weights, n * j, j);
        }
        NDList inputs = new NDList(manager.create(images, new Shape(b, 3, res, res)));
        NDList labels =
                new NDList(manager.create(targets, new Shape(b, j, hm, hm)), manager.create(weights, new Shape(b, j)));
        return new TaskBatch(ids.clone(), inputs, labels);
    }
}
