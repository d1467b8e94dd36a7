/**
 * PASCAL VOC object detection with SSD (Liu et al. 2016) for the learning-loss benchmark: a
 * VOCdevkit loader with in-memory image cache, SSD augmentation, a width-scalable SSD with a
 * VGG-16-style base, prior boxes, matching/encoding, hard-negative-mined multibox loss, decoding
 * with NMS, and VOC average precision (11-point VOC2007 or area-based VOC2010+).
 */
package org.ll4al.tasks.detection;
