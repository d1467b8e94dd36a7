package org.ll4al.tasks.detection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.XavierInitializer;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.tasks.classification.Cifar10Writer;
import org.ll4al.tasks.training.EpochListener;
import org.ll4al.tasks.training.TrainSettings;

/** The VGG base pretrained as a classifier is written in the format the SSD's -Dpretrained loads. */
class VggPretrainingTest {

    @TempDir
    Path dir;

    @Test
    void pretrainedBaseLoadsIntoTheSsdOfTheSameVariant() throws Exception {
        Cifar10Writer.writeSynthetic(dir.resolve("cifar"), 40, 20, 3);
        SsdLayout layout = new SsdLayout(64, 0.125);
        TrainSettings s = TrainSettings.builder()
                .setEpochs(1)
                .setBatch(10)
                .setLr(0.01f)
                .optDetachEpoch(1)
                .build();
        Path out = dir.resolve("vgg.params");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        double acc = VggPretraining.run(
                dir.resolve("cifar"), layout, true, s, 3, out, new PrintStream(log, true, "UTF-8"), EpochListener.NONE);
        assertTrue(acc >= 0 && acc <= 1);
        assertTrue(log.toString("UTF-8").contains("VGG base written to"), log.toString("UTF-8"));

        // the SSD loads exactly the saved values into its base
        SsdNetwork ssd = new SsdNetwork(layout, 3, true).optPretrained(out);
        ssd.setInitializer(
                new XavierInitializer(), p -> p.getType() == Parameter.Type.WEIGHT && p.getInitializer() == null);
        SsdNetwork fresh = new SsdNetwork(layout, 3, true);
        try (NDManager m = NDManager.newBaseManager();
                DataInputStream in = new DataInputStream(Files.newInputStream(out))) {
            ssd.initialize(m, DataType.FLOAT32, new Shape(1, 3, 64, 64));
            fresh.setInitializer(
                    new XavierInitializer(), p -> p.getType() == Parameter.Type.WEIGHT && p.getInitializer() == null);
            fresh.initialize(m, DataType.FLOAT32, new Shape(1, 3, 64, 64));
            fresh.vgg().loadParameters(m, in);
            var a = ssd.vgg().getParameters().values();
            var b = fresh.vgg().getParameters().values();
            for (int i = 0; i < a.size(); i++) {
                assertArrayEquals(
                        b.get(i).getArray().toFloatArray(), a.get(i).getArray().toFloatArray(), 0f);
                assertTrue(
                        !a.get(i).requiresGradient() || a.get(i).getArray().hasGradient(),
                        "loaded weights are trained on: " + a.get(i).getName());
            }
        }
    }
}
