package org.ll4al.harness.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's per-operator profile of a scoring pass ({@code -DbenchProfile=FILE}): libtorch's
 * profiler, reached through DJL's PyTorch engine, writes a Chrome trace to FILE; {@link #summarize}
 * totals its complete events by operator name, so DJL's operators can be set against
 * {@code scripts/bench/resnet_cifar.py --profile}'s table of the same network in PyTorch.
 */
public final class OpProfile {

    private OpProfile() {}

    /** One operator's total: wall microseconds over its calls (children included) and its calls. */
    record Row(String name, double micros, int calls) {}

    /** Runs {@code pass} under the engine's profiler and writes the Chrome trace to {@code trace}. */
    static void record(Path trace, Runnable pass) {
        Class<?> jni;
        try {
            jni = Class.forName("ai.djl.pytorch.jni.JniUtils");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(
                    "-DbenchProfile needs DJL's PyTorch engine (ai.djl.pytorch.jni.JniUtils)", e);
        }
        try {
            jni.getMethod("startProfile", boolean.class, boolean.class, boolean.class)
                    .invoke(null, false, true, false);
            try {
                pass.run();
            } finally {
                jni.getMethod("stopProfile", String.class)
                        .invoke(null, trace.toAbsolutePath().toString());
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the PyTorch engine's profiler failed: " + e, e);
        }
    }

    /**
     * Operators of a Chrome trace by total duration, longest first.
     *
     * @throws IOException when the file cannot be read or is not a Chrome trace
     */
    static List<Row> summarize(Path trace) throws IOException {
        JsonElement root;
        try (Reader r = Files.newBufferedReader(trace)) {
            root = JsonParser.parseReader(r);
        } catch (RuntimeException e) {
            throw new IOException(trace + ": not a Chrome trace (" + e.getMessage() + ")", e);
        }
        JsonArray events = root.isJsonArray()
                ? root.getAsJsonArray()
                : root.isJsonObject() && root.getAsJsonObject().has("traceEvents")
                        ? root.getAsJsonObject().getAsJsonArray("traceEvents")
                        : null;
        if (events == null) {
            throw new IOException(trace + ": not a Chrome trace (expected an array or an object with traceEvents)");
        }
        Map<String, double[]> totals = new HashMap<>();
        for (JsonElement e : events) {
            if (!e.isJsonObject()) {
                continue;
            }
            JsonObject o = e.getAsJsonObject();
            if (!o.has("ph") || !"X".equals(o.get("ph").getAsString()) || !o.has("dur") || !o.has("name")) {
                continue;
            }
            double[] t = totals.computeIfAbsent(o.get("name").getAsString(), k -> new double[2]);
            t[0] += o.get("dur").getAsDouble();
            t[1]++;
        }
        List<Row> rows = new ArrayList<>();
        totals.forEach((name, t) -> rows.add(new Row(name, t[0], (int) t[1])));
        rows.sort(Comparator.comparingDouble(Row::micros).reversed().thenComparing(Row::name));
        return rows;
    }

    /** Prints the {@code limit} longest operators, in milliseconds. */
    static void print(List<Row> rows, int limit, PrintStream out) {
        out.printf("%-36s %12s %8s%n", "operator (children included)", "total ms", "calls");
        for (Row r : rows.subList(0, Math.min(limit, rows.size()))) {
            out.printf("%-36s %12.1f %8d%n", r.name(), r.micros() / 1e3, r.calls());
        }
    }
}
