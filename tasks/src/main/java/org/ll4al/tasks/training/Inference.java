package org.ll4al.tasks.training;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
    NDArray trueLoss(NDList heads, TaskBatch b) {
        return lossTarget.of(task.perSampleLoss(heads, b), task.lossWeights(b));
    }

    /** The task this network serves. */
    ActiveLearningTask task() {
        return task;
    }

    /** The network (target model + loss prediction module). */
    LearningLossNetwork network() {
        return net;
    }

    /**
     * Scores a subset for the signals wanted in one pass over it: per batch, one forward of the
     * network, then each wanted signal's {@link SignalProvider} (which may run more passes: the
     * MC-dropout passes for BALD, one forward of each committee member).
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
        Map<Signal, float[]> scores = new TreeMap<>();
        Map<Signal, float[][]> vectors = new TreeMap<>();
        for (Signal s : wanted) {
            if (!SignalProviders.of(s).perBatch()) {
                continue;
            }
            if (s.isVector()) {
                vectors.put(s, new float[subset.length][]);
            } else {
                scores.put(s, new float[subset.length]);
            }
        }
        ParameterStore ps = new ParameterStore(model.getNDManager(), false);
        for (int from = 0; from < subset.length; from += batch) {
            int[] ids = Arrays.copyOfRange(subset, from, Math.min(subset.length, from + batch));
            try (ExitGate.Batch gate = ExitGate.DEFAULT.enter();
                    NDManager scope = model.getNDManager().newSubManager()) {
                TaskBatch b = task.poolBatch(scope, ids);
                ScoredBatch scored =
                        new ScoredBatch(this, ps, b, net.forward(ps, b.inputs(), false), wanted, committee, mcPasses);
                for (Map.Entry<Signal, float[]> e : scores.entrySet()) {
                    copy(SignalProviders.of(e.getKey()).compute(scored).toFloatArray(), e.getValue(), from);
                }
                for (Map.Entry<Signal, float[][]> e : vectors.entrySet()) {
                    rows(SignalProviders.of(e.getKey()).compute(scored), e.getValue(), from);
                }
            }
        }
        PoolView.Builder view = PoolView.builder().setIds(subset).optSource("task " + task.name());
        scores.forEach(view::optScores);
        if (influence != null) {
            view.optScores(Signal.INFLUENCE, influence);
        }
        vectors.forEach((s, rows) -> {
            if (s == Signal.EMBEDDING) {
                view.optEmbeddings(rows, embeddings(labeled, ps));
            } else {
                view.optVectors(s, rows);
            }
        });
        return view.build();
    }

    /** This network's posteriors on a batch (a committee member's, for committee disagreement). */
    NDArray posteriors(TaskBatch b) {
        ParameterStore ps = new ParameterStore(model.getNDManager(), false);
        return task.posteriors(net.heads(net.forward(ps, b.inputs(), false)));
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
                        task.evaluateBatch(metric, heads, b, entropies == null ? Set.of() : Set.of(Signal.ENTROPY));
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
