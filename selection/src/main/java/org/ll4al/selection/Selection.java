package org.ll4al.selection;

/**
 * What a strategy picked: dataset ids in pick order, with the score that ranked each.
 *
 * @param ids dataset ids (never positions in the subset)
 * @param scores the strategy's score per picked id ({@code NaN} for random)
 */
public record Selection(int[] ids, double[] scores) {

    /** Checks that ids and scores align. */
    public Selection {
        if (ids.length != scores.length) {
            throw new IllegalArgumentException("ids and scores differ in length");
        }
    }
}
