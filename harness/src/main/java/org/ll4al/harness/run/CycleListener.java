package org.ll4al.harness.run;

import java.io.IOException;

/**
 * Hooks around a cycle's record step, in the manner of DJL's training listeners: checkpointing
 * ({@link Checkpoints}) and progress output ({@link CycleReport}) are listeners, not steps of the
 * cycle.
 */
interface CycleListener {

    /** Before the cycle's row is written: what a landed row needs (its checkpoints). */
    default void beforeRecord(CycleOutcome cycle) throws IOException {}

    /** After the cycle's row is written. */
    default void afterRecord(CycleOutcome cycle) throws IOException {}
}
