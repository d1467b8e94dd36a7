#!/usr/bin/env python3
"""numpy reference of ll4al's core-set benchmark (-Dbench=coreset).

Greedy k-center as selection/.../CoreSetStrategy.java (Sener and Savarese, 2018): the labeled
embeddings are the initial centers; each pick is the unlabeled point farthest (exact squared
Euclidean distance) from its nearest center, ties to the smaller index. Distances to the labeled
set are computed with one matmul per block of 2,048 centers; after each pick every point's
distance is brought up to date with the new center (the textbook loop; the Java side keeps
lazy upper bounds instead, which gives the same picks).

Embeddings are float32 standard normal (or read from raw little-endian float32 files). Prints ONE
JSON line on stdout: {"bench": "coreset", "numpy": ..., "seconds": [per round], ...}.
"""
import argparse
import json
import os
import sys
import time

BLOCK = 2048


def kcenter(np, unlabeled, labeled, pick):
    """Indices of `pick` greedy k-center picks out of `unlabeled` with `labeled` as initial centers."""
    norm = np.einsum("ij,ij->i", unlabeled, unlabeled)
    nearest = np.full(unlabeled.shape[0], np.inf, dtype=np.float32)
    for start in range(0, labeled.shape[0], BLOCK):
        c = labeled[start:start + BLOCK]
        d = norm[:, None] + np.einsum("ij,ij->i", c, c)[None, :] - 2 * (unlabeled @ c.T)
        np.minimum(nearest, d.min(axis=1), out=nearest)
    np.maximum(nearest, 0, out=nearest)
    picks = []
    for _ in range(pick):
        i = int(np.argmax(nearest))
        picks.append(i)
        d = norm + norm[i] - 2 * (unlabeled @ unlabeled[i])
        np.maximum(d, 0, out=d)
        np.minimum(nearest, d, out=nearest)
        nearest[i] = -np.inf  # picked: never again (its distance is 0 anyway)
    return picks


def blas_name(np):
    try:
        info = np.__config__.get_info("blas_opt_info")
        return ",".join(sorted(set(info.get("libraries", [])))) or "unknown"
    except Exception:  # numpy >= 2 has no get_info
        return "unknown"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=10000, help="unlabeled points")
    ap.add_argument("--labeled", type=int, default=None, help="labeled points (default: --n)")
    ap.add_argument("--dim", type=int, default=512)
    ap.add_argument("--pick", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=1, help="timed selections")
    ap.add_argument("--threads", type=int, default=2,
                    help="BLAS threads (OMP/OPENBLAS/MKL_NUM_THREADS when not set; a reference BLAS has one)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--unlabeled-file", help="raw little-endian float32 (n x dim) instead of random points")
    ap.add_argument("--labeled-file", help="raw little-endian float32 (labeled x dim)")
    ap.add_argument("--emit-picks", action="store_true", help="add the picked indices to the JSON line")
    args = ap.parse_args(argv)
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, str(args.threads))
    import numpy as np  # after the thread variables

    labeled_n = args.n if args.labeled is None else args.labeled
    if args.unlabeled_file:
        unlabeled = np.fromfile(args.unlabeled_file, dtype="<f4").reshape(-1, args.dim)
        labeled = (np.fromfile(args.labeled_file, dtype="<f4").reshape(-1, args.dim) if args.labeled_file
                   else np.zeros((0, args.dim), np.float32))
    else:
        rng = np.random.default_rng(args.seed)
        unlabeled = rng.standard_normal((args.n, args.dim), dtype=np.float32)
        labeled = rng.standard_normal((labeled_n, args.dim), dtype=np.float32)
    if labeled.shape[0] == 0:
        ap.error("the labeled set must not be empty (it holds the initial centers)")
    pick = min(args.pick, unlabeled.shape[0])
    kcenter(np, unlabeled[:min(64, len(unlabeled))], labeled[:64], min(2, pick))  # warm-up
    seconds = []
    picks = None
    for _ in range(max(1, args.rounds)):
        t0 = time.perf_counter()
        picks = kcenter(np, unlabeled, labeled, pick)
        seconds.append(time.perf_counter() - t0)
    result = {
        "bench": "coreset",
        "numpy": np.__version__,
        "python": sys.version.split()[0],
        "blas": blas_name(np),
        "threads": args.threads,
        "n": int(unlabeled.shape[0]),
        "labeled": int(labeled.shape[0]),
        "dim": args.dim,
        "pick": pick,
        "seconds": [round(s, 6) for s in seconds],
    }
    if args.emit_picks:
        result["picks"] = picks
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
