/**
 * The loss prediction network and its objective: the module that predicts a sample's loss from
 * the target model's tapped feature maps, its margin ranking loss, the joint objective (task
 * loss + lambda x loss-prediction loss with the stop-gradient schedule) and the network that
 * joins target model and module.
 */
package org.ll4al.selection.lossprediction;
