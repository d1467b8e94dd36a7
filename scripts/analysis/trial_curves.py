#!/usr/bin/env python3
"""Each trial's learning curve, as a markdown table: one row per strategy, one column per trial,
each cell the metric at every cycle (first -> last, ' / ' between cycles; '—' where the trial has
no ok row). The summary gives means over trials; this shows what each trial did.

Standard library only. Usage:
  scripts/analysis/trial_curves.py RESULTS_FOLDER_OR_CYCLES_CSV [--digits 3] [--column NAME | --detail NAME]
With --column, the cells hold another numeric column of cycles.csv (e.g. loss_rank_accuracy); with
--detail, the named metric_details figure (e.g. pckh@0.5).
"""
import argparse
import csv
import os
import sys
from collections import defaultdict


def curves(path, detail=None, column="metric_value"):
    """{strategy: {trial: [(cycle, value)]}} of the ok rows, in the order strategies first appear."""
    if os.path.isdir(path):
        path = os.path.join(path, "cycles.csv")
    out = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            if row["status"] != "ok":
                continue
            if detail is None:
                value = float(row[column])
            else:
                parts = (row.get("metric_details") or "").split()
                if detail not in parts:
                    continue
                value = float(parts[parts.index(detail) + 1])
            out.setdefault(row["strategy"], defaultdict(list))[int(row["trial"])].append((int(row["cycle"]), value))
    return out


def table(data, digits):
    trials = sorted({t for by_trial in data.values() for t in by_trial})
    lines = ["| strategy | " + " | ".join("trial %d" % t for t in trials) + " |",
             "|---" * (len(trials) + 1) + "|"]
    for strategy, by_trial in data.items():
        cells = []
        for t in trials:
            points = sorted(by_trial.get(t, []))
            cells.append(" / ".join("%.*f" % (digits, v) for _, v in points) if points else "—")
        lines.append("| " + strategy + " | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("results")
    p.add_argument("--digits", type=int, default=3)
    which = p.add_mutually_exclusive_group()
    which.add_argument("--column", default="metric_value")
    which.add_argument("--detail")
    a = p.parse_args()
    if not os.path.exists(a.results):
        print("error: %s does not exist (expected a results folder or its cycles.csv)" % a.results, file=sys.stderr)
        sys.exit(2)
    print(table(curves(a.results, a.detail, a.column), a.digits))


if __name__ == "__main__":
    main()
