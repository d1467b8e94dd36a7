package org.ll4al.results;

/** Rows the results tests share. */
final class TestRows {

    private TestRows() {}

    /** lloss's cycle 0 of classification trial 0: 1,000 labels, accuracy 0.5, ranking {@code rank}; the rest to add. */
    static CycleResult.Builder lloss0(double rank) {
        return CycleResult.builder()
                .task("classification")
                .strategy("lloss")
                .trial(0)
                .seed(42L)
                .cycle(0)
                .labeled(1000)
                .metric("top1_accuracy", 0.5)
                .lossRankAccuracy(rank)
                .seconds(3, 4);
    }
}
