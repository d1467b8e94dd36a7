package org.ll4al.results;

/**
 * What a cycle's selection picked, measured with the labels (never used to pick): how hard the
 * picks were, how well the loss prediction module ranked the samples it chose among, and how
 * balanced the picks' labels are. Every value is {@code NaN} where it does not apply (the last
 * cycle selects nothing; a task without class labels has no label entropy).
 *
 * @param pickedLossRatio mean true task loss of the picked samples divided by the mean over the
 *     scored subset (&gt; 1: harder than average)
 * @param subsetLossRankAccuracy fraction of pairs of the scored subset whose predicted losses are
 *     ordered as their true losses
 * @param pickedLabelEntropy entropy of the class histogram of the picks (classification: the
 *     picked images' classes; detection: the picked images' object classes) divided by
 *     log(number of classes): 1 = perfectly balanced, 0 = one class
 */
public record SelectionDiagnostics(double pickedLossRatio, double subsetLossRankAccuracy, double pickedLabelEntropy) {

    /** No diagnostics: a cycle without selection, or a row from a file written before they existed. */
    public static final SelectionDiagnostics NONE = new SelectionDiagnostics(Double.NaN, Double.NaN, Double.NaN);

    /** Whether any value was recorded (rows of files written before diagnostics existed have none). */
    public boolean recorded() {
        return !same(NONE);
    }

    /**
     * Whether two rows' diagnostics agree: the same values (NaN equals NaN), or one of them
     * recorded none (a row written before diagnostics existed is not a contradiction).
     */
    public boolean agrees(SelectionDiagnostics o) {
        return !recorded() || !o.recorded() || same(o);
    }

    private boolean same(SelectionDiagnostics o) {
        return Double.compare(pickedLossRatio, o.pickedLossRatio) == 0
                && Double.compare(subsetLossRankAccuracy, o.subsetLossRankAccuracy) == 0
                && Double.compare(pickedLabelEntropy, o.pickedLabelEntropy) == 0;
    }
}
