package org.ll4al.selection.lossprediction;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Arrays;
import org.ll4al.selection.McDropout;

/**
 * The target model with the loss prediction module attached. The target block must return
 * {@code [head outputs..., tap_1 .. tap_T, embedding]}: its task predictions first, then the T
 * feature maps the module taps, then the pooled embedding used by core-set. This block returns
 * the target's list followed by the predicted loss (B). After {@link #setDetachFeatures} the
 * taps enter the module detached: the module keeps learning, the target no longer receives its
 * gradient (the paper's stop-gradient after a set epoch).
 */
public final class LearningLossNetwork extends AbstractBlock {

    private final Block target;
    private final LossPredictionModule lossModule;
    private volatile boolean detachFeatures;

    /**
     * Wraps a target model.
     *
     * @param target the task's network, returning heads, taps and embedding as described above
     * @param lossModule the loss prediction module; its tap count fixes T
     */
    public LearningLossNetwork(Block target, LossPredictionModule lossModule) {
        this.target = addChildBlock("target", target);
        this.lossModule = addChildBlock("lossModule", lossModule);
    }

    /** The task's network. */
    public Block target() {
        return target;
    }

    /** The loss prediction module. */
    public LossPredictionModule lossModule() {
        return lossModule;
    }

    /** Stops (true) or restores (false) the module's gradient into the target model. */
    public void setDetachFeatures(boolean detach) {
        this.detachFeatures = detach;
    }

    /**
     * Turns Monte Carlo dropout on or off in inference passes: every {@link McDropout} layer of
     * the target samples masks while on (BatchNorm stays in inference mode).
     *
     * @return the number of dropout layers switched (0: the target has none, MC dropout is void)
     */
    public int setMcDropout(boolean on) {
        return McDropout.setSampling(target, on);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList out = target.forward(ps, inputs, training, params);
        int t = lossModule.tapCount();
        int heads = out.size() - t - 1;
        if (heads < 1) {
            throw new IllegalStateException(
                    "target model returned " + out.size() + " arrays; expected heads, " + t + " taps and an embedding");
        }
        NDList taps = new NDList(t);
        for (int i = heads; i < heads + t; i++) {
            taps.add(detachFeatures ? out.get(i).stopGradient() : out.get(i));
        }
        NDArray predicted =
                lossModule.forward(ps, taps, training).singletonOrThrow().reshape(-1);
        NDList result = new NDList(out);
        result.add(predicted);
        return result;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] out = target.getOutputShapes(inputShapes);
        Shape[] all = Arrays.copyOf(out, out.length + 1);
        all[out.length] = new Shape(inputShapes[0].get(0));
        return all;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        target.initialize(manager, dataType, inputShapes);
        Shape[] out = target.getOutputShapes(inputShapes);
        int t = lossModule.tapCount();
        int heads = out.length - t - 1;
        lossModule.initialize(manager, dataType, Arrays.copyOfRange(out, heads, heads + t));
    }

    /** Number of head outputs in a forward result of this network. */
    public int headCount(NDList out) {
        return out.size() - lossModule.tapCount() - 2;
    }

    /** The task predictions (the head outputs) of a forward result. */
    public NDList heads(NDList out) {
        return new NDList(out.subList(0, headCount(out)));
    }

    /** The core-set embedding of a forward result. */
    public NDArray embedding(NDList out) {
        return out.get(out.size() - 2);
    }

    /** The predicted loss (B) of a forward result. */
    public NDArray predictedLoss(NDList out) {
        return out.get(out.size() - 1);
    }
}
