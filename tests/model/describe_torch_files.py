#!/usr/bin/env python3
"""What Python's torch.load makes of each file in a list: the second decoder the hostile-file
test compares our reader with on mutated files that still load.

Usage: describe_torch_files.py LIST OUT.json
LIST: one "KIND PATH" per line, KIND "state_dict" or "class_map". OUT.json: one entry per line
of LIST, {"loaded": false, "error": ...} or, for a state dict, {"loaded": true, "tensors":
[[name, itemsize, shape, sha256 of the contiguous bytes], ...]} in file order, for a class map
{"loaded": true, "classes": {name: index}}.
"""
import hashlib
import json
import sys

import torch


def load(path):
    try:
        return torch.load(path, map_location="cpu", weights_only=True)
    except TypeError:  # a torch without weights_only
        return torch.load(path, map_location="cpu")


def describe(kind, path):
    try:
        obj = load(path)
    except Exception as e:  # noqa: BLE001 - any refusal is an answer here
        return {"loaded": False, "error": "%s: %s" % (type(e).__name__, str(e)[:200])}
    if kind == "class_map":
        if not isinstance(obj, dict) or not all(isinstance(k, str) and type(v) is int for k, v in obj.items()):
            return {"loaded": False, "error": "not a dict of str to int"}
        return {"loaded": True, "classes": obj}
    if not isinstance(obj, dict) or not all(isinstance(v, torch.Tensor) for v in obj.values()):
        return {"loaded": False, "error": "not a dict of tensors"}
    tensors = []
    for name, t in obj.items():
        data = t.contiguous().view(-1).view(torch.uint8).numpy().tobytes() if t.numel() else b""
        tensors.append([name, t.element_size(), list(t.shape), hashlib.sha256(data).hexdigest()])
    return {"loaded": True, "tensors": tensors}


def main():
    entries = []
    with open(sys.argv[1]) as f:
        for line in f:
            kind, path = line.rstrip("\n").split(" ", 1)
            entries.append(describe(kind, path))
    with open(sys.argv[2], "w") as f:
        json.dump(entries, f)


if __name__ == "__main__":
    main()
