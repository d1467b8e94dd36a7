/**
 * The harness's options: the declarations of the harness's own options (the run's, the
 * benchmark's, the data cache's), the table of every option of a run assembled with the tasks'
 * and training's declarations, their sources (preset, config file, {@code -D}), one run's checked
 * {@link org.ll4al.harness.options.Options}, and {@code -Dhelp}. Depends on no other harness package.
 */
package org.ll4al.harness.options;
