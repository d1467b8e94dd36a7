package org.ll4al.harness.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/options.md is what {@code -Dhelp=markdown} prints, and it names every option {@code -Dhelp} lists. */
class OptionsPageTest {

    private static final Path PAGE = Path.of("..", "docs", "options.md");

    @Test
    void theOptionsPageIsTheGeneratedOne() throws Exception {
        assertEquals(
                OptionSpec.markdown(),
                Files.readString(PAGE),
                "docs/options.md drifted from the option declarations: regenerate it with"
                        + " mvn -q exec:java -Dhelp=markdown -Dout=docs/options.md");
    }

    @Test
    void everyOptionOfTheHelpIsOnThePage() throws Exception {
        String page = Files.readString(PAGE);
        int named = 0;
        for (String line : OptionSpec.usage().split("\n")) {
            if (line.startsWith("  ")) {
                String name = line.trim().split("\\s+")[0];
                assertTrue(page.contains("| `" + name + "` |"), name + " is in -Dhelp but not on docs/options.md");
                named++;
            }
        }
        assertTrue(named > 50, "the help lists the options: " + named);
    }
}
