/**
 * The task-agnostic half of Learning Loss for Active Learning: the loss prediction module,
 * its margin ranking loss and the joint objective, and the selection strategies (random,
 * entropy, margin, least-confidence, core-set, learning loss) that pick dataset ids from a
 * scored random subset of the unlabeled pool.
 */
package org.ll4al.selection;
