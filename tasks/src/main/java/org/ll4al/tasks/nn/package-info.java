/**
 * Network building blocks shared by the three tasks: a 2-d convolution that stays correct on
 * engines whose blocked convolution kernels are not ({@link org.ll4al.tasks.nn.GuardedConv2d},
 * {@link org.ll4al.tasks.nn.ConvolutionSelfCheck}).
 */
package org.ll4al.tasks.nn;
