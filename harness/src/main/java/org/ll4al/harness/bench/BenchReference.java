package org.ll4al.harness.bench;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.ll4al.harness.options.BenchOptions;
import org.ll4al.harness.options.OptionSpec;

/**
 * A Python reference of a benchmark ({@code scripts/bench/*.py}), run by an interpreter that has
 * the module it needs: {@code -DbenchPython=PATH}, else {@code /usr/bin/python3} (Debian's
 * python3-torch and python3-numpy install there), else {@code python3} on the PATH. Each run
 * prints one JSON line, read by {@link #parseJson}.
 *
 * @param python the interpreter, or null when none has the module ({@code skipped} says why)
 * @param script the reference script, or null
 * @param version the module's version
 * @param skipped why the reference cannot run, or null
 */
record BenchReference(String python, Path script, String version, String skipped) {

    /** Interpreters tried when {@code -DbenchPython} is not given, in this order. */
    static final List<String> DEFAULT_PYTHONS = List.of("/usr/bin/python3", "python3");

    /** Whether the reference can run. */
    boolean available() {
        return skipped == null;
    }

    /**
     * Finds the interpreter and the script.
     *
     * @param module the Python module the script needs ({@code torch} or {@code numpy})
     * @param script the script's file name under {@code scripts/bench/}
     */
    static BenchReference find(Properties props, String module, String script) throws InterruptedException {
        String given = OptionSpec.value(props, BenchOptions.PYTHON);
        List<String> tried = given.isEmpty() ? DEFAULT_PYTHONS : List.of(given);
        String label = "torch".equals(module) ? "PyTorch" : module;
        Path file = script(props, script);
        if (file == null) {
            return new BenchReference(
                    null,
                    null,
                    null,
                    "skipped: the " + label + " reference script scripts/bench/"
                            + script + " is not in " + Path.of("").toAbsolutePath()
                            + " or a folder above it (run from the"
                            + " repository, or -DbenchScripts=DIR names the folder holding it)");
        }
        for (String python : tried) {
            String version = moduleVersion(python, module);
            if (version != null) {
                return new BenchReference(python, file, version, null);
            }
        }
        return new BenchReference(
                null,
                file,
                null,
                "skipped: " + label + " reference needs python3 with " + module
                        + " (apt-get install python3-" + module + "); tried " + String.join(", ", tried)
                        + (given.isEmpty() ? " (-DbenchPython=PATH names another interpreter)" : ""));
    }

    /** The script in {@code -DbenchScripts}, or in {@code scripts/bench/} of the working folder or a folder above it. */
    static Path script(Properties props, String name) {
        String dir = OptionSpec.value(props, BenchOptions.SCRIPTS);
        if (!dir.isEmpty()) {
            Path p = Path.of(dir, name);
            return Files.isRegularFile(p) ? p : null;
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path p = d.resolve("scripts").resolve("bench").resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /** The module's version as {@code python} imports it, or null when it cannot (no interpreter, no module). */
    static String moduleVersion(String python, String module) throws InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(python, "-c", "import " + module + "; print(" + module + ".__version__)")
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            return null;
        }
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            p.destroy();
            return null;
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return null;
        }
        if (p.exitValue() != 0 || out.isEmpty()) {
            return null;
        }
        String[] lines = out.split("\\R");
        return lines[lines.length - 1].trim();
    }

    /**
     * Runs the script with these arguments and returns its JSON line.
     *
     * @throws IllegalStateException when it fails or prints no JSON object
     */
    Map<String, Object> run(List<String> args) throws IOException, InterruptedException {
        if (!available()) {
            throw new IllegalStateException(skipped);
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(python);
        cmd.add(script.toString());
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int status = p.waitFor();
        String line = lastJsonLine(out);
        if (status != 0 || line == null) {
            throw new IllegalStateException(
                    "reference " + String.join(" ", cmd) + " failed (exit status " + status + "): " + tail(out));
        }
        return parseJson(line);
    }

    /** The last line of {@code output} that starts with '{', or null. */
    static String lastJsonLine(String output) {
        String found = null;
        for (String l : output.split("\\R")) {
            if (l.trim().startsWith("{")) {
                found = l.trim();
            }
        }
        return found;
    }

    private static String tail(String s) {
        String t = s.strip();
        return t.isEmpty() ? "no output" : t.length() > 2000 ? "..." + t.substring(t.length() - 2000) : t;
    }

    /** The numbers of a JSON field: a list of numbers, or one number. */
    static double[] numbers(Map<String, Object> json, String key) {
        Object v = json.get(key);
        if (v instanceof Double d) {
            return new double[] {d};
        }
        if (v instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(e -> e instanceof Double)) {
            return list.stream().mapToDouble(e -> (Double) e).toArray();
        }
        throw new IllegalStateException("reference output has no numbers in '" + key + "': " + json);
    }

    /**
     * Parses one JSON object (strings, numbers as Double, true/false/null, arrays as List,
     * objects as Map) with Gson in strict mode.
     *
     * @throws IllegalStateException when the text is not exactly one JSON object, naming the error
     */
    static Map<String, Object> parseJson(String text) {
        Map<String, Object> m;
        try {
            m = STRICT_JSON.fromJson(text, new TypeToken<Map<String, Object>>() {}.getType());
        } catch (JsonParseException e) {
            throw new IllegalStateException("bad JSON (" + e.getMessage() + "): " + text, e);
        }
        if (m == null) {
            throw new IllegalStateException("not a JSON object: " + text);
        }
        return m;
    }

    private static final Gson STRICT_JSON =
            new GsonBuilder().setStrictness(Strictness.STRICT).serializeNulls().create();
}
