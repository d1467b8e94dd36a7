package org.ll4al.tasks.detection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.tasks.TaskDataException;

class SsdNetworkTest {

    @TempDir
    Path dir;

    private static SsdNetwork init(SsdNetwork net, NDManager m, int size) {
        net.setInitializer(
                new NormalInitializer(0.01f), p -> p.getType() == Parameter.Type.WEIGHT && p.getInitializer() == null);
        net.initialize(m, DataType.FLOAT32, new Shape(2, 3, size, size));
        return net;
    }

    @Test
    void outputsMatchTheLayoutAndThePriors() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            SsdLayout layout = new SsdLayout(96, 0.125);
            SsdNetwork net = init(new SsdNetwork(layout, 20, true), m, 96);
            NDList out = net.forward(
                    new ParameterStore(m, false), new NDList(m.randomUniform(0, 1, new Shape(2, 3, 96, 96))), false);
            int p = PriorBoxes.generate(layout.featureSizes()).length;
            assertEquals(9, out.size());
            assertEquals(new Shape(2, p, 4), out.get(0).getShape());
            assertEquals(new Shape(2, p, 21), out.get(1).getShape());
            int[] f = layout.featureSizes();
            int[] c = layout.sourceChannels();
            Shape[] declared = net.getOutputShapes(new Shape[] {new Shape(2, 3, 96, 96)});
            for (int k = 0; k < 6; k++) {
                assertEquals(new Shape(2, c[k], f[k], f[k]), out.get(2 + k).getShape(), "source " + k);
                assertEquals(declared[2 + k], out.get(2 + k).getShape());
            }
            assertEquals(new Shape(2, c[5]), out.get(8).getShape());
        }
    }

    @Test
    void inferenceFreesItsIntermediatesAndComputesWhatTheTrainingGraphComputes() {
        // without batch norm the network computes the same in both modes; only inference frees
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            SsdNetwork net = init(new SsdNetwork(new SsdLayout(64, 0.125), 3, false), m, 64);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray x = m.randomUniform(0, 1, new Shape(2, 3, 64, 64));
            try (NDManager kept = m.newSubManager();
                    NDManager freed = m.newSubManager()) {
                NDArray x1 = x.duplicate();
                x1.attach(kept);
                NDList expected = net.forward(ps, new NDList(x1), true);
                int keptArrays = kept.getManagedArrays().size();
                NDArray x2 = x.duplicate();
                x2.attach(freed);
                NDList actual = net.forward(ps, new NDList(x2), false);
                int freedArrays = freed.getManagedArrays().size();
                // here 24 against 106: input, 9 outputs, L2Norm's and (where channels are padded) GuardedConv2d's
                // temporaries
                assertTrue(
                        freedArrays * 4 < keptArrays,
                        "inference keeps " + freedArrays + " arrays, the training-mode forward " + keptArrays);
                for (int i = 0; i < expected.size(); i++) {
                    assertEquals(expected.get(i).getShape(), actual.get(i).getShape());
                    assertEquals(
                            0f, expected.get(i).sub(actual.get(i)).abs().max().getFloat(), "output " + i);
                }
            }
        }
    }

    @Test
    void pretrainedVggBaseIsLoadedAndAWrongFileIsReported() throws Exception {
        SsdLayout layout = new SsdLayout(64, 0.125);
        Path file = dir.resolve("vgg.params");
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            SsdNetwork a = init(new SsdNetwork(layout, 3, false), m, 64);
            try (DataOutputStream os = new DataOutputStream(Files.newOutputStream(file))) {
                a.vgg().saveParameters(os);
            }
            SsdNetwork b = init(new SsdNetwork(layout, 3, false).optPretrained(file), m, 64);
            float[] wa = a.vgg().getParameters().get(0).getValue().getArray().toFloatArray();
            float[] wb = b.vgg().getParameters().get(0).getValue().getArray().toFloatArray();
            assertArrayEquals(wa, wb);
            Files.write(dir.resolve("bad.params"), new byte[] {1, 2, 3});
            TaskDataException e = assertThrows(
                    TaskDataException.class,
                    () -> init(new SsdNetwork(layout, 3, false).optPretrained(dir.resolve("bad.params")), m, 64));
            assertTrue(e.getMessage().contains("bad.params"), e.getMessage());
        }
    }
}
