package org.ll4al.harness.run;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import org.ll4al.results.ResultsException;
import org.ll4al.tasks.training.ActiveLearner;
import org.ll4al.tasks.training.Evaluation;
import org.ll4al.tasks.training.TrainStats;

/**
 * Cycle 0 of a trial, trained once and shared by every strategy of the trial: the model after
 * cycle 0 depends only on the trial's seed and initial set, never on the strategy. Stored in
 * the results folder as {@code checkpoints/trial<t>-cycle0.params} plus a properties file with
 * its evaluation; the properties file is written last, so its presence means both are complete.
 * Kept for the whole experiment (a resumed run or a later strategy may need it).
 */
public final class CycleZero {

    /**
     * The trained cycle 0 as its strategies need it.
     *
     * @param stats the training that produced it (wall time of the one shared training)
     * @param eval its evaluation
     */
    record Outcome(TrainStats stats, Evaluation eval) {}

    private final Path params;
    private final Path facts;

    CycleZero(Path resultsDir, int trial) {
        Path dir = resultsDir.resolve("checkpoints");
        this.params = dir.resolve("trial" + trial + "-cycle0.params");
        this.facts = dir.resolve("trial" + trial + "-cycle0.properties");
    }

    /** Loads the shared cycle 0 into {@code learner}, or returns null when it was not trained yet. */
    Outcome load(ActiveLearner learner) throws IOException {
        if (!Files.exists(facts) || !Files.exists(params)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(facts, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        try {
            Outcome o = new Outcome(
                    new TrainStats(
                            num(p, "trainSeconds"),
                            Long.parseLong(p.getProperty("images")),
                            num(p, "lastTaskLoss"),
                            num(p, "lastLossPredictionLoss")),
                    new Evaluation(
                            num(p, "metric"),
                            num(p, "lossRankAccuracy"),
                            num(p, "evalSeconds"),
                            null,
                            null,
                            p.containsKey("entropyLossRankAccuracy") ? num(p, "entropyLossRankAccuracy") : Double.NaN,
                            p.getProperty("details", "")));
            learner.load(params);
            return o;
        } catch (RuntimeException e) {
            throw new ResultsException(
                    facts + ": not a cycle-0 record of this version (" + e
                            + "); delete it and its .params file to retrain cycle 0",
                    e);
        }
    }

    /** Saves {@code learner} after cycle 0 with its training and evaluation facts. */
    void save(ActiveLearner learner, Outcome o) throws IOException {
        learner.save(params);
        Properties p = new Properties();
        p.setProperty("trainSeconds", Double.toString(o.stats().seconds()));
        p.setProperty("images", Long.toString(o.stats().images()));
        p.setProperty("lastTaskLoss", Double.toString(o.stats().lastTaskLoss()));
        p.setProperty("lastLossPredictionLoss", Double.toString(o.stats().lastLossPredictionLoss()));
        p.setProperty("metric", Double.toString(o.eval().metric()));
        p.setProperty("lossRankAccuracy", Double.toString(o.eval().lossRankAccuracy()));
        p.setProperty("evalSeconds", Double.toString(o.eval().seconds()));
        p.setProperty("entropyLossRankAccuracy", Double.toString(o.eval().entropyLossRankAccuracy()));
        p.setProperty("details", o.eval().details());
        Path tmp = facts.resolveSibling(facts.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "cycle 0 shared by every strategy of this trial");
        }
        Files.move(tmp, facts, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static double num(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("missing " + key);
        }
        return Double.parseDouble(v);
    }
}
