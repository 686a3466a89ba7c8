"""Reference files for the model tests, written by Python's torch/torchvision.

usage: make_reference.py OUT_DIR      writes the files below into OUT_DIR
       make_reference.py --check DIR INPUT OUT
                                      loads an exported bundle in DIR the way a Python user
                                      would (torch.load + strict load_state_dict), runs INPUT
                                      and writes the logits and class map to OUT (JSON)
"""
import json
import sys
from collections import OrderedDict

import torch
import torchvision


def seed_model(num_classes):
    # The seed script's model: torchvision resnet18 with fc replaced.
    torch.manual_seed(0)
    m = torchvision.models.resnet18()
    m.fc = torch.nn.Linear(512, num_classes)
    # Non-trivial BatchNorm statistics so eval-mode parity tests them.
    g = torch.Generator().manual_seed(1)
    for mod in m.modules():
        if isinstance(mod, torch.nn.BatchNorm2d):
            mod.running_mean.copy_(torch.randn(mod.num_features, generator=g) * 0.1)
            mod.running_var.copy_(torch.rand(mod.num_features, generator=g) + 0.5)
            mod.num_batches_tracked.fill_(7)
    return m.eval()


def fixed_input():
    g = torch.Generator().manual_seed(2)
    return torch.randn(1, 3, 224, 224, generator=g)


def write_f32(path, t):
    t.detach().contiguous().float().numpy().tofile(path)


def make(out):
    m = seed_model(2)
    sd = m.state_dict()
    torch.save(sd, f"{out}/seed_zip.pth")
    torch.save(sd, f"{out}/seed_legacy.pth", _use_new_zipfile_serialization=False)
    with open(f"{out}/keys.txt", "w") as f:
        for k, v in sd.items():
            f.write(f"{k} {','.join(str(s) for s in v.shape)}\n")
    x = fixed_input()
    with torch.no_grad():
        write_f32(f"{out}/input.f32", x)
        write_f32(f"{out}/logits.f32", m(x))
    classes = {"NORMAL": 0, "PNEUMONIA": 1}
    torch.save(classes, f"{out}/class_to_index.pth")
    torch.save(classes, f"{out}/class_to_index_legacy.pth", _use_new_zipfile_serialization=False)

    # torchvision's ImageNet layout: 1000-class fc, which importing must skip.
    torch.manual_seed(3)
    torch.save(torchvision.models.resnet18().state_dict(), f"{out}/imagenet.pth")

    # Storages tagged as saved from a GPU (this machine has none): a CPU load must still work.
    small = OrderedDict((k, sd[k]) for k in ["conv1.weight", "bn1.num_batches_tracked", "fc.bias"])
    import torch.serialization as ser
    real_tag = ser.location_tag
    ser.location_tag = lambda storage: "cuda:0"
    try:
        torch.save(small, f"{out}/cuda_saved.pth")
        torch.save(small, f"{out}/cuda_saved_legacy.pth", _use_new_zipfile_serialization=False)
    finally:
        ser.location_tag = real_tag

    if torch.cuda.is_available():  # real CUDA storages, on a GPU machine only
        torch.save(seed_model(2).cuda().state_dict(), f"{out}/cuda_real.pth")

    # A training checkpoint wrapping the weights, and a non-contiguous (transposed) tensor.
    torch.save({"epoch": 3, "state_dict": small}, f"{out}/checkpoint.pth")
    torch.save({"t": torch.arange(6.0).reshape(2, 3).t()}, f"{out}/strided.pth")


def check(bundle, input_path, out):
    import numpy as np
    m = torchvision.models.resnet18()
    classes = torch.load(f"{bundle}/class_to_index.pth")
    m.fc = torch.nn.Linear(512, len(classes))
    sd = torch.load(f"{bundle}/X_ray_classifier.pth")
    m.load_state_dict(sd, strict=True)
    m.eval()
    x = torch.from_numpy(np.fromfile(input_path, dtype=np.float32).reshape(1, 3, 224, 224))
    with torch.no_grad():
        logits = m(x)[0].tolist()
    json.dump({"logits": logits, "classes": classes, "keys": list(sd.keys()),
               "type": type(sd).__name__, "classesType": type(classes).__name__}, open(out, "w"))


if __name__ == "__main__":
    if sys.argv[1] == "--check":
        check(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        make(sys.argv[1])
