package org.ll4al.harness.tools;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.ll4al.harness.options.DataCacheOptions;
import org.ll4al.harness.options.OptionSpec;
import org.ll4al.options.Option;
import org.ll4al.options.OptionException;
import org.ll4al.results.PortablePaths;
import org.ll4al.results.ResultsReader;
import org.ll4al.results.ResultsStore;
import org.ll4al.results.RunManifest;

/**
 * {@code -Dportable=DIR}: rewrites the path options of {@code DIR/run.json} and
 * {@code DIR/OPTIONS} (the {@code -Dname=value} lines of scripts/long-run.sh) so that they name no
 * absolute path of this machine ({@link PortablePaths}: relative to the working folder, under
 * {@code ${dataCache}}, or {@code ${path}/} and the last two names). scripts/publish-run.sh runs
 * it on every published run; a file already portable is left as it is.
 */
public final class Portable {

    /** The file of a run's given options, one {@code -Dname=value} per line. */
    static final String OPTIONS_FILE = "OPTIONS";

    private Portable() {}

    public static int run(Properties props, PrintStream out) throws IOException {
        String given = props.getProperty("portable", "");
        if (given.isBlank() || !Files.isDirectory(Path.of(given.trim()))) {
            throw new OptionException("portable", given, "a results folder (holding run.json and/or OPTIONS)");
        }
        Path dir = Path.of(given.trim());
        PortablePaths paths = DataCacheOptions.portablePaths(OptionSpec.value(props, DataCacheOptions.DATA_CACHE));
        RunManifest m = ResultsReader.manifest(dir);
        if (m != null) {
            m.makePortable(paths);
            ResultsStore.rewriteManifest(dir, m);
            out.println(
                    "wrote " + dir.resolve("run.json") + " (path options " + String.join(", ", m.pathOptions()) + ")");
        }
        Path options = dir.resolve(OPTIONS_FILE);
        if (Files.exists(options)) {
            List<String> lines = optionLines(Files.readAllLines(options), paths);
            Path tmp = options.resolveSibling(OPTIONS_FILE + ".tmp");
            Files.write(tmp, lines);
            Files.move(tmp, options, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            out.println("wrote " + options);
        }
        return 0;
    }

    /** The lines with each {@code -Dname=value} of a path option rewritten; other lines as they are. */
    static List<String> optionLines(List<String> lines, PortablePaths paths) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            int eq = line.indexOf('=');
            String name = line.startsWith("-D") && eq > 2 ? line.substring(2, eq) : null;
            Option<?> o = name == null ? null : OptionSpec.ALL.get(name);
            out.add(o != null && o.isPath() ? "-D" + name + "=" + paths.of(line.substring(eq + 1)) : line);
        }
        return out;
    }
}
