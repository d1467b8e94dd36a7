package org.ll4al.harness.run;

/**
 * Derives every random stream of an experiment from the seed, so that each stream depends only
 * on what it is for (trial, purpose, cycle): resumed runs and shards reproduce the same draws.
 */
public final class Seeds {

    /** Purpose: the trial's initial labeled set (shared by all strategies). */
    static final int INITIAL = 1;
    /** Purpose: model initialisation (shared by all strategies). */
    static final int MODEL = 2;
    /** Purpose: training order and augmentation of a cycle. */
    static final int TRAIN = 3;
    /** Purpose: the scored subset of a cycle. */
    static final int SUBSET = 4;
    /** Purpose: the strategy's own randomness in a cycle. */
    static final int SELECT = 5;
    /** Purpose: committee members' initialisation and training order. */
    static final int COMMITTEE = 6;
    /** Purpose: the engine's generator (dropout masks) while training a cycle. */
    static final int TORCH_TRAIN = 7;
    /** Purpose: the engine's generator (MC-dropout masks) while scoring a cycle's subset. */
    static final int TORCH_SCORE = 8;
    /** Purpose: ISAL's reference set R of a trial. */
    static final int ISAL_REFERENCE = 9;
    /** Purpose: ISAL's LiSSA draws of labeled samples in a cycle. */
    static final int ISAL_LISSA = 10;

    private Seeds() {}

    /** The seed of trial {@code t} of an experiment. */
    public static long trial(long seed, int t) {
        return mix(seed, 0x7A1L, t);
    }

    /** Mixes values into one well-spread seed (SplitMix64 finaliser). */
    static long mix(long... parts) {
        long h = 0x9E3779B97F4A7C15L;
        for (long p : parts) {
            h ^= p;
            h += 0x9E3779B97F4A7C15L;
            h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
            h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
            h ^= h >>> 31;
        }
        return h;
    }
}
