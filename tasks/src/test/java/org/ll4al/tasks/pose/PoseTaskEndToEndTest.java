package org.ll4al.tasks.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.selection.PoolView;
import org.ll4al.selection.Signal;
import org.ll4al.tasks.ActiveLearningTask;
import org.ll4al.tasks.TaskConfig;
import org.ll4al.tasks.TaskDataException;
import org.ll4al.tasks.training.ActiveLearner;
import org.ll4al.tasks.training.EpochListener;
import org.ll4al.tasks.training.Evaluation;
import org.ll4al.tasks.training.TrainSettings;
import org.ll4al.tasks.training.TrainStats;

class PoseTaskEndToEndTest {

    @TempDir
    Path dir;

    static TaskConfig config(Path data, int imageSize, Map<String, String> extra) {
        Map<String, String> m = new HashMap<>(extra);
        m.put("data", data.toString());
        m.put("width", "0.125");
        m.put("imageSize", Integer.toString(imageSize));
        return new PoseTaskProvider().config(m, 7);
    }

    @Test
    void generatedSetTrainsScoresAndEvaluates() throws IOException {
        Path data = dir.resolve("synthetic-mpii");
        ActiveLearningTask task = new PoseTaskProvider()
                .create(new PoseTaskProvider()
                        .config(
                                Map.of(
                                        "data",
                                        data.toString(),
                                        "width",
                                        "0.125",
                                        "poolLimit",
                                        "24",
                                        "evalLimit",
                                        "8",
                                        "imageSize",
                                        "32",
                                        "synthetic",
                                        "true"),
                                7));
        assertTrue(Files.readString(data.resolve("SOURCE.txt")).startsWith("SYNTHETIC"));
        assertEquals(
                24,
                MpiiAnnotations.read(data.resolve("train.json"), data.resolve("images"))
                        .size());
        assertEquals(24, task.poolSize());
        assertEquals(8, task.evalSize());
        assertTrue(task.describe().contains("SYNTHETIC"), task.describe());
        TrainSettings settings = TrainSettings.builder()
                .setEpochs(1)
                .setBatch(4)
                .setLr(1e-3f)
                .optMilestones(1)
                .optMomentum(0f)
                .optWeightDecay(0f)
                .optOptimizer(TrainSettings.Optimizer.RMSPROP)
                .optLambda(1e-2f)
                .optDetachEpoch(1)
                .build();
        try (ActiveLearner learner = ActiveLearner.create(task, settings, Device.cpu(), 7)) {
            int[] labeled = {0, 1, 2, 3, 4, 5, 6, 7};
            TrainStats stats = learner.train(labeled, new Random(1), EpochListener.NONE);
            assertEquals(8, stats.images());
            assertTrue(
                    Double.isFinite(stats.lastTaskLoss()) && stats.lastTaskLoss() > 0,
                    "task loss " + stats.lastTaskLoss());
            int[] subset = {10, 11, 12, 13, 14, 15};
            PoolView view =
                    learner.score(subset, labeled, Set.of(Signal.ENTROPY, Signal.PREDICTED_LOSS, Signal.EMBEDDING));
            assertEquals(6, view.scores(Signal.ENTROPY).length);
            for (float e : view.scores(Signal.ENTROPY)) {
                assertTrue(e > 0 && e <= Math.log(64) + 1e-4, "entropy " + e);
            }
            for (float p : view.scores(Signal.PREDICTED_LOSS)) {
                assertTrue(Float.isFinite(p));
            }
            assertEquals(6, view.embeddings().length);
            assertEquals(32, view.embeddings()[0].length, "256 x 0.125 channels");
            assertEquals(8, view.labeledEmbeddings().length);
            Evaluation ev = learner.evaluate();
            assertTrue(ev.metric() >= 0 && ev.metric() <= 1, "pckh " + ev.metric());
            assertTrue(ev.lossRankAccuracy() >= 0 && ev.lossRankAccuracy() <= 1);
        }
    }

    @Test
    void anLspFolderIsRecognisedSplitAndScoredByPck() throws IOException {
        Path data = dir.resolve("lspe");
        LspWriter.write(data, LspConvention.LSPE, 30, 4);
        ActiveLearningTask task =
                new PoseTaskProvider().create(config(data, 32, Map.of("poolLimit", "12", "evalLimit", "8")));
        assertEquals("pck@0.2", task.metricName());
        assertEquals(12, task.poolSize());
        assertEquals(8, task.evalSize());
        assertTrue(
                task.describe().contains("LSPe data")
                        && task.describe().contains("eval 8 drawn with seed 8")
                        && task.describe().contains("pool 12 of the other 22 drawn with seed 7"),
                task.describe());
        TrainSettings settings = TrainSettings.builder()
                .setEpochs(1)
                .setBatch(4)
                .setLr(1e-3f)
                .optMilestones(1)
                .optMomentum(0f)
                .optWeightDecay(0f)
                .optOptimizer(TrainSettings.Optimizer.RMSPROP)
                .optLambda(1e-2f)
                .optDetachEpoch(1)
                .build();
        try (ActiveLearner learner = ActiveLearner.create(task, settings, Device.cpu(), 7)) {
            TrainStats stats = learner.train(new int[] {0, 1, 2, 3}, new Random(1), EpochListener.NONE);
            assertTrue(
                    Double.isFinite(stats.lastTaskLoss()) && stats.lastTaskLoss() > 0,
                    "task loss " + stats.lastTaskLoss());
            Evaluation ev = learner.evaluate();
            assertTrue(ev.metric() >= 0 && ev.metric() <= 1, "pck " + ev.metric());
            assertTrue(ev.details().matches("pckh@0\\.5 [01]\\.\\d{6}"), "PCKh beside PCK: " + ev.details());
        }
    }

    @Test
    void aFolderOfNeitherLayoutNamesWhatWasLookedFor() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        TaskDataException e =
                assertThrows(TaskDataException.class, () -> new PoseTaskProvider().create(config(empty, 32, Map.of())));
        assertTrue(e.getMessage().startsWith(empty + ": no pose data"), e.getMessage());
        assertTrue(
                e.getMessage().contains("train.json")
                        && e.getMessage().contains("joints.mat")
                        && e.getMessage().contains("images/"),
                e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void missingDataExplainsWhereToGetMpii() {
        TaskDataException e = assertThrows(
                TaskDataException.class,
                () -> new PoseTaskProvider().create(config(dir.resolve("absent"), 32, Map.of())));
        assertTrue(e.getMessage().contains("human-pose.mpi-inf.mpg.de/"), e.getMessage());
        assertTrue(e.getMessage().contains("train.json"), e.getMessage());
    }

    @Test
    void presetsUseTheDocumentedKeys() {
        PoseTaskProvider p = new PoseTaskProvider();
        assertEquals("pose", p.name());
        Map<String, String> paper = p.preset("paper");
        assertEquals("rmsprop", paper.get("optimizer"));
        assertEquals("2.5e-4", paper.get("lr"));
        assertEquals("125", paper.get("epochs"));
        assertEquals("1e-4", paper.get("lambda"));
        assertEquals("75", paper.get("detachEpoch"));
        assertEquals("6", paper.get("batch"));
        assertEquals("5000", paper.get("subset"));
        assertEquals("256", paper.get("imageSize"));
        assertEquals("true", p.preset("cpu").get("synthetic"));
        assertEquals("32", p.preset("smoke").get("imageSize"));
        Set<String> allowed = Set.of(
                "strategies",
                "trials",
                "cycles",
                "initial",
                "budget",
                "subset",
                "epochs",
                "batch",
                "lr",
                "milestones",
                "momentum",
                "weightDecay",
                "optimizer",
                "margin",
                "lambda",
                "detachEpoch",
                "width",
                "reinit",
                "poolLimit",
                "evalLimit",
                "imageSize",
                "stacks",
                "data",
                "trainFile",
                "validFile",
                "synthetic",
                "dataset");
        for (String preset : List.of("paper", "cpu", "smoke")) {
            assertTrue(
                    allowed.containsAll(p.preset(preset).keySet()),
                    preset + ": " + p.preset(preset).keySet());
        }
        Map<String, String> lsp = p.preset("cpu-lsp");
        assertEquals(null, lsp.get("data"), "all of LSPe: -Ddata or the download, not the 1,000-image subset");
        assertEquals("1000", lsp.get("evalLimit"));
        assertEquals(List.of(PoseData.LSPET), p.defaultData(lsp), "cpu-lsp without -Ddata reads LSPe");
        assertEquals(List.of(PoseData.MPII), p.defaultData(p.preset("cpu")));
        assertEquals(List.of(PoseData.LSP), p.defaultData(Map.of("dataset", "lsp")));
        assertEquals(
                List.of("random", "entropy", "coreset", "lloss", "true-loss"),
                List.of(lsp.get("strategies").split(",")),
                "every strategy defined for pose");
        assertTrue(
                Integer.parseInt(lsp.get("cycles")) >= 6 && Integer.parseInt(lsp.get("budget")) > 0,
                "labels grow over at least 5 cycles");
        assertTrue(allowed.containsAll(lsp.keySet()), lsp.keySet().toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.preset("gpu"));
        assertTrue(e.getMessage().contains("paper, cpu, smoke"), e.getMessage());
    }
}
