"""NumPy peer of the strided benchmark: a long-lived subprocess that answers one JSON request per line.

Requests (stdin, one JSON object per line) and answers (stdout, one JSON object per line):
  {"cmd": "hello"}                                      -> {"ok": true, "python": "3.11.7", "numpy": "2.4.6"}
  {"cmd": "op", "op": "add", "shape": [n], "layout": "C", "seed": 1, "policy": {...}}
                                                        -> {"ok": true, "samples_ms": [...], "batch": k, "warmup_calls": w}
  {"cmd": "shares", "base_shape": [...], "a": "::2", "b": "1::2", "policy": {...}}
                                                        -> {"ok": true, "result": false, "samples_ms": [...], ...}
  {"cmd": "quit"}

The repetition policy is the one in packages/bench/src/measure.ts, step for step, so both sides time alike.
Ops: sum, sum_axis0, sum_axis1, add (out=), scale (multiply(c, 2, out=c)), sqrt (out=), exp (out=),
transpose_copy (copyto(out, m.T)), sort (np.sort(a): default kind and axis, a new array per call).
"""
import json
import math
import platform
import sys
import time

import numpy as np

MAX_BATCH = 100_000
now = time.perf_counter


def measure(fn, p):
    t0 = now()
    calls = 0
    best = math.inf
    while calls < p["warmupCalls"] or ((now() - t0) * 1e3 < p["warmupMs"] and calls < p["maxReps"]):
        t = now()
        fn()
        best = min(best, (now() - t) * 1e3)
        calls += 1
    batch = MAX_BATCH if not best > 0 else max(1, min(MAX_BATCH, math.ceil(p["minSampleMs"] / best)))
    samples = []
    s0 = now()
    while True:
        elapsed = (now() - s0) * 1e3
        total = (now() - t0) * 1e3
        if len(samples) >= p["minReps"] and (elapsed >= p["targetMs"] or len(samples) >= p["maxReps"] or total >= p["maxMs"]):
            break
        t = now()
        for _ in range(batch):
            fn()
        samples.append((now() - t) * 1e3 / batch)
    return {"samples_ms": samples, "batch": batch, "warmup_calls": calls}


_cache = {}


def arrays(shape, layout, seed):
    key = (tuple(shape), layout, seed)
    if key not in _cache:
        # keep at most one 1-D and one 2-D set alive
        for k in [k for k in _cache if len(k[0]) == len(shape)]:
            del _cache[k]
        rng = np.random.default_rng(seed)
        order = "F" if layout == "F" else "C"
        a = np.asarray(rng.random(shape), order=order)
        b = np.asarray(rng.random(shape), order=order)
        c = np.zeros(shape, order="C")
        _cache[key] = (a, b, c)
    return _cache[key]


def op_fn(op, a, b, c):
    if op == "sum":
        return lambda: a.sum()
    if op == "sum_axis0":
        return lambda: a.sum(axis=0)
    if op == "sum_axis1":
        return lambda: a.sum(axis=1)
    if op == "add":
        return lambda: np.add(a, b, out=c)
    if op == "scale":
        return lambda: np.multiply(c, 2.0, out=c)
    if op == "sqrt":
        return lambda: np.sqrt(a, out=c)
    if op == "exp":
        return lambda: np.exp(a, out=c)
    if op == "transpose_copy":
        t = a.T
        return lambda: np.copyto(c.reshape(t.shape), t)
    if op == "sort":
        return lambda: np.sort(a)
    raise ValueError("unknown op %r" % op)


def handle(req):
    cmd = req.get("cmd")
    if cmd == "hello":
        return {"ok": True, "python": platform.python_version(), "numpy": np.__version__}
    if cmd == "op":
        a, b, c = arrays(req["shape"], req.get("layout", "C"), req.get("seed", 1))
        fn = op_fn(req["op"], a, b, c)
        r = measure(fn, req["policy"])
        r["ok"] = True
        return r
    if cmd == "shares":
        base = np.zeros(req["base_shape"])
        va = eval("base[%s]" % req["a"], {"base": base})  # our own index expressions, not user input
        vb = eval("base[%s]" % req["b"], {"base": base})
        result = bool(np.shares_memory(va, vb))
        r = measure(lambda: np.shares_memory(va, vb), req["policy"])
        r["ok"] = True
        r["result"] = result
        return r
    if cmd == "release":
        _cache.clear()
        return {"ok": True}
    raise ValueError("unknown command %r" % cmd)


def main():
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        try:
            req = json.loads(line)
            if req.get("cmd") == "quit":
                break
            out = handle(req)
        except Exception as e:  # report, keep serving
            out = {"ok": False, "error": "%s: %s" % (type(e).__name__, e)}
        sys.stdout.write(json.dumps(out) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
