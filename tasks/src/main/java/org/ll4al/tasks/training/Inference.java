package org.ll4al.tasks.training;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.ll4al.selection.PoolView;
import org.ll4al.selection.Signal;
import org.ll4al.selection.lossprediction.JointObjective;
import org.ll4al.selection.lossprediction.LearningLossNetwork;
import org.ll4al.tasks.ActiveLearningTask;
import org.ll4al.tasks.MetricAccumulator;
import org.ll4al.tasks.TaskBatch;

/** Runs a trained network without gradients: scores a pool subset or evaluates the metric. */
final class Inference {

    private final ActiveLearningTask task;
    private final Model model;
    private final LearningLossNetwork net;
    private final int batch;
    private final JointObjective.Target lossTarget;

    /** @param lossTarget which loss of a sample is its true loss (what the module was trained to rank) */
    Inference(
            ActiveLearningTask task,
            Model model,
            LearningLossNetwork net,
            int batch,
            JointObjective.Target lossTarget) {
        this.task = task;
        this.model = model;
        this.net = net;
        this.batch = batch;
        this.lossTarget = lossTarget;
    }

    /** The true loss of each sample of a batch: the loss the module learns to rank. */
    private NDArray trueLoss(NDList heads, TaskBatch b) {
        return lossTarget.of(task.perSampleLoss(heads, b), task.lossWeights(b));
    }

    /**
     * Scores a subset for the signals wanted in one pass over it (per batch: one forward of the
     * network, plus the MC-dropout passes for BALD and one forward of each committee member).
     *
     * @param committee the other committee members (for COMMITTEE_DISAGREEMENT), this network being the first
     * @param mcPasses stochastic passes for BALD
     * @param influence ISAL's influence of the subset, computed beforehand, or null
     */
    PoolView score(
            int[] subset,
            int[] labeled,
            Set<Signal> wanted,
            List<Inference> committee,
            int mcPasses,
            float[] influence) {
        SignalCheck.require(task, wanted, net.target());
        Set<Signal> uncertainty = EnumSet.noneOf(Signal.class);
        for (Signal s : wanted) {
            if (task.uncertaintySignals().contains(s)) {
                uncertainty.add(s);
            }
        }
        Map<Signal, float[]> scores = new EnumMap<>(Signal.class);
        for (Signal s : wanted) {
            if (!s.isVector() && s != Signal.INFLUENCE) {
                scores.put(s, new float[subset.length]);
            }
        }
        boolean wantEmb = wanted.contains(Signal.EMBEDDING);
        float[][] emb = wantEmb ? new float[subset.length][] : null;
        float[][] gradEmb = wanted.contains(Signal.GRADIENT_EMBEDDING) ? new float[subset.length][] : null;
        ParameterStore ps = new ParameterStore(model.getNDManager(), false);
        for (int from = 0; from < subset.length; from += batch) {
            int[] ids = Arrays.copyOfRange(subset, from, Math.min(subset.length, from + batch));
            try (ExitGate.Batch gate = ExitGate.DEFAULT.enter();
                    NDManager scope = model.getNDManager().newSubManager()) {
                TaskBatch b = task.poolBatch(scope, ids);
                NDList out = net.forward(ps, b.inputs(), false);
                NDList heads = net.heads(out);
                put(scores, Signal.PREDICTED_LOSS, from, () -> net.predictedLoss(out));
                put(scores, Signal.TRUE_LOSS, from, () -> trueLoss(heads, b));
                put(scores, Signal.BALD, from, () -> PosteriorSignals.mutualInformation(mcPasses(ps, b, mcPasses)));
                put(
                        scores,
                        Signal.COMMITTEE_DISAGREEMENT,
                        from,
                        () -> PosteriorSignals.disagreement(committeePosteriors(heads, b, committee)));
                if (!uncertainty.isEmpty()) {
                    Map<Signal, float[]> u = task.uncertainty(heads, b, uncertainty);
                    for (Signal s : uncertainty) {
                        copy(u.get(s), scores.get(s), from);
                    }
                }
                if (wantEmb) {
                    rows(net.embedding(out), emb, from);
                }
                if (gradEmb != null) {
                    rows(PosteriorSignals.gradientEmbedding(task.posteriors(heads), net.embedding(out)), gradEmb, from);
                }
            }
        }
        PoolView.Builder view = PoolView.builder().setIds(subset).optSource("task " + task.name());
        scores.forEach(view::optScores);
        if (influence != null) {
            view.optScores(Signal.INFLUENCE, influence);
        }
        if (wantEmb) {
            view.optEmbeddings(emb, embeddings(labeled, ps));
        }
        if (gradEmb != null) {
            view.optVectors(Signal.GRADIENT_EMBEDDING, gradEmb);
        }
        return view.build();
    }

    private static void put(Map<Signal, float[]> scores, Signal s, int at, Supplier<NDArray> value) {
        float[] dst = scores.get(s);
        if (dst != null) {
            copy(value.get().toFloatArray(), dst, at);
        }
    }

    /** T forward passes with MC dropout on (BatchNorm in inference mode); posteriors of each. */
    private List<NDArray> mcPasses(ParameterStore ps, TaskBatch b, int passes) {
        List<NDArray> out = new ArrayList<>(passes);
        net.setMcDropout(true);
        try {
            for (int t = 0; t < passes; t++) {
                out.add(task.posteriors(net.heads(net.forward(ps, b.inputs(), false))));
            }
        } finally {
            net.setMcDropout(false);
        }
        return out;
    }

    /** This network's posteriors and those of the other committee members on the same batch. */
    private List<NDArray> committeePosteriors(NDList heads, TaskBatch b, List<Inference> others) {
        if (others.isEmpty()) {
            throw new IllegalArgumentException("committee disagreement needs at least 2 members");
        }
        List<NDArray> out = new ArrayList<>();
        out.add(task.posteriors(heads));
        for (Inference member : others) {
            ParameterStore ps = new ParameterStore(member.model.getNDManager(), false);
            out.add(task.posteriors(member.net.heads(member.net.forward(ps, b.inputs(), false))));
        }
        return out;
    }

    private float[][] embeddings(int[] ids, ParameterStore ps) {
        float[][] emb = new float[ids.length][];
        for (int from = 0; from < ids.length; from += batch) {
            int[] part = Arrays.copyOfRange(ids, from, Math.min(ids.length, from + batch));
            try (ExitGate.Batch gate = ExitGate.DEFAULT.enter();
                    NDManager scope = model.getNDManager().newSubManager()) {
                NDList out = net.forward(ps, task.poolBatch(scope, part).inputs(), false);
                rows(net.embedding(out), emb, from);
            }
        }
        return emb;
    }

    Evaluation evaluate() {
        long start = System.nanoTime();
        int n = task.evalSize();
        float[] truth = new float[n];
        float[] predicted = new float[n];
        float[] entropies = task.uncertaintySignals().contains(Signal.ENTROPY) ? new float[n] : null;
        MetricAccumulator metric = task.newMetric();
        ParameterStore ps = new ParameterStore(model.getNDManager(), false);
        for (int from = 0; from < n; from += batch) {
            int to = Math.min(n, from + batch);
            int[] ids = new int[to - from];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = from + i;
            }
            try (ExitGate.Batch gate = ExitGate.DEFAULT.enter();
                    NDManager scope = model.getNDManager().newSubManager()) {
                TaskBatch b = task.evalBatch(scope, ids);
                NDList out = net.forward(ps, b.inputs(), false);
                NDList heads = net.heads(out);
                Map<Signal, float[]> u =
                        task.evaluateBatch(metric, heads, b, entropies == null ? Set.of() : EnumSet.of(Signal.ENTROPY));
                copy(trueLoss(heads, b).toFloatArray(), truth, from);
                copy(net.predictedLoss(out).toFloatArray(), predicted, from);
                if (entropies != null) {
                    copy(u.get(Signal.ENTROPY), entropies, from);
                }
            }
        }
        return new Evaluation(
                metric.value(),
                LossRanking.accuracy(truth, predicted),
                (System.nanoTime() - start) / 1e9,
                truth,
                predicted,
                entropies == null ? Double.NaN : LossRanking.accuracy(truth, entropies, 0.5),
                metric.details());
    }

    private static void copy(float[] src, float[] dst, int at) {
        System.arraycopy(src, 0, dst, at, src.length);
    }

    private static void rows(NDArray embedding, float[][] dst, int at) {
        NDArray flat = embedding.reshape(embedding.getShape().get(0), -1);
        int d = (int) flat.getShape().get(1);
        float[] all = flat.toFloatArray();
        for (int i = 0; i < all.length / d; i++) {
            dst[at + i] = Arrays.copyOfRange(all, i * d, (i + 1) * d);
        }
    }
}
