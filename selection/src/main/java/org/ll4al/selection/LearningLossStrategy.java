package org.ll4al.selection;

/** {@code lloss}: labels the samples with the highest loss predicted by the loss prediction module. */
public final class LearningLossStrategy extends ScoreStrategy {
    /** Creates the strategy. */
    public LearningLossStrategy() {
        super("lloss", Signal.PREDICTED_LOSS, true, "highest loss predicted by the loss prediction module (the paper)");
    }
}
