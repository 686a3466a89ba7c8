#!/usr/bin/env python3
"""Unit tests of the cross-validation benchmark's split logic and statistics (run through CTest,
label bench): patients never on two sides, class stratification, determinism, Kermany patient
names, the Mann-Whitney AUC and the t-interval."""
import itertools
import json
import math
import os
import random
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "bench", "python"))
import cv_ablation_table  # noqa: E402
import cv_stats  # noqa: E402
import realdata_cv as cv  # noqa: E402


def synthetic_films(seed=7, normal_patients=53, pneumonia_patients=61):
    """Film records with Kermany names: patients with 1-4 films, some patients in both classes."""
    rng = random.Random(seed)
    films = []
    for i in range(normal_patients):
        prefix = "NORMAL2-IM-" if i % 3 == 0 else "IM-"
        for j in range(rng.randint(1, 3)):
            name = f"{prefix}{1000 + i:04d}-{j + 1:04d}.jpeg"
            films.append({"path": "/x/NORMAL/" + name, "label": 0, "patient": cv.patient_of(name)})
    for i in range(pneumonia_patients):
        kind = "virus" if i % 2 else "bacteria"
        for j in range(rng.randint(1, 4)):
            name = f"person{i + 1}_{kind}_{rng.randint(1, 9999)}.jpeg"
            films.append({"path": "/x/PNEUMONIA/" + name, "label": 1, "patient": cv.patient_of(name)})
    # Two patients with a film in the other class too (mislabelled or follow-up films).
    films.append({"path": "/x/NORMAL/person3_virus_1.jpeg", "label": 0, "patient": "person3"})
    films.append({"path": "/x/PNEUMONIA/IM-1004-0009.jpeg", "label": 1, "patient": "IM-1004"})
    return films


def patients(films):
    return {f["patient"] for f in films}


class PatientNames(unittest.TestCase):
    def test_kermany_names(self):
        self.assertEqual(cv.patient_of("person1004_virus_1686.jpeg"), "person1004")
        self.assertEqual(cv.patient_of("person7_bacteria_29.jpeg"), "person7")
        self.assertEqual(cv.patient_of("IM-0115-0001.jpeg"), "IM-0115")
        self.assertEqual(cv.patient_of("NORMAL2-IM-1427-0001.jpeg"), "NORMAL2-IM-1427")
        self.assertEqual(cv.patient_of("/a/b/IM-0115-0002.jpeg"), "IM-0115")
        # A name outside the convention is its own patient.
        self.assertEqual(cv.patient_of("scan_12.png"), "scan_12")


class Folds(unittest.TestCase):
    def setUp(self):
        self.films = synthetic_films()

    def test_every_film_in_exactly_one_test_fold_and_patients_never_on_two_sides(self):
        folds = cv.make_folds(self.films, 5, 42, 0.1)
        seen = []
        for fold in folds:
            seen += [f["path"] for f in fold["test"]]
            tr, va, te = patients(fold["train"]), patients(fold["val"]), patients(fold["test"])
            self.assertFalse(tr & va, "a patient in train and val")
            self.assertFalse(tr & te, "a patient in train and test")
            self.assertFalse(va & te, "a patient in val and test")
            self.assertEqual(len(fold["train"]) + len(fold["val"]) + len(fold["test"]), len(self.films))
            self.assertTrue(fold["val"], "empty validation split")
        self.assertEqual(sorted(seen), sorted(f["path"] for f in self.films))
        for a, b in itertools.combinations(folds, 2):
            self.assertFalse(patients(a["test"]) & patients(b["test"]), "a patient in two test folds")

    def test_folds_are_stratified_by_class(self):
        k = 5
        folds = cv.make_folds(self.films, k, 42, 0.1)
        groups = cv._patient_groups(self.films)
        for label in (0, 1):
            counts = [sum(1 for f in fold["test"] if f["label"] == label) for fold in folds]
            total = sum(1 for f in self.films if f["label"] == label)
            biggest = max(n for lab, n in groups.values() if lab == label)
            self.assertEqual(sum(counts), total)
            # Greedy by film count: the folds differ by at most one patient's films (+1 for the
            # films of patients counted under the other class).
            self.assertLessEqual(max(counts) - min(counts), biggest + 1, counts)
            for n in counts:
                self.assertGreater(n, 0)
        # Validation keeps about the requested share of each class.
        for fold in folds:
            rest = fold["train"] + fold["val"]
            for label in (0, 1):
                share = sum(1 for f in fold["val"] if f["label"] == label) / sum(1 for f in rest if f["label"] == label)
                self.assertGreater(share, 0.03)
                self.assertLess(share, 0.2)

    def test_same_seed_same_folds_other_seed_other_folds(self):
        def key(folds):
            return [sorted(f["path"] for f in fold["test"]) for fold in folds]
        a = cv.make_folds(self.films, 5, 42, 0.1)
        b = cv.make_folds(list(reversed(self.films)), 5, 42, 0.1)
        c = cv.make_folds(self.films, 5, 43, 0.1)
        self.assertEqual(key(a), key(b), "the folds must not depend on the order films were listed in")
        self.assertNotEqual(key(a), key(c))

    def test_too_few_patients_is_refused(self):
        films = synthetic_films(normal_patients=3, pneumonia_patients=10)
        with self.assertRaises(SystemExit):
            cv.assign_folds(films, 5, 1)


class Layout(unittest.TestCase):
    def _touch(self, path):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        open(path, "wb").close()

    def test_flat_and_kaggle_layouts_and_the_materialised_fold(self):
        with tempfile.TemporaryDirectory() as tmp:
            flat = os.path.join(tmp, "flat")
            for i in range(6):
                self._touch(os.path.join(flat, "NORMAL", f"IM-{i:04d}-0001.jpeg"))
                self._touch(os.path.join(flat, "PNEUMONIA", f"person{i}_virus_{i}.jpeg"))
            self._touch(os.path.join(flat, "NORMAL", "notes.txt"))
            classes, films = cv.scan(flat)
            self.assertEqual(classes, ["NORMAL", "PNEUMONIA"])
            self.assertEqual(len(films), 12)
            kaggle = os.path.join(tmp, "kaggle")
            for split in ("train", "test"):
                for i in range(3):
                    self._touch(os.path.join(kaggle, split, "NORMAL", f"IM-{split}{i}-0001.jpeg"))
                    self._touch(os.path.join(kaggle, split, "PNEUMONIA", f"person{i}{len(split)}_virus_1.jpeg"))
            self.assertEqual(len(cv.scan(kaggle)[1]), 12)
            self.assertEqual(len(cv.scan(kaggle, ["train"])[1]), 6)

            folds = cv.make_folds(films, 3, 1, 0.2)
            out = os.path.join(tmp, "fold0")
            cv.materialise(folds[0], classes, out)
            for split in ("train", "val", "test"):
                for label, cls in enumerate(classes):
                    names = sorted(os.listdir(os.path.join(out, split, cls)))
                    want = sorted(os.path.basename(f["path"]) for f in folds[0][split] if f["label"] == label)
                    self.assertEqual(names, want)
                    for n in names:
                        self.assertTrue(os.path.islink(os.path.join(out, split, cls, n)))


class Statistics(unittest.TestCase):
    def test_auc_is_the_pair_count(self):
        rng = random.Random(3)
        for _ in range(20):
            labels = [rng.randint(0, 1) for _ in range(30)]
            scores = [round(rng.random(), 1) for _ in range(30)]  # many ties
            pos = [s for s, y in zip(scores, labels) if y]
            neg = [s for s, y in zip(scores, labels) if not y]
            if not pos or not neg:
                continue
            pairs = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p in pos for n in neg)
            self.assertAlmostEqual(cv_stats.roc_auc(labels, scores), pairs / (len(pos) * len(neg)), places=12)
        self.assertIsNone(cv_stats.roc_auc([1, 1], [0.2, 0.3]))

    def test_binary_metrics(self):
        m = cv_stats.binary_metrics([1, 1, 1, 0, 0], [0.9, 0.6, 0.2, 0.7, 0.1])
        self.assertEqual((m["tp"], m["fn"], m["tn"], m["fp"]), (2, 1, 1, 1))
        self.assertAlmostEqual(m["accuracy"], 3 / 5)
        self.assertAlmostEqual(m["sensitivity"], 2 / 3)
        self.assertAlmostEqual(m["specificity"], 1 / 2)

    def test_t_quantiles_and_interval(self):
        # Textbook values of t(0.975, df).
        for df, t in ((1, 12.7062), (2, 4.3027), (4, 2.7764), (9, 2.2622), (29, 2.0452)):
            self.assertAlmostEqual(cv_stats.t_quantile(0.975, df), t, places=3)
        d = [0.02, -0.01, 0.04, 0.01, 0.03]
        m, lo, hi = cv_stats.t_interval(d)
        sd = math.sqrt(sum((x - 0.018) ** 2 for x in d) / 4)
        self.assertAlmostEqual(m, 0.018)
        self.assertAlmostEqual(hi - m, 2.7764 * sd / math.sqrt(5), places=4)
        self.assertAlmostEqual(m - lo, hi - m)
        self.assertEqual(cv_stats.t_interval([0.1])[1:], (None, None))


class AblationTable(unittest.TestCase):
    """cv_ablation_table.py pairs each ablation with the baseline on the folds it shares."""

    def write(self, root, name, engine, seed=None):
        out = os.path.join(root, name)
        os.makedirs(out)
        runs = []
        for fold, auc in engine.items():
            sides = {"engine": {"auc": auc, "accuracy": 0.8, "wall_seconds": 100.0}}
            if seed:
                sides["seed"] = {"auc": seed[fold], "accuracy": 0.9, "wall_seconds": 120.0}
            runs.append({"fold": fold, "seed": 1, "sides": sides})
        with open(os.path.join(out, "results.json"), "w") as f:
            json.dump({"runs": runs, "config": {}}, f)
        return out

    def test_rows_compare_on_shared_folds(self):
        with tempfile.TemporaryDirectory() as root:
            base = self.write(root, "base", {0: 0.90, 1: 0.80, 2: 0.70, 3: 0.60}, {0: 0.91, 1: 0.83, 2: 0.71, 3: 0.64})
            three = self.write(root, "three", {0: 0.95, 1: 0.84, 2: 0.76})
            base_runs, _ = cv_ablation_table.load(base)
            runs, _ = cv_ablation_table.load(three)
            line = cv_ablation_table.row("three", "x", runs, base_runs)
            cells = [c.strip() for c in line.strip("|").split("|")]
            self.assertEqual(cells[2], "0,1,2")
            self.assertTrue(cells[3].startswith("0.850"), line)  # mean of 0.95, 0.84, 0.76
            # Against the baseline's engine on folds 0-2: +0.05, +0.04, +0.06 -> +0.050
            self.assertTrue(cells[4].startswith("+0.050 ["), line)
            m, lo, hi = cv_stats.t_interval([0.05, 0.04, 0.06])
            self.assertIn(f"[{lo:+.3f}, {hi:+.3f}]", cells[4])
            # Against the seed pipeline on the same folds: +0.04, +0.01, +0.05
            self.assertTrue(cells[5].startswith("+0.033 ["), line)
            disjoint = self.write(root, "disjoint", {7: 0.9})
            with self.assertRaises(SystemExit):
                cv_ablation_table.row("disjoint", "x", cv_ablation_table.load(disjoint)[0], base_runs)


if __name__ == "__main__":
    unittest.main()
