package org.ll4al.harness.run;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import org.ll4al.results.ResultsException;
import org.ll4al.tasks.ActiveLearningTask;
import org.ll4al.tasks.training.ActiveLearner;
import org.ll4al.tasks.training.EpochListener;
import org.ll4al.tasks.training.LossRanking;
import org.ll4al.tasks.training.TrainSettings;
import org.ll4al.tasks.training.TrainStats;

/**
 * The extra members of a {@code committee} strategy's committee (the trial's main model is the
 * first member): M - 1 models initialised from their own seeds, trained each cycle on the same
 * labeled set as the main model, kept across cycles like it, and checkpointed next to it.
 */
public final class Committee implements AutoCloseable {

    private final List<ActiveLearner> members = new ArrayList<>();
    private final long trialSeed;

    public Committee(ActiveLearningTask task, TrainSettings settings, Device device, long trialSeed, int size) {
        this.trialSeed = trialSeed;
        for (int m = 1; m < size; m++) {
            members.add(ActiveLearner.create(task, settings, device, Seeds.mix(trialSeed, Seeds.COMMITTEE, m)));
        }
    }

    /** The members other than the main model. */
    public List<ActiveLearner> members() {
        return members;
    }

    /** Re-initialises every member for a cycle (with {@code reinit=true}). */
    void reinitialize(int cycle) {
        for (int m = 0; m < members.size(); m++) {
            members.get(m).reinitialize(Seeds.mix(trialSeed, Seeds.COMMITTEE, m + 1, cycle));
        }
    }

    /** Trains every member on the labeled set with its own seeded order; returns the summed wall time. */
    double train(TrainSettings settings, int[] labeled, int cycle, EpochListener listener) {
        double seconds = 0;
        for (int m = 0; m < members.size(); m++) {
            TrainStats s = members.get(m)
                    .train(
                            settings,
                            labeled,
                            new Random(Seeds.mix(trialSeed, Seeds.COMMITTEE, m + 1, Seeds.TRAIN, cycle)),
                            listener);
            seconds += s.seconds();
        }
        return seconds;
    }

    /**
     * How well each member's own evaluation losses rank the main model's ({@code mainLosses}, in
     * evaluation order): the pair-ranking accuracy with the member's loss as the predictor, mean
     * over members; NaN without members. A reference for the loss module's ranking: what a second
     * model of the same kind, trained on the same labels, knows of this model's losses.
     */
    double lossAgreement(float[] mainLosses) {
        if (members.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        for (ActiveLearner member : members) {
            sum += LossRanking.accuracy(mainLosses, member.evaluate().trueLosses());
        }
        return sum / members.size();
    }

    /** Saves every member after a cycle; {@code file(m)} names member m's checkpoint. */
    void save(IntFunction<Path> file) throws IOException {
        for (int m = 0; m < members.size(); m++) {
            members.get(m).save(file.apply(m + 1));
        }
    }

    /** Loads every member's checkpoint. */
    void load(IntFunction<Path> file) throws IOException {
        for (int m = 0; m < members.size(); m++) {
            Path f = file.apply(m + 1);
            if (!Files.exists(f)) {
                throw new ResultsException(
                        f + ": checkpoint of committee member " + (m + 1) + " missing; cannot resume");
            }
            members.get(m).load(f);
        }
    }

    /** Deletes the members' checkpoints of an older cycle. */
    void delete(IntFunction<Path> file) throws IOException {
        for (int m = 0; m < members.size(); m++) {
            Files.deleteIfExists(file.apply(m + 1));
        }
    }

    @Override
    public void close() {
        members.forEach(ActiveLearner::close);
    }
}
