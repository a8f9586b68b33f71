#!/usr/bin/python3
"""Generates the .pth fixtures of fastai4j-core's io tests with Debian's torch 1.13.

Run: /usr/bin/python3 generate_fixtures.py   (in this folder). Nothing here is ever unpickled by Python.

- good.pth: torch.save of an OrderedDict {"w": 2x3 float32 (values 0..5), "v": a transposed (non
  contiguous) 3x2 view of the same values, "n": int64 scalar 7, "h": float16 [1.5, -2]}.
- os_system.pth: a torch-style zip whose data.pkl calls os.system('echo pwned') via __reduce__.
- builtins_eval.pth: the same with builtins.eval (protocol 2 writes it as __builtin__.eval).
- subprocess.pth: the same with subprocess.Popen (protocol 4, STACK_GLOBAL).
- torchscript.pt: torch.jit.save of a tiny module (TorchScript archive).
- truncated.pth: good.pth cut in half.
- lying_storage.pth: good.pth with the storage declared 1000 times larger than its zip entry.
- memo_nothing.pth / setitem_nonedict.pth / huge_length.pth: hand-written pickles in a torch zip.
- legacy.pth: the pre-1.6 non-zip format (_use_new_zipfile_serialization=False).
"""
import io
import os
import pickle
import zipfile
from collections import OrderedDict

import torch

w = torch.arange(6, dtype=torch.float32).reshape(2, 3)
sd = OrderedDict(w=w, v=w.t(), n=torch.tensor(7), h=torch.tensor([1.5, -2.0], dtype=torch.float16))
torch.save(sd, "good.pth")
torch.save(OrderedDict(w=w), "legacy.pth", _use_new_zipfile_serialization=False)


def torch_zip(path, pkl, extra=None):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        name = os.path.splitext(os.path.basename(path))[0]
        z.writestr(name + "/data.pkl", pkl)
        z.writestr(name + "/version", "3\n")
        for k, v in (extra or {}).items():
            z.writestr(name + "/" + k, v)


class Evil:
    def __init__(self, fn, arg):
        self.fn, self.arg = fn, arg

    def __reduce__(self):
        return (self.fn, (self.arg,))


import builtins
import subprocess
torch_zip("os_system.pth", pickle.dumps(OrderedDict(x=Evil(os.system, "echo pwned")), protocol=2))
torch_zip("builtins_eval.pth", pickle.dumps(OrderedDict(x=Evil(builtins.eval, "print('pwned')")), protocol=2))
torch_zip("subprocess.pth", pickle.dumps(OrderedDict(x=Evil(subprocess.Popen, "echo pwned")), protocol=4))


class Tiny(torch.nn.Module):
    def forward(self, x):
        return x + 1


torch.jit.save(torch.jit.script(Tiny()), "torchscript.pt")

data = open("good.pth", "rb").read()
open("truncated.pth", "wb").write(data[: len(data) // 2])

# a storage declaring 6000 floats whose zip entry holds 6 (24 bytes)
zin = zipfile.ZipFile("good.pth")
pkl = zin.read("good/data.pkl")
storages = {n.split("/", 1)[1]: zin.read(n) for n in zin.namelist() if "/data/" in n}
lie = pkl.replace(b"K\x06t", b"M\x70\x17t", 1)  # BININT1 6 -> BININT2 6000 in the first persistent id
assert lie != pkl
torch_zip("lying_storage.pth", lie, storages)

# memo reference to nothing: PROTO 2, BINGET 5, STOP
torch_zip("memo_nothing.pth", b"\x80\x02h\x05.")
# SETITEM on a list: PROTO 2, EMPTY_LIST, 'a', 'b' (short unicode), SETITEM, STOP
torch_zip("setitem_nonedict.pth", b"\x80\x02]\x8c\x01a\x8c\x01bs.")
# BINUNICODE declaring 4 GB - 1 of text in a 10-byte pickle
torch_zip("huge_length.pth", b"\x80\x02X\xff\xff\xff\xffab.")
print("ok")
