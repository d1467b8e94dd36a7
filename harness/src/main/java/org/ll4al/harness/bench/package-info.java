/**
 * {@code -Dbench}: core-set timing, a task's training and inference throughput, each strategy's
 * cost per cycle (through the run's own selection step), and the side-by-side comparison with
 * the Python references (docs/benchmarks.md).
 */
package org.ll4al.harness.bench;
