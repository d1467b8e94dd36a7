package org.ll4al.tasks.pose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.ll4al.tasks.TaskConfig;
import org.ll4al.tasks.TaskDataException;

/** The disjoint evaluation set and pool of one LSP file, and the cpu-lsp preset's evaluation images. */
class LspSplitTest {

    @Test
    void evalAndPoolAreDisjointAndDependOnlyOnTheSeed() {
        LspSplit a = LspSplit.of(1000, 200, 0, 0);
        assertEquals(200, a.eval().length);
        assertEquals(800, a.pool().length, "poolLimit 0: every other person");
        assertEquals(
                1000,
                IntStream.concat(Arrays.stream(a.eval()), Arrays.stream(a.pool()))
                        .distinct()
                        .count());
        assertArrayEquals(a.eval(), LspSplit.of(1000, 200, 0, 0).eval());
        assertArrayEquals(a.eval(), LspSplit.of(1000, 200, 40, 0).eval(), "the pool limit does not move the eval set");
        assertTrue(!Arrays.equals(a.eval(), LspSplit.of(1000, 200, 0, 5).eval()), "another seed, another eval set");
        LspSplit small = LspSplit.of(1000, 16, 40, 0);
        assertEquals(40, small.pool().length);
        assertTrue(Arrays.stream(small.pool())
                .noneMatch(i -> Arrays.stream(small.eval()).anyMatch(j -> j == i)));
        assertEquals(100, LspSplit.of(1000, 0, 0, 0).eval().length, "evalLimit 0: one tenth");
        TaskDataException e = assertThrows(TaskDataException.class, () -> LspSplit.of(10, 10, 0, 0));
        assertTrue(e.getMessage().contains("leaves no pool"), e.getMessage());
    }

    /** docs/pose-lsp-cpu-eval.txt lists the images the cpu-lsp preset evaluates on (seed 0). */
    @Test
    void theDocumentedEvaluationImagesAreThePresetsAtSeedZero() throws Exception {
        Map<String, String> preset = new HashMap<>(new PoseTaskProvider().preset("cpu-lsp"));
        preset.put("data", "lspet"); // the preset names no folder: all of LSPe is -Ddata's or the download's
        TaskConfig config = new PoseTaskProvider().config(preset, 0);
        LspSplit split = LspSplit.of(10000, config.evalLimit(), config.poolLimit(), config.seed());
        List<String> names = Arrays.stream(split.eval())
                .mapToObj(LspConvention.LSPE::imageName)
                .toList();
        Path doc = Path.of("").toAbsolutePath().getParent().resolve("docs/pose-lsp-cpu-eval.txt");
        List<String> listed = Files.readAllLines(doc).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank())
                .toList();
        assertEquals(names, listed, doc + " lists the cpu-lsp evaluation images");
    }
}
