package org.ll4al.tasks.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Inference forwards that free each intermediate activation as soon as the next operation has
 * read it, as PyTorch's eager code does by reference counting. Without this, every intermediate of
 * a batch lives until the batch's {@code NDManager} closes, and the allocator maps fresh pages for
 * each one: DJL's first scoring pass after training took up to 3x the page faults of a second
 * (docs/benchmarks.md). Closing a handle never frees storage that a view or libtorch's gradient
 * graph still holds (libtorch counts references), so this is safe wherever an intermediate is not
 * read again from Java.
 */
public final class InferenceMemory {

    private InferenceMemory() {}

    /**
     * {@code seq}'s children in turn, as {@link SequentialBlock#forward} does; when not training,
     * each intermediate output (never {@code in}, never the result) is closed as soon as the next
     * child has produced its output, and nested sequential blocks are walked the same way.
     */
    public static NDList forward(
            SequentialBlock seq, ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
        if (training) {
            return seq.forward(ps, in, true, params);
        }
        NDList x = in;
        for (Block b : seq.getChildren().values()) {
            NDList y =
                    b instanceof SequentialBlock s ? forward(s, ps, x, false, params) : b.forward(ps, x, false, params);
            if (x != in) {
                closeExcept(x, y);
            }
            x = y;
        }
        return x;
    }

    /** Closes the arrays of {@code done} that are not themselves (the same object) in {@code kept}. */
    public static void closeExcept(NDList done, NDList kept) {
        for (NDArray a : done) {
            boolean shared = false;
            for (NDArray k : kept) {
                shared |= k == a;
            }
            if (!shared) {
                a.close();
            }
        }
    }
}
