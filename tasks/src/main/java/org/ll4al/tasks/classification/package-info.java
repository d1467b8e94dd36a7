/**
 * CIFAR-10 image classification with the CIFAR ResNet-18 (the paper's first task): the binary
 * batch loader, augmentation, the network exposing its four stages to the loss prediction
 * module, softmax uncertainty signals and top-1 accuracy.
 */
package org.ll4al.tasks.classification;
