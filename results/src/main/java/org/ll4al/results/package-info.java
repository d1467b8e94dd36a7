/**
 * Result records of an active-learning run ({@code cycles.csv}, {@code selections.csv},
 * {@code run.json}), the one writer that appends them cycle by cycle, and the reader that
 * loads them back for reports and resume. Deliberately free of DJL.
 */
package org.ll4al.results;
