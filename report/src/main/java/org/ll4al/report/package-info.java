/**
 * Reports drawn from one or more results folders: learning curves (mean and sample standard
 * deviation over trials, PNG and SVG via XChart) and a Markdown summary with final-cycle
 * metrics, area under the learning curve and paired comparisons against {@code random}.
 * Entry points are {@link org.ll4al.report.Report#draw} and {@link org.ll4al.report.Report#fromFolders}
 * (the harness's {@code -Dreport} command).
 */
package org.ll4al.report;
