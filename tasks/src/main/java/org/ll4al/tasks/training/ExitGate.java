package org.ll4al.tasks.training;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.ll4al.options.Option;

/**
 * Keeps the JVM from exiting while a thread is inside a batch of libtorch work. A SIGTERM (a
 * {@code kill}, Slurm's timeout, a session ending) runs the JVM's exit, whose C++ static
 * destructors tear libtorch's global state down while a training thread may still be inside
 * libtorch: it then dies with SIGSEGV in libtorch code (the crash of 2026-11-23 in
 * {@code at::accelerator::getAccelerator}; docs/reliability.md). With the gate installed, the
 * exit waits until the batch in progress ends, and the thread parks before its next batch.
 */
public final class ExitGate {

    /**
     * {@code -Dll4al.exitGate}: false lets a SIGTERM's exit go on without waiting (only to reproduce
     * the crash); a JVM-wide system property, read once at start and passed to a supervised child.
     */
    public static final Option<Boolean> OPTION = Option.bool(
                    "ll4al.exitGate",
                    "true",
                    "engine: a SIGTERM's exit waits for the libtorch batch in progress (false: it does not, only to"
                            + " reproduce the crash of docs/reliability.md)")
            .session();

    /** The gate of this JVM's training and scoring loops. */
    public static final ExitGate DEFAULT = new ExitGate();

    /** A batch in progress; closing it ends the batch. */
    public interface Batch extends AutoCloseable {
        @Override
        void close();
    }

    private final ReentrantLock batch = new ReentrantLock();
    private final Batch held = batch::unlock;
    private final AtomicBoolean installed = new AtomicBoolean();
    private volatile boolean closing;

    ExitGate() {}

    /**
     * Installs, once per JVM, the shutdown hook that closes the gate and waits up to
     * {@code waitSeconds} for the batch in progress (then lets the exit go on regardless).
     */
    public void installShutdownHook(long waitSeconds) {
        if (installed.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(waitSeconds), "ll4al exit gate"));
        }
    }

    /**
     * Starts a batch of libtorch work, ended by closing what it returns (try-with-resources);
     * after {@link #close(long)} it parks the calling thread for good instead (the JVM is exiting).
     */
    Batch enter() {
        batch.lock();
        if (closing) {
            batch.unlock();
            while (true) {
                LockSupport.park(this);
            }
        }
        return held;
    }

    /**
     * Closes the gate: no batch starts from now on; waits for the one in progress.
     *
     * @return whether no batch was running when it returned (false: the wait timed out)
     */
    boolean close(long waitSeconds) {
        closing = true;
        try {
            return batch.tryLock(waitSeconds, TimeUnit.SECONDS); // kept: the JVM is exiting
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
