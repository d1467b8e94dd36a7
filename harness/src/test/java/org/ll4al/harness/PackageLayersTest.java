package org.ll4al.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.ll4al.harness.supervise.Launcher;

/** The harness's packages by job use only the packages below them, and the entry point names itself right. */
class PackageLayersTest {

    /** Each package and the harness packages it may use. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "options", Set.of(),
            "run", Set.of("options"),
            "supervise", Set.of("options", "run"),
            "bench", Set.of("options", "run", "supervise"),
            "tools", Set.of("options", "run"));

    /** An import of a harness class: group 1 is its package below the harness, null for the root package. */
    private static final Pattern HARNESS =
            Pattern.compile("^import (?:static )?org\\.ll4al\\.harness\\.(?:(\\w+)\\.)?[A-Z]", Pattern.MULTILINE);

    @Test
    void everyPackageUsesOnlyThePackagesBelowIt() throws IOException {
        Path main = Path.of("src/main/java/org/ll4al/harness");
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : ALLOWED.entrySet()) {
            try (Stream<Path> files = Files.list(main.resolve(e.getKey()))) {
                for (Path f : files.toList()) {
                    Matcher m = HARNESS.matcher(Files.readString(f));
                    while (m.find()) {
                        String used = m.group(1);
                        if (used == null
                                || !used.equals(e.getKey()) && !e.getValue().contains(used)) {
                            wrong.add(f.getFileName() + " uses " + m.group());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
        try (Stream<Path> files = Files.list(main)) {
            assertEquals(
                    Set.of("Main.java", "package-info.java"),
                    Set.copyOf(files.filter(Files::isRegularFile)
                            .map(f -> f.getFileName().toString())
                            .toList()),
                    "only the entry point in the root package");
        }
    }

    @Test
    void childJvmsRunTheEntryPoint() {
        assertEquals(Main.class.getName(), Launcher.MAIN_CLASS);
        assertTrue(ALLOWED.keySet().stream()
                .allMatch(p -> Files.isDirectory(Path.of("src/main/java/org/ll4al/harness", p))));
    }
}
