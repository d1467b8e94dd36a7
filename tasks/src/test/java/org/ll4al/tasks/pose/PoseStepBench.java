package org.ll4al.tasks.pose;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.ll4al.tasks.TaskBatch;

/** Splits a training step into data, forward, backward; runs only with -Dll4al.bench=true. */
class PoseStepBench {

    @Test
    void stepBreakdown() {
        Assumptions.assumeTrue(Boolean.getBoolean("ll4al.bench"), "benchmark: run with -Dll4al.bench=true");
        int size = Integer.getInteger("bench.imageSize", 64);
        int batch = Integer.getInteger("bench.batch", 16);
        double width = Double.parseDouble(System.getProperty("bench.width", "0.25"));
        PoseTask task = (PoseTask) new PoseTaskProvider().create(new org.ll4al.tasks.TaskConfig(
                Path.of("target/bench-synthetic-mpii-" + size), 1, width, 400, 200, size, 2, null, List.of(),
                Map.of("synthetic", "true")));
        var block = task.newTargetModel().block();
        try (Model model = Model.newInstance("b")) {
            model.setBlock(block);
            block.setInitializer(new XavierInitializer(), ai.djl.nn.Parameter.Type.WEIGHT);
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(batch, 3, size, size));
            ParameterStore ps = new ParameterStore(model.getNDManager(), false);
            Random rng = new Random(0);
            long data = 0;
            long fwd = 0;
            long bwd = 0;
            long inf = 0;
            int steps = 10;
            for (int s = 0; s < steps + 2; s++) {
                int[] ids = new int[batch];
                for (int i = 0; i < batch; i++) {
                    ids[i] = rng.nextInt(400);
                }
                try (NDManager scope = model.getNDManager().newSubManager()) {
                    long t0 = System.nanoTime();
                    TaskBatch b = task.trainBatch(scope, ids, rng);
                    long t1 = System.nanoTime();
                    long t2;
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDList out = block.forward(ps, b.inputs(), true);
                        NDArray loss = task.perSampleLoss(new NDList(out.subList(0, 2)), b).mean();
                        loss.getFloat();
                        t2 = System.nanoTime();
                        gc.backward(loss);
                    }
                    long t3 = System.nanoTime();
                    NDList o = block.forward(ps, b.inputs(), false);
                    o.get(0).toFloatArray();
                    long t4 = System.nanoTime();
                    if (s >= 2) {
                        data += t1 - t0;
                        fwd += t2 - t1;
                        bwd += t3 - t2;
                        inf += t4 - t3;
                    }
                }
            }
            System.out.printf("batch %d size %d width %.3f: per step data %.1f ms, forward %.1f ms, backward %.1f ms,"
                    + " inference forward %.1f ms%n", batch, size, width, data / 1e6 / steps, fwd / 1e6 / steps,
                    bwd / 1e6 / steps, inf / 1e6 / steps);
        }
    }
}
