#!/usr/bin/env python3
"""Writes torchvision reference outputs for TorchvisionEquivalenceTest.

For alexnet, vgg11_bn, resnet18 and resnet50 (random weights, nothing downloaded) it saves one
.npz per architecture holding the state dict (torchvision names), two seeded inputs (224 and
100 px) and the backbone features torchvision computes for them in eval mode (the last linear
layer replaced by an identity). Needs torch and torchvision (e.g. Debian's python3-torchvision).

    python3 torchvision_reference.py /tmp/torchvision-reference
    ./mvnw -pl metart-models -am verify -Dtest=TorchvisionEquivalenceTest \
        -Dmetart.torchvision.dir=/tmp/torchvision-reference
"""
import os
import sys

import numpy as np
import torch
import torchvision

ARCHITECTURES = ["alexnet", "vgg11_bn", "resnet18", "resnet50"]
SIZES = [224, 100]


def main(out):
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(0)
    for arch in ARCHITECTURES:
        model = getattr(torchvision.models, arch)(weights=None)
        for module in model.modules():
            if isinstance(module, torch.nn.BatchNorm2d):  # non-trivial statistics
                module.running_mean.uniform_(-0.5, 0.5)
                module.running_var.uniform_(0.5, 2.0)
                module.weight.data.uniform_(0.5, 1.5)
                module.bias.data.uniform_(-0.2, 0.2)
        if hasattr(model, "fc"):
            model.fc = torch.nn.Identity()
        else:
            model.classifier[6] = torch.nn.Identity()
        model.eval()
        arrays = {name: value.numpy() for name, value in model.state_dict().items()}
        for size in SIZES:
            x = torch.randn(1, 3, size, size)
            with torch.no_grad():
                arrays[f"reference_input_{size}"] = x.numpy()
                arrays[f"reference_features_{size}"] = model(x).numpy()
        np.savez(os.path.join(out, f"{arch}.npz"), **arrays)
        print(f"{arch}: {len(arrays)} arrays (torch {torch.__version__}, torchvision {torchvision.__version__})")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "torchvision-reference")
