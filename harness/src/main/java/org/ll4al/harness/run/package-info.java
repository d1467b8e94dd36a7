/**
 * An experiment: the grid of (strategy, trial) runs ({@link org.ll4al.harness.run.Experiment}),
 * where each resumes ({@link org.ll4al.harness.run.ResumePlan}), the cycles of one run
 * ({@link org.ll4al.harness.run.TrialRunner}), the seeded draws of a trial, the one scoring and
 * selection step ({@link org.ll4al.harness.run.SelectionStep}, also timed by
 * {@code -Dbench=strategies}), the shared cycle 0, the committee and progress output.
 */
package org.ll4al.harness.run;
