/**
 * The {@code mvn exec:java} entry point ({@link org.ll4al.harness.Main}), which hands each command
 * to its package: {@code options} (every option's declaration, reading and checks),
 * {@code run} (an experiment's cycles), {@code supervise} (child JVMs, relaunch, shards side by
 * side), {@code bench} ({@code -Dbench}) and {@code tools} ({@code -Ddownload}, {@code -Dportable},
 * {@code -Dpretrain}). Each package uses only the public classes of those before it in that list.
 */
package org.ll4al.harness;
