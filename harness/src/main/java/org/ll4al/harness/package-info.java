/**
 * The experiment harness: options (one place validates every value), presets, the grid of
 * (strategy, trial) runs with paired initial sets, resume from a results folder, progress
 * output, the benchmark command and the {@code mvn exec:java} entry point.
 */
package org.ll4al.harness;
