#!/usr/bin/env python3
"""Real-film cross-validation: CXR Studio's engine against the seed pipeline on the same folds.

Patient-grouped, class-stratified k-fold cross-validation on a folder of films, either the Kaggle
layout (DATA/train|val|test/<CLASS>/, every split pooled unless --pool says otherwise) or one
folder per class (DATA/NORMAL/, DATA/PNEUMONIA/). Patients come from the Kermany file names
(person1004_virus_1686 -> person1004, IM-0115-0001 -> IM-0115, NORMAL2-IM-1427-0001 ->
NORMAL2-IM-1427), so no patient has films on two sides of any split.

For each fold the test fold is held out; from the rest a validation set is drawn by patient,
stratified by class (--val-fraction, fixed per fold so that every seed and both sides see the
same one), and the three parts are laid out as a Kaggle-layout folder of symbolic links. On that
folder, for each seed, it runs

  engine:  cxr train FOLD --out RUN --device D --plan P --phase-epochs E --batch B
           --image-size S --seed SEED --threads T --val-policy folder   (+ --engine-args)
  seed:    seed_pipeline.py --mode reference --data FOLD (same plan, epochs, batch, size, seed,
           threads)                                                     (+ --seed-args)

and scores both sides' test probabilities with the same code (bench/python/cv_stats.py): AUC,
accuracy, sensitivity and specificity at 0.5; the engine's own evaluation.json AUC is kept
alongside as a check. It prints a table per fold and overall (mean +- sd over the runs), the paired
AUC difference engine - seed with its 95% t-interval over the pairs, and each side's wall time,
and writes OUT/results.json and OUT/results.csv. Finished runs (OUT/runs/...) are reused when the
command is repeated, so an interrupted benchmark continues where it stopped.

Only the standard library is needed here; the seed side needs a python3 with torch and
torchvision (--python).
"""
import argparse
import csv
import json
import os
import random
import re
import shlex
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import cv_stats  # noqa: E402

FILM_EXTENSIONS = {".jpeg", ".jpg", ".png", ".dcm", ".dicom", ".bmp", ".tif", ".tiff"}
KAGGLE_SPLITS = ("train", "val", "test")
_PERSON = re.compile(r"^(person\d+)_(bacteria|virus)_\d+$", re.IGNORECASE)
_NORMAL = re.compile(r"^((?:NORMAL\d*-)?IM-\d+)-\d+$", re.IGNORECASE)


def patient_of(file_name):
    """The patient of a Kermany-style film name, like the engine's parseKermanyName; a name that
    does not follow the convention is its own patient."""
    stem = os.path.splitext(os.path.basename(file_name))[0]
    m = _PERSON.match(stem) or _NORMAL.match(stem)
    return m.group(1) if m else stem


def _is_film(name):
    ext = os.path.splitext(name)[1].lower()
    return not name.startswith(".") and ext in FILM_EXTENSIONS


def scan(root, pool=None):
    """Films of a Kaggle-layout or class-folder root: (classes, [{"path", "label", "patient"}]).
    Classes are the sorted class-folder names (as ImageFolder and the engine order them)."""
    root = os.path.abspath(root)
    splits = [s for s in KAGGLE_SPLITS if os.path.isdir(os.path.join(root, s))]
    if splits:
        if pool:
            missing = [s for s in pool if s not in splits]
            if missing:
                raise SystemExit(f"{root}: no {', '.join(missing)} folder")
            splits = list(pool)
        class_dirs = [(s, c) for s in splits for c in sorted(os.listdir(os.path.join(root, s)))
                      if os.path.isdir(os.path.join(root, s, c))]
    else:
        class_dirs = [(None, c) for c in sorted(os.listdir(root)) if os.path.isdir(os.path.join(root, c))]
    classes = sorted({c for _, c in class_dirs})
    if len(classes) != 2:
        raise SystemExit(f"{root}: found classes {classes}; the benchmark needs exactly two class folders")
    films = []
    for split, cls in class_dirs:
        d = os.path.join(root, split, cls) if split else os.path.join(root, cls)
        for name in sorted(os.listdir(d)):
            path = os.path.join(d, name)
            if os.path.isfile(path) and _is_film(name):
                films.append({"path": path, "label": classes.index(cls), "patient": patient_of(name)})
    if not films:
        raise SystemExit(f"{root}: no films found")
    return classes, films


def _patient_groups(films):
    """patient -> (label, film count); a patient whose films differ in label counts for its most
    frequent label (ties: the lower label), as in the engine's splitByPatient."""
    counts = {}
    for f in films:
        counts.setdefault(f["patient"], {}).setdefault(f["label"], 0)
        counts[f["patient"]][f["label"]] += 1
    return {p: (max(sorted(c), key=lambda lab: c[lab]), sum(c.values())) for p, c in counts.items()}


def assign_folds(films, k, seed):
    """patient -> fold in 0..k-1: per class, the class's patients in a seeded random order, larger
    ones first, each going to the fold that so far holds fewest films of that class (ties: fewest
    films in all, then the lower fold). Whole patients, so no patient is on two sides; per class,
    the folds' film counts differ by at most one patient's films."""
    groups = _patient_groups(films)
    rng = random.Random(seed)
    fold_of = {}
    per_class = [[0] * k for _ in range(2)]
    totals = [0] * k
    for label in sorted({lab for lab, _ in groups.values()}):
        patients = sorted(p for p, (lab, _) in groups.items() if lab == label)
        if len(patients) < k:
            raise SystemExit(f"class {label} has {len(patients)} patients, fewer than the {k} folds")
        rng.shuffle(patients)
        patients.sort(key=lambda p: -groups[p][1])  # stable: the shuffle breaks ties
        for p in patients:
            f = min(range(k), key=lambda i: (per_class[label][i], totals[i], i))
            fold_of[p] = f
            per_class[label][f] += groups[p][1]
            totals[f] += groups[p][1]
    return fold_of


def split_val(films, fraction, seed):
    """(train, val) of `films` by patient, stratified by class: per class, patients in a seeded
    order join val while that brings its film count closer to fraction x the class's films (at
    least one patient per class, never the class's last one)."""
    groups = _patient_groups(films)
    rng = random.Random(seed)
    val_patients = set()
    for label in sorted({lab for lab, _ in groups.values()}):
        patients = sorted(p for p, (lab, _) in groups.items() if lab == label)
        rng.shuffle(patients)
        if len(patients) < 2:
            continue
        target = max(1.0, round(fraction * sum(groups[p][1] for p in patients)))
        taken, n = 0, 0
        for p in patients:
            if n + 1 == len(patients):
                break
            if taken == 0 or abs(taken + groups[p][1] - target) < abs(taken - target):
                val_patients.add(p)
                taken += groups[p][1]
                n += 1
            if taken >= target:
                break
    train = [f for f in films if f["patient"] not in val_patients]
    val = [f for f in films if f["patient"] in val_patients]
    return train, val


def make_folds(films, k, split_seed, val_fraction):
    """[{"train", "val", "test"}] for each fold; the same arguments give the same folds."""
    fold_of = assign_folds(films, k, split_seed)
    folds = []
    for i in range(k):
        test = [f for f in films if fold_of[f["patient"]] == i]
        rest = [f for f in films if fold_of[f["patient"]] != i]
        train, val = split_val(rest, val_fraction, split_seed * 1000 + i)
        folds.append({"train": train, "val": val, "test": test})
    return folds


def materialise(fold, classes, folder):
    """FOLDER/train|val|test/<CLASS>/ of symbolic links to the films (names kept, so both sides
    read the same files; a repeated name gets a ~N suffix)."""
    if os.path.isdir(folder):
        shutil.rmtree(folder)
    for split in KAGGLE_SPLITS:
        for cls in classes:
            os.makedirs(os.path.join(folder, split, cls))
        for f in fold[split]:
            d = os.path.join(folder, split, classes[f["label"]])
            stem, ext = os.path.splitext(os.path.basename(f["path"]))
            name, n = stem + ext, 1
            while os.path.lexists(os.path.join(d, name)):
                n += 1
                name = f"{stem}~{n}{ext}"
            os.symlink(f["path"], os.path.join(d, name))


def fold_summary(fold, classes):
    out = {}
    for split in KAGGLE_SPLITS:
        films = fold[split]
        out[split] = {"films": len(films), "patients": len({f["patient"] for f in films}),
                      **{cls: sum(1 for f in films if f["label"] == i) for i, cls in enumerate(classes)}}
    return out


def _run(cmd, log_file, env=None):
    t0 = time.perf_counter()
    with open(log_file, "w") as log:
        log.write("$ " + " ".join(shlex.quote(c) for c in cmd) + "\n")
        log.flush()
        rc = subprocess.call(cmd, stdout=log, stderr=subprocess.STDOUT, env=env)
    return rc, time.perf_counter() - t0


def read_engine_predictions(run_dir, positive):
    """Test labels (1 = positive class) and P(positive) from RUN/predictions.csv's logits."""
    import math
    labels, probs = [], []
    with open(os.path.join(run_dir, "predictions.csv"), newline="") as f:
        for row in csv.DictReader(f):
            if row["split"] != "test":
                continue
            logits = [float(row["logit0"]), float(row["logit1"])]
            m = max(logits)
            e = [math.exp(v - m) for v in logits]
            labels.append(int(int(row["label"]) == positive))
            probs.append(e[positive] / sum(e))
    return labels, probs


def run_engine(args, fold_dir, run_dir, seed):
    if os.path.isdir(run_dir):
        shutil.rmtree(run_dir)
    cmd = [args.cxr, "train", fold_dir, "--out", run_dir, "--device", args.device, "--plan", args.plan,
           "--phase-epochs", args.epochs, "--batch", str(args.batch), "--image-size", str(args.image_size),
           "--seed", str(seed), "--threads", str(args.threads), "--val-policy", "folder"]
    cmd += shlex.split(args.engine_args)
    os.makedirs(os.path.dirname(run_dir), exist_ok=True)
    rc, wall = _run(cmd, run_dir + ".log")
    if rc != 0:
        raise RuntimeError(f"cxr train failed (exit {rc}); see {run_dir}.log")
    with open(os.path.join(run_dir, "evaluation.json")) as f:
        evaluation = json.load(f)
    classes = evaluation["classes"]
    positive = classes.index(args.positive_class) if args.positive_class in classes else len(classes) - 1
    labels, probs = read_engine_predictions(run_dir, positive)
    metrics = cv_stats.binary_metrics(labels, probs)
    metrics["engine_reported_auc"] = evaluation["test"].get("auc")
    return metrics, wall


def run_seed(args, fold_dir, run_dir, seed):
    os.makedirs(run_dir, exist_ok=True)
    out_json = os.path.join(run_dir, "reference.json")
    cmd = [args.python, os.path.join(HERE, "seed_pipeline.py"), "--mode", "reference", "--data", fold_dir,
           "--device", args.device, "--plan", args.plan, "--phase-epochs", args.epochs, "--batch",
           str(args.batch), "--image-size", str(args.image_size), "--seed", str(seed), "--threads",
           str(args.threads), "--positive-class", args.positive_class, "--json", out_json]
    cmd += shlex.split(args.seed_args)
    rc, wall = _run(cmd, run_dir + ".log")
    if rc != 0:
        raise RuntimeError(f"seed pipeline failed (exit {rc}); see {run_dir}.log")
    with open(out_json) as f:
        ref = json.load(f)
    labels = [t["label"] for t in ref["test_films"]]
    probs = [t["prob"] for t in ref["test_films"]]
    return cv_stats.binary_metrics(labels, probs), wall


METRICS = ("auc", "accuracy", "sensitivity", "specificity")


def _fmt_ms(values, digits=3):
    m, sd = cv_stats.mean_sd(values)
    if m is None:
        return "n/a"
    return f"{m:.{digits}f}" + (f" ± {sd:.{digits}f}" if sd is not None else "")


def auc_differences(results):
    """engine AUC - seed AUC of every pair that has both."""
    return [r["sides"]["engine"]["auc"] - r["sides"]["seed"]["auc"] for r in results
            if "engine" in r["sides"] and "seed" in r["sides"]
            and r["sides"]["engine"]["auc"] is not None and r["sides"]["seed"]["auc"] is not None]


def summarise(results, sides):
    """Per side: mean and sd of each metric and of the wall time; the paired AUC difference."""
    out = {}
    for side in sides:
        rows = [r["sides"][side] for r in results if side in r["sides"]]
        out[side] = {m: dict(zip(("mean", "sd"), cv_stats.mean_sd([r[m] for r in rows]))) for m in METRICS}
        out[side]["wall_seconds"] = dict(zip(("mean", "sd"), cv_stats.mean_sd([r["wall_seconds"] for r in rows])))
        out[side]["runs"] = len(rows)
    if "engine" in sides and "seed" in sides:
        diffs = auc_differences(results)
        m, lo, hi = cv_stats.t_interval(diffs)
        out["auc_difference"] = {"pairs": len(diffs), "mean": m, "ci95": [lo, hi] if lo is not None else None}
    return out


def print_table(results, sides, folds_run, out=sys.stdout):
    header = f"{'fold':<8}{'side':<8}{'runs':>5}  " + "".join(f"{m:<18}" for m in METRICS) + "wall s"
    print(header, file=out)
    print("-" * len(header), file=out)
    groups = [(f"fold {k}", [r for r in results if r["fold"] == k]) for k in folds_run] + [("overall", results)]
    for name, rows in groups:
        for side in sides:
            vals = [r["sides"][side] for r in rows if side in r["sides"]]
            if not vals:
                continue
            print(f"{name:<8}{side:<8}{len(vals):>5}  " + "".join(f"{_fmt_ms([v[m] for v in vals]):<18}" for m in METRICS)
                  + _fmt_ms([v["wall_seconds"] for v in vals], 0), file=out)
        if "engine" in sides and "seed" in sides:
            d = auc_differences(rows)
            m, lo, hi = cv_stats.t_interval(d)
            if m is not None:
                ci = f"95% CI [{lo:+.3f}, {hi:+.3f}]" if lo is not None else "95% CI n/a (one pair)"
                print(f"{name:<8}{'AUC engine - seed':<30}{m:+.3f}  {ci}  ({len(d)} pairs)", file=out)
    out.flush()


def write_csv(results, sides, path):
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["fold", "seed", "side", "films", *METRICS, "wall_seconds", "engine_reported_auc"])
        for r in results:
            for side in sides:
                if side in r["sides"]:
                    v = r["sides"][side]
                    w.writerow([r["fold"], r["seed"], side, v["films"], *[v[m] for m in METRICS],
                                v["wall_seconds"], v.get("engine_reported_auc", "")])


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", help="Kaggle-layout folder or one folder per class")
    ap.add_argument("--out", default="/tmp/cxr-realcv", help="results, run folders, logs and the fold folders")
    ap.add_argument("--folds", type=int, default=5, help="k of the k-fold split")
    ap.add_argument("--only-fold", type=int, action="append",
                    help="run this fold only (0-based; repeatable); the split is still k-fold")
    ap.add_argument("--seeds", default="1", help="training seeds, comma-separated; each fold runs every seed")
    ap.add_argument("--split-seed", type=int, default=42, help="seed of the fold and validation split")
    ap.add_argument("--val-fraction", type=float, default=0.1, help="validation share of each fold's training part")
    ap.add_argument("--pool", help="Kaggle layout: the split folders to pool, e.g. train,val (default: all)")
    ap.add_argument("--epochs", default="3,3,3", help="epochs of the three phases")
    ap.add_argument("--plan", default="scratch", choices=["scratch", "seed", "auto"])
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--image-size", type=int, default=224)
    ap.add_argument("--threads", type=int, default=0, help="torch threads on both sides; 0: every core")
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--sides", default="engine,seed", help="engine, seed or both")
    ap.add_argument("--cxr", default=os.path.join(os.path.dirname(os.path.dirname(HERE)), "build", "bin", "cxr"),
                    help="the cxr command line (default: build/bin/cxr of this checkout)")
    ap.add_argument("--python", default="/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable,
                    help="python3 with torch and torchvision for the seed side")
    ap.add_argument("--engine-args", default="", help="more cxr train options (ablations), one string")
    ap.add_argument("--seed-args", default="", help="more seed_pipeline.py options, one string")
    ap.add_argument("--positive-class", default="PNEUMONIA")
    ap.add_argument("--fresh", action="store_true", help="run again even where a finished run is stored")
    args = ap.parse_args(argv)

    sides = [s for s in ("engine", "seed") if s in args.sides.split(",")]
    if not sides:
        raise SystemExit("--sides: engine, seed or both")
    seeds = [int(s) for s in args.seeds.split(",") if s]
    if "engine" in sides and not os.access(args.cxr, os.X_OK):
        raise SystemExit(f"{args.cxr}: not found or not executable (build it, or pass --cxr)")
    pool = [s for s in args.pool.split(",") if s] if args.pool else None
    classes, films = scan(args.data, pool)
    folds = make_folds(films, args.folds, args.split_seed, args.val_fraction)
    folds_run = sorted(set(args.only_fold)) if args.only_fold else list(range(args.folds))
    if any(k < 0 or k >= args.folds for k in folds_run):
        raise SystemExit(f"--only-fold must lie in 0..{args.folds - 1}")
    os.makedirs(args.out, exist_ok=True)
    config = {"data": os.path.abspath(args.data), "classes": classes, "films": len(films),
              "patients": len({f["patient"] for f in films}), "folds": args.folds, "folds_run": folds_run,
              "seeds": seeds, "split_seed": args.split_seed, "val_fraction": args.val_fraction,
              "epochs": args.epochs, "plan": args.plan, "batch": args.batch, "image_size": args.image_size,
              "threads": args.threads, "device": args.device, "engine_args": args.engine_args,
              "seed_args": args.seed_args, "sides": sides}
    print(f"{len(films)} films of {config['patients']} patients, classes {classes}; {args.folds}-fold, "
          f"folds {folds_run}, seeds {seeds}, plan {args.plan}, epochs {args.epochs}, batch {args.batch}, "
          f"{args.image_size} px, threads {args.threads}, device {args.device}", flush=True)
    # A stored run is reused only when it was made with the same settings.
    run_key = {k: config[k] for k in ("data", "folds", "split_seed", "val_fraction", "epochs", "plan", "batch",
                                      "image_size", "threads", "device", "engine_args", "seed_args")}

    results = []
    fold_info = {}
    t_start = time.perf_counter()
    for k in folds_run:
        fold_dir = os.path.join(args.out, "folds", f"fold{k}")
        materialise(folds[k], classes, fold_dir)
        fold_info[k] = fold_summary(folds[k], classes)
        s = fold_info[k]
        print(f"fold {k}: train {s['train']['films']} films ({s['train']['patients']} patients), "
              f"val {s['val']['films']} ({s['val']['patients']}), test {s['test']['films']} "
              f"({s['test']['patients']}); test " + ", ".join(f"{c} {s['test'][c]}" for c in classes), flush=True)
        for seed in seeds:
            row = {"fold": k, "seed": seed, "sides": {}}
            for side in sides:
                run_dir = os.path.join(args.out, "runs", f"fold{k}-seed{seed}-{side}")
                stored = run_dir + ".result.json"
                # Each side's key leaves out the other side's extra options, so an ablation of
                # one side (another --out whose runs/ holds the other side's stored results, or
                # links to them) reuses the other side's runs.
                other = "seed_args" if side == "engine" else "engine_args"
                side_key = {k: v for k, v in run_key.items() if k != other}
                if not args.fresh and os.path.exists(stored):
                    with open(stored) as f:
                        prev = json.load(f)
                    if {k: v for k, v in (prev.get("key") or {}).items() if k != other} == side_key:
                        row["sides"][side] = prev["metrics"]
                        print(f"fold {k} seed {seed} {side}: stored run, AUC {prev['metrics']['auc']:.4f}", flush=True)
                        continue
                print(f"fold {k} seed {seed} {side}: training ...", flush=True)
                metrics, wall = (run_engine if side == "engine" else run_seed)(args, fold_dir, run_dir, seed)
                metrics["wall_seconds"] = wall
                row["sides"][side] = metrics
                with open(stored, "w") as f:
                    json.dump({"key": side_key, "metrics": metrics}, f, indent=2)
                auc = metrics["auc"]
                print(f"fold {k} seed {seed} {side}: AUC {'n/a' if auc is None else f'{auc:.4f}'}  accuracy "
                      f"{metrics['accuracy']:.4f}  ({wall:.0f} s)", flush=True)
            results.append(row)
            # Written after every pair, so a long benchmark shows its figures as they come.
            report = {"config": config, "fold_films": fold_info, "runs": results,
                      "summary": summarise(results, sides), "seconds": time.perf_counter() - t_start}
            with open(os.path.join(args.out, "results.json"), "w") as f:
                json.dump(report, f, indent=2)
            write_csv(results, sides, os.path.join(args.out, "results.csv"))
    print()
    print_table(results, sides, folds_run)
    print(f"\nresults: {os.path.join(args.out, 'results.json')}, {os.path.join(args.out, 'results.csv')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
