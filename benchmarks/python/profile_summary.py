#!/usr/bin/env python3
"""Summarise a libtorch/PyTorch chrome trace (DJL's JniUtils.stopProfile or PyTorch's
export_chrome_trace): total and self time per operator, per step.

usage: profile_summary.py TRACE.json [STEPS=5] [TOP=25]
Self time = the event's duration minus its direct children's (nesting by time on one thread).
"""
import json, sys
from collections import defaultdict

path = sys.argv[1]
steps = int(sys.argv[2]) if len(sys.argv) > 2 else 5
top = int(sys.argv[3]) if len(sys.argv) > 3 else 25
with open(path) as f:
    data = json.load(f)
events = data['traceEvents'] if isinstance(data, dict) else data
events = [e for e in events if e.get('ph') == 'X' and 'dur' in e]
tot, self_t, cnt = defaultdict(float), defaultdict(float), defaultdict(int)
by_thread = defaultdict(list)
for e in events:
    by_thread[(e.get('pid'), e.get('tid'))].append(e)
for evs in by_thread.values():
    evs.sort(key=lambda e: (e['ts'], -e['dur']))
    stack = []
    for e in evs:
        while stack and stack[-1]['ts'] + stack[-1]['dur'] <= e['ts']:
            stack.pop()
        name = e['name']
        tot[name] += e['dur']; cnt[name] += 1; self_t[name] += e['dur']
        if stack:
            self_t[stack[-1]['name']] -= e['dur']
        stack.append(e)
rows = sorted(self_t.items(), key=lambda kv: -kv[1])[:top]
print(f"{'op':45s} {'calls/step':>10s} {'self ms/step':>12s} {'total ms/step':>13s}")
for name, s in rows:
    print(f"{name[:45]:45s} {cnt[name] / steps:10.1f} {s / 1000 / steps:12.2f} {tot[name] / 1000 / steps:13.2f}")
print(f"{'ALL (self)':45s} {sum(cnt.values()) / steps:10.1f} {sum(self_t.values()) / 1000 / steps:12.2f}")
