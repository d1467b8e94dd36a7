/**
 * The task-agnostic half of Learning Loss for Active Learning: the selection strategies (random,
 * entropy, margin, least-confidence, core-set, learning loss and the others) that pick dataset
 * ids from a scored random subset of the unlabeled pool, the signals they rank by, and the one
 * seeded sampler. The loss prediction network and its objective are in {@code lossprediction}.
 */
package org.ll4al.selection;
