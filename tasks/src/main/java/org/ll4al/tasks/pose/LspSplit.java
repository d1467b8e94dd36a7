package org.ll4al.tasks.pose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ll4al.selection.SubsetSampler;
import org.ll4al.tasks.TaskDataException;

/**
 * The evaluation set and the pool of a Leeds Sports Pose file, disjoint: the evaluation set is
 * {@code evalLimit} of the file's people drawn with {@code seed + 1} ({@link SubsetSampler#limit};
 * one tenth of them when {@code evalLimit} is 0), the pool {@code poolLimit} of the others drawn
 * with {@code seed} (all of them when 0) - the seeds the MPII layout uses for its evaluation and
 * pool limits. The result depends only on the number of people, the limits and the seed.
 *
 * @param eval indices (into the file's people) of the evaluation set, increasing
 * @param pool indices of the pool, increasing
 */
public record LspSplit(int[] eval, int[] pool) {

    /**
     * Splits {@code n} people.
     *
     * @throws TaskDataException when the evaluation set would leave no pool
     */
    public static LspSplit of(int n, int evalLimit, int poolLimit, long seed) {
        int evalCount = evalLimit > 0 ? evalLimit : Math.max(1, n / 10);
        if (evalCount >= n) {
            throw new TaskDataException("evalLimit " + evalCount + " takes all " + n
                    + " people of the Leeds Sports Pose file and leaves no pool; expected fewer than " + n);
        }
        int[] eval = SubsetSampler.limit(n, evalCount, seed + 1);
        boolean[] taken = new boolean[n];
        for (int i : eval) {
            taken[i] = true;
        }
        List<Integer> rest = new ArrayList<>(n - eval.length);
        for (int i = 0; i < n; i++) {
            if (!taken[i]) {
                rest.add(i);
            }
        }
        int[] pool = SubsetSampler.limit(rest, poolLimit, seed).stream()
                .mapToInt(Integer::intValue)
                .toArray();
        return new LspSplit(eval, pool);
    }

    /** The people at {@code indices}. */
    static List<PoseSample> pick(List<PoseSample> people, int[] indices) {
        return Arrays.stream(indices).mapToObj(people::get).toList();
    }
}
