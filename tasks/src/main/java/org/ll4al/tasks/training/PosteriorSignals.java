package org.ll4al.tasks.training;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * Per-sample uncertainty from class posteriors of shape (B, N, K) (N sites, K classes): BALD's
 * mutual information over stochastic passes, a committee's disagreement, BADGE's gradient
 * embedding. A sample's score is that of its most uncertain site (max over N).
 */
final class PosteriorSignals {

    private static final float EPS = 1e-12f;

    private PosteriorSignals() {}

    /** Entropy over the last axis (nats), shape (B, N). */
    static NDArray entropy(NDArray p) {
        return p.mul(p.add(EPS).log()).sum(new int[] {2}).neg();
    }

    /** BALD: H[mean_t p_t] - mean_t H[p_t] per site, max over sites; shape (B). */
    static NDArray mutualInformation(List<NDArray> passes) {
        NDArray mean = passes.get(0).zerosLike();
        NDArray meanEntropy = entropy(passes.get(0)).zerosLike();
        for (NDArray p : passes) {
            mean = mean.add(p);
            meanEntropy = meanEntropy.add(entropy(p));
        }
        mean = mean.div(passes.size());
        meanEntropy = meanEntropy.div(passes.size());
        return entropy(mean).sub(meanEntropy).max(new int[] {1});
    }

    /** Mean over members of KL(p_m || mean_m p_m) per site, max over sites; shape (B). */
    static NDArray disagreement(List<NDArray> members) {
        NDArray consensus = members.get(0).zerosLike();
        for (NDArray p : members) {
            consensus = consensus.add(p);
        }
        consensus = consensus.div(members.size());
        NDArray logConsensus = consensus.add(EPS).log();
        NDArray kl = null;
        for (NDArray p : members) {
            NDArray k = p.mul(p.add(EPS).log().sub(logConsensus)).sum(new int[] {2});
            kl = kl == null ? k : kl.add(k);
        }
        return kl.div(members.size()).max(new int[] {1});
    }

    /**
     * BADGE's gradient embedding: the gradient of the cross-entropy at the predicted class with
     * respect to the weights of a linear classifier reading h, (p - e_yhat) (outer) h, flattened;
     * posteriors of shape (B, 1, K), features (B, D); result (B, K x D).
     */
    static NDArray gradientEmbedding(NDArray posteriors, NDArray features) {
        NDArray p = posteriors.squeeze(1);
        NDArray oneHot = p.argMax(1).oneHot((int) p.getShape().get(1));
        NDArray g = p.sub(oneHot).expandDims(2).mul(features.expandDims(1));
        return g.reshape(p.getShape().get(0), -1);
    }
}
