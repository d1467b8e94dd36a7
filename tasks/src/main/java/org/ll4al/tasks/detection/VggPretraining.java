package org.ll4al.tasks.detection;

import ai.djl.Device;
import ai.djl.ndarray.types.Shape;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Random;
import org.ll4al.tasks.TargetModel;
import org.ll4al.tasks.classification.Cifar10;
import org.ll4al.tasks.classification.ClassificationTask;
import org.ll4al.tasks.training.ActiveLearner;
import org.ll4al.tasks.training.EpochListener;
import org.ll4al.tasks.training.Evaluation;
import org.ll4al.tasks.training.TrainSettings;

/**
 * Pretrains the SSD's VGG base as a CIFAR-10 classifier (no ImageNet weights can be had here)
 * and writes its parameters in the format {@code -Dpretrained} loads: the same variant (width,
 * BatchNorm) as the SSD that will load it. Trained with the shared learner and the loss
 * prediction module's weight set to 0.
 */
public final class VggPretraining {

    private VggPretraining() {}

    /**
     * Trains on every CIFAR-10 training image in {@code cifar} and evaluates on the test batch.
     *
     * @param layout the SSD variant (width; BatchNorm as given)
     * @param settings epochs, batch, learning rate and schedule (lambda is forced to 0)
     * @param out the weights file to write (atomically)
     * @return the test accuracy of the classifier
     */
    public static double run(
            Path cifar,
            SsdLayout layout,
            boolean batchNorm,
            TrainSettings settings,
            long seed,
            Path out,
            PrintStream log,
            EpochListener listener)
            throws IOException {
        Cifar10 train = Cifar10.loadTrain(cifar);
        Cifar10 test = Cifar10.loadTest(cifar);
        int[] pool = new int[train.size()];
        Arrays.setAll(pool, i -> i);
        int[] eval = new int[test.size()];
        Arrays.setAll(eval, i -> i);
        ClassificationTask task = new ClassificationTask(
                train,
                pool,
                test,
                eval,
                () -> new TargetModel(
                        new VggClassifier(layout, batchNorm, Cifar10.CLASSES),
                        1,
                        new Shape(3, 32, 32),
                        String.format(
                                "VGG base of SSD%d width %.3g%s as a CIFAR-10 classifier",
                                layout.imageSize(), layout.width(), batchNorm ? " with BatchNorm" : "")));
        TrainSettings s = settings.toBuilder()
                .optLambda(0f)
                .optDetachEpoch(settings.epochs())
                .build();
        log.println(task.describe() + "; " + s.epochs() + " epochs on " + pool.length + " images");
        try (ActiveLearner learner = ActiveLearner.create(task, s, Device.cpu(), seed)) {
            learner.train(pool, new Random(seed), listener);
            Evaluation e = learner.evaluate();
            Files.createDirectories(out.toAbsolutePath().getParent());
            Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
            try (DataOutputStream os = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                ((VggClassifier) learner.targetModel().block()).vgg().saveParameters(os);
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            log.printf("CIFAR-10 test accuracy %.4f; VGG base written to %s%n", e.metric(), out);
            return e.metric();
        }
    }
}
