#!/usr/bin/env python3
"""End to end against the seed: `cxr train` and the seed's Python pipeline, back to back, one folder.

Both sides run the whole method on the same Kaggle-layout folder (train|val|test/CLASS/ JPEGs):
the engine from its JPEGs (film cache build included, nothing cached from an earlier run), three
phases with early stopping, the best checkpoint, the test evaluation and the export; the seed
(`seed_pipeline.py --mode reference`) its ImageFolder + PIL loader, the same phases and its test
evaluation. Same plan, phase epochs, batch, input size, seed and thread count on both sides; the
engine uses the folder's own val/ split as the seed does (--val-policy folder).

Each side's wall time is the process's, from start to exit, so start-up and writing results count.
It prints one line per side, the ratio engine/seed (the issue's goal is <= 0.5 for 1,1,1 and <= 0.4
for the default 5,5,10) and the test AUC each side reached, and writes --json when asked.

Usage:
  bench/python/e2e_vs_seed.py DATA --cxr build/bin/cxr --phase-epochs 1,1,1 --batch 16 --plan seed \
      --work /tmp/e2e [--patience 3] [--engine-args="--precision bf16"] [--repeat 1] [--json OUT.json]
"""
import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def run(cmd, log_file):
    t0 = time.perf_counter()
    with open(log_file, "w") as log:
        log.write("$ " + " ".join(shlex.quote(c) for c in cmd) + "\n")
        log.flush()
        rc = subprocess.call(cmd, stdout=log, stderr=subprocess.STDOUT)
    wall = time.perf_counter() - t0
    if rc != 0:
        sys.exit(f"e2e_vs_seed: {cmd[0]} failed with exit status {rc}; see {log_file}")
    return wall


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data", help="Kaggle-layout folder: train|val|test/CLASS/ JPEGs")
    ap.add_argument("--cxr", default="build/bin/cxr")
    ap.add_argument("--python", default="/usr/bin/python3")
    ap.add_argument("--work", required=True, help="scratch folder for both sides' runs and logs")
    ap.add_argument("--phase-epochs", default="1,1,1")
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--image-size", type=int, default=224)
    ap.add_argument("--plan", default="seed", choices=["seed", "scratch"])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threads", type=int, default=0, help="0: every core (both sides)")
    ap.add_argument("--patience", type=int, default=3,
                    help="early-stopping patience on both sides (3, the method's; a large value runs every epoch)")
    ap.add_argument("--engine-args", default="", help="extra `cxr train` options, e.g. --precision bf16")
    ap.add_argument("--repeat", type=int, default=1, help="alternate engine, seed this many times")
    ap.add_argument("--json")
    args = ap.parse_args()

    for split in ("train", "val", "test"):
        if not os.path.isdir(os.path.join(args.data, split)):
            sys.exit(f"e2e_vs_seed: {args.data}: no {split}/ folder (expected train|val|test/CLASS/)")
    if not os.access(args.cxr, os.X_OK):
        sys.exit(f"e2e_vs_seed: {args.cxr}: not an executable (build the cxr target first)")
    threads = args.threads if args.threads > 0 else (os.cpu_count() or 1)
    os.makedirs(args.work, exist_ok=True)

    rows = []
    for i in range(args.repeat):
        run_dir = os.path.join(args.work, f"engine-{i}")
        shutil.rmtree(run_dir, ignore_errors=True)  # its film cache too: the engine decodes the JPEGs
        engine_cmd = [args.cxr, "train", args.data, "--out", run_dir, "--device", "cpu", "--plan", args.plan,
                      "--phase-epochs", args.phase_epochs, "--batch", str(args.batch),
                      "--image-size", str(args.image_size), "--seed", str(args.seed),
                      "--threads", str(threads), "--val-policy", "folder",
                      "--patience", str(args.patience)] + shlex.split(args.engine_args)
        engine_s = run(engine_cmd, run_dir + ".log")
        with open(os.path.join(run_dir, "evaluation.json")) as f:
            engine_auc = json.load(f)["test"].get("auc")
        with open(os.path.join(run_dir, "metrics.csv")) as f:
            engine_epochs = max(0, sum(1 for line in f if line.strip()) - 1)  # early stopping decides

        seed_json = os.path.join(args.work, f"seed-{i}.json")
        seed_cmd = [args.python, os.path.join(HERE, "seed_pipeline.py"), "--mode", "reference",
                    "--data", args.data, "--device", "cpu", "--plan", args.plan,
                    "--phase-epochs", args.phase_epochs, "--batch", str(args.batch),
                    "--image-size", str(args.image_size), "--seed", str(args.seed),
                    "--threads", str(threads), "--patience", str(args.patience), "--json", seed_json]
        seed_s = run(seed_cmd, os.path.join(args.work, f"seed-{i}.log"))
        with open(seed_json) as f:
            seed_report = json.load(f)
        seed_auc = seed_report["test"].get("auc")
        seed_epochs = len(seed_report.get("history", []))
        rows.append({"engine_s": engine_s, "seed_s": seed_s, "ratio": engine_s / seed_s,
                     "engine_auc": engine_auc, "seed_auc": seed_auc,
                     "engine_epochs": engine_epochs, "seed_epochs": seed_epochs})
        print(f"[{i}] engine {engine_s:7.1f} s, {engine_epochs} epochs (test AUC {engine_auc:.3f})   "
              f"seed {seed_s:7.1f} s, {seed_epochs} epochs (test AUC {seed_auc:.3f})   "
              f"engine/seed {engine_s / seed_s:.2f}   per epoch {engine_s / max(engine_epochs, 1):.1f} / "
              f"{seed_s / max(seed_epochs, 1):.1f} s", flush=True)

    result = {"data": os.path.abspath(args.data), "phase_epochs": args.phase_epochs, "batch": args.batch,
              "patience": args.patience,
              "image_size": args.image_size, "plan": args.plan, "threads": threads,
              "engine_args": args.engine_args, "runs": rows}
    if args.json:
        with open(args.json, "w") as f:
            json.dump(result, f, indent=2)


if __name__ == "__main__":
    main()
