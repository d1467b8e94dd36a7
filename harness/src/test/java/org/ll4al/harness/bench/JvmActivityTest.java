package org.ll4al.harness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The JVM activity counters' differences and their one-line description, on fixed values and live. */
class JvmActivityTest {

    @Test
    void differencesAreTakenFieldByFieldAndUnknownsStayUnknown() {
        JvmActivity a = new JvmActivity(100, 20, 2, 1_000_000_000L, 5_000_000_000L, 1000, 7);
        JvmActivity b = new JvmActivity(130, 50, 3, 3_000_000_000L, 6_000_000_000L, 1400, 9);
        JvmActivity d = b.since(a);
        assertEquals(new JvmActivity(30, 30, 1, 2_000_000_000L, 1_000_000_000L, 400, 2), d);
        assertEquals(
                "JIT 30 ms, GC 30 ms (1 collections), 2.00 cores busy, 400 minor page faults, 2 ticks in the kernel",
                d.describe());
        JvmActivity unknown = new JvmActivity(-1, 0, 0, -1, 0, -1, -1);
        JvmActivity u = new JvmActivity(-1, 0, 0, -1, 10, -1, -1).since(unknown);
        assertEquals("JIT ? ms, GC 0 ms (0 collections)", u.describe());
    }

    @Test
    void liveCountersOnlyGrow() {
        JvmActivity start = JvmActivity.now();
        byte[][] garbage = new byte[64][];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = new byte[1 << 16];
        }
        JvmActivity d = JvmActivity.now().since(start);
        assertTrue(d.wallNanos() >= 0 && d.gcMillis() >= 0 && d.gcCount() >= 0, d.toString());
        assertTrue(d.cpuNanos() == -1 || d.cpuNanos() >= 0, d.toString());
        assertTrue(d.minorFaults() == -1 || d.minorFaults() >= 0, d.toString());
        assertEquals(64, garbage.length);
    }
}
