package org.ll4al.tasks.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ll4al.selection.Signal;
import org.ll4al.selection.lossprediction.LearningLossNetwork;
import org.ll4al.tasks.ActiveLearningTask;
import org.ll4al.tasks.TaskBatch;

/**
 * One batch of a scored subset as {@link SignalProvider}s see it: the batch, the network's
 * outputs on it (one forward pass shared by every signal), and the further passes some signals
 * need (MC dropout, the committee's members), run on demand.
 */
public final class ScoredBatch {

    private final Inference inference;
    private final ParameterStore ps;
    private final TaskBatch batch;
    private final NDList out;
    private final NDList heads;
    private final Set<Signal> wanted;
    private final List<Inference> committee;
    private final int mcPasses;
    private Map<Signal, float[]> uncertainty;

    ScoredBatch(
            Inference inference,
            ParameterStore ps,
            TaskBatch batch,
            NDList out,
            Set<Signal> wanted,
            List<Inference> committee,
            int mcPasses) {
        this.inference = inference;
        this.ps = ps;
        this.batch = batch;
        this.out = out;
        this.heads = inference.network().heads(out);
        this.wanted = wanted;
        this.committee = committee;
        this.mcPasses = mcPasses;
    }

    /** The task whose batch it is. */
    public ActiveLearningTask task() {
        return inference.task();
    }

    /** The batch of the subset. */
    public TaskBatch batch() {
        return batch;
    }

    /** The network (target model + loss prediction module). */
    public LearningLossNetwork network() {
        return inference.network();
    }

    /** The network's outputs on the batch: heads, taps, embedding and predicted loss. */
    public NDList output() {
        return out;
    }

    /** The task's heads among {@link #output()}. */
    public NDList heads() {
        return heads;
    }

    /** The task's per-sample loss with the real labels: the loss the module learns to rank. */
    public NDArray trueLoss() {
        return inference.trueLoss(heads, batch);
    }

    /**
     * One of the task's uncertainty signals (entropy, margin, least confidence); the task computes
     * every wanted one in one call.
     */
    public float[] uncertainty(Signal s) {
        if (uncertainty == null) {
            Set<Signal> asked = new TreeSet<>(wanted);
            asked.retainAll(task().uncertaintySignals());
            uncertainty = task().uncertainty(heads, batch, asked);
        }
        return uncertainty.get(s);
    }

    /** The posteriors of {@code mcPasses} forward passes with MC dropout on (BatchNorm in inference mode). */
    public List<NDArray> mcPosteriors() {
        LearningLossNetwork net = network();
        List<NDArray> passes = new ArrayList<>(mcPasses);
        net.setMcDropout(true);
        try {
            for (int t = 0; t < mcPasses; t++) {
                passes.add(task().posteriors(net.heads(net.forward(ps, batch.inputs(), false))));
            }
        } finally {
            net.setMcDropout(false);
        }
        return passes;
    }

    /** This network's posteriors and those of the committee's other members on the batch. */
    public List<NDArray> committeePosteriors() {
        if (committee.isEmpty()) {
            throw new IllegalArgumentException("committee disagreement needs at least 2 members");
        }
        List<NDArray> posteriors = new ArrayList<>();
        posteriors.add(task().posteriors(heads));
        for (Inference member : committee) {
            posteriors.add(member.posteriors(batch));
        }
        return posteriors;
    }
}
