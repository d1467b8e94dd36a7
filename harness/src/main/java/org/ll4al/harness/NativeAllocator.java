package org.ll4al.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ll4al.tasks.option.OptionException;

/**
 * The native allocator of the supervised child JVM ({@code -Dmalloc}): libtorch allocates and
 * frees large tensors every step, which glibc's malloc serves with mmap/munmap (system time and
 * page faults); tcmalloc keeps them. {@code auto} preloads tcmalloc when it is installed,
 * {@code tcmalloc} requires it, {@code system} leaves the environment alone. A {@code LD_PRELOAD}
 * the user set always wins. Allocation never changes a result, only its speed.
 */
final class NativeAllocator {

    /** Where Debian/Ubuntu ({@code libtcmalloc-minimal4}) and Fedora/RHEL ({@code gperftools-libs}) install it. */
    static final List<Path> TCMALLOC = List.of(
            Path.of("/usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4"),
            Path.of("/usr/lib/aarch64-linux-gnu/libtcmalloc_minimal.so.4"),
            Path.of("/usr/lib64/libtcmalloc_minimal.so.4"),
            Path.of("/usr/lib/libtcmalloc_minimal.so.4"));

    private NativeAllocator() {}

    /** The allocator this JVM runs with, as a process it starts inherits it. */
    static String current() {
        String preload = System.getenv("LD_PRELOAD");
        return preload == null || preload.isBlank() ? "the system's malloc" : "LD_PRELOAD=" + preload;
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
                throw new OptionException("malloc", mode, "tcmalloc installed at one of " + candidates
                        + " (Debian/Ubuntu: apt-get install libtcmalloc-minimal4), or -Dmalloc=auto|system");
            }
            return "native allocator: the system's malloc (tcmalloc not installed; apt-get install libtcmalloc-minimal4"
                    + " makes training faster)";
        }
        env.put("LD_PRELOAD", lib.toString());
        return "native allocator: tcmalloc (" + lib + ")";
    }
}
