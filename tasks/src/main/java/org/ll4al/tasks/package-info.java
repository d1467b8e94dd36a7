/**
 * The task plug-in point ({@link org.ll4al.tasks.ActiveLearningTask}, found by name through
 * {@link org.ll4al.tasks.TaskProvider}) and the task-agnostic loop that trains a target model
 * with the loss prediction module, scores a subset and evaluates: every task gets the paper's
 * joint objective, stop-gradient schedule and signals by composition.
 */
package org.ll4al.tasks;
