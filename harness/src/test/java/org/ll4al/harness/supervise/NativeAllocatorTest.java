package org.ll4al.harness.supervise;

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
import org.ll4al.options.OptionException;

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
        OptionException e = assertThrows(
                OptionException.class,
                () -> NativeAllocator.apply("tcmalloc", new HashMap<>(), List.of(dir.resolve("absent.so"))));
        assertTrue(e.getMessage().contains("malloc"), e.getMessage());
    }

    private Path thpFile(String text) throws IOException {
        return Files.writeString(dir.resolve("enabled"), text + "\n");
    }

    @Test
    void hugePagesAutoSetsLibtorchsSwitchWhenTheKernelOffersThem() throws IOException {
        for (String kernel : new String[] {"[always] madvise never", "always [madvise] never"}) {
            Map<String, String> env = new HashMap<>();
            String line = NativeAllocator.applyHugePages("auto", env, thpFile(kernel));
            assertEquals("1", env.get("THP_MEM_ALLOC_ENABLE"), kernel);
            assertTrue(line.contains("THP_MEM_ALLOC_ENABLE=1"), line);
        }
        assertEquals("madvise", NativeAllocator.kernelMode(thpFile("always [madvise] never")));
    }

    @Test
    void hugePagesAutoLeavesTheEnvironmentAloneWhereTheKernelHasNone() throws IOException {
        Map<String, String> env = new HashMap<>();
        String line = NativeAllocator.applyHugePages("auto", env, thpFile("always madvise [never]"));
        assertFalse(env.containsKey("THP_MEM_ALLOC_ENABLE"));
        assertTrue(line.contains("never"), line);
        line = NativeAllocator.applyHugePages("auto", env, dir.resolve("absent"));
        assertFalse(env.containsKey("THP_MEM_ALLOC_ENABLE"));
        assertTrue(line.contains("not readable"), line);
    }

    @Test
    void hugePagesOnWithoutKernelSupportNamesTheOptionAndOffSetsNothing() throws IOException {
        OptionException e = assertThrows(
                OptionException.class,
                () -> NativeAllocator.applyHugePages("on", new HashMap<>(), thpFile("always madvise [never]")));
        assertTrue(e.getMessage().contains("hugePages"), e.getMessage());
        Map<String, String> env = new HashMap<>();
        NativeAllocator.applyHugePages("off", env, thpFile("[always] madvise never"));
        assertFalse(env.containsKey("THP_MEM_ALLOC_ENABLE"));
    }

    @Test
    void hugePagesTheUsersOwnSettingWins() throws IOException {
        Map<String, String> env = new HashMap<>(Map.of("THP_MEM_ALLOC_ENABLE", "0"));
        String line = NativeAllocator.applyHugePages("on", env, thpFile("[always] madvise never"));
        assertEquals("0", env.get("THP_MEM_ALLOC_ENABLE"));
        assertTrue(line.contains("set by the user"), line);
    }
}
