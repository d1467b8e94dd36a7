package org.ll4al.harness.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.ll4al.options.Option;
import org.ll4al.options.OptionException;
import org.ll4al.tasks.TaskProvider;
import org.ll4al.tasks.Tasks;
import org.ll4al.tasks.pose.PoseTaskProvider;
import org.ll4al.tasks.training.TrainSettings;

class OptionOwnershipTest {

    private static Map<String, String> preset(String task, String preset) {
        Properties p = new Properties();
        p.setProperty("task", task);
        p.setProperty("preset", preset);
        p.setProperty("data", "some/folder");
        return OptionSources.collect(p, false);
    }

    @Test
    void everyPresetOfEveryTaskSetsOnlyItsTasksOptionsAndParses() {
        for (String task : Tasks.names()) {
            TaskProvider provider = Tasks.byName(task);
            provider.presets().check(OptionSpec.forTask(provider));
            for (String preset : provider.presets().names()) {
                Options o = new Options(preset(task, preset));
                assertEquals(task, o.task);
                assertEquals(preset, o.preset);
                assertTrue(
                        o.asConfig()
                                .keySet()
                                .containsAll(OptionSpec.forTask(provider).names().stream()
                                        .filter(n -> !n.equals("config"))
                                        .toList()),
                        task + " " + preset);
            }
        }
    }

    @Test
    void valuesComeFromThePresetAndUnsetOnesFromTheirDeclaration() {
        Options o = new Options(preset("classification", "cpu"));
        assertEquals(0.25, o.taskConfig().width());
        assertEquals(TrainSettings.Optimizer.SGD, o.train().optimizer());
        assertEquals(
                Integer.parseInt(TrainSettings.WARMUP_EPOCHS.defaultValue()),
                o.train().warmupEpochs());
        assertEquals(20, o.mcPasses, "the default declared by OptionSpec.MC_PASSES");
        Options pose = new Options(preset("pose", "smoke"));
        assertEquals(TrainSettings.Optimizer.RMSPROP, pose.train().optimizer());
        assertEquals("images", pose.taskConfig().get(PoseTaskProvider.IMAGES));
    }

    @Test
    void anOptionOfAnotherTaskOrAWrongPresetIsRefusedNamingIt() {
        Map<String, String> v = new HashMap<>(preset("classification", "smoke"));
        v.put("stacks", "4");
        OptionException e = assertThrows(OptionException.class, () -> new Options(v));
        assertTrue(e.getMessage().contains("stacks") && e.getMessage().contains("task pose"), e.getMessage());
        Properties p = new Properties();
        p.setProperty("task", "detection");
        p.setProperty("preset", "cpu-short");
        e = assertThrows(OptionException.class, () -> OptionSources.collect(p, false));
        assertTrue(e.getMessage().contains("paper, cpu, cpu-long, smoke"), e.getMessage());
        Map<String, String> shard = new HashMap<>(preset("classification", "smoke"));
        shard.put("shard", "2/2");
        e = assertThrows(OptionException.class, () -> new Options(shard));
        assertTrue(e.getMessage().contains("i/n with n >= 1 and 0 <= i < n"), e.getMessage());
    }

    @Test
    void helpListsEveryDeclaredOptionWithItsDefault() {
        String usage = OptionSpec.usage();
        for (Option<?> o : OptionSpec.ALL.options()) {
            assertTrue(usage.contains("  " + o.name() + " "), o.name());
        }
        assertTrue(usage.contains("warmupEpochs") && usage.contains("[0]"), usage);
    }
}
