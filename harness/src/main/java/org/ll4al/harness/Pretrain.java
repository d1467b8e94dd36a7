package org.ll4al.harness;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import org.ll4al.selection.LossPredictionLoss;
import org.ll4al.tasks.detection.SsdLayout;
import org.ll4al.tasks.detection.VggPretraining;
import org.ll4al.tasks.learn.TrainSettings;

/**
 * {@code -Dpretrain=vgg}: pretrains the SSD's VGG base as a CIFAR-10 classifier and writes the
 * file {@code -Dpretrained} loads. Options (defaults): {@code data} (CIFAR-10 folder),
 * {@code out} (weights file), {@code width} (0.25) and {@code batchNorm} (true) of the SSD that
 * will load it, {@code epochs} (30), {@code batch} (128), {@code lr} (0.05), {@code milestones}
 * (epochs x 0.8), {@code warmupEpochs} (1), {@code seed} (0).
 */
final class Pretrain {

    private Pretrain() {}

    static int run(Properties p, PrintStream out) throws IOException {
        String what = p.getProperty("pretrain");
        if (!"vgg".equals(what)) {
            throw new OptionException("pretrain", what, "vgg (the SSD's VGG base, as a CIFAR-10 classifier)");
        }
        String data = p.getProperty("data", "");
        if (data.isBlank()) {
            throw new OptionException("data", data, "the CIFAR-10 folder (binary version) to pretrain on");
        }
        String file = p.getProperty("out", "");
        if (file.isBlank()) {
            throw new OptionException("out", file, "the weights file to write, e.g. -Dout=vgg-cifar.params");
        }
        double width = number(p, "width", "0.25");
        int epochs = (int) number(p, "epochs", "30");
        int batch = (int) number(p, "batch", "128");
        float lr = (float) number(p, "lr", "0.05");
        int warmup = (int) number(p, "warmupEpochs", "1");
        long seed = (long) number(p, "seed", "0");
        String bn = p.getProperty("batchNorm", "true");
        if (!bn.equals("true") && !bn.equals("false")) {
            throw new OptionException("batchNorm", bn, "true or false (as the SSD that will load the weights)");
        }
        int[] milestones;
        try {
            String m = p.getProperty("milestones");
            milestones = m == null ? new int[] {(int) (epochs * 0.8)}
                    : Arrays.stream(m.split(",")).filter(x -> !x.isBlank()).mapToInt(x -> Integer.parseInt(x.trim())).toArray();
        } catch (NumberFormatException e) {
            throw new OptionException("milestones", p.getProperty("milestones"), "a comma list of epochs");
        }
        TrainSettings s = new TrainSettings(epochs, batch, lr, milestones, 0.9f, 5e-4f, "sgd", 0f, 1f, epochs,
                LossPredictionLoss.Kind.RANKING, warmup, 0f);
        int size = (int) number(p, "imageSize", "128");
        VggPretraining.run(Path.of(data), new SsdLayout(size, width), Boolean.parseBoolean(bn), s, seed, Path.of(file), out,
                new Progress(out, System.console() != null, "[pretrain vgg]"));
        return 0;
    }

    private static double number(Properties p, String name, String def) {
        String v = p.getProperty(name, def);
        try {
            double d = Double.parseDouble(v.trim());
            if (d > 0 || name.equals("seed") || name.equals("warmupEpochs") && d == 0) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new OptionException(name, v, "a number > 0");
    }
}
