package org.ll4al.harness.supervise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.harness.RunFixture;
import org.ll4al.harness.options.OptionSpec;
import org.ll4al.options.Option;

/**
 * The engine switches ({@code ll4al.convGuard}, {@code ll4al.foldBatchNorm}, {@code ll4al.exitGate})
 * and the benchmark's options are typed options: listed by {@code -Dhelp}, checked at start, and
 * passed under the same names to the child JVMs that read them.
 */
class EngineOptionsTest {

    @TempDir
    Path tmp;

    @Test
    void theHelpListsTheEngineSwitchesAndEveryBenchOption() {
        String help = OptionSpec.usage();
        for (Option<?> o : OptionSpec.ENGINE) {
            assertTrue(help.contains("  " + o.name() + " "), o.name() + " in -Dhelp");
        }
        for (String bench : List.of("benchPython", "benchScripts", "benchRounds")) {
            assertTrue(help.contains("  " + bench + " "), bench + " in -Dhelp");
        }
        assertTrue(OptionSpec.ENGINE.stream().allMatch(o -> !o.identifying()), "session switches");
    }

    @Test
    void aBadEngineSwitchStopsAnyCommandAtStartNamingIt() throws Exception {
        RunFixture f = new RunFixture(tmp);
        for (String[] bad : List.of(
                new String[] {"ll4al.foldBatchNorm", "yes", "one of false, true"},
                new String[] {"ll4al.convGuard", "maybe", "auto, on or off"},
                new String[] {"ll4al.exitGate", "0", "one of false, true"})) {
            Properties p = f.smoke(tmp.resolve("out"));
            p.setProperty(bad[0], bad[1]);
            assertEquals(2, f.run(p), f.stdout);
            assertEquals(
                    "error: option " + bad[0] + "='" + bad[1] + "' is invalid: expected " + bad[2], f.stderr.strip());
        }
        Properties good = new Properties();
        good.setProperty("ll4al.convGuard", " ON ");
        good.setProperty("ll4al.foldBatchNorm", "false");
        OptionSpec.checkEngine(good);
    }

    @Test
    void everyChildJvmGetsTheEngineSwitchesUnderTheirNames() {
        Properties p = new Properties();
        p.setProperty("task", "classification");
        p.setProperty("devices", "2");
        p.setProperty("ll4al.convGuard", "off");
        p.setProperty("ll4al.foldBatchNorm", "false");
        p.setProperty("ll4al.exitGate", "false");
        p.setProperty("ll4al.unknown", "x");
        p.setProperty("benchPython", "/opt/py");
        List<String> run = Supervisor.childCommand(p, tmp.resolve("out"), tmp.resolve("crashes"));
        List<String> shard = Launcher.shardCommand(p, 1, 2);
        p.setProperty("bench", "coreset");
        List<String> bench = Supervisor.benchCommand(p);
        for (List<String> cmd : List.of(run, shard, bench)) {
            for (String arg :
                    List.of("-Dll4al.convGuard=off", "-Dll4al.foldBatchNorm=false", "-Dll4al.exitGate=false")) {
                assertTrue(cmd.contains(arg), arg + " in " + cmd);
            }
            assertTrue(cmd.stream().noneMatch(a -> a.startsWith("-Dll4al.unknown")), "undeclared: not passed " + cmd);
        }
        assertTrue(shard.contains("-Dshard=1/2") && !shard.contains("-Ddevices=2"), shard.toString());
        assertTrue(bench.contains("-DbenchPython=/opt/py") && bench.contains("-Dbench=coreset"), bench.toString());
        assertTrue(run.stream().noneMatch(a -> a.startsWith("-DbenchPython")), "a run's child gets no bench option");
    }

    @Test
    void aMisspeltEngineSwitchIsWarnedAbout() {
        Properties p = new Properties();
        p.setProperty("ll4al.convGaurd", "off");
        p.setProperty("ll4al.shared.data", "../shared/data"); // a test property, not a misspelling
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        OptionSpec.warnMisspelt(p, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(
                "warning: -Dll4al.convGaurd is not an option and is ignored; did you mean -Dll4al.convGuard?",
                err.toString(StandardCharsets.UTF_8).strip());
    }
}
