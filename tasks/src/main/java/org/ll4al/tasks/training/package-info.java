/**
 * The shared active-learning machinery every task gets by composition: training a target
 * model jointly with the loss prediction module for one cycle, scoring a subset of the pool,
 * evaluating the metric and the loss-prediction (ranking) accuracy, checkpoints.
 */
package org.ll4al.tasks.training;
