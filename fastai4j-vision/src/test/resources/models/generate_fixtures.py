#!/usr/bin/python3
"""Generates the model fixtures of fastai4j-vision's tests with Debian's torch 1.13 / torchvision 0.14.

Run: /usr/bin/python3 generate_fixtures.py   (in this folder)

- torchvision_resnets.json: for resnet18/34/50 (1000 classes), the state-dict names (parameters and
  buffers, without num_batches_tracked) in order with their shapes, and the parameter count
  (sum of p.numel() over model.parameters()).
- basic_block.pth / bottleneck.pth: torch.save of an OrderedDict holding a torchvision block's
  state dict (random weights and BatchNorm statistics), plus "__input__" (a random batch),
  "__output__" (the block's output in eval mode), "__train_output__" (its output in train mode,
  computed after, from the same input) and "__after.<name>" (every BatchNorm running statistic
  after that one train-mode forward).
"""
import json
from collections import OrderedDict

import torch
import torchvision
from torchvision.models.resnet import BasicBlock, Bottleneck, conv1x1

torch.manual_seed(0)

out = {}
for name in ["resnet18", "resnet34", "resnet50"]:
    m = getattr(torchvision.models, name)(weights=None)
    sd = m.state_dict()
    out[name] = {
        "parameterCount": sum(p.numel() for p in m.parameters()),
        "names": [k for k in sd if not k.endswith("num_batches_tracked")],
        "shapes": [list(v.shape) for k, v in sd.items() if not k.endswith("num_batches_tracked")],
        "trainable": [k for k, _ in m.named_parameters()],
    }
with open("torchvision_resnets.json", "w") as f:
    json.dump(out, f, indent=0)


def randomize(block):
    with torch.no_grad():
        for mod in block.modules():
            if isinstance(mod, torch.nn.BatchNorm2d):
                mod.weight.uniform_(0.5, 1.5)
                mod.bias.uniform_(-0.5, 0.5)
                mod.running_mean.uniform_(-0.5, 0.5)
                mod.running_var.uniform_(0.5, 2.0)


def save(block, x, path):
    randomize(block)
    block.eval()
    sd = OrderedDict((k, v.clone()) for k, v in block.state_dict().items())
    with torch.no_grad():
        y = block(x)
    block.train()
    with torch.no_grad():
        yt = block(x)
    d = OrderedDict(sd)
    d["__input__"] = x
    d["__output__"] = y
    d["__train_output__"] = yt
    for k, v in block.state_dict().items():
        if "running" in k:
            d["__after." + k] = v.clone()
    torch.save(d, path)


save(BasicBlock(4, 8, stride=2, downsample=torch.nn.Sequential(conv1x1(4, 8, 2), torch.nn.BatchNorm2d(8))),
     torch.randn(2, 4, 6, 6), "basic_block.pth")
save(Bottleneck(8, 4, stride=2, groups=2, base_width=64,
                downsample=torch.nn.Sequential(conv1x1(8, 16, 2), torch.nn.BatchNorm2d(16))),
     torch.randn(2, 8, 5, 5), "bottleneck.pth")
print("ok")
