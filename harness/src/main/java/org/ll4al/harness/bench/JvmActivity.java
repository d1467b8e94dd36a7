package org.ll4al.harness.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What the JVM itself did during a timed pass: JIT compilation and garbage collection time, and
 * the process's CPU seconds (all threads: the caller, the engine's worker threads, JIT and GC).
 * A benchmark prints it next to a throughput so that a slow pass can be told apart from a pass
 * that shared the cores with the JVM's own background work.
 *
 * @param compileMillis the JIT compilers' accumulated time (-1 when the JVM does not report it)
 * @param gcMillis the collectors' accumulated time
 * @param gcCount the collections
 * @param cpuNanos the process's CPU time (-1 when not available)
 * @param wallNanos {@link System#nanoTime()} when taken
 * @param minorFaults the process's minor page faults (-1 where {@code /proc/self/stat} cannot be read)
 * @param systemTicks the process's CPU time in the kernel, in clock ticks (-1 likewise)
 */
record JvmActivity(
        long compileMillis,
        long gcMillis,
        long gcCount,
        long cpuNanos,
        long wallNanos,
        long minorFaults,
        long systemTicks) {

    /** A snapshot of every counter at this moment (JIT, GC, CPU, wall clock, page faults). */
    static JvmActivity now() {
        var jit = ManagementFactory.getCompilationMXBean();
        long compile = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
        long gcMs = 0;
        long gcN = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcMs += Math.max(0, gc.getCollectionTime());
            gcN += Math.max(0, gc.getCollectionCount());
        }
        long cpu = ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : -1;
        long[] stat = procStat();
        return new JvmActivity(compile, gcMs, gcN, cpu, System.nanoTime(), stat[0], stat[1]);
    }

    /** Minor faults and system ticks from {@code /proc/self/stat} (fields 10 and 15), or -1s. */
    private static long[] procStat() {
        try {
            String s = Files.readString(Path.of("/proc/self/stat"));
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[7]), Long.parseLong(f[12])};
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1};
        }
    }

    /** The counters' growth from {@code start} to this. */
    JvmActivity since(JvmActivity start) {
        return new JvmActivity(
                compileMillis < 0 || start.compileMillis < 0 ? -1 : compileMillis - start.compileMillis,
                gcMillis - start.gcMillis,
                gcCount - start.gcCount,
                cpuNanos < 0 || start.cpuNanos < 0 ? -1 : cpuNanos - start.cpuNanos,
                wallNanos - start.wallNanos,
                minorFaults < 0 || start.minorFaults < 0 ? -1 : minorFaults - start.minorFaults,
                systemTicks < 0 || start.systemTicks < 0 ? -1 : systemTicks - start.systemTicks);
    }

    /** One line of a difference: JIT ms, GC ms (collections), cores busy on average. */
    String describe() {
        String cores =
                cpuNanos < 0 ? "" : String.format(Locale.ROOT, ", %.2f cores busy", cpuNanos / (double) wallNanos);
        String faults = minorFaults < 0
                ? ""
                : String.format(
                        Locale.ROOT, ", %d minor page faults, %d ticks in the kernel", minorFaults, systemTicks);
        return String.format(
                Locale.ROOT,
                "JIT %s ms, GC %d ms (%d collections)%s%s",
                compileMillis < 0 ? "?" : Long.toString(compileMillis),
                gcMillis,
                gcCount,
                cores,
                faults);
    }
}
