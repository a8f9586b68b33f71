"""Generates losses.json: reference values for fastai4j's losses, computed with torch 1.13.

Run with Debian's python (it has torch): /usr/bin/python3 make_losses.py > losses.json
Each case mirrors fastai 2.7.13 (fastai/losses.py): BaseLoss swaps the class axis with the last
one (x.transpose(axis, -1)) on input and target, flattens (view(-1, C) or view(-1)), then calls
the torch loss. Per-item losses are what fastai's get_preds(with_loss=True) keeps: the
reduction='none' values, or loss.view(bs, -1).mean(1) when an item has several.
"""
import json
import torch
import torch.nn.functional as F

torch.manual_seed(0)


def flat(inp, targ, axis, is_2d):
    inp = inp.transpose(axis, -1).contiguous()
    if targ.dim() > 1:
        targ = targ.transpose(axis, -1).contiguous()
    inp = inp.view(-1, inp.shape[-1]) if is_2d else inp.view(-1)
    return inp, targ.view(-1)


def per_item(loss, bs):
    return loss if loss.numel() == bs else loss.view(bs, -1).mean(1)


def ce(inp, targ, weight=None, ignore_index=-100, reduction='mean'):
    return F.cross_entropy(inp, targ, weight=weight, ignore_index=ignore_index, reduction=reduction)


def label_smoothing(output, target, eps, weight=None, reduction='mean'):
    # fastai's LabelSmoothingCrossEntropy.forward, formula for formula
    c = output.size()[1]
    log_preds = F.log_softmax(output, dim=1)
    loss = -log_preds.sum(dim=1)
    if reduction == 'mean':
        loss = loss.mean()
    return loss * eps / c + (1 - eps) * F.nll_loss(log_preds, target.long(), weight=weight, reduction=reduction)


def focal(inp, targ, gamma, weight=None, reduction='mean'):
    # fastai's FocalLoss.forward, formula for formula
    ce_loss = F.cross_entropy(inp, targ, weight=weight, reduction="none")
    p_t = torch.exp(-ce_loss)
    loss = (1 - p_t) ** gamma * ce_loss
    return loss.mean() if reduction == 'mean' else loss


cases = []


def add(name, loss, params, pred, targ, fn, is_2d, axis=-1, grad=False):
    bs = targ.shape[0]
    pred = pred.clone().requires_grad_(grad)
    i, t = flat(pred, targ, axis, is_2d)
    mean = fn(i, t, 'mean')
    none = fn(i.detach(), t, 'none')
    case = dict(name=name, loss=loss, params=params,
                pred=pred.detach().reshape(-1).tolist(), predShape=list(pred.shape),
                target=targ.reshape(-1).tolist(), targetShape=list(targ.shape),
                targetFloat=targ.is_floating_point(),
                mean=mean.item(), perItem=per_item(none, bs).tolist())
    if grad:
        mean.backward()
        case['grad'] = pred.grad.reshape(-1).tolist()
    cases.append(case)


logits = torch.randn(6, 4) * 2
y = torch.tensor([0, 3, 1, 1, 2, 0])
w = torch.tensor([0.5, 2.0, 1.0, 3.0])

add('ce plain', 'ce', {}, logits, y, lambda i, t, r: ce(i, t, reduction=r), True, grad=True)
add('ce weighted', 'ce', {'weight': w.tolist()}, logits, y,
    lambda i, t, r: ce(i, t, weight=w, reduction=r), True, grad=True)
y_ign = torch.tensor([0, -100, 1, 1, -100, 0])
add('ce ignore -100', 'ce', {}, logits, y_ign, lambda i, t, r: ce(i, t, reduction=r), True)
add('ce weighted ignore 1', 'ce', {'weight': w.tolist(), 'ignoreIndex': 1}, logits, y,
    lambda i, t, r: ce(i, t, weight=w, ignore_index=1, reduction=r), True, grad=True)
big = torch.tensor([[1000., 0., -1000.], [-500., 500., 0.], [0., 0., 0.]])
add('ce extreme logits', 'ce', {}, big, torch.tensor([2, 1, 0]), lambda i, t, r: ce(i, t, reduction=r), True)
seg = torch.randn(2, 3, 2, 2)
seg_y = torch.randint(0, 3, (2, 2, 2))
add('ce axis 1 segmentation', 'ce', {'axis': 1}, seg, seg_y, lambda i, t, r: ce(i, t, reduction=r), True, axis=1)

add('label smoothing 0.1', 'ls', {'eps': 0.1}, logits, y,
    lambda i, t, r: label_smoothing(i, t, 0.1, reduction=r), True, grad=True)
add('label smoothing 0.3 weighted', 'ls', {'eps': 0.3, 'weight': w.tolist()}, logits, y,
    lambda i, t, r: label_smoothing(i, t, 0.3, weight=w, reduction=r), True)

add('focal gamma 2', 'focal', {'gamma': 2.0}, logits, y, lambda i, t, r: focal(i, t, 2.0, reduction=r), True,
    grad=True)
add('focal gamma 0 is ce', 'focal', {'gamma': 0.0}, logits, y, lambda i, t, r: focal(i, t, 0.0, reduction=r), True)
add('focal gamma 1.5 weighted', 'focal', {'gamma': 1.5, 'weight': w.tolist()}, logits, y,
    lambda i, t, r: focal(i, t, 1.5, weight=w, reduction=r), True)

ml = torch.randn(4, 3) * 3
ml[0, 0] = 40.0
ml[1, 1] = -40.0
ml_y = torch.tensor([[1., 0., 1.], [0., 1., 0.], [1., 1., 0.], [0., 0., 0.]])
add('bce with logits', 'bce', {}, ml, ml_y,
    lambda i, t, r: F.binary_cross_entropy_with_logits(i, t.float(), reduction=r), False, grad=True)

reg = torch.randn(5, 1)
reg_y = torch.randn(5)
add('mse (5,1) vs (5,)', 'mse', {}, reg, reg_y, lambda i, t, r: F.mse_loss(i, t.float(), reduction=r), False,
    grad=True)
add('l1 (5,1) vs (5,)', 'l1', {}, reg, reg_y, lambda i, t, r: F.l1_loss(i, t.float(), reduction=r), False)
reg2 = torch.randn(3, 2)
reg2_y = torch.randn(3, 2)
add('mse two outputs', 'mse', {}, reg2, reg2_y, lambda i, t, r: F.mse_loss(i, t, reduction=r), False)

print(json.dumps({'generator': 'make_losses.py, torch ' + torch.__version__, 'cases': cases}, indent=1))
