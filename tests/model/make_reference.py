"""Reference files for the model tests, written by Python's torch/torchvision.

usage: make_reference.py OUT_DIR      writes the files below into OUT_DIR
       make_reference.py --check DIR INPUT OUT
                                      loads an exported bundle in DIR the way a Python user
                                      would (torch.load + strict load_state_dict), runs INPUT
                                      and writes the logits and class map to OUT (JSON)
"""
import io
import json
import os
import pickle
import struct
import sys
import tarfile
import tempfile
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

    # torchvision's own initialisation of a fresh two-class ResNet18 (the seed's model before
    # training): per tensor mean, standard deviation and largest magnitude, so the engine's
    # initialisation can be compared with it distribution by distribution.
    torch.manual_seed(4)
    fresh = torchvision.models.resnet18()
    fresh.fc = torch.nn.Linear(512, 2)
    with open(f"{out}/init_stats.txt", "w") as f:
        for k, v in fresh.state_dict().items():
            if v.is_floating_point():
                v = v.double()
                f.write(f"{k} {v.mean().item():.9g} {v.std(unbiased=False).item():.9g} {v.abs().max().item():.9g}\n")

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

    make_tar_containers(out, sd)


# --- torch's oldest container (before 0.1.10), which torch.save no longer writes -------------
# A tar archive (PAX format, members added from temporary files as torch did) holding
#   sys_info  a pickled dict (protocol_version, little_endian, type_sizes)
#   pickle    the object; each tensor is a persistent id: the str of the tensor's key
#   tensors   pickled count, then per tensor a pickled (key, storage key, tensor type), an int32
#             ndim + 4 unused bytes, int64 sizes, int64 strides, int64 storage offset
#   storages  pickled count, then per storage a pickled (key, location, storage type), an int64
#             element count and the raw elements; then a pickled list of storage views
# as read by torch/serialization.py's legacy_load. Keys are pointer-like integers (> 2**31).

class Py2Pickle:
    """Protocol-2 pickles as Python 2's cPickle wrote them when torchvision's first ImageNet
    files were saved: str as SHORT_BINSTRING, ints above 2**31 as text INT lines, an OrderedDict
    as OrderedDict([[key, value], ...]), BINPUT after every string and container."""

    def __init__(self):
        self.out = bytearray(b"\x80\x02")
        self.memo = 0

    def put(self):
        self.out += b"q" + bytes([self.memo])
        self.memo = (self.memo + 1) % 256

    def int_(self, v):
        if 0 <= v < 256:
            self.out += b"K" + bytes([v])
        elif 0 <= v < 65536:
            self.out += b"M" + struct.pack("<H", v)
        elif -2**31 <= v < 2**31:
            self.out += b"J" + struct.pack("<i", v)
        else:
            self.out += b"I%d\n" % v

    def str_(self, s):
        b = s.encode()
        self.out += (b"U" + bytes([len(b)])) if len(b) < 256 else (b"T" + struct.pack("<I", len(b)))
        self.out += b
        self.put()

    def global_(self, module, name):
        self.out += b"c%s\n%s\n" % (module.encode(), name.encode())
        self.put()

    def value(self, v):
        if isinstance(v, bool):
            self.out += b"\x88" if v else b"\x89"
        elif isinstance(v, int):
            self.int_(v)
        elif isinstance(v, str):
            self.str_(v)
        elif isinstance(v, tuple) and len(v) == 2 and v[0] == "global":
            self.global_(*v[1])
        elif isinstance(v, tuple):
            self.out += b"("
            for item in v:
                self.value(item)
            self.out += b"t"
            self.put()
        elif isinstance(v, list):
            self.out += b"]"
            self.put()
            if v:
                self.out += b"("
                for item in v:
                    self.value(item)
                self.out += b"e"
        elif isinstance(v, dict):
            self.out += b"}"
            self.put()
            self.out += b"("
            for key, item in v.items():
                self.value(key)
                self.value(item)
            self.out += b"u"
        else:
            raise TypeError(type(v))

    def state_dict(self, names_and_keys):
        self.global_("collections", "OrderedDict")
        self.out += b"]"
        self.put()
        self.out += b"("
        for name, key in names_and_keys:
            self.out += b"]"
            self.put()
            self.out += b"("
            self.str_(name)
            self.str_(str(key))
            self.out += b"Qe"
        self.out += b"e\x85"
        self.put()
        self.out += b"R"
        self.put()

    def done(self):
        return bytes(self.out + b".")


class Py3Pickler(pickle.Pickler):
    """Python 3's own pickle for the same layout: tensors become persistent ids."""

    def __init__(self, f, keys):
        super().__init__(f, protocol=2)
        self.keys = keys

    def persistent_id(self, obj):
        return str(self.keys[id(obj)]) if torch.is_tensor(obj) else None


def dumps(value, style):
    if style == "py3":
        return pickle.dumps(value, protocol=2)
    p = Py2Pickle()
    p.value(value)
    return p.done()


def storage_type_name(dtype):
    return {torch.float32: "FloatStorage", torch.int64: "LongStorage", torch.float64: "DoubleStorage"}[dtype]


def write_tar_container(path, state, style):
    """`state`: an OrderedDict of name -> tensor; tensors sharing a storage keep sharing it."""
    storage_keys, storages, tensor_keys = {}, [], {}
    for i, t in enumerate(state.values()):
        s = t.untyped_storage() if hasattr(t, "untyped_storage") else t.storage()
        ptr = s.data_ptr()
        if ptr not in storage_keys:
            storage_keys[ptr] = 94_000_000_000_000 + 4096 * len(storage_keys)
            storages.append((storage_keys[ptr], t))
        tensor_keys[id(t)] = (93_000_000_000_000 + 64 * i, storage_keys[ptr])

    def typename(kind, dtype):
        return ("global", ("torch", storage_type_name(dtype).replace("Storage", kind)))

    def g(kind, dtype):  # a class object for Python's pickle, a GLOBAL for the hand-made one
        name = storage_type_name(dtype).replace("Storage", kind)
        return getattr(torch, name) if style == "py3" else typename(kind, dtype)

    members = {}
    members["sys_info"] = dumps({"protocol_version": 1001, "little_endian": True,
                                 "type_sizes": {"short": 2, "int": 4, "long": 8}}, style)
    if style == "py3":
        buf = io.BytesIO()
        Py3Pickler(buf, {id(t): tensor_keys[id(t)][0] for t in state.values()}).dump(state)
        members["pickle"] = buf.getvalue()
    else:
        p = Py2Pickle()
        p.state_dict([(name, tensor_keys[id(t)][0]) for name, t in state.items()])
        members["pickle"] = p.done()
    tensors = bytearray(dumps(len(state), style))
    for t in state.values():
        key, skey = tensor_keys[id(t)]
        tensors += dumps((key, skey, g("Tensor", t.dtype)), style)
        tensors += struct.pack("<iI", t.dim(), 0)
        tensors += struct.pack(f"<{t.dim()}q", *t.shape) + struct.pack(f"<{t.dim()}q", *t.stride())
        tensors += struct.pack("<q", t.storage_offset())
    members["tensors"] = bytes(tensors)
    data = bytearray(dumps(len(storages), style))
    for key, t in storages:
        whole = torch.tensor([], dtype=t.dtype).set_(t.storage())  # every element of the storage
        data += dumps((key, "cpu", g("Storage", t.dtype)), style)
        data += struct.pack("<q", whole.numel()) + whole.contiguous().numpy().tobytes()
    data += dumps([], style)
    members["storages"] = bytes(data)

    with tarfile.open(path, "w:", format=tarfile.PAX_FORMAT) as tar, tempfile.TemporaryDirectory() as tmp:
        for name in ["sys_info", "pickle", "tensors", "storages"]:  # torch's order
            with open(os.path.join(tmp, name), "wb") as f:
                f.write(members[name])
            tar.add(os.path.join(tmp, name), arcname=name)


def check_tar_container(path, state):
    """Python's torch.load must read the file back exactly, or the file is not what torch read."""
    assert tarfile.is_tarfile(path), path
    loaded = torch.load(path)
    assert type(loaded) is OrderedDict and list(loaded) == list(state), (path, list(loaded))
    for name, t in state.items():
        back = loaded[name]
        assert back.dtype == t.dtype and back.shape == t.shape and back.stride() == t.stride(), (path, name)
        assert back.storage_offset() == t.storage_offset() and torch.equal(back, t), (path, name)
    # Python's reading, saved in the zip container for the C++ test to compare with.
    torch.save(loaded, path[:-4] + "_by_python.pth")


def make_tar_containers(out, sd):
    # The seed weights as torchvision's first files held them: no num_batches_tracked buffers.
    old = OrderedDict((k, v) for k, v in sd.items() if not k.endswith("num_batches_tracked"))
    write_tar_container(f"{out}/tar_py2.pth", old, "py2")
    check_tar_container(f"{out}/tar_py2.pth", old)
    # A small file with shared storages, a transposed view, an offset and an int64 tensor.
    base = torch.arange(24, dtype=torch.float32) / 7
    small = OrderedDict([("a", base[:12].view(3, 4)), ("b", base[:12].view(3, 4).t()),
                         ("c", base[5:11]), ("d", torch.tensor([3, -2, 7], dtype=torch.int64)),
                         ("e", torch.randn(2, 3, 2, generator=torch.Generator().manual_seed(4)).double())])
    write_tar_container(f"{out}/tar_py3.pth", small, "py3")
    check_tar_container(f"{out}/tar_py3.pth", small)


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
