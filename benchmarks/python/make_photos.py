#!/usr/bin/env python3
"""Write synthetic photo-like JPEGs for the loader benchmark: OUT/train/<class>/NNNN.jpg and
OUT/valid/<class>/NNNN.jpg, 500x375 RGB, quality 90 (PIL), each a colour gradient with random
filled ellipses and rectangles plus Gaussian noise (sigma 8), so the files compress like photos
(about 60-90 KB each), not like flat synthetic images.

usage: make_photos.py OUT [N_TRAIN=320] [N_VALID=32] [CLASSES=4]
"""
import os, sys
import numpy as np
from PIL import Image, ImageDraw

out = sys.argv[1]
n_train = int(sys.argv[2]) if len(sys.argv) > 2 else 320
n_valid = int(sys.argv[3]) if len(sys.argv) > 3 else 32
n_classes = int(sys.argv[4]) if len(sys.argv) > 4 else 4
rng = np.random.default_rng(0)
W, H = 500, 375
yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
for split, n in (('train', n_train), ('valid', n_valid)):
    for i in range(n):
        c = i % n_classes
        d = os.path.join(out, split, f'class{c}')
        os.makedirs(d, exist_ok=True)
        a, b = rng.uniform(0, 255, 3), rng.uniform(0, 255, 3)
        t = (xx * rng.uniform(0.2, 1) + yy * rng.uniform(0.2, 1)) / (W + H)
        img = (a[None, None, :] * (1 - t[..., None]) + b[None, None, :] * t[..., None])
        pil = Image.fromarray(img.clip(0, 255).astype(np.uint8))
        draw = ImageDraw.Draw(pil)
        for _ in range(rng.integers(5, 15)):
            x0, y0 = rng.integers(0, W), rng.integers(0, H)
            x1, y1 = x0 + rng.integers(20, 200), y0 + rng.integers(20, 150)
            col = tuple(int(v) for v in rng.integers(0, 256, 3))
            (draw.ellipse if rng.random() < 0.5 else draw.rectangle)([x0, y0, x1, y1], fill=col)
        arr = np.asarray(pil).astype(np.float32) + rng.normal(0, 8, (H, W, 3))
        Image.fromarray(arr.clip(0, 255).astype(np.uint8)).save(os.path.join(d, f'{i:04d}.jpg'), quality=90)
print(f'wrote {n_train} train and {n_valid} valid JPEGs under {out}')
