package org.ll4al.tasks;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

/**
 * A task's target model and how to attach the loss prediction module to it.
 *
 * @param block returns {@code [heads..., taps..., embedding]}
 * @param tapCount how many feature maps the loss prediction module taps
 * @param inputShape shape of one input sample without the batch axis, e.g. (3, 32, 32)
 * @param description a short human description (architecture, width, parameter count)
 */
public record TargetModel(Block block, int tapCount, Shape inputShape, String description) {}
