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
"""
import argparse
import io
import json
import multiprocessing as mp
import os
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


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, help="Kaggle-layout folder (made when missing)")
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
    args = ap.parse_args()

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
