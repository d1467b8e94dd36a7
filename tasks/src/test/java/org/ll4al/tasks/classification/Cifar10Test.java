package org.ll4al.tasks.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.tasks.TaskDataException;

class Cifar10Test {

    @TempDir
    Path dir;

    @Test
    void loadsGeneratedBatches() throws Exception {
        Cifar10Writer.writeSynthetic(dir, 30, 20, 1);
        Cifar10 train = Cifar10.loadTrain(dir);
        assertEquals(30, train.size());
        assertEquals(20, Cifar10.loadTest(dir).size());
        assertEquals(7, train.label(17));
        byte[] raw = Files.readAllBytes(dir.resolve("data_batch_1.bin"));
        assertEquals(raw[17 * Cifar10.RECORD + 1 + 1500] & 0xff, train.pixel(17, 1500));
    }

    @Test
    void truncatedBatchNamesFileAndOffset() throws Exception {
        Files.write(
                dir.resolve("data_batch_1.bin"),
                Arrays.copyOf(Cifar10Writer.batch(3, new Random(1)), 2 * Cifar10.RECORD + 100));
        TaskDataException e = assertThrows(TaskDataException.class, () -> Cifar10.loadTrain(dir));
        assertTrue(e.getMessage().contains("data_batch_1.bin"), e.getMessage());
        assertTrue(e.getMessage().contains("offset " + 2 * Cifar10.RECORD), e.getMessage());
    }

    @Test
    void labelOutOfRangeNamesFileAndOffset() throws Exception {
        byte[] b = Cifar10Writer.batch(3, new Random(1));
        b[Cifar10.RECORD] = 12;
        Files.write(dir.resolve("data_batch_1.bin"), b);
        TaskDataException e = assertThrows(TaskDataException.class, () -> Cifar10.loadTrain(dir));
        assertTrue(
                e.getMessage().contains("data_batch_1.bin")
                        && e.getMessage().contains("label 12")
                        && e.getMessage().contains("offset " + Cifar10.RECORD),
                e.getMessage());
    }

    @Test
    void emptyOrMissingFolderSaysWhereToGetCifar() {
        TaskDataException e = assertThrows(TaskDataException.class, () -> Cifar10.loadTrain(dir));
        assertTrue(e.getMessage().contains("cs.toronto.edu"), e.getMessage());
        e = assertThrows(TaskDataException.class, () -> Cifar10.loadTest(dir.resolve("nope")));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }

    @Test
    void realCifarFromShared() {
        Path real = Path.of(System.getProperty("ll4al.shared.data", "../shared/data"), "cifar10");
        assumeTrue(Files.isDirectory(real), "real CIFAR-10 not found at " + real + "; skipped");
        Cifar10 train = Cifar10.loadTrain(real);
        Cifar10 test = Cifar10.loadTest(real);
        // properties of CIFAR-10, not of the subset that happens to be there: whole training
        // batches of 10,000 (the shared folder holds 2, the official set 5), the official test set
        assertEquals(0, train.size() % 10_000, "whole batches of 10,000: " + train.size());
        assertTrue(train.size() >= 10_000 && train.size() <= 50_000, "1 to 5 training batches: " + train.size());
        int[] trainPerClass = new int[10];
        for (int i = 0; i < train.size(); i++) {
            trainPerClass[train.label(i)]++;
        }
        for (int c : trainPerClass) {
            assertEquals(train.size() / 10.0, c, train.size() / 100.0, "classes balanced within 10%");
        }
        assertEquals(10_000, test.size());
        int[] perClass = new int[10];
        for (int i = 0; i < test.size(); i++) {
            perClass[test.label(i)]++;
        }
        for (int c : perClass) {
            assertEquals(1000, c);
        }
    }
}
