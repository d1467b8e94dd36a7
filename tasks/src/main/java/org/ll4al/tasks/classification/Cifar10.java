package org.ll4al.tasks.classification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ll4al.tasks.TaskDataException;

/**
 * CIFAR-10 in the standard binary layout ({@code cifar-10-batches-bin}): records of one label
 * byte (0..9) and 3,072 pixel bytes (1,024 R, 1,024 G, 1,024 B, each 32x32 row-major).
 */
public final class Cifar10 {

    /** Bytes of one image. */
    public static final int PIXELS = 3 * 32 * 32;
    /** Bytes of one record (label + image). */
    public static final int RECORD = PIXELS + 1;
    /** Number of classes. */
    public static final int CLASSES = 10;

    static final String HELP = "CIFAR-10 binary version from https://www.cs.toronto.edu/~kriz/cifar.html"
            + " (cifar-10-binary.tar.gz): unpack and point -Ddata at the folder holding"
            + " data_batch_1.bin .. data_batch_5.bin and test_batch.bin (-Ddownload=cifar10 does both)";

    private final byte[] images;
    private final byte[] labels;

    private Cifar10(byte[] images, byte[] labels) {
        this.images = images;
        this.labels = labels;
    }

    /** Loads every {@code data_batch_*.bin} of {@code dir} (sorted by name) as the training set. */
    public static Cifar10 loadTrain(Path dir) {
        checkDir(dir);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches("data_batch_\\d+\\.bin"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new TaskDataException("CIFAR-10 folder " + dir + ": cannot list it (" + e + ")", e);
        }
        if (files.isEmpty()) {
            throw new TaskDataException("CIFAR-10 folder " + dir + ": no data_batch_*.bin found. Get the " + HELP);
        }
        return load(files);
    }

    /** Loads {@code test_batch.bin} of {@code dir}. */
    public static Cifar10 loadTest(Path dir) {
        checkDir(dir);
        Path f = dir.resolve("test_batch.bin");
        if (!Files.isRegularFile(f)) {
            throw new TaskDataException(f + ": missing. Get the " + HELP);
        }
        return load(List.of(f));
    }

    private static void checkDir(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new TaskDataException("CIFAR-10 folder " + dir + " does not exist. Get the " + HELP);
        }
    }

    /** Loads and validates the given batch files in order. */
    static Cifar10 load(List<Path> files) {
        List<byte[]> contents = new ArrayList<>();
        int total = 0;
        for (Path f : files) {
            byte[] data;
            try {
                data = Files.readAllBytes(f);
            } catch (IOException e) {
                throw new TaskDataException(f + ": cannot read (" + e + ")", e);
            }
            if (data.length == 0 || data.length % RECORD != 0) {
                long whole = (long) (data.length / RECORD) * RECORD;
                throw new TaskDataException(
                        f + ": truncated or not a CIFAR-10 batch: " + data.length + " bytes is not a multiple of the "
                                + RECORD + "-byte record; last complete record ends at byte offset " + whole);
            }
            for (int off = 0; off < data.length; off += RECORD) {
                int label = data[off] & 0xff;
                if (label >= CLASSES) {
                    throw new TaskDataException(
                            f + ": label " + label + " at byte offset " + off + " is outside 0.." + (CLASSES - 1));
                }
            }
            contents.add(data);
            total += data.length / RECORD;
        }
        byte[] images = new byte[total * PIXELS];
        byte[] labels = new byte[total];
        int n = 0;
        for (byte[] data : contents) {
            for (int off = 0; off < data.length; off += RECORD, n++) {
                labels[n] = data[off];
                System.arraycopy(data, off + 1, images, n * PIXELS, PIXELS);
            }
        }
        return new Cifar10(images, labels);
    }

    /** Number of images. */
    public int size() {
        return labels.length;
    }

    /** Label of image {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    /** Pixel byte {@code k} (channel-major CHW) of image {@code i}, 0..255. */
    public int pixel(int i, int k) {
        return images[i * PIXELS + k] & 0xff;
    }
}
