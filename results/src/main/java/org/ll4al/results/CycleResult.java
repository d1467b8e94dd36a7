package org.ll4al.results;

import java.util.Objects;

/**
 * One row of {@code cycles.csv}: the evaluation of one (task, strategy, trial, cycle). Build one with
 * {@link #builder()}; the columns of the file are {@code CsvLayout.CYCLE_TABLE}.
 *
 * @param task task name, e.g. {@code classification}
 * @param strategy selection strategy name
 * @param trial trial index (0-based)
 * @param seed the trial's seed
 * @param cycle active-learning cycle (0 = trained on the initial labeled set)
 * @param labeled labeled-set size the model of this cycle was trained on
 * @param metricName name of the task metric (e.g. {@code top1_accuracy})
 * @param metricValue metric on the evaluation set, {@code NaN} when the cycle failed
 * @param lossRankAccuracy fraction of evaluation pairs ordered correctly by the predicted
 *     loss, {@code NaN} when the run has no loss prediction module
 * @param trainSeconds wall time of training in this cycle
 * @param selectSeconds wall time of scoring the subset and selecting
 * @param status {@code ok}, or {@code failed: <reason>}
 * @param diagnostics what the selection at the end of this cycle picked ({@link
 *     SelectionDiagnostics#NONE} when it selected nothing)
 * @param labeledLossRankAccuracy the same ranking accuracy as {@code lossRankAccuracy} on the
 *     images this cycle trained on (without augmentation, inference mode): above the held-out
 *     value when the module learned the training set's losses but not losses in general;
 *     {@code NaN} when not measured (failed cycles, files written before it existed)
 * @param committeeLossAgreement for a strategy that trains a committee: how well the other
 *     members' own evaluation losses rank this cycle's model's evaluation losses (pair-ranking
 *     accuracy, mean over members) — what a second model of the same kind trained on the same
 *     labels knows of this model's losses, a reference for {@code lossRankAccuracy}; {@code NaN}
 *     otherwise
 * @param entropyLossRankAccuracy the pair-ranking accuracy of the model's own predictive entropy
 *     against its evaluation losses (ties in entropy count half): a label-free reference for
 *     {@code lossRankAccuracy}, what the {@code entropy} strategy's score knows of the losses;
 *     {@code NaN} when the task has no entropy or it was not measured
 * @param metricDetails the metric's secondary figures as the task reports them (pose on LSP:
 *     {@code pckh@0.5 0.1052} beside PCK@0.2), "" for none or files written before it existed
 */
public record CycleResult(
        String task,
        String strategy,
        int trial,
        long seed,
        int cycle,
        int labeled,
        String metricName,
        double metricValue,
        double lossRankAccuracy,
        double trainSeconds,
        double selectSeconds,
        String status,
        SelectionDiagnostics diagnostics,
        double labeledLossRankAccuracy,
        double committeeLossAgreement,
        double entropyLossRankAccuracy,
        String metricDetails) {

    /** Status of a cycle that completed normally. */
    public static final String OK = "ok";

    /** Canonical constructor; rejects null names. */
    public CycleResult {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(metricName, "metricName");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(diagnostics, "diagnostics");
        Objects.requireNonNull(metricDetails, "metricDetails");
    }

    /** A builder of a row: names and counts to set, every measurement NaN, status ok, no diagnostics. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link CycleResult} column by column (the components are those of the record). */
    public static final class Builder {
        private String task;
        private String strategy;
        private int trial;
        private long seed;
        private int cycle;
        private int labeled;
        private String metricName;
        private double metricValue = Double.NaN;
        private double lossRankAccuracy = Double.NaN;
        private double trainSeconds = Double.NaN;
        private double selectSeconds = Double.NaN;
        private String status = OK;
        private double pickedLossRatio = Double.NaN;
        private double subsetLossRankAccuracy = Double.NaN;
        private double pickedLabelEntropy = Double.NaN;
        private double labeledLossRankAccuracy = Double.NaN;
        private double committeeLossAgreement = Double.NaN;
        private double entropyLossRankAccuracy = Double.NaN;
        private String metricDetails = "";

        private Builder() {}

        public Builder task(String v) {
            task = v;
            return this;
        }

        public Builder strategy(String v) {
            strategy = v;
            return this;
        }

        public Builder trial(int v) {
            trial = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder cycle(int v) {
            cycle = v;
            return this;
        }

        public Builder labeled(int v) {
            labeled = v;
            return this;
        }

        public Builder metricName(String v) {
            metricName = v;
            return this;
        }

        public Builder metricValue(double v) {
            metricValue = v;
            return this;
        }

        /** Sets the metric's name and value. */
        public Builder metric(String name, double value) {
            return metricName(name).metricValue(value);
        }

        public Builder lossRankAccuracy(double v) {
            lossRankAccuracy = v;
            return this;
        }

        public Builder trainSeconds(double v) {
            trainSeconds = v;
            return this;
        }

        public Builder selectSeconds(double v) {
            selectSeconds = v;
            return this;
        }

        /** Sets the training and the selection wall times. */
        public Builder seconds(double train, double select) {
            return trainSeconds(train).selectSeconds(select);
        }

        public Builder status(String v) {
            status = v;
            return this;
        }

        public Builder pickedLossRatio(double v) {
            pickedLossRatio = v;
            return this;
        }

        public Builder subsetLossRankAccuracy(double v) {
            subsetLossRankAccuracy = v;
            return this;
        }

        public Builder pickedLabelEntropy(double v) {
            pickedLabelEntropy = v;
            return this;
        }

        /** Sets the three selection diagnostics. */
        public Builder diagnostics(SelectionDiagnostics d) {
            return pickedLossRatio(d.pickedLossRatio())
                    .subsetLossRankAccuracy(d.subsetLossRankAccuracy())
                    .pickedLabelEntropy(d.pickedLabelEntropy());
        }

        public Builder labeledLossRankAccuracy(double v) {
            labeledLossRankAccuracy = v;
            return this;
        }

        public Builder committeeLossAgreement(double v) {
            committeeLossAgreement = v;
            return this;
        }

        public Builder entropyLossRankAccuracy(double v) {
            entropyLossRankAccuracy = v;
            return this;
        }

        /** The metric's secondary figures ("" for none). */
        public Builder metricDetails(String v) {
            metricDetails = v;
            return this;
        }

        /**
         * The row.
         *
         * @throws NullPointerException when task, strategy, metric name or status is missing
         */
        public CycleResult build() {
            return new CycleResult(
                    task,
                    strategy,
                    trial,
                    seed,
                    cycle,
                    labeled,
                    metricName,
                    metricValue,
                    lossRankAccuracy,
                    trainSeconds,
                    selectSeconds,
                    status,
                    new SelectionDiagnostics(pickedLossRatio, subsetLossRankAccuracy, pickedLabelEntropy),
                    labeledLossRankAccuracy,
                    committeeLossAgreement,
                    entropyLossRankAccuracy,
                    metricDetails);
        }
    }

    /** Returns true if this cycle completed (its metric is meaningful). */
    public boolean isOk() {
        return OK.equals(status);
    }

    /**
     * Whether another row for the same (task, strategy, trial, cycle) carries the same outcome:
     * seed, labeled count, metric name and value, loss-rank accuracy, status, selection
     * diagnostics (see {@link SelectionDiagnostics#agrees}) and the labeled-set ranking, the
     * committee's loss agreement and the entropy's ranking where both rows recorded them. Wall times are not compared: they describe the run, not the result.
     */
    public boolean sameOutcome(CycleResult o) {
        return seed == o.seed
                && labeled == o.labeled
                && metricName.equals(o.metricName)
                && Double.compare(metricValue, o.metricValue) == 0
                && Double.compare(lossRankAccuracy, o.lossRankAccuracy) == 0
                && status.equals(o.status)
                && diagnostics.agrees(o.diagnostics)
                && (Double.isNaN(labeledLossRankAccuracy)
                        || Double.isNaN(o.labeledLossRankAccuracy)
                        || Double.compare(labeledLossRankAccuracy, o.labeledLossRankAccuracy) == 0)
                && bothOrEither(committeeLossAgreement, o.committeeLossAgreement)
                && bothOrEither(entropyLossRankAccuracy, o.entropyLossRankAccuracy);
    }

    /** Equal, or missing from either row. */
    private static boolean bothOrEither(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) || Double.compare(a, b) == 0;
    }

    /** The (strategy, trial) run this row belongs to. */
    public RunKey key() {
        return new RunKey(strategy, trial);
    }
}
