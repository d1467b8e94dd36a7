package org.ll4al.selection;

/**
 * {@code committee}: query by committee (Seung et al. 1992; McCallum and Nigam 1998): labels the
 * samples on which M members trained on the same labeled set from different seeds disagree most,
 * measured as the mean KL divergence of each member's posterior from the consensus (their mean).
 */
public final class CommitteeStrategy extends ScoreStrategy {
    /** Creates the strategy. */
    public CommitteeStrategy() {
        super(
                "committee",
                Signal.COMMITTEE_DISAGREEMENT,
                true,
                "highest mean KL of M members' posteriors to their consensus (trains M models: M x cost)");
    }
}
