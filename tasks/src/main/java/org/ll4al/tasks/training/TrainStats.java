package org.ll4al.tasks.training;

/**
 * What one cycle's training did.
 *
 * @param seconds wall time
 * @param images images processed (epochs x labeled)
 * @param lastTaskLoss mean task loss of the last epoch
 * @param lastLossPredictionLoss mean loss-prediction loss of the last epoch
 */
public record TrainStats(double seconds, long images, double lastTaskLoss, double lastLossPredictionLoss) {

    /** Training throughput in images per second. */
    public double imagesPerSecond() {
        return seconds > 0 ? images / seconds : 0;
    }
}
