package org.ll4al.tasks.training;

/** The paper's loss-prediction accuracy: how often the predicted loss orders a pair correctly. */
public final class LossRanking {

    private LossRanking() {}

    /**
     * Fraction of pairs (i, j) with distinct true losses whose predicted losses are ordered the
     * same way (a tie in prediction counts as wrong); {@code NaN} when no pair qualifies.
     */
    public static double accuracy(float[] truth, float[] predicted) {
        return accuracy(truth, predicted, 0);
    }

    /**
     * The same with a tie in prediction counted as {@code tieCredit} of a right pair (0.5: Kendall's
     * convention, for scores with many exact ties such as an entropy that is 0 for every image
     * without a detection).
     */
    public static double accuracy(float[] truth, float[] predicted, double tieCredit) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException("truth and prediction differ in length");
        }
        double right = 0;
        long pairs = 0;
        for (int i = 0; i < truth.length; i++) {
            for (int j = i + 1; j < truth.length; j++) {
                float t = truth[i] - truth[j];
                if (t == 0f) {
                    continue;
                }
                float p = predicted[i] - predicted[j];
                pairs++;
                if ((t > 0 && p > 0) || (t < 0 && p < 0)) {
                    right++;
                } else if (p == 0f) {
                    right += tieCredit;
                }
            }
        }
        return pairs == 0 ? Double.NaN : right / pairs;
    }
}
