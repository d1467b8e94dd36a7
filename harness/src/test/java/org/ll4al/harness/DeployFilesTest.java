package org.ll4al.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.harness.options.OptionSpec;
import org.yaml.snakeyaml.Yaml;

/**
 * The cluster files under deploy/ are valid, use only options the harness and the cluster guide
 * (docs/cluster.md) know, map DEVICE=cpu|gpu to the right build and flags, and give the same java
 * command line for the same variables. The sbatch file runs here with stub java and mvn commands
 * that print their arguments; scripts/slurm-test.sh submits it to a real Slurm cluster.
 */
class DeployFilesTest {

    private static final Path ROOT = Path.of(System.getProperty(
            "maven.multiModuleProjectDirectory",
            Path.of("").toAbsolutePath().getParent().toString()));
    private static final Path SLURM = ROOT.resolve("deploy/slurm/ll4al-array.sbatch");
    private static final Path K8S = ROOT.resolve("deploy/kubernetes/ll4al-indexed-job.yaml");
    private static final String MARK = "--- stub called with:";

    @TempDir
    Path tmp;

    private Path stubs;
    private Path app;

    /** A stub {@code java} and {@code mvn} that print a marker line, then one argument a line. */
    @BeforeEach
    void stubs() throws IOException {
        stubs = Files.createDirectories(tmp.resolve("bin"));
        for (String name : List.of("java", "mvn")) {
            Path f = stubs.resolve(name);
            Files.writeString(
                    f, "#!/bin/sh\necho '" + MARK + " " + name + "'\nfor a in \"$@\"; do echo \"$a\"; done\n");
            assertTrue(f.toFile().setExecutable(true));
        }
        app = Files.createDirectories(tmp.resolve("app"));
    }

    private record Result(int status, List<String> args, String output) {}

    private Result run(List<String> cmd, Map<String, String> env) throws Exception {
        ProcessBuilder pb =
                new ProcessBuilder(cmd).redirectErrorStream(true).directory(tmp.toFile()); // the submission folder
        Map<String, String> e = pb.environment();
        e.keySet()
                .removeIf(k -> k.startsWith("SLURM_")
                        || k.startsWith("CUDA_")
                        || List.of(
                                        "TASK",
                                        "PRESET",
                                        "DATA",
                                        "OUT",
                                        "SEED",
                                        "DEVICE",
                                        "SHARDS",
                                        "EXTRA",
                                        "APP",
                                        "REPO",
                                        "JAVA",
                                        "JAVA_OPTS",
                                        "MVN",
                                        "MVN_ARGS")
                                .contains(k));
        e.put("PATH", stubs + ":" + System.getenv("PATH"));
        e.put("HOME", tmp.toString());
        e.putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = p.waitFor();
        List<String> lines = out.lines().toList();
        List<String> args = new ArrayList<>();
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(MARK)) {
                at = i;
            }
        }
        if (at >= 0) {
            args.addAll(lines.subList(at + 1, lines.size()));
        }
        return new Result(status, args, out);
    }

    /** Runs the sbatch file as array task {@code index} of an array of {@code count} tasks. */
    private Result sbatch(int index, int count, int max, Map<String, String> env) throws Exception {
        Map<String, String> e = new HashMap<>(Map.of(
                "SLURM_ARRAY_TASK_ID",
                Integer.toString(index),
                "SLURM_ARRAY_TASK_COUNT",
                Integer.toString(count),
                "SLURM_ARRAY_TASK_MIN",
                Integer.toString(max - count + 1),
                "SLURM_ARRAY_TASK_MAX",
                Integer.toString(max),
                "SLURM_SUBMIT_DIR",
                tmp.toString()));
        e.putAll(env);
        return run(List.of("bash", SLURM.toString()), e);
    }

    private static Set<String> options(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = Pattern.compile("-D([A-Za-z.]+)=").matcher(text);
        while (m.find()) {
            if (!m.group(1).startsWith("ai.djl.")) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /** The variables the header of the sbatch file documents: lines {@code #   NAME   meaning}. */
    private static Set<String> documentedVariables(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = Pattern.compile("(?m)^#   ([A-Z][A-Z_]+) ").matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void slurmScriptParsesAndMapsTheArrayIndexToShard() throws Exception {
        Process p = new ProcessBuilder("bash", "-n", SLURM.toString())
                .redirectErrorStream(true)
                .start();
        String msg = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), msg);
        String text = Files.readString(SLURM);
        assertTrue(text.contains("-Dshard=\"$INDEX/$COUNT\"") && text.contains("SLURM_ARRAY_TASK_ID"), text);
        checkOptions(text);
    }

    @Test
    void slurmScriptRequestsNoGpuItselfAndDocumentsEveryVariable() throws Exception {
        String text = Files.readString(SLURM);
        for (String line : text.lines().toList()) {
            if (line.startsWith("#SBATCH")) {
                assertFalse(line.contains("gres") || line.contains("gpu"), "a CPU cluster rejects " + line);
            }
        }
        assertTrue(text.contains("sbatch --gres=gpu:1"), "the header shows how to ask for a GPU");
        Set<String> documented = documentedVariables(text);
        Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z_]+):[-?+]").matcher(text);
        while (m.find()) {
            String v = m.group(1);
            if (!v.startsWith("SLURM_") && !v.startsWith("CUDA_") && !v.equals("HOME")) { // set by Slurm or the system
                assertTrue(
                        documented.contains(v),
                        "variable " + v + " is read but not documented at the top: " + documented);
            }
        }
        for (String v : List.of(
                "TASK",
                "DATA",
                "OUT",
                "PRESET",
                "SEED",
                "DEVICE",
                "SHARDS",
                "EXTRA",
                "APP",
                "REPO",
                "JAVA",
                "JAVA_OPTS",
                "MVN",
                "MVN_ARGS",
                "DJL_CACHE_DIR")) {
            assertTrue(documented.contains(v), v + " not documented: " + documented);
        }
    }

    @Test
    void cpuRunsOfflineWithTheCpuBuildAndGpuUsesTheGpuProfile() throws Exception {
        Map<String, String> base = Map.of("DATA", "/data/cifar10", "OUT", "/scratch/cls");
        Map<String, String> cpuApp = new HashMap<>(base);
        cpuApp.put("APP", app.toString());
        cpuApp.put("EXTRA", "-Dstrategies=random,lloss -Dtrials=2");
        Result r = sbatch(1, 2, 1, cpuApp);
        assertEquals(0, r.status(), r.output());
        assertEquals(
                List.of(
                        "-Xmx6g",
                        "-XX:MaxDirectMemorySize=256m",
                        "-Dai.djl.offline=true",
                        "-cp",
                        app + "/*",
                        "-Dtask=classification",
                        "-Dpreset=cpu",
                        "-Ddata=/data/cifar10",
                        "-Dout=/scratch/cls",
                        "-Dseed=0",
                        "-Ddevice=cpu",
                        "-Dshard=1/2",
                        "-Dstrategies=random,lloss",
                        "-Dtrials=2",
                        "org.ll4al.harness.Main"),
                r.args());

        r = sbatch(0, 2, 1, base); // mvn mode, in the submission folder
        assertEquals(0, r.status(), r.output());
        assertEquals(
                List.of(
                        "-B",
                        "-q",
                        "-o",
                        "exec:java",
                        "-Dai.djl.offline=true",
                        "-Dtask=classification",
                        "-Dpreset=cpu",
                        "-Ddata=/data/cifar10",
                        "-Dout=/scratch/cls",
                        "-Dseed=0",
                        "-Ddevice=cpu",
                        "-Dshard=0/2"),
                r.args());

        Map<String, String> gpu = new HashMap<>(base);
        gpu.put("DEVICE", "gpu");
        gpu.put("CUDA_VISIBLE_DEVICES", "0");
        r = sbatch(0, 2, 1, gpu);
        assertEquals(0, r.status(), r.output());
        assertEquals(
                List.of(
                        "-B",
                        "-q",
                        "-o",
                        "-Pgpu",
                        "exec:java",
                        "-Dai.djl.offline=false",
                        "-Dtask=classification",
                        "-Dpreset=paper",
                        "-Ddata=/data/cifar10",
                        "-Dout=/scratch/cls",
                        "-Dseed=0",
                        "-Ddevice=gpu",
                        "-Dshard=0/2"),
                r.args());
        assertFalse(r.output().contains("warning"), r.output());
        gpu.remove("CUDA_VISIBLE_DEVICES");
        r = sbatch(0, 2, 1, gpu);
        assertTrue(r.output().contains("submit with --gres=gpu:1"), r.output());

        Map<String, String> relative = Map.of("DATA", "data", "PRESET", "smoke", "SEED", "3");
        r = sbatch(0, 1, 0, relative);
        assertEquals(0, r.status(), r.output());
        assertTrue(r.args().contains("-Ddata=" + tmp.resolve("data")), r.args().toString());
        assertTrue(
                r.args().contains("-Dout=" + tmp.resolve("results/classification-smoke-seed3")),
                r.args().toString());
    }

    @Test
    void badDeviceAndReRunsWithoutTheShardCountAreRefused() throws Exception {
        Map<String, String> e =
                new HashMap<>(Map.of("DATA", "/d", "OUT", tmp.resolve("out").toString()));
        e.put("DEVICE", "tpu");
        Result r = sbatch(0, 2, 1, e);
        assertEquals(2, r.status(), r.output());
        assertTrue(r.output().contains("DEVICE must be cpu or gpu"), r.output());
        assertTrue(r.args().isEmpty());

        e.remove("DEVICE");
        r = sbatch(7, 1, 7, e); // sbatch --array=7 without SHARDS
        assertEquals(2, r.status(), r.output());
        assertTrue(r.output().contains("SHARDS"), r.output());
        e.put("SHARDS", "20");
        r = sbatch(7, 1, 7, e);
        assertEquals(0, r.status(), r.output());
        assertTrue(r.args().contains("-Dshard=7/20"), r.args().toString());

        Files.createDirectories(tmp.resolve("out/shard-0-of-20"));
        e.remove("SHARDS");
        r = sbatch(0, 2, 1, e); // an array of another size over the same OUT
        assertEquals(2, r.status(), r.output());
        assertTrue(r.output().contains("has 20 shards, not 2"), r.output());

        Files.writeString(app.resolve("DEVICE"), "cpu\n");
        e.put("APP", app.toString());
        e.put("DEVICE", "gpu");
        e.put("SHARDS", "20");
        r = sbatch(0, 20, 19, e);
        assertEquals(2, r.status(), r.output());
        assertTrue(r.output().contains("built for cpu"), r.output());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> container(Map<String, Object> job) {
        Map<String, Object> spec = (Map<String, Object>) job.get("spec");
        Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) spec.get("template")).get("spec");
        return ((List<Map<String, Object>>) pod.get("containers")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> env(Map<String, Object> container) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map<String, Object> e : (List<Map<String, Object>>) container.get("env")) {
            out.put((String) e.get("name"), String.valueOf(e.get("value")));
        }
        return out;
    }

    @Test
    @SuppressWarnings("unchecked")
    void kubernetesManifestIsAnIndexedJobMappingTheIndexToShard() throws Exception {
        String text = Files.readString(K8S);
        Map<String, Object> job = new Yaml().load(text);
        assertEquals("batch/v1", job.get("apiVersion"));
        assertEquals("Job", job.get("kind"));
        Map<String, Object> spec = (Map<String, Object>) job.get("spec");
        assertEquals("Indexed", spec.get("completionMode"));
        int completions = (Integer) spec.get("completions");
        Map<String, Object> container = container(job);
        String args = String.join(" ", (List<String>) container.get("args"));
        assertTrue(args.contains("-Dshard=${JOB_COMPLETION_INDEX}/${SHARDS}"), args);
        Map<String, String> env = env(container);
        assertEquals(Integer.toString(completions), env.get("SHARDS"), "SHARDS must equal completions");
        Set<String> documented = documentedVariables(Files.readString(SLURM));
        for (String name : env.keySet()) {
            assertTrue(documented.contains(name), name + " is not a variable of the sbatch file: " + documented);
        }
        Map<String, Object> limits =
                (Map<String, Object>) ((Map<String, Object>) container.get("resources")).get("limits");
        assertEquals(
                "gpu".equals(env.get("DEVICE")),
                limits.containsKey("nvidia.com/gpu"),
                "a GPU limit exactly when DEVICE=gpu: " + limits);
        checkOptions(args);
    }

    /** For the same variables the pod and the sbatch file (APP mode) run the same java command. */
    @Test
    @SuppressWarnings("unchecked")
    void kubernetesPodRunsTheSameCommandAsTheSbatchFile() throws Exception {
        Map<String, Object> container = container(new Yaml().load(Files.readString(K8S)));
        String script = String.join(" ", (List<String>) container.get("args"));
        for (String device : List.of("gpu", "cpu")) {
            Map<String, String> env = new HashMap<>(env(container));
            env.put("DEVICE", device);
            env.put("APP", app.toString());
            env.put("EXTRA", "-Dstrategies=random,lloss -Dtrials=2");
            Map<String, String> pod = new HashMap<>(env);
            pod.put("JOB_COMPLETION_INDEX", "3");
            Result k = run(List.of("/bin/sh", "-c", script), pod);
            assertEquals(0, k.status(), k.output());
            Map<String, String> slurm = new HashMap<>(env);
            slurm.put("SHARDS", "");
            slurm.put("CUDA_VISIBLE_DEVICES", "0");
            Result s = sbatch(3, Integer.parseInt(env.get("SHARDS")), Integer.parseInt(env.get("SHARDS")) - 1, slurm);
            assertEquals(0, s.status(), s.output());
            assertEquals(s.args(), k.args(), device);
            assertTrue(
                    k.args().contains("-Dshard=3/" + env.get("SHARDS"))
                            && k.args().contains("-Ddevice=" + device)
                            && k.args().contains("-Dai.djl.offline=" + device.equals("cpu")),
                    k.args().toString());
        }
        Map<String, String> bad = new HashMap<>(env(container));
        bad.put("DEVICE", "tpu");
        bad.put("JOB_COMPLETION_INDEX", "0");
        Result k = run(List.of("/bin/sh", "-c", script), bad);
        assertEquals(2, k.status(), k.output());
    }

    private static void checkOptions(String text) throws Exception {
        String guide = Files.readString(ROOT.resolve("docs/cluster.md"));
        Set<String> used = options(text);
        assertTrue(used.contains("shard") && used.contains("task"), used.toString());
        for (String o : used) {
            assertTrue(
                    OptionSpec.ALL.contains(o) || OptionSpec.COMMANDS.containsKey(o),
                    "deploy file uses unknown option " + o);
            assertTrue(
                    guide.contains("`" + o + "`") || guide.contains("-D" + o + "="),
                    "docs/cluster.md does not name option " + o);
        }
    }
}
