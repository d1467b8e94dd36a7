package org.ll4al.tasks.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class InferenceMemoryTest {

    private static Conv2d conv() {
        return Conv2d.builder()
                .setKernelShape(new Shape(3, 3))
                .optPadding(new Shape(1, 1))
                .setFilters(16)
                .build();
    }

    @Test
    void aSequenceComputesWhatSequentialBlockComputesAndKeepsOnlyItsInputAndResult() {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(11);
            SequentialBlock inner = new SequentialBlock()
                    .add(conv())
                    .add(Activation.reluBlock())
                    .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
            SequentialBlock seq = new SequentialBlock()
                    .add(conv())
                    .add(Activation.reluBlock())
                    .add(inner);
            Shape in = new Shape(2, 3, 8, 8);
            seq.initialize(m, DataType.FLOAT32, in);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray x = m.randomNormal(in);
            try (NDManager plain = m.newSubManager();
                    NDManager freeing = m.newSubManager()) {
                NDArray x1 = x.duplicate();
                x1.attach(plain);
                NDArray expected = seq.forward(ps, new NDList(x1), false).singletonOrThrow();
                int plainArrays = plain.getManagedArrays().size();
                NDArray x2 = x.duplicate();
                x2.attach(freeing);
                NDArray actual = InferenceMemory.forward(seq, ps, new NDList(x2), false, null)
                        .singletonOrThrow();
                int freeingArrays = freeing.getManagedArrays().size();
                assertEquals(6, plainArrays, "SequentialBlock keeps input, 4 intermediates and result with the batch");
                assertEquals(2, freeingArrays, "InferenceMemory keeps only input and result");
                assertTrue(!x2.isReleased() && !actual.isReleased(), "input and result stay open");
                assertEquals(new Shape(2, 16, 4, 4), actual.getShape());
                assertEquals(0f, expected.sub(actual).abs().max().getFloat(), "the same operators on the same input");
            }
        }
    }

    @Test
    void closeExceptKeepsArraysPassedThroughAndClosesTheRest() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.ones(new Shape(2));
            NDArray b = m.zeros(new Shape(2));
            InferenceMemory.closeExcept(new NDList(a, b), new NDList(b));
            assertTrue(a.isReleased());
            assertTrue(!b.isReleased());
        }
    }
}
