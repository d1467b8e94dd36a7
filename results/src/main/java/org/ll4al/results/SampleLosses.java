package org.ll4al.results;

import java.util.Objects;

/**
 * The true and predicted loss of each sample of one set at the end of one cycle of one
 * (strategy, trial): the rows of {@code sample_losses.csv}, from which the loss module's ranking
 * can be studied per image (e.g. the scored subset against the evaluation set).
 *
 * @param strategy the strategy of the run
 * @param trial the trial
 * @param cycle the cycle whose model computed the losses
 * @param set {@code eval} (the evaluation set), {@code subset} (the scored pool subset) or
 *     {@code labeled} (the pool samples the cycle trained on)
 * @param names each sample's name ({@code ActiveLearningTask.sampleName}: a VOC image id, or the index)
 * @param trueLoss each sample's true loss (the loss the module learns to rank)
 * @param predictedLoss each sample's predicted loss
 */
public record SampleLosses(
        String strategy, int trial, int cycle, String set, String[] names, float[] trueLoss, float[] predictedLoss) {

    /** @throws IllegalArgumentException when the three arrays differ in length */
    public SampleLosses {
        Objects.requireNonNull(set, "set");
        if (names.length != trueLoss.length || names.length != predictedLoss.length) {
            throw new IllegalArgumentException("sample losses of " + set + ": " + names.length + " names, "
                    + trueLoss.length + " true and " + predictedLoss.length + " predicted losses");
        }
    }
}
