package org.ll4al.harness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.ll4al.tasks.classification.Cifar10Writer;

/** Runs the harness in-process on a tiny generated CIFAR-format data set. */
public final class RunFixture {

    public final Path data;
    public String stdout = "";
    public String stderr = "";

    public RunFixture(Path root) throws IOException {
        data = root.resolve("cifar");
        Cifar10Writer.writeSynthetic(data, 200, 60, 9);
    }

    /** Smoke-preset properties for the tiny set, results into {@code out}. */
    public Properties smoke(Path out) {
        Properties p = new Properties();
        p.setProperty("task", "classification");
        p.setProperty("preset", "smoke");
        p.setProperty("data", data.toString());
        p.setProperty("out", out.toString());
        p.setProperty("poolLimit", "0");
        p.setProperty("evalLimit", "0");
        p.setProperty("device", "cpu");
        return p;
    }

    /** Starts Main as a separate JVM with the properties as -D options (output discarded). */
    public static Process start(Properties p) throws IOException {
        return start(p, List.of(), false);
    }

    /** Starts Main as a separate JVM with extra JVM flags; keeps its output readable when asked. */
    public static Process start(Properties p, List<String> jvmFlags, boolean keepOutput) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:MaxDirectMemorySize=256m");
        cmd.addAll(jvmFlags);
        if (p.getProperty("supervise") == null) {
            cmd.add("-Dsupervise=false"); // a test that kills this process means to kill the experiment
        }
        for (String k : p.stringPropertyNames()) {
            cmd.add("-D" + k + "=" + p.getProperty(k));
        }
        cmd.add("-Dai.djl.offline=true");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (!keepOutput) {
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        return pb.start();
    }

    /** Runs Main with the properties; returns the exit status and keeps the output. */
    public int run(Properties p) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Main.run(p, o, e);
        }
        stdout = out.toString(StandardCharsets.UTF_8);
        stderr = err.toString(StandardCharsets.UTF_8);
        return status;
    }
}
