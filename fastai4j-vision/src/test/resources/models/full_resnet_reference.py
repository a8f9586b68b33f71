#!/usr/bin/python3
"""Writes a torchvision ResNet's random-init weights, a random batch and its eval-mode output.

Usage: /usr/bin/python3 full_resnet_reference.py <arch> <out_dir>
Writes <out_dir>/<arch>.pth (torch.save of the state dict) and <out_dir>/<arch>_io.pth
(OrderedDict input, output). Used by FullResNetParityTest (skipped where torch is absent).
"""
import sys
from collections import OrderedDict

import torch
import torchvision

arch, out = sys.argv[1], sys.argv[2]
torch.manual_seed(1)
m = getattr(torchvision.models, arch)(weights=None).eval()
with torch.no_grad():
    # non-trivial BatchNorm affine parameters, and running statistics calibrated on random batches
    # (cumulative averages) so that eval-mode activations keep a trained network's scale
    for mod in m.modules():
        if isinstance(mod, torch.nn.BatchNorm2d):
            mod.weight.uniform_(0.5, 1.5)
            mod.bias.uniform_(-0.2, 0.2)
            mod.reset_running_stats()
            mod.momentum = None
    m.train()
    for _ in range(2):
        m(torch.randn(8, 3, 64, 64))
    m.eval()
    x = torch.randn(2, 3, 64, 64)
    y = m(x)
torch.save(m.state_dict(), f"{out}/{arch}.pth")
torch.save(OrderedDict(input=x, output=y), f"{out}/{arch}_io.pth")
