#!/usr/bin/env python3
"""One table from several realdata_cv.py outputs: a baseline and its ablations.

usage: cv_ablation_table.py BASE_OUT NAME=OUT[,"what changed"] ...

Each OUT is a realdata_cv.py --out folder (its results.json). For every ablation the table gives
the folds it ran, the engine's mean test AUC there (± sd), the paired AUC difference against the
baseline's engine on the same folds and seeds (mean and 95 % t-interval), the paired difference
against the seed pipeline, and the engine's mean accuracy and wall time. Rows with fewer runs are
compared on their own folds only, so a three-fold ablation is read against the same three folds
of the baseline. Markdown on stdout.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cv_stats  # noqa: E402


def load(out):
    with open(os.path.join(out, "results.json")) as f:
        results = json.load(f)
    runs = {}
    for r in results["runs"]:
        runs[(r["fold"], r["seed"])] = r["sides"]
    return runs, results["config"]


def fmt(v, digits=3, sign=False):
    if v is None:
        return "n/a"
    return f"{v:+.{digits}f}" if sign else f"{v:.{digits}f}"


def interval(values):
    m, lo, hi = cv_stats.t_interval(values)
    if lo is None:
        return f"{fmt(m, sign=True)} (one pair)"
    return f"{fmt(m, sign=True)} [{fmt(lo, sign=True)}, {fmt(hi, sign=True)}]"


def row(name, what, runs, base):
    keys = sorted(k for k in runs if "engine" in runs[k] and k in base and "engine" in base[k])
    if not keys:
        raise SystemExit(f"{name}: no engine run shares a fold and seed with the baseline")
    auc = [runs[k]["engine"]["auc"] for k in keys]
    m, sd = cv_stats.mean_sd(auc)
    vs_base = [runs[k]["engine"]["auc"] - base[k]["engine"]["auc"] for k in keys]
    vs_seed = [runs[k]["engine"]["auc"] - base[k]["seed"]["auc"] for k in keys if "seed" in base[k]]
    acc, _ = cv_stats.mean_sd([runs[k]["engine"]["accuracy"] for k in keys])
    wall, _ = cv_stats.mean_sd([runs[k]["engine"].get("wall_seconds") for k in keys])
    folds = ",".join(str(f) for f in sorted({k[0] for k in keys}))
    return (f"| {name} | {what} | {folds} | {fmt(m)} ± {fmt(sd)} | {interval(vs_base)} | {interval(vs_seed)} | "
            f"{fmt(acc)} | {wall:.0f} |")


def main(argv):
    if len(argv) < 2:
        raise SystemExit(__doc__)
    base, _ = load(argv[1])
    print("| run | what changed | folds | engine AUC (mean ± sd) | AUC − baseline engine, 95 % CI | "
          "AUC − seed pipeline, 95 % CI | accuracy | wall s |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    print(row("baseline", "the engine's recipe before this table", base, base))
    for spec in argv[2:]:
        name, _, rest = spec.partition("=")
        out, _, what = rest.partition(",")
        runs, _ = load(out)
        print(row(name, what or name, runs, base))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
