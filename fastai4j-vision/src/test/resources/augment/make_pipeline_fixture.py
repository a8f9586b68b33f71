"""Generates pipeline.bin: fastai's aug_transforms pipeline for FIXED draws, written in plain torch
from fastai 2.7's formulas (vision/augment.py), since fastai itself is not installed here:
  flip_mat:   [[f,0,0],[0,1,0],[0,0,1]], f = -1 (flipped) or 1
  rotate_mat: [[cos t, sin t, 0],[-sin t, cos t, 0]], t = deg*pi/180
  zoom_mat:   s = 1/z, [[s,0,(1-s)(2c-1)],[0,s,(1-s)(2r-1)]]
  composed:   M = I @ flip @ rotate @ zoom, then _prepare_mat: M[0,1] *= h/w, M[1,0] *= w/h
  grid:       F.affine_grid(M[:, :2], align_corners=True), then the warp (_WarpCoord): the
              homography H solving H(targ_i) = orig_i (find_coeffs), applied as apply_perspective
  sample:     F.grid_sample(bilinear, reflection, align_corners=True), after F.interpolate(area)
              when fastai's _grid_sample does (case 4x3: d = min(7/3, 9/2)/2 > 1; not 3x4)
  lighting:   sigmoid((logit(x) + logit(b)) * c), logit(x) = -log(1/clamp(x,1e-7,1-1e-7) - 1)
Run with Debian's python (torch 1.13): /usr/bin/python3 make_pipeline_fixture.py
Format: as make_grid_sample_fixture.py.
"""
import math, struct, os
import torch
import torch.nn.functional as F

torch.manual_seed(1)
N, C, H, W = 3, 3, 7, 9
x = torch.rand(N, C, H, W)
# per image: flip sign, degrees, zoom, col pct, row pct, warp x_t, warp y_t, brightness b, contrast c
draws = torch.tensor([
    [-1.0, 8.5, 1.07, 0.3, 0.8, 0.15, -0.05, 0.58, 1.2],
    [1.0, -10.0, 1.0, 0.5, 0.5, 0.0, 0.18, 0.5, 0.85],
    [-1.0, 0.0, 1.1, 0.0, 1.0, -0.2, 0.2, 0.42, 1.0]], dtype=torch.float64)

def logit(v):
    v = v.clamp(1e-7, 1 - 1e-7)
    return -(1 / v - 1).log()

mats = []
for f, deg, z, col, row, *_ in draws.tolist():
    fl = torch.tensor([[f, 0, 0], [0, 1, 0], [0, 0, 1]], dtype=torch.float32)
    t = deg * math.pi / 180
    ro = torch.tensor([[math.cos(t), math.sin(t), 0], [-math.sin(t), math.cos(t), 0], [0, 0, 1]], dtype=torch.float32)
    s = 1 / z
    zo = torch.tensor([[s, 0, (1 - s) * (2 * col - 1)], [0, s, (1 - s) * (2 * row - 1)], [0, 0, 1]], dtype=torch.float32)
    mats.append(fl @ ro @ zo)
M = torch.stack(mats)
M[:, 0, 1] *= H / W
M[:, 1, 0] *= W / H

def homography(xt, yt):
    orig = [(-1, -1), (-1, 1), (1, -1), (1, 1)]
    targ = [(-1 - yt, -1 - xt), (-1 + yt, 1 + xt), (1 + yt, -1 + xt), (1 - yt, 1 - xt)]
    A, B = [], []
    for (px, py), (qx, qy) in zip(orig, targ):
        A.append([qx, qy, 1, 0, 0, 0, -px * qx, -px * qy]); B.append(px)
        A.append([0, 0, 0, qx, qy, 1, -py * qx, -py * qy]); B.append(py)
    c = torch.linalg.solve(torch.tensor(A, dtype=torch.float32), torch.tensor(B, dtype=torch.float32))
    return torch.cat([c, torch.ones(1)]).view(3, 3)

out = {"input": x, "draws": draws.float()}
def fastai_grid_sample(x, coords):
    # fastai 2.7's _grid_sample, verbatim in its arithmetic: area-resize first when d > 1 and
    # d > z. coords is N x Ho x Wo x 2, so d = min(H/Wo, W/2)/2 (fastai's expression, kept as is)
    mn, mx = coords.min(), coords.max()
    z = 1 / (mx - mn).item() * 2
    d = min(x.shape[-2] / coords.shape[-2], x.shape[-1] / coords.shape[-1]) / 2
    if d > 1 and d > z:
        x = F.interpolate(x, scale_factor=1 / d, mode="area", recompute_scale_factor=True)
    return F.grid_sample(x, coords, mode="bilinear", padding_mode="reflection", align_corners=True)

for (h, w) in ((H, W), (5, 6), (3, 4), (4, 3)):
    grid = F.affine_grid(M[:, :2], (N, C, h, w), align_corners=True).view(N, -1, 2)
    Hs = torch.stack([homography(r[5], r[6]) for r in draws.tolist()])
    g1 = grid @ Hs[:, :, :2].transpose(1, 2) + Hs[:, :, 2].unsqueeze(1)
    grid = (g1[..., :2] / g1[..., 2:]).view(N, h, w, 2)
    y = fastai_grid_sample(x, grid)
    out[f"affine_{h}x{w}"] = y
    b = draws[:, 7].float().view(N, 1, 1, 1)
    c = draws[:, 8].float().view(N, 1, 1, 1)
    out[f"lit_{h}x{w}"] = torch.sigmoid((logit(y) + logit(b)) * c)

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pipeline.bin")
with open(path + ".tmp", "wb") as f:
    f.write(struct.pack(">i", len(out)))
    for k, t in out.items():
        t = t.contiguous().float()
        nb = k.encode("utf-8")
        f.write(struct.pack(">i", len(nb))); f.write(nb)
        f.write(struct.pack(">i", t.dim()))
        f.write(struct.pack(f">{t.dim()}i", *t.shape))
        f.write(struct.pack(f">{t.numel()}f", *t.flatten().tolist()))
os.replace(path + ".tmp", path)
print(len(out), "tensors written to", path)
