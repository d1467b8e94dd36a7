package org.ll4al.tasks.learn;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.ll4al.selection.LearningLossNetwork;
import org.ll4al.selection.PoolView;
import org.ll4al.selection.Signal;
import org.ll4al.tasks.ActiveLearningTask;
import org.ll4al.tasks.MetricAccumulator;
import org.ll4al.tasks.TaskBatch;

/** Runs a trained network without gradients: scores a pool subset or evaluates the metric. */
final class Inference {

    private final ActiveLearningTask task;
    private final Model model;
    private final LearningLossNetwork net;
    private final int batch;

    Inference(ActiveLearningTask task, Model model, LearningLossNetwork net, int batch) {
        this.task = task;
        this.model = model;
        this.net = net;
        this.batch = batch;
    }

    PoolView score(int[] subset, int[] labeled, Set<Signal> wanted) {
        Set<Signal> uncertainty = EnumSet.noneOf(Signal.class);
        for (Signal s : wanted) {
            if (s == Signal.ENTROPY || s == Signal.MARGIN || s == Signal.LEAST_CONFIDENCE) {
                if (!task.uncertaintySignals().contains(s)) {
                    throw new IllegalArgumentException(
                            "task " + task.name() + " does not provide " + s + "; it provides "
                                    + task.uncertaintySignals() + ", PREDICTED_LOSS, EMBEDDING");
                }
                uncertainty.add(s);
            }
        }
        boolean wantLoss = wanted.contains(Signal.PREDICTED_LOSS);
        boolean wantTrue = wanted.contains(Signal.TRUE_LOSS);
        boolean wantEmb = wanted.contains(Signal.EMBEDDING);
        Map<Signal, float[]> scores = new EnumMap<>(Signal.class);
        for (Signal s : uncertainty) {
            scores.put(s, new float[subset.length]);
        }
        if (wantLoss) {
            scores.put(Signal.PREDICTED_LOSS, new float[subset.length]);
        }
        if (wantTrue) {
            scores.put(Signal.TRUE_LOSS, new float[subset.length]);
        }
        float[][] emb = wantEmb ? new float[subset.length][] : null;
        ParameterStore ps = new ParameterStore(model.getNDManager(), false);
        for (int from = 0; from < subset.length; from += batch) {
            int[] ids = Arrays.copyOfRange(subset, from, Math.min(subset.length, from + batch));
            try (NDManager scope = model.getNDManager().newSubManager()) {
                TaskBatch b = task.poolBatch(scope, ids);
                NDList out = net.forward(ps, b.inputs(), false);
                if (wantLoss) {
                    copy(net.predictedLoss(out).toFloatArray(), scores.get(Signal.PREDICTED_LOSS), from);
                }
                if (wantTrue) {
                    copy(task.perSampleLoss(net.heads(out), b).toFloatArray(), scores.get(Signal.TRUE_LOSS), from);
                }
                if (!uncertainty.isEmpty()) {
                    Map<Signal, float[]> u = task.uncertainty(net.heads(out), b, uncertainty);
                    for (Signal s : uncertainty) {
                        copy(u.get(s), scores.get(s), from);
                    }
                }
                if (wantEmb) {
                    rows(net.embedding(out), emb, from);
                }
            }
        }
        PoolView.Builder view = PoolView.builder().setIds(subset).optSource("task " + task.name());
        scores.forEach(view::optScores);
        if (wantEmb) {
            view.optEmbeddings(emb, embeddings(labeled, ps));
        }
        return view.build();
    }

    private float[][] embeddings(int[] ids, ParameterStore ps) {
        float[][] emb = new float[ids.length][];
        for (int from = 0; from < ids.length; from += batch) {
            int[] part = Arrays.copyOfRange(ids, from, Math.min(ids.length, from + batch));
            try (NDManager scope = model.getNDManager().newSubManager()) {
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
        MetricAccumulator metric = task.newMetric();
        ParameterStore ps = new ParameterStore(model.getNDManager(), false);
        for (int from = 0; from < n; from += batch) {
            int to = Math.min(n, from + batch);
            int[] ids = new int[to - from];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = from + i;
            }
            try (NDManager scope = model.getNDManager().newSubManager()) {
                TaskBatch b = task.evalBatch(scope, ids);
                NDList out = net.forward(ps, b.inputs(), false);
                NDList heads = net.heads(out);
                metric.add(heads, b);
                copy(task.perSampleLoss(heads, b).toFloatArray(), truth, from);
                copy(net.predictedLoss(out).toFloatArray(), predicted, from);
            }
        }
        return new Evaluation(
                metric.value(), LossRanking.accuracy(truth, predicted), (System.nanoTime() - start) / 1e9);
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
