#!/usr/bin/env python3
"""The Python side of EngineStep: one training step of torchvision's resnet18 on one in-memory
batch with PyTorch's AdamW (fastai's Adam hyper-parameters: betas (0.9, 0.99), eps 1e-5,
decoupled weight decay 0.01 on weights only), timed per step.

usage: torch_step.py [--bs 128] [--channels 3] [--size 28] [--classes 10] [--steps 30]
                     [--warmup 5] [--threads N] [--interop N] [--profile TRACE.json]
Prints 'JSON {...}' with the median step time and images/s.
"""
import argparse, json, time
import torch, torch.nn.functional as F, torchvision

p = argparse.ArgumentParser()
p.add_argument('--bs', type=int, default=128); p.add_argument('--channels', type=int, default=3)
p.add_argument('--size', type=int, default=28); p.add_argument('--classes', type=int, default=10)
p.add_argument('--steps', type=int, default=30); p.add_argument('--warmup', type=int, default=5)
p.add_argument('--threads', type=int, default=0); p.add_argument('--interop', type=int, default=0)
p.add_argument('--profile', default=None)
a = p.parse_args()
if a.interop:
    torch.set_num_interop_threads(a.interop)
if a.threads:
    torch.set_num_threads(a.threads)
torch.manual_seed(0)
model = torchvision.models.resnet18(num_classes=a.classes)
if a.channels != 3:
    model.conv1 = torch.nn.Conv2d(a.channels, 64, 7, 2, 3, bias=False)
model.train()
decay = [p_ for n, p_ in model.named_parameters() if p_.ndim > 1]
no_decay = [p_ for n, p_ in model.named_parameters() if p_.ndim <= 1]
opt = torch.optim.AdamW([{'params': decay, 'weight_decay': 0.01}, {'params': no_decay, 'weight_decay': 0}],
                        lr=1e-3, betas=(0.9, 0.99), eps=1e-5)
x = torch.randn(a.bs, a.channels, a.size, a.size)
y = torch.randint(0, a.classes, (a.bs,))

def step():
    out = model(x)
    loss = F.cross_entropy(out, y)
    loss.backward()
    opt.step()
    opt.zero_grad()
    return loss.item()

for _ in range(a.warmup):
    step()
times = []
for _ in range(a.steps):
    t = time.perf_counter(); step(); times.append(time.perf_counter() - t)
if a.profile:
    with torch.autograd.profiler.profile() as prof:
        for _ in range(5):
            step()
    prof.export_chrome_trace(a.profile)
times.sort()
med = times[len(times) // 2]
print('JSON ' + json.dumps(dict(torch=torch.__version__, step_ms=med * 1000, min_step_ms=times[0] * 1000,
                                images_per_s=a.bs / med, threads=torch.get_num_threads(),
                                interop=torch.get_num_interop_threads())))
