package org.ll4al.tasks.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExitGateTest {

    @Test
    void closingWaitsForTheBatchInProgressAndNoBatchStartsAfterIt() throws Exception {
        ExitGate gate = new ExitGate();
        AtomicInteger started = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        CountDownLatch inBatch = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            while (true) {
                try (ExitGate.Batch b = gate.enter()) {
                    started.incrementAndGet();
                    inBatch.countDown();
                    Thread.sleep(300); // a batch of libtorch work
                    finished.incrementAndGet();
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        worker.setDaemon(true);
        worker.start();
        assertTrue(inBatch.await(5, TimeUnit.SECONDS));
        long t0 = System.nanoTime();
        assertTrue(gate.close(10), "the batch in progress ended within the wait");
        assertTrue(System.nanoTime() - t0 > 50_000_000L, "close waited for the running batch");
        int done = finished.get();
        assertEquals(started.get(), done, "no batch is half done when close returns");
        Thread.sleep(500);
        assertEquals(done, started.get(), "the worker starts no batch after the gate closed");
        assertTrue(worker.isAlive(), "it is parked, not running or dead");
    }

    @Test
    void aBatchLongerThanTheWaitLetsTheExitGoOn() throws Exception {
        ExitGate gate = new ExitGate();
        CountDownLatch inBatch = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            try (ExitGate.Batch b = gate.enter()) {
                inBatch.countDown();
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // test over
            }
        });
        worker.setDaemon(true);
        worker.start();
        assertTrue(inBatch.await(5, TimeUnit.SECONDS));
        assertFalse(gate.close(1), "timed out: the exit is not held longer than the wait");
        worker.interrupt();
    }
}
