"""Generates one_cycle.json, fine_tune.json, lr_find.json: real fastai 2.7.13 runs that the Java
loop must reproduce (FastaiReferenceTest).

Run with Debian's python and fastai laid out as ../../../../../../shared/peer/README.md says:
    PYTHONPATH=PEER_DEST /usr/bin/python3 make_fit_reference.py
Data: 64 training and 32 validation 2-D points (numpy seed 0), class 1 when x0 + 0.5*x1 > 0,
12 training labels flipped. Model: nn.Linear(2, 2) with the initial weights written to the file.
Training: fastai defaults (Adam, wd 0.01 decoupled, no wd on biases), CrossEntropyLossFlat,
accuracy, training loader in order (shuffle=False, drop_last=True, bs 16), fit_one_cycle(2, 0.05).
Recorded: recorder.lrs, recorder.hps['mom'], recorder.losses (smoothed), recorder.values, and
the final weights.
"""
import json
import numpy as np
import torch
from torch import nn
from fastai.basics import Learner, DataLoaders, CrossEntropyLossFlat, accuracy
from fastai.data.load import DataLoader
import fastai.callback.schedule  # noqa: F401 (adds fit_one_cycle)
import fastai.callback.core

rng = np.random.RandomState(0)
def points(n):
    x = rng.uniform(-1, 1, size=(n, 2)).astype(np.float32)
    y = (x[:, 0] + 0.5 * x[:, 1] > 0).astype(np.int64)
    return x, y
xt, yt = points(64)
flip = rng.choice(64, 12, replace=False)
yt[flip] = 1 - yt[flip]
xv, yv = points(32)

torch.manual_seed(0)
model = nn.Linear(2, 2)
w0 = model.weight.detach().numpy().copy()
b0 = model.bias.detach().numpy().copy()

train = DataLoader(list(zip(torch.tensor(xt), torch.tensor(yt))), bs=16, shuffle=False, drop_last=True)
valid = DataLoader(list(zip(torch.tensor(xv), torch.tensor(yv))), bs=16, shuffle=False)
dls = DataLoaders(train, valid, device='cpu')
learn = Learner(dls, model, loss_func=CrossEntropyLossFlat(), metrics=accuracy)
learn.fit_one_cycle(2, 0.05)
rec = learn.recorder
out = {
    'x_train': xt.tolist(), 'y_train': yt.tolist(), 'x_valid': xv.tolist(), 'y_valid': yv.tolist(),
    'weight0': w0.tolist(), 'bias0': b0.tolist(),
    'lrs': [float(v) for v in rec.lrs], 'moms': [float(v) for v in rec.hps['mom']],
    'smooth_losses': [float(v) for v in rec.losses],
    'values': [[float(v) for v in row] for row in rec.values],
    'metric_names': list(rec.metric_names),
    'weight': model.weight.detach().numpy().tolist(), 'bias': model.bias.detach().numpy().tolist(),
}
json.dump(out, open('one_cycle.json', 'w'), indent=1)
print(out['metric_names'], out['values'])

# ---- fine_tune(1) on a two-group model (body Linear(2,8)+ReLU, head Linear(8,2)), fastai defaults
from fastai.callback.schedule import SuggestionMethod
torch.manual_seed(1)
net = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 2))
init = {k: v.detach().numpy().tolist() for k, v in net.state_dict().items()}
learn = Learner(dls, net, loss_func=CrossEntropyLossFlat(), metrics=accuracy,
                splitter=lambda m: [list(m[0].parameters()), list(m[2].parameters())])
class LrLog(fastai.callback.core.Callback):
    order = 70
    def before_fit(self): self.rows = []; self.learn.ft_log.append(self.rows)
    def after_step(self): self.rows.append([h['lr'] for h in self.opt.hypers])
learn.ft_log = []
learn.fine_tune(1, cbs=LrLog())
rec = learn.recorder
json.dump({'init': init, 'lrs_per_fit': learn.ft_log,
           'smooth_losses': [float(v) for v in rec.losses],
           'values': [[float(v) for v in row] for row in rec.values],
           'final': {k: v.detach().numpy().tolist() for k, v in net.state_dict().items()}},
          open('fine_tune.json', 'w'), indent=1)

# ---- lr_find(1e-4, 10, 30) on the linear model, weights restored after
torch.manual_seed(2)
lin = nn.Linear(2, 2)
init = {k: v.detach().numpy().tolist() for k, v in lin.state_dict().items()}
learn = Learner(dls, lin, loss_func=CrossEntropyLossFlat())
res = learn.lr_find(1e-4, 10, 30, show_plot=False, suggest_funcs=(SuggestionMethod.Valley, SuggestionMethod.Slide,
                    SuggestionMethod.Minimum, SuggestionMethod.Steep))
rec = learn.recorder
json.dump({'init': init, 'lrs': [float(v) for v in rec.lrs], 'losses': [float(v) for v in rec.losses],
           'valley': res.valley, 'slide': res.slide, 'minimum': res.minimum, 'steep': res.steep,
           'after': {k: v.detach().numpy().tolist() for k, v in lin.state_dict().items()}},
          open('lr_find.json', 'w'), indent=1)
import shutil; shutil.rmtree('models', ignore_errors=True)  # lr_find's temporary folder
print('fine_tune and lr_find written')
