package org.ll4al.tasks;

import ai.djl.ndarray.NDList;

/**
 * A batch a task prepared: the dataset ids it holds, the model inputs and whatever label
 * arrays its loss needs (all attached to the manager passed to the task).
 *
 * @param ids dataset ids (pool) or evaluation indices, in batch order
 * @param inputs model inputs
 * @param labels label arrays for {@link ActiveLearningTask#perSampleLoss}
 */
public record TaskBatch(int[] ids, NDList inputs, NDList labels) {

    /** Number of samples. */
    public int size() {
        return ids.length;
    }
}
