package org.ll4al.tasks.detection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoxCoderTest {

    @Test
    void iouOfHandWorkedBoxes() {
        // 0.5x0.5 squares overlapping by 0.25x0.5: inter 0.125, union 0.375
        assertEquals(1.0 / 3, BoxCoder.iou(new float[] {0, 0, 0.5f, 0.5f}, new float[] {0.25f, 0, 0.75f, 0.5f}), 1e-6);
        assertEquals(0, BoxCoder.iou(new float[] {0, 0, 0.1f, 0.1f}, new float[] {0.2f, 0.2f, 0.3f, 0.3f}));
        assertEquals(1, BoxCoder.iou(new float[] {0.1f, 0.2f, 0.3f, 0.4f}, new float[] {0.1f, 0.2f, 0.3f, 0.4f}), 1e-6);
    }

    @Test
    void encodingWithVariancesAndItsInverse() {
        float[] prior = {0.5f, 0.5f, 0.2f, 0.4f};
        float[] box = {0.45f, 0.4f, 0.65f, 0.6f}; // centre (0.55, 0.5), size (0.2, 0.2)
        float[] t = new float[4];
        BoxCoder.encode(box, prior, t, 0);
        assertEquals(0.05 / (0.1 * 0.2), t[0], 1e-5); // 2.5
        assertEquals(0, t[1], 1e-6);
        assertEquals(0, t[2], 1e-5); // log(0.2/0.2)/0.2
        assertEquals(Math.log(0.5) / 0.2, t[3], 1e-5); // -3.4657
        assertArrayEquals(box, BoxCoder.decode(t, 0, prior), 1e-6f);
    }

    @Test
    void matchingTakesTheBestPriorOfEachTruthAndEveryPriorAboveHalf() {
        float[][] priors = {
            {0, 0, 0.5f, 0.5f}, {0.5f, 0, 1, 0.5f}, {0.55f, 0, 1, 0.5f}, {0, 0.5f, 0.5f, 1}, {0.6f, 0.6f, 1, 1}
        };
        float[][] truths = {{0.5f, 0, 1, 0.5f}, {0, 0.5f, 0.2f, 0.7f}};
        int[] m = BoxCoder.match(truths, priors, 0.5);
        // prior 1 is truth 0 exactly; prior 2 has IoU 0.9 with truth 0; truth 1 (IoU 0.16 with prior 3)
        // still takes its best prior; priors 0 and 4 stay background
        assertArrayEquals(new int[] {-1, 0, 0, 1, -1}, m);
        float[][] centre = new float[priors.length][];
        for (int i = 0; i < priors.length; i++) {
            float[] p = priors[i];
            centre[i] = new float[] {(p[0] + p[2]) / 2, (p[1] + p[3]) / 2, p[2] - p[0], p[3] - p[1]};
        }
        float[] loc = new float[20];
        int[] conf = new int[5];
        BoxCoder.targets(truths, new int[] {6, 11}, centre, priors, loc, 0, conf, 0);
        assertArrayEquals(new int[] {0, 7, 7, 12, 0}, conf);
        assertArrayEquals(new float[] {0, 0, 0, 0}, Arrays.copyOfRange(loc, 4, 8), 1e-5f);
        // truth 1 centre (0.1, 0.6) size 0.2 vs prior 3 centre (0.25, 0.75) size 0.5
        assertEquals(-0.15 / (0.1 * 0.5), loc[12], 1e-5);
        assertEquals(Math.log(0.4) / 0.2, loc[14], 1e-5);
    }

    @Test
    void ssd300HasTheUsual8732PriorsOnItsSixMaps() {
        SsdLayout l = new SsdLayout(300, 1);
        assertArrayEquals(new int[] {38, 19, 10, 5, 3, 1}, l.featureSizes());
        assertEquals(6, l.dilation());
        assertEquals(8732, PriorBoxes.generate(l.featureSizes()).length);
        assertArrayEquals(new int[] {16, 8, 4, 2, 1, 1}, new SsdLayout(128, 0.25).featureSizes());
        assertEquals(1536, PriorBoxes.generate(new SsdLayout(128, 0.25).featureSizes()).length);
        float[] first = PriorBoxes.generate(l.featureSizes())[0];
        assertArrayEquals(new float[] {0.5f / 38, 0.5f / 38, 0.1f, 0.1f}, first, 1e-6f);
    }

    @Test
    void nmsKeepsTheBestOfOverlappingBoxesPerClass() {
        // three priors, two classes + background; zero offsets decode to the priors themselves
        float[][] priors = {{0.3f, 0.3f, 0.2f, 0.2f}, {0.31f, 0.3f, 0.2f, 0.2f}, {0.7f, 0.7f, 0.2f, 0.2f}};
        float[] loc = new float[12];
        float[] probs = {
            0.1f, 0.9f, 0.0f, // prior 0: class 0 at 0.9
            0.2f, 0.8f, 0.0f, // prior 1: overlaps prior 0 (IoU 0.905) -> suppressed
            0.5f, 0.005f, 0.495f // prior 2: class 1 at 0.495; class 0 below the 0.01 threshold
        };
        List<Detector.Detection> d = new Detector(priors).detect(loc, probs, 0, 3);
        assertEquals(2, d.size());
        assertEquals(0, d.get(0).label());
        assertEquals(0.9f, d.get(0).score(), 1e-6);
        assertArrayEquals(new float[] {0.2f, 0.2f, 0.4f, 0.4f}, d.get(0).box(), 1e-6f);
        assertEquals(1, d.get(1).label());
        double h0 = -(0.1 * Math.log(0.1) + 0.9 * Math.log(0.9));
        assertEquals(h0, d.get(0).entropy(), 1e-6);
        double h2 = -(0.5 * Math.log(0.5) + 0.005 * Math.log(0.005) + 0.495 * Math.log(0.495));
        assertEquals(h2, d.get(1).entropy(), 1e-6);
        assertEquals((h0 + h2) / 2, Detector.imageEntropy(d), 1e-6, "the mean over the image's detections");
        assertEquals(0, Detector.imageEntropy(List.of()));
    }
}
