package org.ll4al.tasks.training;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.ll4al.results.SelectionDiagnostics;
import org.ll4al.selection.PoolView;
import org.ll4al.selection.Signal;

/**
 * Computes a cycle's {@link SelectionDiagnostics} from the scored subset (which must carry
 * {@link Signal#TRUE_LOSS} and {@link Signal#PREDICTED_LOSS}) and the ids picked from it. Reads
 * the labels; runs after the selection and never changes it.
 */
public final class Diagnose {

    private Diagnose() {}

    /** The signals the scored subset must carry for {@link #selection}. */
    public static final Set<Signal> NEEDS = Set.of(Signal.TRUE_LOSS, Signal.PREDICTED_LOSS);

    /**
     * Diagnostics of picking {@code picked} out of {@code pool}.
     *
     * @param labelEntropy the picks' class balance ({@code ActiveLearningTask.labelEntropy})
     * @throws IllegalArgumentException when a picked id is not in the pool
     */
    public static SelectionDiagnostics selection(PoolView pool, int[] picked, double labelEntropy) {
        float[] truth = pool.scores(Signal.TRUE_LOSS);
        float[] predicted = pool.scores(Signal.PREDICTED_LOSS);
        Map<Integer, Integer> position = new HashMap<>();
        int[] ids = pool.ids();
        for (int i = 0; i < ids.length; i++) {
            position.put(ids[i], i);
        }
        double all = 0;
        for (float v : truth) {
            all += v;
        }
        double chosen = 0;
        for (int id : picked) {
            Integer at = position.get(id);
            if (at == null) {
                throw new IllegalArgumentException("picked id " + id + " is not in the scored subset");
            }
            chosen += truth[at];
        }
        double meanAll = all / truth.length;
        double ratio = picked.length == 0 || meanAll == 0 ? Double.NaN : (chosen / picked.length) / meanAll;
        return new SelectionDiagnostics(ratio, LossRanking.accuracy(truth, predicted), labelEntropy);
    }
}
