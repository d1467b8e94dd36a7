package org.ll4al.harness.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ll4al.results.ResultsException;
import org.ll4al.results.RunKey;
import org.ll4al.tasks.training.ActiveLearner;

/**
 * A run's checkpoints in {@code <out>/checkpoints}: the model and the committee's members are saved
 * before a cycle's row is written (a landed row always has its checkpoint), the previous cycle's
 * deleted after it, and a resumed run loads the last one.
 */
final class Checkpoints implements CycleListener {

    private final Path dir;

    Checkpoints(Path resultsDir) {
        this.dir = resultsDir.resolve("checkpoints");
    }

    @Override
    public void beforeRecord(CycleOutcome c) throws IOException {
        c.learner().save(model(c.key(), c.cycle()));
        c.committee().save(m -> member(c.key(), m, c.cycle()));
    }

    @Override
    public void afterRecord(CycleOutcome c) throws IOException {
        Files.deleteIfExists(model(c.key(), c.cycle() - 1));
        c.committee().delete(m -> member(c.key(), m, c.cycle() - 1));
    }

    /**
     * Loads the model and the members after {@code cycle}.
     *
     * @throws ResultsException when the model's checkpoint is missing
     */
    void restore(RunKey key, int cycle, ActiveLearner learner, Committee committee) throws IOException {
        Path ckpt = model(key, cycle);
        if (!Files.exists(ckpt)) {
            throw new ResultsException(ckpt + ": checkpoint of cycle " + cycle + " missing; cannot resume " + key
                    + " with reinit=false (use a new out folder)");
        }
        learner.load(ckpt);
        committee.load(m -> member(key, m, cycle));
    }

    private Path member(RunKey key, int member, int cycle) {
        return dir.resolve(key.strategy() + "-trial" + key.trial() + "-member" + member + "-cycle" + cycle + ".params");
    }

    private Path model(RunKey key, int cycle) {
        return dir.resolve(key.strategy() + "-trial" + key.trial() + "-cycle" + cycle + ".params");
    }
}
