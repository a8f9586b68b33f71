"""Reference numbers for fastai4j's optimizers, re-deriving fastai 2.7.13's optimizer.py update
rules with plain torch (fastai is not installed here). Run with Debian's python3 (torch 1.13):

    /usr/bin/python3 reference.py > reference.json

Each case: a float32 parameter p0, a gradient per step (the test obtains it by backward of
sum(p * g)), the hyper-parameters, and p after every step.
"""
import json
import math

import torch
import torch.nn.functional as F


def debias(mom, damp, step):
    return damp * (1 - mom ** step) / (1 - mom)


def run(case_name, steppers, hyper, p0, grads, lookahead=None, do_wd=True):
    p = torch.tensor(p0, dtype=torch.float32)
    state = {}
    out = []
    slow, count = None, 0
    for g in grads:
        grad = torch.tensor(g, dtype=torch.float32)
        if lookahead and slow is None:
            slow = p.clone()
        for s in steppers:
            s(p, grad, state, hyper, do_wd)
        if lookahead:
            count += 1
            k, alpha = lookahead
            if count % k == 0:
                slow.add_(p - slow, alpha=alpha)
                p.copy_(slow)
        out.append(p.tolist())
    return {"name": case_name, "hyper": hyper, "doWd": do_wd, "p0": p0, "grads": grads, "expected": out}


# fastai's callbacks, re-derived
def weight_decay(p, g, st, h, do_wd):
    if do_wd and h["wd"] != 0:
        p.mul_(1 - h["lr"] * h["wd"])


def l2_reg(p, g, st, h, do_wd):
    if do_wd and h["wd"] != 0:
        g.add_(p, alpha=h["wd"])


def average_grad(dampening):
    def f(p, g, st, h, do_wd):
        if "grad_avg" not in st:
            st["grad_avg"] = torch.zeros_like(g)
        damp = 1 - h["mom"] if dampening else 1.
        st["grad_avg"].mul_(h["mom"]).add_(g, alpha=damp)
    return f


def average_sqr_grad(p, g, st, h, do_wd):
    if "sqr_avg" not in st:
        st["sqr_avg"] = torch.zeros_like(g)
    st["sqr_avg"].mul_(h["sqr_mom"]).addcmul_(g, g, value=1 - h["sqr_mom"])


def step_stat(p, g, st, h, do_wd):
    st["step"] = st.get("step", 0) + 1


def sgd_step(p, g, st, h, do_wd):
    p.add_(g, alpha=-h["lr"])


def momentum_step(p, g, st, h, do_wd):
    p.add_(st["grad_avg"], alpha=-h["lr"])


def rms_prop_step(p, g, st, h, do_wd):
    denom = st["sqr_avg"].sqrt().add_(h["eps"])
    p.addcdiv_(st.get("grad_avg", g), denom, value=-h["lr"])


def adam_step(p, g, st, h, do_wd):
    d1 = debias(h["mom"], 1 - h["mom"], st["step"])
    d2 = debias(h["sqr_mom"], 1 - h["sqr_mom"], st["step"])
    p.addcdiv_(st["grad_avg"], (st["sqr_avg"] / d2).sqrt() + h["eps"], value=-h["lr"] / d1)


def radam_step(p, g, st, h, do_wd):
    step, mom, sqr_mom = st["step"], h["mom"], h["sqr_mom"]
    d1 = debias(mom, 1 - mom, step)
    d2 = debias(sqr_mom, 1 - sqr_mom, step)
    r_inf = 2 / (1 - sqr_mom) - 1
    r = r_inf - 2 * step * sqr_mom ** step / (1 - sqr_mom ** step)
    if r > 5:
        v = math.sqrt(((r - 4) * (r - 2) * r_inf) / ((r_inf - 4) * (r_inf - 2) * r))
        denom = (st["sqr_avg"] / d2).sqrt()
        if h["eps"]:
            denom += h["eps"]
        if h["beta"]:
            denom = F.softplus(denom, h["beta"])
        p.addcdiv_(st["grad_avg"], denom, value=-h["lr"] * v / d1)
    else:
        p.add_(st["grad_avg"], alpha=-h["lr"] / d1)


def lamb_step(p, g, st, h, do_wd):
    d1 = debias(h["mom"], 1 - h["mom"], st["step"])
    d2 = debias(h["sqr_mom"], 1 - h["sqr_mom"], st["step"])
    r1 = p.pow(2).mean().sqrt()
    s = (st["grad_avg"] / d1) / ((st["sqr_avg"] / d2).sqrt() + h["eps"])
    r2 = s.pow(2).mean().sqrt()
    q = 1 if r1 == 0 or r2 == 0 else min(r1 / r2, 10)
    p.add_(s, alpha=-h["lr"] * q)


P0 = [1.0, -2.0, 3.0, 0.5]
GRADS = [[0.1 * (i + 1), -0.3, 0.05 * (i - 3), 1.0 - 0.2 * i] for i in range(7)]

cases = [
    run("adam", [weight_decay, average_grad(True), average_sqr_grad, step_stat, adam_step],
        dict(lr=0.1, mom=0.9, sqr_mom=0.99, eps=1e-5, wd=0.01), P0, GRADS),
    run("adam_no_wd", [weight_decay, average_grad(True), average_sqr_grad, step_stat, adam_step],
        dict(lr=0.1, mom=0.9, sqr_mom=0.99, eps=1e-5, wd=0.01), P0, GRADS, do_wd=False),
    run("adam_l2", [l2_reg, average_grad(True), average_sqr_grad, step_stat, adam_step],
        dict(lr=0.1, mom=0.9, sqr_mom=0.99, eps=1e-5, wd=0.01), P0, GRADS),
    run("sgd", [weight_decay, sgd_step], dict(lr=0.1, mom=0.0, wd=0.0), P0, GRADS),
    run("sgd_mom", [weight_decay, average_grad(False), momentum_step],
        dict(lr=0.1, mom=0.9, wd=0.1), P0, GRADS),
    run("rmsprop", [weight_decay, average_sqr_grad, rms_prop_step],
        dict(lr=0.01, mom=0.0, sqr_mom=0.99, eps=1e-8, wd=0.0), P0, GRADS),
    run("rmsprop_mom", [weight_decay, average_grad(False), average_sqr_grad, rms_prop_step],
        dict(lr=0.01, mom=0.9, sqr_mom=0.99, eps=1e-8, wd=0.0), P0, GRADS),
    # sqr_mom 0.9: r_inf = 19, r > 5 from step 5 on, so both branches are exercised
    run("radam", [weight_decay, average_grad(True), average_sqr_grad, step_stat, radam_step],
        dict(lr=0.1, mom=0.9, sqr_mom=0.9, eps=1e-5, wd=0.0, beta=0.0), P0, GRADS),
    run("radam_beta", [weight_decay, average_grad(True), average_sqr_grad, step_stat, radam_step],
        dict(lr=0.1, mom=0.9, sqr_mom=0.9, eps=1e-5, wd=0.0, beta=2.0), P0, GRADS),
    run("lamb", [weight_decay, average_grad(True), average_sqr_grad, step_stat, lamb_step],
        dict(lr=0.1, mom=0.9, sqr_mom=0.99, eps=1e-5, wd=0.0), P0, GRADS),
    # ranger: Lookahead(RAdam(mom=0.95, wd=0.01, eps=1e-6), k=6, alpha=0.5); sqr_mom 0.9 so RAdam rectifies
    run("ranger", [weight_decay, average_grad(True), average_sqr_grad, step_stat, radam_step],
        dict(lr=0.1, mom=0.95, sqr_mom=0.9, eps=1e-6, wd=0.01, beta=0.0), P0, GRADS, lookahead=(6, 0.5)),
]

print(json.dumps({"cases": cases}, indent=1))
