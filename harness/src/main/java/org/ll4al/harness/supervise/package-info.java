/**
 * Process supervision: an experiment or benchmark in a child JVM with its native allocator and
 * huge pages, relaunched to resume after a crash ({@link org.ll4al.harness.supervise.Supervisor}),
 * {@code -Ddevices} shards side by side ({@link org.ll4al.harness.supervise.Launcher}), and the
 * child's engine log lines printed once.
 */
package org.ll4al.harness.supervise;
