#!/usr/bin/env python3
"""The fastai side of LoaderBench: ImageDataLoaders.from_folder(DIR, item_tfms=RandomResizedCrop(224),
batch_tfms=aug_transforms(), bs=BS, num_workers=W) and one epoch of the training loader iterated
(JPEG decode, crop and collation by PIL/torch in W worker processes, augmentation on the batch in
the main process; with W = 0 all of it in the main process).

usage: loader_fastai.py DIR [--bs 64] [--workers 1] [--threads 1] [--epochs 2]
Prints 'JSON {...}' with images/s of the fastest epoch (the first warms the workers up) and the
fewest CPU milliseconds per image of the main process (time.process_time(); with --workers 0 that
is all the work: decode, crop, collate and augmentation on one thread with --threads 1).
"""
import argparse, json, time
import torch
from fastai.vision.all import *

p = argparse.ArgumentParser()
p.add_argument('data'); p.add_argument('--bs', type=int, default=64)
p.add_argument('--workers', type=int, default=1); p.add_argument('--threads', type=int, default=1)
p.add_argument('--epochs', type=int, default=2)
a = p.parse_args()
torch.set_num_threads(a.threads)
dls = ImageDataLoaders.from_folder(a.data, train='train', valid='valid', item_tfms=RandomResizedCrop(224),
                                   batch_tfms=aug_transforms(), bs=a.bs, num_workers=a.workers, seed=42)
rates, cpu = [], []
for _ in range(a.epochs):
    n, t, c = 0, time.perf_counter(), time.process_time()
    for xb, yb in dls.train:
        n += xb.shape[0]
    rates.append(n / (time.perf_counter() - t))
    cpu.append((time.process_time() - c) * 1000 / n)
print('JSON ' + json.dumps(dict(images=n, images_per_s=max(rates), per_epoch=rates, workers=a.workers,
                                main_cpu_ms_per_image=min(cpu),
                                threads=torch.get_num_threads(), shape=list(xb.shape))))
