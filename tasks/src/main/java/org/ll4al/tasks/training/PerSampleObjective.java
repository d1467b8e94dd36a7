package org.ll4al.tasks.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * A per-sample loss over a set of parameters: what influence functions differentiate. Samples
 * are addressed by id; {@link #loss} reads their real labels, {@link #pseudoLoss} uses given
 * class weights instead (ISAL's expected gradient over pseudo-labels).
 */
interface PerSampleObjective {

    /** The parameter arrays (leaves with gradients) the influence is taken over; changed in place by callers. */
    List<NDArray> parameters();

    /**
     * Every array that collects a gradient when {@link #loss} is differentiated (the parameters
     * and any other leaf), so that no gradient is left behind for a later optimizer step.
     */
    List<NDArray> gradientHolders();

    /** Per-sample loss (B) at the current parameters, with the samples' labels; arrays attached to {@code scope}. */
    NDArray loss(NDManager scope, int[] ids);

    /** Class posteriors (B, K) at the current parameters, no gradient needed. */
    NDArray posteriors(NDManager scope, int[] ids);

    /** Per-sample sum_k w_k (-log q_k) (B) for fixed class weights w (B, K), q the current posteriors. */
    NDArray pseudoLoss(NDManager scope, int[] ids, NDArray weights);
}
