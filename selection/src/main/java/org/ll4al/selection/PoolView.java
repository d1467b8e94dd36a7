package org.ll4al.selection;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The scored subset of the unlabeled pool handed to a strategy: dataset ids plus whatever
 * signals the task computed for them (and, for core-set, the labeled set's embeddings).
 * Position {@code i} of every array belongs to dataset id {@code ids()[i]}.
 */
public final class PoolView {

    private final int[] ids;
    private final Map<Signal, float[]> scores;
    private final Map<Signal, float[][]> vectors;
    private final float[][] labeledEmbeddings;
    private final String source;

    private PoolView(Builder b) {
        this.ids = b.ids;
        this.scores = b.scores;
        this.vectors = b.vectors;
        this.labeledEmbeddings = b.labeledEmbeddings;
        this.source = b.source;
    }

    /** Creates a builder; {@link Builder#setIds} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Dataset ids of the scored subset (distinct). */
    public int[] ids() {
        return ids;
    }

    /** Number of samples in the subset. */
    public int size() {
        return ids.length;
    }

    /** Signals present in this view. */
    public Set<Signal> signals() {
        Set<Signal> s = new HashSet<>(scores.keySet());
        s.addAll(vectors.keySet());
        return s;
    }

    /** The per-sample values of a scalar signal, or a clear error if the task did not provide it. */
    public float[] scores(Signal signal) {
        float[] s = scores.get(signal);
        if (s == null) {
            throw missing(signal);
        }
        return s;
    }

    /** Embeddings of the subset (one row per id). */
    public float[][] embeddings() {
        return vectors(Signal.EMBEDDING);
    }

    /** The per-sample vectors of a vector signal (one row per id), or a clear error if absent. */
    public float[][] vectors(Signal signal) {
        float[][] v = vectors.get(signal);
        if (v == null) {
            throw missing(signal);
        }
        return v;
    }

    /** Embeddings of the labeled set (core-set's initial centers); may have zero rows. */
    public float[][] labeledEmbeddings() {
        if (labeledEmbeddings == null) {
            throw missing(Signal.EMBEDDING);
        }
        return labeledEmbeddings;
    }

    private IllegalArgumentException missing(Signal signal) {
        return new IllegalArgumentException(
                "signal " + signal + " was not provided by " + source + "; it provides " + signals());
    }

    /** Builder of {@link PoolView}. */
    public static final class Builder {
        private int[] ids;
        private final Map<Signal, float[]> scores = new TreeMap<>();
        private final Map<Signal, float[][]> vectors = new TreeMap<>();
        private float[][] labeledEmbeddings;
        private String source = "the task";

        private Builder() {}

        /** Sets the dataset ids of the subset (required, distinct). */
        public Builder setIds(int[] ids) {
            this.ids = ids.clone();
            return this;
        }

        /** Adds a scalar signal, one value per id. */
        public Builder optScores(Signal signal, float[] values) {
            if (signal.isVector()) {
                throw new IllegalArgumentException("use optVectors for " + signal);
            }
            scores.put(signal, values);
            return this;
        }

        /** Adds embeddings of the subset and of the labeled set. */
        public Builder optEmbeddings(float[][] subset, float[][] labeled) {
            vectors.put(Signal.EMBEDDING, subset);
            this.labeledEmbeddings = labeled;
            return this;
        }

        /** Adds a vector signal other than EMBEDDING, one row per id. */
        public Builder optVectors(Signal signal, float[][] rows) {
            if (!signal.isVector() || signal == Signal.EMBEDDING) {
                throw new IllegalArgumentException(signal + " is not a vector signal set by optVectors");
            }
            vectors.put(signal, rows);
            return this;
        }

        /** Names what produced the signals, for error messages. */
        public Builder optSource(String source) {
            this.source = source;
            return this;
        }

        /** Builds the view, checking that ids are distinct and every signal has one value per id. */
        public PoolView build() {
            if (ids == null) {
                throw new IllegalStateException("PoolView: setIds is required");
            }
            if (Arrays.stream(ids).distinct().count() != ids.length) {
                throw new IllegalArgumentException("PoolView: ids must be distinct");
            }
            scores.forEach((k, v) -> {
                if (v.length != ids.length) {
                    throw new IllegalArgumentException(
                            "PoolView: " + k + " has " + v.length + " values for " + ids.length + " ids");
                }
            });
            vectors.forEach((k, v) -> {
                if (v.length != ids.length) {
                    throw new IllegalArgumentException(
                            "PoolView: " + k + " has " + v.length + " rows for " + ids.length + " ids");
                }
            });
            return new PoolView(this);
        }
    }
}
