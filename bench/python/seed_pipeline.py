#!/usr/bin/env python3
"""The seed script's training pipeline as a benchmark, for comparison with CXR Studio's engine.

It follows the seed's method: torchvision resnet18 with fc replaced by Linear(512, 2);
ImageFolder + PIL with Resize((224, 224)), RandomHorizontalFlip, RandomRotation(10), ToTensor,
Normalize(ImageNet); a shuffled DataLoader (batch 32); three phases (fc -> layer4 + fc -> all)
with Adam at 1e-3 / 5e-4 / 1e-4 and StepLR(7, 0.1); a validation pass after each epoch. No
pretrained weights are downloaded (throughput does not depend on them).

It makes its own synthetic Kaggle-layout JPEG folder (PIL + numpy, film sizes like the Kaggle
set's) when the folder is missing, then prints, as JSON and as text:
  - seed pipeline img/s per phase and end to end (loader start-up and validation included),
  - the same network's train-step img/s on tensors already on the device (what the loader
    leaves on the table), in the seed's fp32 batch 32 and in bf16 autocast + channels_last.

With --mode reference it is instead the seed's method run to the end on a real Kaggle-layout
folder (train/, val/, test/ with one folder per class), the reference CXR Studio's engine is
compared with (bench/python/realdata_cv.py): the same transforms; phases as the plan says
("seed": fc, layer4 + fc, all; "scratch": every layer in every phase) at 1e-3 / 5e-4 / 1e-4, each
with Adam (no weight decay), StepLR(7, 0.1) and early stopping on validation loss (a fresh
patience count per phase); the checkpoint with the lowest validation loss across all phases is
kept and evaluated on test/. It prints and writes (--json) the test AUC, accuracy, sensitivity and
specificity, each test film's P(positive class) and the wall time. Seeded (torch.manual_seed and
the loader's generator); from scratch unless --weights names a torchvision resnet18 ImageNet
state_dict file (nothing is downloaded).
"""
import argparse
import io
import json
import copy
import multiprocessing as mp
import os
import random
import sys
import time
import zlib

import numpy as np
from PIL import Image

KAGGLE_TRAIN = {"NORMAL": 1341, "PNEUMONIA": 3875}
KAGGLE_VAL = {"NORMAL": 8, "PNEUMONIA": 8}
PHASES = [("feature_extraction", ["fc"], 1e-3), ("shallow_fine_tuning", ["layer4", "fc"], 5e-4),
          ("deep_fine_tuning", [], 1e-4)]


def _film(args):
    """One synthetic chest film as JPEG bytes: dark lung fields in a brighter body, noise, and for
    PNEUMONIA a bright opacity; Kaggle-like size (about 1000-1700 px wide) and file size."""
    seed, cls = args
    rng = np.random.default_rng(seed)
    w = int(rng.integers(1000, 1700))
    h = int(w * rng.uniform(0.72, 0.95))
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    img = 150 + 40 * np.exp(-((x - w / 2) / (0.45 * w)) ** 2)
    for cx in (0.32, 0.68):
        lung = ((x - cx * w) / (0.15 * w)) ** 2 + ((y - 0.48 * h) / (0.3 * h)) ** 2 < 1
        img[lung] -= 90
    if cls == "PNEUMONIA":
        ox, oy, r = rng.uniform(0.25, 0.75) * w, rng.uniform(0.35, 0.65) * h, rng.uniform(0.05, 0.12) * w
        img += 60 * np.exp(-(((x - ox) ** 2 + (y - oy) ** 2) / (r * r)))
    img += rng.normal(0, 5, size=img.shape).astype(np.float32)
    buf = io.BytesIO()
    Image.fromarray(np.clip(img, 0, 255).astype(np.uint8), "L").save(buf, format="JPEG", quality=85)
    return buf.getvalue()


def make_dataset(root, train_films, workers, distinct=256):
    """Kaggle layout (train/ and val/, NORMAL and PNEUMONIA in Kaggle's proportions). `distinct`
    films per class are drawn and encoded, then repeated under new names: decoding cost is what
    the benchmark measures, and drawing 5,000 films would take longer than the benchmark."""
    scale = train_films / sum(KAGGLE_TRAIN.values())
    t0 = time.perf_counter()
    with mp.Pool(workers) as pool:
        pool_bytes = {cls: pool.map(_film, [(zlib.crc32(f"{cls}/{i}".encode()), cls) for i in range(distinct)])
                      for cls in KAGGLE_TRAIN}
    n, size = 0, 0
    for split, counts in (("train", {k: round(v * scale) for k, v in KAGGLE_TRAIN.items()}), ("val", KAGGLE_VAL)):
        for cls, count in counts.items():
            d = os.path.join(root, split, cls)
            os.makedirs(d, exist_ok=True)
            for i in range(count):
                data = pool_bytes[cls][(i * 7 + (split == "val")) % distinct]
                with open(os.path.join(d, f"{cls.lower()}_{i:05d}.jpeg"), "wb") as f:
                    f.write(data)
                n += 1
                size += len(data)
    return n, time.perf_counter() - t0, size / max(n, 1)


def build_model(torch, torchvision, device):
    net = torchvision.models.resnet18(weights=None)
    net.fc = torch.nn.Linear(512, 2)
    return net.to(device)


def set_trainable(net, prefixes):
    for name, p in net.named_parameters():
        p.requires_grad = not prefixes or any(name == q or name.startswith(q + ".") for q in prefixes)


def sync(torch, device):
    if device.type == "cuda":
        torch.cuda.synchronize()


def seed_pipeline(torch, torchvision, data, device, batch, workers, batches_per_phase, epochs):
    from torchvision import datasets, transforms
    mean, std = [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]
    train_tf = transforms.Compose([transforms.Resize((224, 224)), transforms.RandomHorizontalFlip(),
                                   transforms.RandomRotation(10), transforms.ToTensor(),
                                   transforms.Normalize(mean, std)])
    val_tf = transforms.Compose([transforms.Resize((224, 224)), transforms.ToTensor(), transforms.Normalize(mean, std)])
    train_set = datasets.ImageFolder(os.path.join(data, "train"), train_tf)
    val_set = datasets.ImageFolder(os.path.join(data, "val"), val_tf)
    train_loader = torch.utils.data.DataLoader(train_set, batch_size=batch, shuffle=True, num_workers=workers)
    val_loader = torch.utils.data.DataLoader(val_set, batch_size=batch, shuffle=False, num_workers=workers)
    net = build_model(torch, torchvision, device)
    criterion = torch.nn.CrossEntropyLoss()
    results, total_imgs, total_s = [], 0, 0.0
    for name, prefixes, lr in PHASES:
        set_trainable(net, prefixes)
        opt = torch.optim.Adam(filter(lambda p: p.requires_grad, net.parameters()), lr=lr)
        sched = torch.optim.lr_scheduler.StepLR(opt, step_size=7, gamma=0.1)
        imgs, t0 = 0, time.perf_counter()
        for _ in range(epochs):
            net.train()
            for i, (x, y) in enumerate(train_loader):
                if batches_per_phase and i >= batches_per_phase:
                    break
                x, y = x.to(device), y.to(device)
                opt.zero_grad()
                loss = criterion(net(x), y)
                loss.backward()
                opt.step()
                imgs += x.shape[0]
            net.eval()
            with torch.no_grad():
                for x, y in val_loader:
                    criterion(net(x.to(device)), y.to(device)).item()
            sched.step()
        sync(torch, device)
        dt = time.perf_counter() - t0
        results.append({"phase": name, "images": imgs, "seconds": dt, "img_per_s": imgs / dt})
        total_imgs += imgs
        total_s += dt
    return {"train_films": len(train_set), "batch": batch, "workers": workers,
            "batches_per_phase": batches_per_phase, "epochs_per_phase": epochs, "phases": results,
            "end_to_end_img_per_s": total_imgs / total_s}


def step_bench(torch, torchvision, device, batch, amp, channels_last, steps, warmup):
    net = build_model(torch, torchvision, device)
    if channels_last:
        net = net.to(memory_format=torch.channels_last)
    x = torch.randn(batch, 3, 224, 224, device=device)
    if channels_last:
        x = x.contiguous(memory_format=torch.channels_last)
    y = torch.randint(0, 2, (batch,), device=device)
    criterion = torch.nn.CrossEntropyLoss()
    out = []
    for name, prefixes, lr in PHASES:
        set_trainable(net, prefixes)
        opt = torch.optim.Adam([p for p in net.parameters() if p.requires_grad], lr=lr)
        net.train()

        def step():
            opt.zero_grad(set_to_none=True)
            with torch.autocast(device.type, dtype=torch.bfloat16, enabled=amp):
                loss = criterion(net(x), y)
            loss.backward()
            opt.step()

        for _ in range(warmup):
            step()
        sync(torch, device)
        t0 = time.perf_counter()
        for _ in range(steps):
            step()
        sync(torch, device)
        out.append({"phase": name, "img_per_s": batch * steps / (time.perf_counter() - t0)})
    return {"batch": batch, "amp_bf16": amp, "channels_last": channels_last, "phases": out}


def profile_steps(torch, torchvision, device, batch, out_file, steps=6):
    """torch.profiler over phase-3 bf16 + channels_last steps: where a step's time goes."""
    from torch.profiler import ProfilerActivity, profile
    net = build_model(torch, torchvision, device).to(memory_format=torch.channels_last)
    x = torch.randn(batch, 3, 224, 224, device=device).contiguous(memory_format=torch.channels_last)
    y = torch.randint(0, 2, (batch,), device=device)
    opt = torch.optim.Adam(net.parameters(), lr=1e-4)
    criterion = torch.nn.CrossEntropyLoss()

    def step():
        opt.zero_grad(set_to_none=True)
        with torch.autocast(device.type, dtype=torch.bfloat16):
            loss = criterion(net(x), y)
        loss.backward()
        opt.step()

    torch.backends.cudnn.benchmark = True
    for _ in range(5):
        step()
    sync(torch, device)
    activities = [ProfilerActivity.CPU] + ([ProfilerActivity.CUDA] if device.type == "cuda" else [])
    with profile(activities=activities) as prof:
        for _ in range(steps):
            step()
        sync(torch, device)
    averages = prof.key_averages()
    table = None
    for key in ("self_cuda_time_total", "self_device_time_total", "self_cpu_time_total"):
        try:
            table = averages.table(sort_by=key, row_limit=30)
            break
        except Exception:  # the sort key's name changed across releases
            continue
    with open(out_file, "w") as f:
        f.write(f"torch.profiler, {steps} steps, phase 3 (all layers), batch {batch}, bf16 autocast, channels_last\n")
        f.write(table or "no table")
    print(f"profile of {steps} phase-3 steps written to {out_file}", flush=True)


REFERENCE_PLANS = {"seed": [["fc"], ["layer4", "fc"], []], "scratch": [[], [], []]}
REFERENCE_LRS = [1e-3, 5e-4, 1e-4]


def _run_epoch(torch, net, loader, criterion, device, opt=None):
    """One pass; trains when `opt` is given. Returns (mean loss, accuracy) over the films."""
    loss_sum, correct, n = 0.0, 0, 0
    with torch.set_grad_enabled(opt is not None):
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            if opt is not None:
                opt.zero_grad()
            out = net(x)
            loss = criterion(out, y)
            if opt is not None:
                loss.backward()
                opt.step()
            loss_sum += loss.item() * x.shape[0]
            correct += (out.argmax(1) == y).sum().item()
            n += x.shape[0]
    return loss_sum / max(n, 1), correct / max(n, 1)


def reference_run(args):
    """The seed's method on a real train/val/test folder, best checkpoint evaluated on test."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import cv_stats
    import torch
    import torchvision
    from torchvision import datasets, transforms

    wall0 = time.perf_counter()
    phase_epochs = [int(v) for v in args.phase_epochs.split(",")]
    if len(phase_epochs) != 3 or min(phase_epochs) < 0:
        raise SystemExit("--phase-epochs needs three non-negative values, e.g. 3,3,3")
    torch.set_num_threads(args.threads if args.threads > 0 else max(1, os.cpu_count() or 1))
    random.seed(args.seed)
    np.random.seed(args.seed % 2**32)
    torch.manual_seed(args.seed)
    device = torch.device(("cuda" if torch.cuda.is_available() else "cpu") if args.device == "auto" else args.device)

    size = args.image_size
    mean, std = [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]
    train_tf = transforms.Compose([transforms.Resize((size, size)), transforms.RandomHorizontalFlip(),
                                   transforms.RandomRotation(10), transforms.ToTensor(),
                                   transforms.Normalize(mean, std)])
    eval_tf = transforms.Compose([transforms.Resize((size, size)), transforms.ToTensor(),
                                  transforms.Normalize(mean, std)])
    sets = {split: datasets.ImageFolder(os.path.join(args.data, split), train_tf if split == "train" else eval_tf)
            for split in ("train", "val", "test")}
    classes = sets["train"].classes
    for split in ("val", "test"):
        if sets[split].classes != classes:
            raise SystemExit(f"{split}/ has classes {sets[split].classes}, train/ has {classes}")
    positive = sets["train"].class_to_idx.get(args.positive_class, len(classes) - 1)
    # The loader's own generator: the shuffling order and (through the workers' base seed) the
    # augmentation draws depend on --seed alone.
    gen = torch.Generator()
    gen.manual_seed(args.seed)
    # BatchNorm cannot train on a batch of one film: like the engine, drop the epoch's last batch
    # when it would hold a single film.
    train_loader = torch.utils.data.DataLoader(sets["train"], batch_size=args.batch, shuffle=True,
                                               num_workers=args.workers, generator=gen,
                                               drop_last=len(sets["train"]) % args.batch == 1)
    val_loader = torch.utils.data.DataLoader(sets["val"], batch_size=args.batch, shuffle=False,
                                             num_workers=args.workers)
    test_loader = torch.utils.data.DataLoader(sets["test"], batch_size=args.batch, shuffle=False,
                                              num_workers=args.workers)

    net = torchvision.models.resnet18(weights=None)
    pretrained = bool(args.weights)
    if pretrained:
        net.load_state_dict(torch.load(args.weights, map_location="cpu"))
    net.fc = torch.nn.Linear(512, len(classes))
    net = net.to(device)
    criterion = torch.nn.CrossEntropyLoss()

    plan = "seed" if args.plan == "auto" and pretrained else "scratch" if args.plan == "auto" else args.plan
    history, best = [], {"val_loss": float("inf"), "phase": None, "epoch": None}
    best_state = copy.deepcopy(net.state_dict())
    train_s = 0.0
    for p, (prefixes, lr, epochs) in enumerate(zip(REFERENCE_PLANS[plan], REFERENCE_LRS, phase_epochs)):
        set_trainable(net, prefixes)
        opt = torch.optim.Adam([q for q in net.parameters() if q.requires_grad], lr=lr)
        sched = torch.optim.lr_scheduler.StepLR(opt, step_size=args.step_size, gamma=args.gamma)
        phase_best, waited = float("inf"), 0
        for e in range(epochs):
            t0 = time.perf_counter()
            net.train()
            tr_loss, tr_acc = _run_epoch(torch, net, train_loader, criterion, device, opt)
            net.eval()
            va_loss, va_acc = _run_epoch(torch, net, val_loader, criterion, device)
            sched.step()
            dt = time.perf_counter() - t0
            train_s += dt
            is_best = va_loss < best["val_loss"]
            if is_best:
                best = {"val_loss": va_loss, "phase": p, "epoch": e}
                best_state = copy.deepcopy(net.state_dict())
            history.append({"phase": p, "epoch": e, "lr": lr * args.gamma ** (e // args.step_size),
                            "train_loss": tr_loss, "train_accuracy": tr_acc, "val_loss": va_loss,
                            "val_accuracy": va_acc, "best": is_best, "seconds": dt})
            print(f"phase {p + 1} epoch {e + 1}/{epochs}  train loss {tr_loss:.4f} acc {tr_acc:.3f}  "
                  f"val loss {va_loss:.4f} acc {va_acc:.3f}{'  *' if is_best else ''}  ({dt:.1f} s)", flush=True)
            if va_loss < phase_best:
                phase_best, waited = va_loss, 0
            else:
                waited += 1
                if waited >= args.patience:
                    print(f"phase {p + 1}: early stop after {e + 1} epochs", flush=True)
                    break
        if args.restore_best_between_phases:
            net.load_state_dict(best_state)

    net.load_state_dict(best_state)
    net.eval()
    probs, labels = [], []
    with torch.no_grad():
        for x, y in test_loader:
            probs += torch.softmax(net(x.to(device)).float(), 1)[:, positive].cpu().tolist()
            labels += [int(v == positive) for v in y.tolist()]
    metrics = cv_stats.binary_metrics(labels, probs)
    root = os.path.abspath(args.data)
    report = {"mode": "reference", "torch": torch.__version__, "torchvision": torchvision.__version__,
              "device": str(device), "threads": torch.get_num_threads(), "seed": args.seed, "plan": plan,
              "pretrained": pretrained, "phase_epochs": phase_epochs, "learning_rates": REFERENCE_LRS,
              "batch": args.batch, "image_size": size, "workers": args.workers, "patience": args.patience,
              "step_size": args.step_size, "gamma": args.gamma,
              "restore_best_between_phases": args.restore_best_between_phases,
              "classes": classes, "positive_class": classes[positive],
              "films": {split: len(sets[split]) for split in sets}, "best": best, "history": history,
              "test": metrics,
              "test_films": [{"path": os.path.relpath(path, root), "label": lab, "prob": pr}
                             for (path, _), lab, pr in zip(sets["test"].samples, labels, probs)],
              "train_seconds": train_s, "wall_seconds": time.perf_counter() - wall0}
    fmt = lambda v: "n/a" if v is None else f"{v:.4f}"
    print(f"best checkpoint: phase {best['phase'] + 1 if best['phase'] is not None else '-'} epoch "
          f"{best['epoch'] + 1 if best['epoch'] is not None else '-'} (val loss {best['val_loss']:.4f})")
    print(f"test ({metrics['films']} films): AUC {fmt(metrics['auc'])}  accuracy {fmt(metrics['accuracy'])}  "
          f"sensitivity {fmt(metrics['sensitivity'])}  specificity {fmt(metrics['specificity'])}  "
          f"wall {report['wall_seconds']:.1f} s", flush=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(report, f, indent=2)
    return report


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mode", choices=["throughput", "reference"], default="throughput",
                    help="throughput: the img/s benchmark; reference: train and test the seed's method")
    ap.add_argument("--data", required=True,
                    help="Kaggle-layout folder (throughput: made when missing; reference: train|val|test/CLASS/)")
    ap.add_argument("--train-films", type=int, default=5216)
    ap.add_argument("--device", default="auto", help="auto | cuda | cpu")
    ap.add_argument("--batch", type=int, default=32, help="the seed's batch size")
    ap.add_argument("--workers", type=int, default=2, help="DataLoader workers (the seed's setting)")
    ap.add_argument("--batches-per-phase", type=int, default=40, help="0: whole epochs")
    ap.add_argument("--epochs", type=int, default=1, help="epochs per phase")
    ap.add_argument("--step-batches", default="32,256", help="batch sizes for the step benchmark")
    ap.add_argument("--steps", type=int, default=20)
    ap.add_argument("--warmup", type=int, default=5)
    ap.add_argument("--skip-step-bench", action="store_true")
    ap.add_argument("--skip-pipeline", action="store_true")
    ap.add_argument("--gen-workers", type=int, default=max(1, (os.cpu_count() or 2)))
    ap.add_argument("--distinct", type=int, default=256, help="distinct synthetic films per class")
    ap.add_argument("--only-make-data", action="store_true", help="make the folder and stop")
    ap.add_argument("--profile", help="write a torch.profiler table of bf16 phase-3 steps here")
    ap.add_argument("--json", help="write the results here too")
    ref = ap.add_argument_group("reference mode")
    ref.add_argument("--plan", choices=["auto", "seed", "scratch"], default="auto",
                     help="seed: fc; layer4+fc; all. scratch: all layers in every phase. auto: seed with --weights")
    ref.add_argument("--phase-epochs", default="5,5,5", help="epochs of the three phases")
    ref.add_argument("--patience", type=int, default=3, help="early-stopping patience (epochs) in each phase")
    ref.add_argument("--step-size", type=int, default=7, help="StepLR step (epochs)")
    ref.add_argument("--gamma", type=float, default=0.1, help="StepLR factor")
    ref.add_argument("--image-size", type=int, default=224)
    ref.add_argument("--seed", type=int, default=42)
    ref.add_argument("--threads", type=int, default=0, help="torch threads; 0: every core")
    ref.add_argument("--weights", help="torchvision resnet18 ImageNet state_dict (.pth); without: from scratch")
    ref.add_argument("--positive-class", default="PNEUMONIA", help="the class whose probability is scored")
    ref.add_argument("--restore-best-between-phases", action="store_true",
                     help="start each phase from the best weights so far (default: from the last epoch's)")
    args = ap.parse_args()
    if args.mode == "reference":
        reference_run(args)
        return

    report = {}
    if not os.path.isdir(os.path.join(args.data, "train")):
        n, dt, mean_bytes = make_dataset(args.data, args.train_films, args.gen_workers, args.distinct)
        report["dataset"] = {"films": n, "seconds_to_make": dt, "mean_jpeg_bytes": mean_bytes}
        print(f"made {n} synthetic JPEG films ({mean_bytes / 1024:.0f} KiB each on average) in {dt:.1f} s "
              f"under {args.data}", flush=True)
    if args.only_make_data:
        return
    import torch
    import torchvision
    device = torch.device(("cuda" if torch.cuda.is_available() else "cpu") if args.device == "auto" else args.device)
    torch.set_num_threads(max(1, os.cpu_count() or 1))
    report["torch"] = torch.__version__
    report["torchvision"] = torchvision.__version__
    report["device"] = torch.cuda.get_device_name(device) if device.type == "cuda" else "cpu"
    if not args.skip_pipeline:
        r = seed_pipeline(torch, torchvision, args.data, device, args.batch, args.workers,
                          args.batches_per_phase, args.epochs)
        report["seed_pipeline"] = r
        for p in r["phases"]:
            print(f"seed pipeline  {p['phase']:<20} {p['img_per_s']:9.1f} img/s  ({p['images']} films, {p['seconds']:.1f} s)")
        print(f"seed pipeline  end to end           {r['end_to_end_img_per_s']:9.1f} img/s  "
              f"(batch {args.batch}, {args.workers} workers)", flush=True)
    if not args.skip_step_bench:
        report["step_bench"] = []
        configs = []
        for b in [int(v) for v in args.step_batches.split(",") if v]:
            configs.append((b, False, False))
            if device.type == "cuda":
                configs.append((b, True, True))
        torch.backends.cudnn.benchmark = True
        for b, amp, cl in configs:
            r = step_bench(torch, torchvision, device, b, amp, cl, args.steps, args.warmup)
            report["step_bench"].append(r)
            tag = f"batch {b:<4} {'bf16+CL' if amp else 'fp32':<8}"
            print("python step    " + tag + "  ".join(f"{p['phase'][:8]} {p['img_per_s']:8.1f}" for p in r["phases"]),
                  flush=True)
    if args.profile:
        profile_steps(torch, torchvision, device, max(int(v) for v in args.step_batches.split(",") if v), args.profile)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(report, f, indent=2)


if __name__ == "__main__":
    main()
