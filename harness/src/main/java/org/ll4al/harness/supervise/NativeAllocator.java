package org.ll4al.harness.supervise;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ll4al.options.OptionException;

/**
 * The native allocator of the supervised child JVM ({@code -Dmalloc}): libtorch allocates and
 * frees large tensors every step, which glibc's malloc serves with mmap/munmap (system time and
 * page faults); tcmalloc keeps them. {@code auto} preloads tcmalloc when it is installed,
 * {@code tcmalloc} requires it, {@code system} leaves the environment alone. A {@code LD_PRELOAD}
 * the user set always wins. And its page size ({@code -DhugePages}): libtorch (2.1 and later)
 * places tensors of 2 MiB or more on transparent huge pages when {@code THP_MEM_ALLOC_ENABLE=1}
 * (fewer page faults and TLB misses; PyTorch's CPU tuning guide recommends it), which the kernel
 * honours unless its THP mode is {@code never}. Allocation never changes a result, only its speed.
 */
public final class NativeAllocator {

    /** Where Debian/Ubuntu ({@code libtcmalloc-minimal4}) and Fedora/RHEL ({@code gperftools-libs}) install it. */
    static final List<Path> TCMALLOC = List.of(
            Path.of("/usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4"),
            Path.of("/usr/lib/aarch64-linux-gnu/libtcmalloc_minimal.so.4"),
            Path.of("/usr/lib64/libtcmalloc_minimal.so.4"),
            Path.of("/usr/lib/libtcmalloc_minimal.so.4"));

    /** The kernel's transparent huge page mode ({@code always [madvise] never}, the bracketed one in force). */
    static final Path THP_SETTING = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");

    /** libtorch's switch for huge-page tensor allocation (read once, when the engine first allocates). */
    public static final String THP_VARIABLE = "THP_MEM_ALLOC_ENABLE";

    private NativeAllocator() {}

    /** The allocator and page size this JVM runs with, as a process it starts inherits them. */
    public static String current() {
        String preload = System.getenv("LD_PRELOAD");
        String thp = System.getenv(THP_VARIABLE);
        return (preload == null || preload.isBlank() ? "the system's malloc" : "LD_PRELOAD=" + preload)
                + (thp == null || thp.isBlank() ? ", no " + THP_VARIABLE : ", " + THP_VARIABLE + "=" + thp);
    }

    /**
     * Sets up {@code env} (a child process's environment) for huge-page mode {@code mode}
     * ({@code auto|on|off}); a {@code THP_MEM_ALLOC_ENABLE} already in {@code env} wins.
     *
     * @param setting the kernel's THP mode file ({@link #THP_SETTING})
     * @return one line saying what the child gets
     * @throws OptionException when {@code mode} is {@code on} and the kernel offers no transparent huge pages
     */
    static String applyHugePages(String mode, Map<String, String> env, Path setting) {
        String preset = env.get(THP_VARIABLE);
        if (preset != null && !preset.isBlank()) {
            return "huge pages: " + THP_VARIABLE + "=" + preset + " (set by the user)";
        }
        if (mode.equals("off")) {
            return "huge pages: off (-DhugePages=off)";
        }
        String kernel = kernelMode(setting);
        if (kernel == null || kernel.equals("never")) {
            String why = kernel == null ? setting + " not readable" : setting + " says never";
            if (mode.equals("on")) {
                throw new OptionException(
                        "hugePages",
                        mode,
                        "a kernel that offers transparent huge pages (" + why + "; as root: echo madvise > " + setting
                                + "), or -DhugePages=auto|off");
            }
            return "huge pages: off (" + why + ")";
        }
        env.put(THP_VARIABLE, "1");
        return "huge pages: " + THP_VARIABLE + "=1 (tensors of 2 MiB or more on transparent huge pages; kernel mode "
                + kernel + ")";
    }

    /** The bracketed mode in the kernel's THP file ({@code always}, {@code madvise}, {@code never}), or null. */
    static String kernelMode(Path setting) {
        try {
            String s = Files.readString(setting);
            int a = s.indexOf('[');
            int b = s.indexOf(']', a + 1);
            return a < 0 || b < 0 ? null : s.substring(a + 1, b);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Sets up {@code env} (a child process's environment) for {@code mode}.
     *
     * @param candidates where to look for tcmalloc, first found wins
     * @return one line saying which allocator the child gets
     * @throws OptionException when {@code mode} is {@code tcmalloc} and none of the candidates exists
     */
    static String apply(String mode, Map<String, String> env, List<Path> candidates) {
        String preset = env.get("LD_PRELOAD");
        if (preset != null && !preset.isBlank()) {
            return "native allocator: LD_PRELOAD=" + preset + " (set by the user)";
        }
        if (mode.equals("system")) {
            return "native allocator: the system's malloc (-Dmalloc=system)";
        }
        Path lib = candidates.stream().filter(Files::isRegularFile).findFirst().orElse(null);
        if (lib == null) {
            if (mode.equals("tcmalloc")) {
                throw new OptionException(
                        "malloc",
                        mode,
                        "tcmalloc installed at one of " + candidates
                                + " (Debian/Ubuntu: apt-get install libtcmalloc-minimal4), or -Dmalloc=auto|system");
            }
            return "native allocator: the system's malloc (tcmalloc not installed; apt-get install libtcmalloc-minimal4"
                    + " makes training faster)";
        }
        env.put("LD_PRELOAD", lib.toString());
        return "native allocator: tcmalloc (" + lib + ")";
    }
}
