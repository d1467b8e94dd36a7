package org.ll4al.tasks.training;

/** Receives progress of one cycle's training (for progress bars and logs). */
public interface EpochListener {

    /** Called after every batch. */
    default void onBatch(int epoch, int batch, int batchesPerEpoch) {}

    /** Called after every epoch with its mean task loss and mean loss-prediction loss. */
    default void onEpoch(int epoch, int epochs, double taskLoss, double lossPredictionLoss) {}

    /** A listener that ignores everything. */
    EpochListener NONE = new EpochListener() {};
}
