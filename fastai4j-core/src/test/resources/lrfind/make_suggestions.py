"""Generates suggestions.json: fastai 2.7.13's own valley/slide/minimum/steep on fixed curves.

Run with Debian's python (torch + numpy):  /usr/bin/python3 make_suggestions.py FASTAI_SRC
FASTAI_SRC is a fastai 2.7.13 checkout (e.g. a checkout fetched beside the repository). The four functions are read
from fastai/callback/schedule.py and executed as they are (nothing of fastai is copied here),
on the curves below, sliced as lr_find does: lrs/losses[num_it//10:-5] as float32 tensors.
"""
import ast, json, math, sys
import numpy as np
import torch

src = open(sys.argv[1] + '/fastai/callback/schedule.py').read()
tree = ast.parse(src)
ns = {'np': np, 'torch': torch, 'to_np': lambda t: t.numpy() if isinstance(t, torch.Tensor) else np.asarray(t)}
for node in tree.body:
    if isinstance(node, ast.FunctionDef) and node.name in ('valley', 'slide', 'minimum', 'steep'):
        node.returns = None
        for a in node.args.args:
            a.annotation = None
        exec(compile(ast.Module(body=[node], type_ignores=[]), 'schedule.py', 'exec'), ns)

def curve(kind, num_it):
    lrs = [1e-7 * (10 / 1e-7) ** (i / num_it) for i in range(num_it)]
    losses = []
    for i, lr in enumerate(lrs):
        x = math.log10(lr)
        if kind == 'bowl':
            v = 2.0 - 1.5 / (1 + math.exp(-(x + 4) * 2)) + 0.02 * math.sin(7 * i) + (0.5 * (x + 1) ** 2 if x > -1 else 0)
        elif kind == 'noisy':
            v = 1.0 + 0.3 * math.cos(x) - 0.1 * x + 0.05 * math.sin(13 * i) ** 3
        losses.append(v)
    return lrs, losses

cases = []
for kind, num_it in (('bowl', 100), ('noisy', 100), ('bowl', 60)):
    lrs, losses = curve(kind, num_it)
    t_lrs = torch.tensor(lrs[num_it // 10:-5])
    t_losses = torch.tensor(losses[num_it // 10:-5])
    res = {}
    for name in ('valley', 'slide', 'minimum', 'steep'):
        val, (plr, ploss) = ns[name](t_lrs, t_losses, num_it)
        res[name] = [float(val), float(plr), float(ploss)]
    cases.append({'kind': kind, 'num_it': num_it, 'lrs': lrs, 'losses': losses, 'expected': res})
json.dump(cases, open('suggestions.json', 'w'), indent=1)
print('wrote', len(cases), 'cases')
