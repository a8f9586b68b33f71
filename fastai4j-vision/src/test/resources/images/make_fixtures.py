"""Generates the decoding fixtures (run with Debian's /usr/bin/python3, PIL 9.4).

Each fixture X has an X.rgb file: the raw RGB bytes (H*W*3, row-major) PIL gives for it after
ImageOps.exif_transpose(img).convert('RGB'), preceded by a 4-byte header: height, width (uint16 BE).
16-bit PNGs: PIL clips I;16 to 255, so the expected values are written as value >> 8 (high byte).
"""
import struct
import numpy as np
from PIL import Image, ImageOps

H, W = 6, 8
rng = np.random.RandomState(0)
# 2x2 blocks of flat colours so JPEG round trips stay close
base = np.zeros((H, W, 3), np.uint8)
cols = [(200, 30, 40), (20, 180, 60), (30, 60, 220), (240, 240, 20)]
for i in range(H):
    for j in range(W):
        base[i, j] = cols[(i // 3) * 2 + (j // 4)]

def expect(name, arr):
    arr = np.ascontiguousarray(arr, np.uint8)
    with open(name + '.rgb', 'wb') as f:
        f.write(struct.pack('>HH', arr.shape[0], arr.shape[1]))
        f.write(arr.tobytes())

def save(name, img, **kw):
    img.save(name, **kw)
    back = ImageOps.exif_transpose(Image.open(name)).convert('RGB')
    expect(name, np.asarray(back))

save('rgb.png', Image.fromarray(base))
save('gray.png', Image.fromarray(base).convert('L'))
save('palette.png', Image.fromarray(base).convert('P', palette=Image.ADAPTIVE, colors=4))
rgba = np.dstack([base, np.full((H, W), 128, np.uint8)])
save('rgba.png', Image.fromarray(rgba, 'RGBA'))
save('cmyk.jpg', Image.fromarray(base).convert('CMYK'), quality=95)
save('rgb.jpg', Image.fromarray(base), quality=95)
# EXIF orientation 6: stored 8 wide x 6 tall; displayed rotated 90 degrees clockwise (6 wide x 8 tall)
exif = Image.Exif()
exif[0x0112] = 6
save('exif6.jpg', Image.fromarray(base), quality=95, exif=exif.tobytes())
# 16-bit grayscale PNG: value v*257 + small noise; expected = high byte
g16 = (base[..., 0].astype(np.uint16) * 257 + rng.randint(0, 200, (H, W))).astype(np.uint16)
Image.fromarray(g16, 'I;16').save('gray16.png')
hi = (g16 >> 8).astype(np.uint8)
expect('gray16.png', np.dstack([hi, hi, hi]))
# GIF (OpenCV 4.9 has no GIF codec: decoded through ImageIO)
save('palette.gif', Image.fromarray(base).convert('P', palette=Image.ADAPTIVE, colors=4))
# a larger photo-like JPEG with EXIF orientation 6 (for reduced-scale decoding): 64 wide x 48 tall stored
yy, xx = np.mgrid[0:48, 0:64]
big = np.dstack([xx * 4, yy * 5, np.full_like(xx, 90)]).astype(np.uint8)
save('exif6_big.jpg', Image.fromarray(big), quality=95, exif=exif.tobytes())
