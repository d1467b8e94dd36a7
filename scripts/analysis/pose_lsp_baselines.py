#!/usr/bin/env python3
"""What PCK@0.2 and PCKh@0.5 a pose model must beat, and can reach, on an LSPe evaluation set.

Usage: python3 scripts/analysis/pose_lsp_baselines.py JOINTS_MAT EVAL_LIST [HEATMAP]

JOINTS_MAT is LSPe's joints.mat (14 x 3 x N); EVAL_LIST names the evaluated images one per line
(docs/pose-lsp-cpu-eval.txt for the cpu-lsp preset; '#' lines are comments); the pool is every
other person of the file. HEATMAP is the heatmap side (imageSize / 4; 16 for cpu-lsp).

Two predictors, scored with the suite's LSP metric (scripts/fixtures/pck_reference.py's rules:
visible joints only, people whose reference segment is visible and longer than 0):

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

# LSP order: 2 right hip, 9 left shoulder, 12 neck, 13 head top (0-based)
TORSO = (9, 2)
HEAD = (12, 13)


def pck(px, py, x, y, vis, people, segment, threshold):
    a, b = segment
    correct = counted = 0
    for n in people:
        if not (vis[n, a] and vis[n, b]):
            continue
        ref = np.hypot(x[n, a] - x[n, b], y[n, a] - y[n, b])
        if ref <= 0:
            continue
        k = vis[n]
        correct += int(np.sum(np.hypot(px[n, k] - x[n, k], py[n, k] - y[n, k]) / ref <= threshold))
        counted += int(np.sum(k))
    return correct / counted


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit('usage: pose_lsp_baselines.py JOINTS_MAT EVAL_LIST [HEATMAP]')
    joints = scipy.io.loadmat(sys.argv[1])['joints']
    if joints.shape[:2] != (14, 3):
        sys.exit(f'{sys.argv[1]}: expected LSPe joints of shape 14 x 3 x N, found {joints.shape}')
    hm = int(sys.argv[3]) if len(sys.argv) == 4 else 16
    with open(sys.argv[2]) as f:
        names = [line.strip() for line in f if line.strip() and not line.startswith('#')]
    n = joints.shape[2]
    people = np.array([int(name[2:7]) - 1 for name in names])
    pool = np.setdiff1d(np.arange(n), people)
    _, centres, scales = lsp_box_reference.boxes(joints)
    c = np.array(centres)
    side = 200 * np.array(scales)[:, None]
    x = joints[:, 0, :].T - 1.0
    y = joints[:, 1, :].T - 1.0
    vis = joints[:, 2, :].T == 1
    u = (x - c[:, :1]) / side
    w = (y - c[:, 1:]) / side
    mu = np.array([u[pool, k][vis[pool, k]].mean() for k in range(14)])
    mw = np.array([w[pool, k][vis[pool, k]].mean() for k in range(14)])
    rows = [('mean pose', c[:, :1] + mu * side, c[:, 1:] + mw * side)]
    gu = (np.round((u + 0.5) * hm - 0.5) + 0.5) / hm - 0.5
    gw = (np.round((w + 0.5) * hm - 0.5) + 0.5) / hm - 0.5
    rows.append((f'grid {hm}x{hm}', c[:, :1] + gu * side, c[:, 1:] + gw * side))
    print(f'{len(people)} evaluated people, pool {len(pool)}; torso / crop side: median '
          f'{np.nanmedian((np.hypot(x[:, 9] - x[:, 2], y[:, 9] - y[:, 2]) / side[:, 0])[vis[:, 9] & vis[:, 2]]):.3f}')
    print('| predictor | PCK@0.2 | PCKh@0.5 |')
    print('|---|---:|---:|')
    for name, px, py in rows:
        print(f'| {name} | {pck(px, py, x, y, vis, people, TORSO, 0.2):.4f} '
              f'| {pck(px, py, x, y, vis, people, HEAD, 0.5):.4f} |')


if __name__ == '__main__':
    main()
