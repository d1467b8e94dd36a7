package org.ll4al.harness.supervise;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.ll4al.harness.options.OptionSpec;
import org.ll4al.options.OptionException;
import org.ll4al.report.Report;
import org.ll4al.results.ResultsMerger;

/**
 * {@code -Ddevices=N}: runs N shards of the (strategy, trial) grid side by side, one JVM per
 * device (with a GPU each child sees only GPU i through {@code CUDA_VISIBLE_DEVICES}), then merges
 * the shards into {@code <out>/merged} and draws the report there. Chosen over data-parallel
 * training because the paper's batches (128, 32, 6) are too small to split well, and because
 * independent shards need no communication and resume independently.
 */
public final class Launcher {

    /**
     * The entry point every child JVM runs ({@code org.ll4al.harness.Main}), named rather than
     * referenced so that supervision does not depend on the command line that calls it.
     */
    public static final String MAIN_CLASS = "org.ll4al.harness.Main";

    private Launcher() {}

    public static int run(Properties props, int devices, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        String base = props.getProperty("out", "");
        if (base.isBlank()) {
            throw new OptionException(
                    "out", base, "a results folder when devices > 1 (the shards and the merge go there)");
        }
        if (props.getProperty("shard") != null) {
            throw new OptionException("devices", Integer.toString(devices), "1 when -Dshard is given");
        }
        boolean gpu = !"cpu".equals(props.getProperty("device", "auto"));
        List<Process> children = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
            List<String> cmd = shardCommand(props, i, devices);
            ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
            if (gpu) {
                pb.environment().put("CUDA_VISIBLE_DEVICES", Integer.toString(i));
            }
            children.add(pb.start());
            out.println("started shard " + i + "/" + devices + (gpu ? " on GPU " + i : " on the CPU"));
        }
        int status = 0;
        for (Process p : children) {
            status = Math.max(status, p.waitFor());
        }
        if (status == 2) {
            err.println("error: a shard refused its input (see its error line above)");
            return 2;
        }
        Path merged = Path.of(base, "merged");
        ResultsMerger.merge(ResultsMerger.expand(List.of(Path.of(base))), merged, Set.of());
        Report.draw(List.of(merged), merged).forEach(f -> out.println("wrote " + f));
        out.println("done: " + merged.toAbsolutePath());
        return status;
    }

    /**
     * The command line of shard {@code i} of {@code devices}: the run's options (but
     * {@code devices}), the engine settings ({@link Supervisor#engine}) and {@code -Dshard=i/n}.
     */
    static List<String> shardCommand(Properties props, int i, int devices) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:MaxDirectMemorySize=256m");
        for (String k : props.stringPropertyNames()) {
            if ((OptionSpec.RUNS.contains(k) || Supervisor.engine(k)) && !k.equals("devices")) {
                cmd.add("-D" + k + "=" + props.getProperty(k));
            }
        }
        cmd.add("-Dshard=" + i + "/" + devices);
        cmd.add("-Dai.djl.offline=" + System.getProperty("ai.djl.offline", "true"));
        cmd.add("-cp");
        cmd.add(classPath());
        cmd.add(MAIN_CLASS);
        return cmd;
    }

    /** The application class path: the exec:java class loader's URLs, or java.class.path. */
    static String classPath() {
        ClassLoader cl = Launcher.class.getClassLoader();
        if (cl instanceof URLClassLoader u && u.getURLs().length > 0) {
            List<String> parts = new ArrayList<>();
            for (URL url : u.getURLs()) {
                try {
                    parts.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    parts.add(url.getPath());
                }
            }
            return String.join(File.pathSeparator, parts);
        }
        return System.getProperty("java.class.path");
    }
}
