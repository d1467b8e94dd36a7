/**
 * Human-pose estimation with a stacked hourglass network (the paper's third task) on MPII or
 * Leeds Sports Pose: the MPII JSON annotation loader of stacked-hourglass/HRNet
 * reimplementations, the LSP/LSPe {@code joints.mat} reader with its derived person boxes, its
 * disjoint pool/evaluation split and its PCK@0.2 (torso) and PCKh@0.5 (head segment),
 * crop/rotation/flip augmentation through one affine transform, Gaussian heatmap targets, the stacked hourglass
 * target model (heads = one heatmap per stack, taps = the last feature map of every stack),
 * the heatmap-entropy uncertainty, PCKh@0.5, a synthetic stick-figure dataset in the same
 * layout, and the {@code pose} task provider with its {@code paper}, {@code cpu} and
 * {@code smoke} presets and {@code cpu-lsp}.
 */
package org.ll4al.tasks.pose;
