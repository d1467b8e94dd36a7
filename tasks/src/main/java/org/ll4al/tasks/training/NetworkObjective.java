package org.ll4al.tasks.training;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.ll4al.selection.lossprediction.LearningLossNetwork;
import org.ll4al.tasks.ActiveLearningTask;
import org.ll4al.tasks.TaskBatch;

/**
 * A task's per-sample loss through its target model in inference mode (BatchNorm with running
 * statistics, dropout off), over the target's weight tensors with more than one dimension (every
 * conv and linear weight; biases, BatchNorm and the loss prediction module excluded) or only the
 * last of them. Samples come from the pool, or from the evaluation set.
 */
final class NetworkObjective implements PerSampleObjective {

    private static final float EPS = 1e-12f;

    private final ActiveLearningTask task;
    private final Model model;
    private final LearningLossNetwork net;
    private final List<NDArray> parameters;
    private final boolean evaluationSet;

    /**
     * Creates the objective.
     *
     * @param parameters the arrays differentiated (see {@link #weights})
     * @param evaluationSet read samples from the evaluation set instead of the pool
     */
    NetworkObjective(
            ActiveLearningTask task,
            Model model,
            LearningLossNetwork net,
            List<NDArray> parameters,
            boolean evaluationSet) {
        this.task = task;
        this.model = model;
        this.net = net;
        this.parameters = parameters;
        this.evaluationSet = evaluationSet;
    }

    /** The target's conv and linear weights (more than one dimension), or only the last of them. */
    static List<NDArray> weights(ActiveLearningTask task, LearningLossNetwork net, boolean lastLayer) {
        List<NDArray> weights = new ArrayList<>();
        for (var p : net.target().getParameters()) {
            Parameter param = p.getValue();
            if (param.getType() == Parameter.Type.WEIGHT
                    && param.getArray().getShape().dimension() > 1) {
                weights.add(param.getArray());
            }
        }
        if (weights.isEmpty()) {
            throw new IllegalStateException("the " + task.name() + " model has no weight tensor to differentiate");
        }
        return lastLayer ? List.of(weights.get(weights.size() - 1)) : List.copyOf(weights);
    }

    @Override
    public List<NDArray> parameters() {
        return parameters;
    }

    /** Every parameter of the network (target and loss prediction module) that collects a gradient. */
    @Override
    public List<NDArray> gradientHolders() {
        List<NDArray> out = new ArrayList<>();
        for (var p : net.getParameters()) {
            if (p.getValue().requiresGradient()) {
                out.add(p.getValue().getArray());
            }
        }
        return out;
    }

    private NDList heads(NDManager scope, TaskBatch b) {
        return net.heads(net.forward(new ParameterStore(model.getNDManager(), false), b.inputs(), false));
    }

    private TaskBatch batch(NDManager scope, int[] ids) {
        return evaluationSet ? task.evalBatch(scope, ids) : task.poolBatch(scope, ids);
    }

    @Override
    public NDArray loss(NDManager scope, int[] ids) {
        TaskBatch b = batch(scope, ids);
        return task.perSampleLoss(heads(scope, b), b);
    }

    @Override
    public NDArray posteriors(NDManager scope, int[] ids) {
        return task.posteriors(heads(scope, batch(scope, ids))).squeeze(1);
    }

    @Override
    public NDArray pseudoLoss(NDManager scope, int[] ids, NDArray weights) {
        NDArray p = task.posteriors(heads(scope, batch(scope, ids))).squeeze(1);
        return p.add(EPS).log().mul(weights).sum(new int[] {1}).neg();
    }
}
