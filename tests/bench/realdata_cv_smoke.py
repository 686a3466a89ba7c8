#!/usr/bin/env python3
"""End to end through the real-film cross-validation benchmark, on a tiny synthetic set: cxr synth
makes it, bench/python/realdata_cv.py runs one fold with both sides (cxr train and the seed
pipeline), and the table, results.json and results.csv must have the expected shape and sensible
numbers. Also: a repeated command reuses the stored runs, and the seed pipeline with the same seed
gives the same probabilities.

usage: realdata_cv_smoke.py CXR PYTHON TMPDIR
"""
import csv
import json
import os
import shutil
import subprocess
import sys
import unittest

SOURCE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
DRIVER = os.path.join(SOURCE, "bench", "python", "realdata_cv.py")
SEED = os.path.join(SOURCE, "bench", "python", "seed_pipeline.py")
CXR, PYTHON, TMP = sys.argv[1:4] if len(sys.argv) >= 4 else (None, None, None)
FOLDS = 3


def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if p.returncode != 0:
        raise AssertionError(f"{' '.join(cmd)} exited {p.returncode}:\n{p.stdout[-4000:]}")
    return p.stdout


class RealDataCvSmoke(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.work = os.path.join(TMP, "realdata_cv_smoke")
        shutil.rmtree(cls.work, ignore_errors=True)
        cls.data = os.path.join(cls.work, "data")
        run([CXR, "synth", cls.data, "--train", "48", "--val", "8", "--test", "16", "--size", "64", "--seed", "5"])
        cls.out = os.path.join(cls.work, "out")
        cls.cmd = [PYTHON, DRIVER, cls.data, "--out", cls.out, "--folds", str(FOLDS), "--only-fold", "0",
                   "--seeds", "1", "--epochs", "1,1,1", "--batch", "8", "--image-size", "64", "--threads", "1",
                   "--cxr", CXR, "--python", PYTHON]
        cls.stdout = run(cls.cmd)
        with open(os.path.join(cls.out, "results.json")) as f:
            cls.results = json.load(f)

    def test_table_has_both_sides_and_the_paired_difference(self):
        lines = self.stdout.splitlines()
        header = [i for i, line in enumerate(lines) if line.startswith("fold") and "auc" in line and "wall" in line]
        self.assertEqual(len(header), 1, self.stdout)
        body = lines[header[0] + 2:]
        for prefix in ("fold 0  engine", "fold 0  seed", "overall engine", "overall seed"):
            rows = [line for line in body if line.startswith(prefix)]
            self.assertEqual(len(rows), 1, f"no row {prefix!r} in\n{self.stdout}")
            numbers = [float(v) for v in rows[0].split()[2 + (prefix.startswith('fold')):] if v[0].isdigit()]
            self.assertEqual(numbers[0], 1, rows[0])  # one run
            for v in numbers[1:5]:  # AUC, accuracy, sensitivity, specificity
                self.assertGreaterEqual(v, 0.0, rows[0])
                self.assertLessEqual(v, 1.0, rows[0])
        diff = [line for line in body if "AUC engine - seed" in line]
        self.assertEqual(len(diff), 2, self.stdout)  # fold 0 and overall
        self.assertIn("one pair", diff[0])

    def test_results_json_scores_the_held_out_fold_on_both_sides(self):
        r = self.results
        self.assertEqual(r["config"]["folds"], FOLDS)
        self.assertEqual(r["config"]["folds_run"], [0])
        fold = r["fold_films"]["0"]
        total = r["config"]["films"]
        self.assertEqual(fold["train"]["films"] + fold["val"]["films"] + fold["test"]["films"], total)
        self.assertGreater(fold["val"]["films"], 0)
        self.assertEqual(len(r["runs"]), 1)
        pair = r["runs"][0]
        self.assertEqual((pair["fold"], pair["seed"]), (0, 1))
        for side in ("engine", "seed"):
            m = pair["sides"][side]
            self.assertEqual(m["films"], fold["test"]["films"], side)
            self.assertEqual(m["tp"] + m["fn"], fold["test"]["PNEUMONIA"], side)
            self.assertEqual(m["tn"] + m["fp"], fold["test"]["NORMAL"], side)
            for key in ("auc", "accuracy", "sensitivity", "specificity"):
                self.assertGreaterEqual(m[key], 0.0)
                self.assertLessEqual(m[key], 1.0)
            self.assertGreater(m["wall_seconds"], 0.0)
        # Both sides are scored by the benchmark's own code; on the engine side that must agree
        # with what the engine itself reported.
        self.assertAlmostEqual(pair["sides"]["engine"]["auc"], pair["sides"]["engine"]["engine_reported_auc"], places=6)
        s = r["summary"]
        self.assertEqual(s["auc_difference"]["pairs"], 1)
        self.assertAlmostEqual(s["auc_difference"]["mean"],
                               pair["sides"]["engine"]["auc"] - pair["sides"]["seed"]["auc"])
        self.assertIsNone(s["auc_difference"]["ci95"])

    def test_csv_has_a_row_per_side(self):
        with open(os.path.join(self.out, "results.csv"), newline="") as f:
            rows = list(csv.DictReader(f))
        self.assertEqual(sorted(row["side"] for row in rows), ["engine", "seed"])
        for row in rows:
            self.assertEqual((row["fold"], row["seed"]), ("0", "1"))
            self.assertTrue(0.0 <= float(row["auc"]) <= 1.0)

    def test_both_sides_trained_on_the_same_fold_folder(self):
        fold_dir = os.path.join(self.out, "folds", "fold0")
        with open(os.path.join(self.out, "runs", "fold0-seed1-engine", "split.json")) as f:
            split = json.load(f)
        with open(os.path.join(self.out, "runs", "fold0-seed1-seed", "reference.json")) as f:
            ref = json.load(f)
        self.assertEqual(split["policy"], "folder")
        for part in ("train", "val", "test"):
            on_disk = sum(len(os.listdir(os.path.join(fold_dir, part, c))) for c in ("NORMAL", "PNEUMONIA"))
            self.assertEqual(split["counts"][part]["total"], on_disk, part)
            self.assertEqual(ref["films"][part], on_disk, part)

    def test_a_repeated_command_reuses_the_stored_runs(self):
        again = run(self.cmd)
        self.assertEqual(again.count("stored run"), 2, again)
        self.assertNotIn("training ...", again)

    def test_an_engine_ablation_reuses_the_seed_side(self):
        # Another --out with the seed side's stored result: only the engine trains, with the
        # ablation's options, and the pair is scored against the stored seed run.
        ablation = os.path.join(self.work, "ablation")
        shutil.rmtree(ablation, ignore_errors=True)
        os.makedirs(os.path.join(ablation, "runs"))
        shutil.copy(os.path.join(self.out, "runs", "fold0-seed1-seed.result.json"), os.path.join(ablation, "runs"))
        cmd = [a if a != self.out else ablation for a in self.cmd] + ["--engine-args=--augmentation seed --bn-stats precise"]
        out = run(cmd)
        self.assertIn("fold 0 seed 1 seed: stored run", out)
        self.assertIn("fold 0 seed 1 engine: training ...", out)
        with open(os.path.join(ablation, "runs", "fold0-seed1-engine", "config.json")) as f:
            training = json.load(f)["training"]
        self.assertEqual((training["augmentation"], training["batchNormStats"]), ("seed", "precise"))
        with open(os.path.join(ablation, "results.json")) as f:
            pair = json.load(f)["runs"][0]["sides"]
        self.assertEqual(pair["seed"], self.results["runs"][0]["sides"]["seed"])

    def test_the_seed_pipeline_is_repeatable(self):
        fold_dir = os.path.join(self.out, "folds", "fold0")
        with open(os.path.join(self.out, "runs", "fold0-seed1-seed", "reference.json")) as f:
            first = json.load(f)
        again = os.path.join(self.work, "again.json")
        run([PYTHON, SEED, "--mode", "reference", "--data", fold_dir, "--plan", "scratch", "--phase-epochs", "1,1,1",
             "--batch", "8", "--image-size", "64", "--seed", "1", "--threads", "1", "--device", "cpu",
             "--json", again])
        with open(again) as f:
            second = json.load(f)
        self.assertEqual([t["prob"] for t in first["test_films"]], [t["prob"] for t in second["test_films"]])


if __name__ == "__main__":
    if None in (CXR, PYTHON, TMP):
        sys.exit(__doc__)
    unittest.main(argv=sys.argv[:1])
