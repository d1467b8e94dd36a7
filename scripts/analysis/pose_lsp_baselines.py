#!/usr/bin/env python3
"""What PCK@0.2 and PCKh@0.5 a pose model must beat, and can reach, on an LSPe evaluation set.

Usage: python3 scripts/analysis/pose_lsp_baselines.py JOINTS_MAT EVAL_LIST [HEATMAP]

JOINTS_MAT is LSPe's joints.mat (14 x 3 x N); EVAL_LIST names the evaluated images one per line
(docs/pose-lsp-cpu-eval.txt for the cpu-lsp preset; '#' lines are comments); the pool is every
other person of the file. HEATMAP is the heatmap side (imageSize / 4; 16 for cpu-lsp).

Two predictors, scored by scripts/fixtures/pck_reference.py's evaluate (visible joints only, people
whose reference segment is visible and longer than 0):

  mean pose   every person gets the pool's mean pose, placed in its own person box (the centre
              and scale of scripts/fixtures/lsp_box_reference.py, which the model's crop uses):
              what a network that ignores the image scores;
  grid        the ground truth rounded to the centres of the HEATMAP x HEATMAP cells of the
              unrotated crop (200 x scale pixels around the centre): what a perfect heatmap read
              by its arg-max alone scores (the suite adds a quarter-cell step, so it can do better).
"""
import os
import sys

import numpy as np
import scipy.io

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fixtures'))
import lsp_box_reference  # noqa: E402
import pck_reference  # noqa: E402
from pck_reference import HEAD_TOP, L_SHOULDER, NECK, R_HIP  # noqa: E402


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit('usage: pose_lsp_baselines.py JOINTS_MAT EVAL_LIST [HEATMAP]')
    joints = scipy.io.loadmat(sys.argv[1])['joints']
    gt, vis = pck_reference.split(joints, sys.argv[1])
    hm = int(sys.argv[3]) if len(sys.argv) == 4 else 16
    with open(sys.argv[2]) as f:
        names = [line.strip() for line in f if line.strip() and not line.startswith('#')]
    people = np.array([int(name[2:7]) - 1 for name in names])
    pool = np.setdiff1d(np.arange(gt.shape[0]), people)
    _, centres, scales = lsp_box_reference.boxes(joints)
    c = np.array(centres)[:, None, :]  # (N, 1, 2)
    side = 200 * np.array(scales)[:, None, None]  # the unrotated crop's side, pixels
    crop = (gt - c) / side  # (N, 14, 2), relative to the crop
    mean = np.array([crop[pool, k][vis[pool, k]].mean(axis=0) for k in range(14)])  # (14, 2)
    grid = (np.round((crop + 0.5) * hm - 0.5) + 0.5) / hm - 0.5
    both = vis[:, L_SHOULDER] & vis[:, R_HIP]
    torso = pck_reference.segment(gt, L_SHOULDER, R_HIP) / side[:, 0, 0]
    print(f'{len(people)} evaluated people, pool {len(pool)}; torso / crop side: median {np.median(torso[both]):.3f}')
    print('| predictor | PCK@0.2 | PCKh@0.5 |')
    print('|---|---:|---:|')
    for name, pred in (('mean pose', c + mean * side), (f'grid {hm}x{hm}', c + grid * side)):
        pck = pck_reference.evaluate(pred[people], gt[people], vis[people], L_SHOULDER, R_HIP, 0.2)['mean']
        pckh = pck_reference.evaluate(pred[people], gt[people], vis[people], NECK, HEAD_TOP, 0.5)['mean']
        print(f'| {name} | {pck:.4f} | {pckh:.4f} |')


if __name__ == '__main__':
    main()
