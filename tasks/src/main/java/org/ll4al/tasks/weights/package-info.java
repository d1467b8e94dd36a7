/**
 * Readers of PyTorch weight files without Python: the zip-based {@code torch.save} format's
 * pickle ({@link org.ll4al.tasks.weights.TorchPickle}) and its tensors
 * ({@link org.ll4al.tasks.weights.TorchStateDict}). A task maps the tensors onto its blocks (e.g.
 * detection's {@code VggWeights}).
 */
package org.ll4al.tasks.weights;
