/**
 * The training engine every task gets by composition: training a target model jointly with the
 * loss prediction module for one cycle, scoring a subset of the pool through the signal registry
 * ({@link org.ll4al.tasks.training.SignalProviders}), evaluating the metric and the
 * loss-prediction (ranking) accuracy, checkpoints.
 */
package org.ll4al.tasks.training;
