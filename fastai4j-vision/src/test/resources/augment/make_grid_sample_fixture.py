"""Generates grid_sample.bin: reference outputs of torch's F.affine_grid + F.grid_sample.

Run with Debian's python (torch 1.13):  /usr/bin/python3 make_grid_sample_fixture.py
Format (big-endian): int32 count, then per tensor: int32 name length, UTF-8 name,
int32 ndim, int32 dims..., float32 data (row-major).
"""
import math, struct, os
import torch
import torch.nn.functional as F

torch.manual_seed(0)
N, C, H, W = 2, 3, 7, 9
x = torch.rand(N, C, H, W)

def mat(scale=1.0, deg=0.0, tx=0.0, ty=0.0, fx=1.0, fy=1.0):
    t = math.radians(deg)
    c, s = math.cos(t), math.sin(t)
    return [[fx * scale * c, fx * scale * s, tx], [-fy * scale * s, fy * scale * c, ty]]

# (translations chosen so that no nearest-mode sample lies within 1e-4 of a tie)
# a: rotation 30 deg, zoom 0.8, translation; and a flip, scale 2.5, translation beyond borders
theta_a = torch.tensor([mat(0.8, 30, 0.3, -0.23), mat(2.5, 0, 1.7, -2.3, fx=-1.0)], dtype=torch.float32)
# b: identity; and flip in x and y with a small rotation
theta_b = torch.tensor([mat(), mat(1.0, 7, 0.0, 0.0, fx=-1.0, fy=-1.0)], dtype=torch.float32)
# c: an arbitrary grid (as a warp gives), coordinates well outside [-1, 1]
grid_c = torch.rand(N, 4, 5, 2) * 6 - 3

out = {"input": x, "theta_a": theta_a, "theta_b": theta_b, "grid_c": grid_c}
for align in (True, False):
    a = "ac" if align else "nac"
    for name, theta in (("a", theta_a), ("b", theta_b)):
        for (h, w) in ((H, W), (5, 6)):
            g = F.affine_grid(theta, (N, C, h, w), align_corners=align)
            out[f"grid_{name}_{h}x{w}_{a}"] = g
            for pad in ("reflection", "zeros", "border"):
                for mode in ("bilinear", "nearest"):
                    y = F.grid_sample(x, g, mode=mode, padding_mode=pad, align_corners=align)
                    out[f"out_{name}_{h}x{w}_{pad}_{mode}_{a}"] = y
    for pad in ("reflection", "zeros", "border"):
        for mode in ("bilinear", "nearest"):
            out[f"out_c_{pad}_{mode}_{a}"] = F.grid_sample(x, grid_c, mode=mode, padding_mode=pad, align_corners=align)

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "grid_sample.bin")
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
