#!/usr/bin/env python3
"""Reference Grad-CAM, Grad-CAM++ and LayerCAM maps for the C++ parity test.

Re-implements pytorch-grad-cam's algorithm (base_cam.py, grad_cam.py, grad_cam_plusplus.py,
layer_cam.py, utils/image.py:scale_cam_image) with forward/backward hooks on a torchvision
resnet18, in numpy float32 like the library, and cv2.resize(INTER_LINEAR) written out in numpy
(cv2 is not a test dependency). Writes into OUT_DIR:
  weights.pth      the network's state dict (torch.save, read by the C++ state-dict reader)
  input.bin        float32 [N,3,S,S], the normalised input batch
  cases.json       one entry per (method, layer, target): shapes, targets, logits, files
  <case>_grid.bin  float32 [N,h,w]: the normalised map at the layer's resolution
  <case>_map.bin   float32 [N,S,S]: the final map, pytorch-grad-cam's return value
Usage: gradcam_reference.py OUT_DIR [--size 224] [--batch 2] [--model-seed 0] [--input-seed 1]
"""
import argparse
import json
import os

import numpy as np
import torch
import torchvision


def make_model(seed=0):
    torch.manual_seed(seed)
    model = torchvision.models.resnet18(num_classes=2)
    # Batch-norm statistics of a real batch, so activations keep a realistic scale through the
    # 18 layers: a cumulative average (momentum None) over one batch equals its statistics.
    for m in model.modules():
        if isinstance(m, torch.nn.BatchNorm2d):
            m.momentum = None
    model.train()
    with torch.no_grad():
        model(torch.randn(8, 3, 64, 64))
    model.eval()
    return model


def make_input(n, size, seed=1):
    g = torch.Generator().manual_seed(seed)
    yy, xx = torch.meshgrid(torch.arange(size, dtype=torch.float32),
                            torch.arange(size, dtype=torch.float32), indexing="ij")
    images = []
    for i in range(n):
        img = 0.25 + 0.05 * torch.rand(size, size, generator=g)
        for b in range(2 + i):
            cx, cy = (torch.rand(2, generator=g) * 0.6 + 0.2) * size
            r = size * (0.05 + 0.1 * float(torch.rand(1, generator=g)))
            img += 0.6 * torch.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * r * r))
        img = img.clamp(0, 1)
        mean = torch.tensor([0.485, 0.456, 0.406]).view(3, 1, 1)
        std = torch.tensor([0.229, 0.224, 0.225]).view(3, 1, 1)
        images.append((img.unsqueeze(0).expand(3, size, size) - mean) / std)
    return torch.stack(images).contiguous()


class ActivationsAndGradients:
    """pytorch-grad-cam's activations_and_gradients.py: a forward hook keeps the layer's
    output and a tensor hook on it keeps the gradient flowing back."""

    def __init__(self, model, layer):
        self.model = model
        self.activations = None
        self.gradients = None
        self.handle = layer.register_forward_hook(self.save)

    def save(self, module, inputs, output):
        self.activations = output.cpu().detach()

        def store_grad(grad):
            self.gradients = grad.cpu().detach()

        output.register_hook(store_grad)

    def __call__(self, x):
        return self.model(x)


def cv2_resize_linear(img, width, height):
    """cv2.resize(img, (width, height)) with INTER_LINEAR on float32: half-pixel centres,
    coordinates clamped at the borders."""
    def axis(out_len, in_len):
        scale = in_len / out_len
        f = (np.arange(out_len, dtype=np.float64) + 0.5) * scale - 0.5
        s = np.floor(f).astype(np.int64)
        f = (f - s).astype(np.float32)
        low = s < 0
        f[low], s[low] = 0, 0
        high = s >= in_len - 1
        f[high], s[high] = 0, in_len - 1
        s1 = np.minimum(s + 1, in_len - 1)
        return s, s1, f
    ys0, ys1, fy = axis(height, img.shape[0])
    xs0, xs1, fx = axis(width, img.shape[1])
    rows = img[ys0, :] * (1 - fy)[:, None] + img[ys1, :] * fy[:, None]
    return (rows[:, xs0] * (1 - fx)[None, :] + rows[:, xs1] * fx[None, :]).astype(np.float32)


def scale_cam_image(cam, target_size=None):
    result = []
    for img in cam:
        img = img - np.min(img)
        img = img / (1e-7 + np.max(img))
        if target_size is not None:
            img = cv2_resize_linear(img, *target_size)
        result.append(img)
    return np.float32(result)


def cam_image(method, activations, grads):
    if method == "layercam":
        return (np.maximum(grads, 0) * activations).sum(axis=1)
    if method == "gradcam":
        weights = np.mean(grads, axis=(2, 3))
    else:  # gradcam++
        grads_power_2 = grads ** 2
        grads_power_3 = grads_power_2 * grads
        sum_activations = np.sum(activations, axis=(2, 3))
        eps = 0.000001
        aij = grads_power_2 / (2 * grads_power_2 + sum_activations[:, :, None, None] * grads_power_3 + eps)
        aij = np.where(grads != 0, aij, 0)
        weights = np.maximum(grads, 0) * aij
        weights = np.sum(weights, axis=(2, 3))
    return (weights[:, :, None, None] * activations).sum(axis=1)


def run_cam(model, layer, method, x, target):
    hooks = ActivationsAndGradients(model, getattr(model, layer))
    outputs = hooks(x)
    if target is None:
        targets = list(np.argmax(outputs.cpu().data.numpy(), axis=-1))
    else:
        targets = [target] * x.shape[0]
    model.zero_grad()
    loss = sum([output[t] for t, output in zip(targets, outputs)])
    loss.backward(retain_graph=True)
    hooks.handle.remove()
    activations = hooks.activations.numpy()
    grads = hooks.gradients.numpy()
    cam = np.maximum(cam_image(method, activations, grads), 0)
    grid = scale_cam_image(cam)
    scaled = scale_cam_image(cam, (x.shape[-1], x.shape[-2]))
    # aggregate_multi_layers with one target layer
    final = scale_cam_image(np.mean(np.maximum(scaled[:, None, :], 0), axis=1))
    return [int(t) for t in targets], outputs.detach().numpy(), grid, final


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out_dir")
    parser.add_argument("--size", type=int, default=224)
    parser.add_argument("--batch", type=int, default=2)
    parser.add_argument("--model-seed", type=int, default=0)
    parser.add_argument("--input-seed", type=int, default=1)
    args = parser.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)
    torch.set_num_threads(2)

    model = make_model(args.model_seed)
    torch.save(model.state_dict(), os.path.join(args.out_dir, "weights.pth"))
    x = make_input(args.batch, args.size, args.input_seed)
    x.numpy().astype("<f4").tofile(os.path.join(args.out_dir, "input.bin"))

    cases = []
    for layer in ("layer4", "layer3"):
        for method in ("gradcam", "gradcam++", "layercam"):
            for target in (None, 1):
                name = "%s_%s_%s" % (method.replace("+", "p"), layer, "argmax" if target is None else target)
                targets, logits, grid, final = run_cam(model, layer, method, x, target)
                grid.astype("<f4").tofile(os.path.join(args.out_dir, name + "_grid.bin"))
                final.astype("<f4").tofile(os.path.join(args.out_dir, name + "_map.bin"))
                cases.append({"name": name, "method": method, "layer": layer,
                              "target": -1 if target is None else target, "targets": targets,
                              "logits": logits.tolist(), "grid_shape": list(grid.shape),
                              "map_shape": list(final.shape)})
    with open(os.path.join(args.out_dir, "cases.json"), "w") as f:
        json.dump({"size": args.size, "batch": args.batch, "cases": cases}, f, indent=1)


if __name__ == "__main__":
    main()
