package org.ll4al.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ll4al.tasks.option.OptionException;

class NativeAllocatorTest {

    @TempDir
    Path dir;

    @Test
    void autoPreloadsTheFirstInstalledTcmalloc() throws IOException {
        Path missing = dir.resolve("absent.so");
        Path lib = Files.createFile(dir.resolve("libtcmalloc_minimal.so.4"));
        Map<String, String> env = new HashMap<>();
        String line = NativeAllocator.apply("auto", env, List.of(missing, lib));
        assertEquals(lib.toString(), env.get("LD_PRELOAD"));
        assertTrue(line.contains("tcmalloc"), line);
    }

    @Test
    void autoWithoutTcmallocLeavesTheEnvironmentAlone() {
        Map<String, String> env = new HashMap<>();
        String line = NativeAllocator.apply("auto", env, List.of(dir.resolve("absent.so")));
        assertFalse(env.containsKey("LD_PRELOAD"));
        assertTrue(line.contains("libtcmalloc-minimal4"), line);
    }

    @Test
    void systemAndTheUsersPreloadAreKept() throws IOException {
        Path lib = Files.createFile(dir.resolve("libtcmalloc_minimal.so.4"));
        Map<String, String> env = new HashMap<>();
        NativeAllocator.apply("system", env, List.of(lib));
        assertFalse(env.containsKey("LD_PRELOAD"));
        env.put("LD_PRELOAD", "/opt/jemalloc.so");
        NativeAllocator.apply("tcmalloc", env, List.of(lib));
        assertEquals("/opt/jemalloc.so", env.get("LD_PRELOAD"));
    }

    @Test
    void tcmallocRequiredButMissingNamesTheOption() {
        OptionException e = assertThrows(OptionException.class,
                () -> NativeAllocator.apply("tcmalloc", new HashMap<>(), List.of(dir.resolve("absent.so"))));
        assertTrue(e.getMessage().contains("malloc"), e.getMessage());
    }
}
