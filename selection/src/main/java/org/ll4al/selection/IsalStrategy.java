package org.ll4al.selection;

/**
 * {@code isal}: Influence Selection for Active Learning (Liu et al., ICCV 2021): labels the
 * samples whose expected gradient has the most negative influence -grad L(R)^T H^-1 G_z on the
 * loss of a held-out labeled reference set R (the most helpful ones).
 */
public final class IsalStrategy extends ScoreStrategy {
    /** Creates the strategy. */
    public IsalStrategy() {
        super(
                "isal",
                Signal.INFLUENCE,
                false,
                "most negative influence on a held-out reference set's loss (ISAL; LiSSA for H^-1)");
    }
}
