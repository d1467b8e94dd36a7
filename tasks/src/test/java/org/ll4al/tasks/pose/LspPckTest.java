package org.ll4al.tasks.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PCK@0.2 by the torso and PCKh@0.5 by the head segment on hand-made people. */
class LspPckTest {

    /** A person with a 50 px torso (left shoulder (0, 0), right hip (30, 40)) and a 30 px head segment. */
    private static PoseSample person(float[] annotated) {
        double[][] xy = new double[MpiiJoints.COUNT][];
        for (int k = 0; k < xy.length; k++) {
            xy[k] = new double[] {10 * k, 5 * k};
        }
        xy[MpiiJoints.L_SHOULDER] = new double[] {0, 0};
        xy[MpiiJoints.R_HIP] = new double[] {30, 40};
        xy[MpiiJoints.UPPER_NECK] = new double[] {100, 100};
        xy[MpiiJoints.HEAD_TOP] = new double[] {100, 70};
        return new PoseSample(
                "p.jpg", 0, 0, 1, xy, annotated.clone(), annotated, LspAnnotations.headSegment(xy, annotated));
    }

    private static float[] lspJoints() {
        float[] a = new float[MpiiJoints.COUNT];
        for (int k : LspAnnotations.TO_MPII) {
            a[k] = 1;
        }
        return a;
    }

    private static double[][] shifted(PoseSample s, double dx) {
        double[][] p = s.jointsCopy();
        for (double[] q : p) {
            q[0] += dx;
        }
        return p;
    }

    @Test
    void thresholdsAreFractionsOfTorsoAndHeadSegment() {
        PoseSample s = person(lspJoints());
        for (double[] c : new double[][] {{9.9, 1, 1}, {10, 1, 1}, {10.1, 0, 1}, {15, 0, 1}, {15.5, 0, 0}}) {
            LspPckAccumulator acc = new LspPckAccumulator(List.of(s), 64);
            acc.addPrediction(s, shifted(s, c[0]));
            assertEquals(c[1], acc.value(), 0, "PCK@0.2 of a 50 px torso at " + c[0] + " px");
            assertEquals(c[2], acc.pckh(), 0, "PCKh@0.5 of a 30 px head at " + c[0] + " px");
        }
    }

    @Test
    void onlyTheFourteenLspJointsAndOnlyAnnotatedOnesCount() {
        float[] a = lspJoints();
        int rWrist = 10;
        a[rWrist] = 0;
        PoseSample s = person(a);
        LspPckAccumulator acc = new LspPckAccumulator(List.of(s), 64);
        double[][] p = s.jointsCopy();
        p[rWrist][0] += 1000;
        p[14][0] += 1000;
        p[MpiiJoints.PELVIS][0] += 1000;
        acc.addPrediction(s, p);
        assertEquals(13, Arrays.stream(acc.counts()).sum(), "14 LSP joints less the one not annotated");
        assertEquals(0, acc.counts()[MpiiJoints.PELVIS] + acc.counts()[MpiiJoints.THORAX]);
        assertEquals(
                12.0 / 13, acc.value(), 1e-12, "the left elbow's miss counts, the right wrist's and pelvis's do not");
        assertEquals("pckh@0.5 0.923077", acc.details());
    }

    @Test
    void aPersonWithoutTorsoOrHeadIsLeftOutOfThatFigureOnly() {
        float[] noHip = lspJoints();
        noHip[MpiiJoints.R_HIP] = 0;
        float[] noNeck = lspJoints();
        noNeck[MpiiJoints.UPPER_NECK] = 0;
        PoseSample a = person(noHip);
        PoseSample b = person(noNeck);
        LspPckAccumulator acc = new LspPckAccumulator(List.of(a, b), 64);
        acc.addPrediction(a, shifted(a, 16));
        acc.addPrediction(b, shifted(b, 0));
        assertEquals(1, acc.people());
        assertEquals(1, acc.pckhPeople());
        assertEquals(1.0, acc.value(), 0, "only b has a torso, and b is exact");
        assertEquals(0.0, acc.pckh(), 0, "only a has a head segment, and a is 16 px off a 30 px head");
        assertTrue(Double.isNaN(new LspPckAccumulator(List.of(), 64).value()), "nothing scored: NaN");
    }
}
