package org.ll4al.tasks.classification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Test fixture: writes tiny synthetic data sets in the CIFAR-10 binary layout, each class a
 * noisy colour/stripe pattern so that a network can learn it (harness tests get it from the
 * tasks test-jar).
 */
public final class Cifar10Writer {

    private Cifar10Writer() {}

    /** Writes {@code data_batch_1.bin} with {@code train} and {@code test_batch.bin} with {@code test} images. */
    public static void writeSynthetic(Path dir, int train, int test, long seed) throws IOException {
        Files.createDirectories(dir);
        Random rng = new Random(seed);
        Files.write(dir.resolve("data_batch_1.bin"), batch(train, rng));
        Files.write(dir.resolve("test_batch.bin"), batch(test, rng));
    }

    static byte[] batch(int n, Random rng) {
        byte[] out = new byte[n * Cifar10.RECORD];
        for (int i = 0; i < n; i++) {
            int label = i % Cifar10.CLASSES;
            int off = i * Cifar10.RECORD;
            out[off] = (byte) label;
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < 32; y++) {
                    for (int x = 0; x < 32; x++) {
                        int base = ((label >> c) & 1) * 120 + (((x + y * label) / 4) % 2) * 60;
                        int v = Math.max(0, Math.min(255, base + 40 + (int) (rng.nextGaussian() * 25)));
                        out[off + 1 + c * 1024 + y * 32 + x] = (byte) v;
                    }
                }
            }
        }
        return out;
    }
}
