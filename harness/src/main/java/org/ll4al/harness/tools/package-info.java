/**
 * The one-shot commands besides runs and benchmarks: {@code -Ddownload} (and the data of a run
 * without {@code -Ddata}), {@code -Dportable} (a published run's paths) and {@code -Dpretrain}.
 */
package org.ll4al.harness.tools;
