/**
 * MPII human-pose estimation with a stacked hourglass network (the paper's third task): the
 * JSON annotation loader of stacked-hourglass/HRNet reimplementations, crop/rotation/flip
 * augmentation through one affine transform, Gaussian heatmap targets, the stacked hourglass
 * target model (heads = one heatmap per stack, taps = the last feature map of every stack),
 * the heatmap-entropy uncertainty, PCKh@0.5, a synthetic stick-figure dataset in the same
 * layout, and the {@code pose} task provider with its {@code paper}, {@code cpu} and
 * {@code smoke} presets.
 */
package org.ll4al.tasks.pose;
