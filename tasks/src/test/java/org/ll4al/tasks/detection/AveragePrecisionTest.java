package org.ll4al.tasks.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AveragePrecisionTest {

    private static final float[] A = {0.1f, 0.1f, 0.4f, 0.4f};
    private static final float[] B = {0.5f, 0.5f, 0.9f, 0.9f};
    private static final float[] FAR = {0.6f, 0.0f, 0.9f, 0.2f};

    private static AveragePrecision.Truth truth(boolean difficultB) {
        AveragePrecision.Truth t = AveragePrecision.Truth.empty();
        t.boxes().add(A);
        t.difficult().add(false);
        t.boxes().add(B);
        t.difficult().add(difficultB);
        return t;
    }

    private static AveragePrecision.Scored det(float score, float[] box) {
        return new AveragePrecision.Scored(0, score, box);
    }

    @Test
    void perfectDetectionsScoreOne() {
        List<AveragePrecision.Scored> d = List.of(det(0.9f, A), det(0.8f, B));
        assertEquals(1.0, AveragePrecision.of(d, List.of(truth(false)), true), 1e-9);
        assertEquals(1.0, AveragePrecision.of(d, List.of(truth(false)), false), 1e-9);
    }

    @Test
    void workedExampleWithAFalsePositiveInTheMiddle() {
        // TP (0.9), FP (0.8), TP (0.7): recall 0.5, 0.5, 1; precision 1, 0.5, 2/3
        List<AveragePrecision.Scored> d = List.of(det(0.7f, B), det(0.9f, A), det(0.8f, FAR));
        // 11-point: recall 0..0.5 -> 1 (6 points), 0.6..1 -> 2/3 (5 points)
        assertEquals((6 + 5 * 2.0 / 3) / 11, AveragePrecision.of(d, List.of(truth(false)), true), 1e-9);
        // area: 0.5 x 1 + 0.5 x 2/3
        assertEquals(0.5 + 1.0 / 3, AveragePrecision.of(d, List.of(truth(false)), false), 1e-9);
    }

    @Test
    void elevenPointThresholdsAreTheReferenceFloatValues() {
        // 10 positives, 3 detections all true: recall 0.1, 0.2, 0.3 (= 3.0 / 10), precision 1.
        // voc_eval.py: thresholds np.arange(0., 1.1, 0.1) -> 0.30000000000000004 > 0.3, so only
        // 0, 0.1 and 0.2 count: AP = 3 / 11 (with i / 10 - 1e-12 it would be 4 / 11).
        double[] rec = {1 / 10.0, 2 / 10.0, 3 / 10.0};
        double[] prec = {1, 1, 1};
        assertEquals(3.0 / 11, AveragePrecision.elevenPoint(rec, prec, 3), 1e-15);
        // recall exactly 0.6 and 0.7 likewise miss 0.6000000000000001 and 0.7000000000000001
        assertEquals(6.0 / 11, AveragePrecision.elevenPoint(new double[] {0.5, 6 / 10.0}, prec, 2), 1e-15);
        assertEquals(7.0 / 11, AveragePrecision.elevenPoint(new double[] {7 / 10.0}, prec, 1), 1e-15);
        // and the same through of(): 10 objects in 10 images, the first 3 detected
        List<AveragePrecision.Truth> truth = new ArrayList<>();
        List<AveragePrecision.Scored> dets = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            AveragePrecision.Truth t = AveragePrecision.Truth.empty();
            t.boxes().add(A);
            t.difficult().add(false);
            truth.add(t);
            if (i < 3) {
                dets.add(new AveragePrecision.Scored(i, 0.9f - i * 0.1f, A));
            }
        }
        assertEquals(3.0 / 11, AveragePrecision.of(dets, truth, true), 1e-15);
    }

    @Test
    void duplicatesAreFalsePositivesAndDifficultObjectsAreIgnored() {
        // A twice: the second is a false positive -> precision 1, 0.5 then B: 2/3
        List<AveragePrecision.Scored> dup = List.of(det(0.9f, A), det(0.8f, A), det(0.7f, B));
        assertEquals(0.5 + 1.0 / 3, AveragePrecision.of(dup, List.of(truth(false)), false), 1e-9);
        // B difficult: one positive; a detection of B is neither TP nor FP; missing it costs nothing
        assertEquals(1.0, AveragePrecision.of(List.of(det(0.9f, A), det(0.95f, B)), List.of(truth(true)), true), 1e-9);
        assertEquals(1.0, AveragePrecision.of(List.of(det(0.9f, A)), List.of(truth(true)), false), 1e-9);
        // no non-difficult ground truth: undefined
        AveragePrecision.Truth onlyDifficult = AveragePrecision.Truth.empty();
        onlyDifficult.boxes().add(A);
        onlyDifficult.difficult().add(true);
        assertTrue(Double.isNaN(AveragePrecision.of(List.of(), List.of(onlyDifficult), true)));
    }

    @Test
    void metricAveragesClassesWithGroundTruth() {
        VocAnnotation img = new VocAnnotation(
                "x", Path.of("x.jpg"), 10, 10, new float[][] {A, B}, new int[] {0, 2}, new boolean[] {false, false});
        VocMetric m = new VocMetric(null, null, 3, true);
        List<Detector.Detection> dets = new ArrayList<>();
        dets.add(new Detector.Detection(0, 0.9f, A, 0));
        dets.add(new Detector.Detection(2, 0.9f, FAR, 0));
        m.addImage(dets, img);
        double[] ap = m.perClass();
        assertEquals(1.0, ap[0], 1e-9);
        assertTrue(Double.isNaN(ap[1]));
        assertEquals(0.0, ap[2], 1e-9);
        assertEquals(0.5, m.value(), 1e-9);
    }
}
