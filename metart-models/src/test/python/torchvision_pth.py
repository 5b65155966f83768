#!/usr/bin/env python3
"""Writes torchvision state dicts with torch.save for TorchvisionEquivalenceTest.

For each architecture named on the command line (alexnet, vgg11, vgg11_bn, resnet18, ...) it builds
the torchvision model with random weights (nothing downloaded), gives batch norm non-trivial
statistics, narrows the fully connected layers to HIDDEN units and CLASSES outputs so that the
files stay small, and writes

  OUT/<arch>.pth          the state dict, saved with torch.save (torchvision names)
  OUT/<arch>-ref.npz      a seeded input of SIZE px, the backbone features (the input of the last
                          linear layer) and the logits torchvision computes for it in eval mode

    python3 torchvision_pth.py OUT SIZE HIDDEN CLASSES alexnet vgg11_bn resnet18
"""
import os
import sys

import numpy as np
import torch
import torchvision


def narrow(model, hidden, classes):
    if hasattr(model, "fc"):
        model.fc = torch.nn.Linear(model.fc.in_features, classes)
        return model.fc
    layers = model.classifier
    linear = [i for i, layer in enumerate(layers) if isinstance(layer, torch.nn.Linear)]
    widths = [layers[linear[0]].in_features, hidden, hidden, classes]
    for n, i in enumerate(linear):
        layers[i] = torch.nn.Linear(widths[n], widths[n + 1])
    return layers[linear[-1]]


def main(out, size, hidden, classes, architectures):
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(0)
    for arch in architectures:
        model = getattr(torchvision.models, arch)(weights=None)
        for module in model.modules():
            if isinstance(module, torch.nn.BatchNorm2d):
                module.running_mean.uniform_(-0.5, 0.5)
                module.running_var.uniform_(0.5, 2.0)
                module.weight.data.uniform_(0.5, 1.5)
                module.bias.data.uniform_(-0.2, 0.2)
        last = narrow(model, hidden, classes)
        model.eval()
        captured = {}
        last.register_forward_hook(lambda module, inputs, output: captured.update(features=inputs[0]))
        x = torch.randn(2, 3, size, size)
        with torch.no_grad():
            logits = model(x)
        torch.save(model.state_dict(), os.path.join(out, f"{arch}.pth"))
        np.savez(
            os.path.join(out, f"{arch}-ref.npz"),
            input=x.numpy(),
            features=captured["features"].numpy(),
            logits=logits.numpy(),
        )
        print(f"{arch}: torch {torch.__version__}, torchvision {torchvision.__version__}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5:])
