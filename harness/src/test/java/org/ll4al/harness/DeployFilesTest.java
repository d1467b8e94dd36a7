package org.ll4al.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The cluster files under deploy/ are valid and use only options the harness and README know. */
class DeployFilesTest {

    private static final Path ROOT = Path.of(System.getProperty("maven.multiModuleProjectDirectory",
            Path.of("").toAbsolutePath().getParent().toString()));
    private static final Path SLURM = ROOT.resolve("deploy/slurm/ll4al-array.sbatch");
    private static final Path K8S = ROOT.resolve("deploy/kubernetes/ll4al-indexed-job.yaml");

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

    @Test
    void slurmScriptParsesAndMapsTheArrayIndexToShard() throws Exception {
        Process p = new ProcessBuilder("bash", "-n", SLURM.toString()).redirectErrorStream(true).start();
        String msg = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), msg);
        String text = Files.readString(SLURM);
        assertTrue(text.contains("-Dshard=\"$INDEX/$COUNT\"") && text.contains("SLURM_ARRAY_TASK_ID"), text);
        checkOptions(text);
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
        Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) spec.get("template")).get("spec");
        Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
        String args = String.join(" ", (List<String>) container.get("args"));
        assertTrue(args.contains("-Dshard=${JOB_COMPLETION_INDEX}/" + completions), args);
        checkOptions(args);
    }

    private static void checkOptions(String text) throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Set<String> used = options(text);
        assertTrue(used.contains("shard") && used.contains("task"), used.toString());
        for (String o : used) {
            assertTrue(OptionSpec.ALL.containsKey(o) || OptionSpec.COMMANDS.containsKey(o), "deploy file uses unknown option " + o);
            assertTrue(readme.contains("`" + o + "`") || readme.contains("-D" + o + "="), "README does not name option " + o);
        }
    }
}
