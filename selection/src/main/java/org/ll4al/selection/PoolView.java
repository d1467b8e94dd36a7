package org.ll4al.selection;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The scored subset of the unlabeled pool handed to a strategy: dataset ids plus whatever
 * signals the task computed for them (and, for core-set, the labeled set's embeddings).
 * Position {@code i} of every array belongs to dataset id {@code ids()[i]}.
 */
public final class PoolView {

    private final int[] ids;
    private final Map<Signal, float[]> scores;
    private final float[][] embeddings;
    private final float[][] labeledEmbeddings;
    private final String source;

    private PoolView(Builder b) {
        this.ids = b.ids;
        this.scores = b.scores;
        this.embeddings = b.embeddings;
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
        if (embeddings != null) {
            s.add(Signal.EMBEDDING);
        }
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
        if (embeddings == null) {
            throw missing(Signal.EMBEDDING);
        }
        return embeddings;
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
        private final Map<Signal, float[]> scores = new EnumMap<>(Signal.class);
        private float[][] embeddings;
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
            if (signal == Signal.EMBEDDING) {
                throw new IllegalArgumentException("use optEmbeddings for EMBEDDING");
            }
            scores.put(signal, values);
            return this;
        }

        /** Adds embeddings of the subset and of the labeled set. */
        public Builder optEmbeddings(float[][] subset, float[][] labeled) {
            this.embeddings = subset;
            this.labeledEmbeddings = labeled;
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
            scores.forEach(
                    (k, v) -> {
                        if (v.length != ids.length) {
                            throw new IllegalArgumentException(
                                    "PoolView: " + k + " has " + v.length + " values for " + ids.length + " ids");
                        }
                    });
            if (embeddings != null && embeddings.length != ids.length) {
                throw new IllegalArgumentException(
                        "PoolView: " + embeddings.length + " embeddings for " + ids.length + " ids");
            }
            return new PoolView(this);
        }
    }
}
