#!/usr/bin/env python3
"""Where does the loss module rank well, and where not? Reads a results folder written with
-DsampleLosses=true (sample_losses.csv, or a published run's sample_losses.csv.gz) and prints,
for every (strategy, trial, cycle), the loss module's pair-ranking accuracy on each set the same
model scored: the evaluation set (eval), the scored pool subset (subset) and the labeled set it
trained on (labeled), each with its standard error under independence, the spread of the true
losses, and the ranking of pairs drawn across eval and subset (which compares the two sets'
losses on one scale).

With --voc DIR (the folder holding VOCdevkit/) and --classes, every image is also described by
its annotation: how many objects the detector trains on (selected classes, not difficult) and how
many are difficult; sets are then broken down by that.

Without sample_losses.csv (an older run), it compares what cycles.csv recorded: the evaluation
ranking and the scored subset's ranking of the same model (same strategy, trial and cycle).

Standard library only. Usage:
  scripts/analysis/loss_ranking.py RESULTS [--voc DIR] [--classes a,b,c] [--cycles 0,1]
"""
import argparse
import csv
import gzip
import math
import os
import statistics
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict


def ranking(truth, pred):
    """Fraction of pairs with distinct true losses ordered the same way by the prediction (a
    prediction tie counts as wrong), as LossRanking.accuracy; (accuracy, pairs)."""
    right = pairs = 0
    n = len(truth)
    for i in range(n):
        ti, pi = truth[i], pred[i]
        for j in range(i + 1, n):
            t = ti - truth[j]
            if t == 0:
                continue
            pairs += 1
            p = pi - pred[j]
            if (t > 0 and p > 0) or (t < 0 and p < 0):
                right += 1
    return (right / pairs if pairs else float('nan')), pairs


def cross_ranking(a, b):
    """Pairs (one sample of a, one of b): how often the prediction orders their true losses."""
    right = pairs = 0
    for ta, pa in a:
        for tb, pb in b:
            t = ta - tb
            if t == 0:
                continue
            pairs += 1
            p = pa - pb
            if (t > 0 and p > 0) or (t < 0 and p < 0):
                right += 1
    return right / pairs if pairs else float('nan')


def chance_se(n):
    """Standard error of the accuracy of a predictor unrelated to the loss (Kendall's tau / 2)."""
    return math.sqrt(2 * (2 * n + 5) / (9 * n * (n - 1))) / 2 if n > 1 else float('nan')


def objects(voc, name, classes):
    """(training objects, difficult objects) of VOC image `name` (e.g. 2007/000012)."""
    year, image = name.split('/')
    path = os.path.join(voc, 'VOCdevkit', 'VOC' + year, 'Annotations', image + '.xml')
    # ElementTree never fetches external entities or DTDs
    root = ET.parse(path).getroot()
    train = difficult = 0
    for obj in root.findall('object'):
        if classes and obj.findtext('name').strip() not in classes:
            continue
        if (obj.findtext('difficult') or '0').strip() == '1':
            difficult += 1
        else:
            train += 1
    return train, difficult


def describe(rows):
    truth = [r[0] for r in rows]
    pred = [r[1] for r in rows]
    acc, _ = ranking(truth, pred)
    zero = sum(1 for t in truth if t == 0)
    return (f"n {len(rows):5d}  ranking {acc:.3f} (chance SE {chance_se(len(rows)):.3f})  true loss mean "
            f"{statistics.fmean(truth):.3f} median {statistics.median(truth):.3f} sd {statistics.pstdev(truth):.3f}"
            f"  zero {zero}  predicted mean {statistics.fmean(pred):.3f} sd {statistics.pstdev(pred):.3f}")


def from_cycles(path):
    """Evaluation vs scored-subset ranking of the same model, from cycles.csv alone."""
    print(f"{path}: no sample_losses.csv; the rankings cycles.csv recorded, same model for both columns")
    print("strategy           trial cycle labeled  eval   subset  eval-subset")
    gaps = defaultdict(list)  # (trial, cycle) -> gaps (cycle 0: one shared model per trial)
    with open(path, newline='') as f:
        for r in csv.DictReader(f):
            if r['status'] != 'ok' or not r.get('subset_loss_rank_accuracy'):
                continue
            e, s = float(r['loss_rank_accuracy']), float(r['subset_loss_rank_accuracy'])
            print(f"{r['strategy'][:18]:18s} {r['trial']:>5s} {r['cycle']:>5s} {r['labeled']:>7s}  {e:.3f}  {s:.3f}  {e - s:+.3f}")
            key = (r['trial'], r['cycle'])
            if r['cycle'] != '0' or not gaps[key]:
                gaps[key].append(e - s)
    units = [statistics.fmean(v) for v in gaps.values()]
    if len(units) > 1:
        m, sd = statistics.fmean(units), statistics.stdev(units)
        print(f"mean gap over {len(units)} (trial, cycle) units (strategies of a unit averaged): {m:+.3f}"
              f" (sd {sd:.3f}, t {m / (sd / math.sqrt(len(units))):.2f}, {len(units) - 1} df)")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('results')
    ap.add_argument('--voc', help='folder holding VOCdevkit/ (detection runs)')
    ap.add_argument('--classes', default='', help='the run\'s -Dclasses (default: every class)')
    ap.add_argument('--cycles', default='', help='only these cycles, e.g. 0,1')
    a = ap.parse_args()
    path = os.path.join(a.results, 'sample_losses.csv')
    if not os.path.exists(path) and os.path.exists(path + '.gz'):
        path += '.gz'  # a published run (scripts/publish-run.sh)
    if not os.path.exists(path):
        if not os.path.exists(os.path.join(a.results, 'cycles.csv')):
            sys.exit(f"error: neither {path} nor cycles.csv found in {a.results}")
        return from_cycles(os.path.join(a.results, 'cycles.csv'))
    keep = {int(c) for c in a.cycles.split(',') if c}
    sets = defaultdict(dict)  # (strategy, trial, cycle) -> set -> name -> (true, predicted); last copy wins
    with (gzip.open(path, 'rt', newline='') if path.endswith('.gz') else open(path, newline='')) as f:
        for r in csv.DictReader(f):
            c = int(r['cycle'])
            if keep and c not in keep:
                continue
            sets[(r['strategy'], int(r['trial']), c)].setdefault(r['set'], {})[r['sample']] = (
                float(r['true_loss']), float(r['predicted_loss']))
    classes = {c for c in a.classes.split(',') if c}
    info = {}
    if a.voc:
        for by_set in sets.values():
            for rows in by_set.values():
                for name in rows:
                    if name not in info:
                        info[name] = objects(a.voc, name, classes)
    # a loaded shared cycle 0 writes no evaluation: take the trial's trainer's
    eval0 = {(t, c): s['eval'] for (st, t, c), s in sets.items() if 'eval' in s}
    for (strategy, trial, cycle), by_set in sorted(sets.items()):
        if 'eval' not in by_set and (trial, cycle) in eval0:
            by_set['eval'] = eval0[(trial, cycle)]
        print(f"== {strategy} trial {trial} cycle {cycle}")
        for s in ('eval', 'subset', 'labeled'):
            if s in by_set:
                print(f"  {s:8s} {describe(list(by_set[s].values()))}")
        if 'eval' in by_set and 'subset' in by_set:
            print(f"  pairs across eval and subset: ranking "
                  f"{cross_ranking(list(by_set['eval'].values()), list(by_set['subset'].values())):.3f}")
        if info:
            for s in ('eval', 'subset'):
                rows = by_set.get(s, {})
                none = [v for k, v in rows.items() if info[k][0] == 0]
                some = [v for k, v in rows.items() if info[k][0] > 0]
                with_difficult = [v for k, v in rows.items() if info[k][1] > 0 and info[k][0] > 0]
                if rows:
                    print(f"  {s:8s} images with no training object: {len(none)}"
                          + (f" (true loss mean {statistics.fmean(v[0] for v in none):.3f})" if none else ""))
                    print(f"  {s:8s} only images with training objects:  {describe(some)}")
                    if with_difficult:
                        print(f"  {s:8s} of those, with a difficult object too: {describe(with_difficult)}")
                    for lo, hi in ((1, 1), (2, 3), (4, 1000)):
                        part = [v for k, v in rows.items() if lo <= info[k][0] <= hi]
                        if len(part) > 2:
                            print(f"  {s:8s} {lo}-{hi if hi < 1000 else ''} training objects: {describe(part)}")


if __name__ == '__main__':
    main()
