#!/usr/bin/env python3
"""Golden fixtures for strided's conformance tests (test/conformance.test.ts), computed by NumPy (target 2.4.6).

    python3 scripts/gen_conformance_fixtures.py     # rewrites test/fixtures/conformance/*.json (deterministic)

Files:
  take.json      np.take with nested index lists and index arrays of any ndim (int64/int32/uint8/bool, 0-d too),
                 every axis form (None, positive, negative, out of range) and mode ('raise', 'wrap', 'clip').
  compress.json  np.compress with bool/int conditions shorter than, equal to and longer than the axis.
  eye.json       np.eye(N, M, k, dtype, order) and np.identity(n, dtype).

Every take/compress case starts from a = np.arange(size).astype(dtype).reshape(shape), optionally transposed
("transpose": true, so the TS side exercises non-contiguous sources). Values are C-order lists: bool -> JSON
bool, 64-bit ints -> decimal strings, other numbers -> JSON numbers. An "error" case records NumPy's exception
class and message, and the strided error class expected ("ts").
"""
import json
import os
import random
import sys

import numpy as np

NUMPY_TARGET = '2.4.6'
OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures', 'conformance')
TS_ERROR = {'IndexError': 'IndexError', 'AxisError': 'AxisError', 'ValueError': 'ValueError'}


def enc(r):
    flat = np.asarray(r).reshape(-1)
    if flat.dtype == np.bool_:
        return [bool(v) for v in flat]
    if flat.dtype in (np.int64, np.uint64):
        return [str(int(v)) for v in flat]
    if flat.dtype.kind in 'iu':
        return [int(v) for v in flat]
    return [float(v) for v in flat]


def base(rng):
    nd = rng.choice([1, 1, 2, 2, 3])
    shape = [rng.choice([0, 1, 2, 3, 4]) if rng.random() < 0.1 else rng.randint(1, 4) for _ in range(nd)]
    dtype = rng.choice(['float64', 'float64', 'int64', 'int32', 'bool'])
    size = int(np.prod(shape))
    a = np.arange(size)
    a = (a % 3 == 0) if dtype == 'bool' else a.astype(dtype)
    a = a.reshape(shape)
    transpose = nd > 1 and rng.random() < 0.35
    spec = {'shape': shape, 'dtype': dtype, 'transpose': transpose}
    return spec, (a.T if transpose else a)


def outcome(case, call):
    try:
        r = call()
        case['expect'] = {'shape': list(np.shape(r)), 'values': enc(r)}
    except Exception as e:  # noqa: BLE001
        name = type(e).__name__
        if name not in TS_ERROR:
            raise
        case['error'] = {'numpy': name, 'message': str(e), 'ts': TS_ERROR[name]}
    return case


def nested(rng, shape, lo, hi):
    if not shape:
        return rng.randint(lo, hi)
    return [nested(rng, shape[1:], lo, hi) for _ in range(shape[0])]


def gen_take(seed, count):
    rng = random.Random(seed)
    cases = []
    for i in range(count):
        spec, a = base(rng)
        nd = a.ndim
        r = rng.random()
        axis = None if r < 0.3 else rng.randint(-nd, nd - 1)
        if rng.random() < 0.05:
            axis = rng.choice([nd, -nd - 1])
        n = a.size if axis is None else (a.shape[axis] if -nd <= axis < nd else 3)
        mode = rng.choice(['raise', 'raise', 'raise', 'wrap', 'clip', None])
        form = rng.choice(['list', 'list', 'int64', 'int32', 'uint8', 'bool'])
        ind_nd = rng.choice([0, 1, 1, 2, 2, 3])
        ishape = [rng.choice([0, 1, 2, 3]) if rng.random() < 0.1 else rng.randint(1, 3) for _ in range(ind_nd)]
        span = n + 2 if (mode in ('wrap', 'clip') or rng.random() < 0.1) else n
        lo, hi = (-span, span - 1) if span > 0 else (0, 0)
        if form == 'uint8':
            lo = 0
        if form == 'bool':
            lo, hi = 0, 1
        idx = nested(rng, ishape, lo, max(lo, hi))
        if form == 'bool':
            idx = np.array(idx, dtype=bool).tolist()
        case = {'id': i, 'base': spec, 'axis': axis, 'mode': mode, 'form': form, 'indices': idx, 'indexShape': ishape}
        ind = idx if form == 'list' else np.array(idx, dtype=form).reshape(ishape)
        kw = {} if mode is None else {'mode': mode}
        cases.append(outcome(case, lambda: np.take(a, ind, axis=axis, **kw)))
    # empty axes and empty outer dimensions: NumPy checks indices only when there is an outer element
    for shape, axis, idx, mode in [
        ([0, 1], 1, [-3], 'raise'), ([3, 0], 0, [7], 'raise'), ([0, 3], 1, [7], 'raise'), ([0, 0], 1, [7], 'raise'),
        ([1, 0], 1, [0], 'raise'), ([1, 0], 1, [0], 'wrap'), ([2, 0, 3], 1, [0], 'clip'), ([2, 0, 3], 1, [[]], 'raise'),
        ([0, 3], 1, [5], 'wrap'), ([3, 0], 0, [5], 'wrap'), ([2, 0, 0], 1, [0], 'raise'), ([0], None, 1, 'raise'),
        ([0], None, [], 'raise'), ([0, 3], 0, [], 'raise'),
    ]:
        spec = {'shape': shape, 'dtype': 'float64', 'transpose': False}
        a = np.zeros(shape)
        case = {'id': len(cases), 'base': spec, 'axis': axis, 'mode': mode, 'form': 'list', 'indices': idx, 'indexShape': list(np.shape(idx))}
        cases.append(outcome(case, lambda: np.take(a, idx, axis=axis, mode=mode)))
    return cases


def gen_compress(seed, count):
    rng = random.Random(seed)
    cases = []
    for i in range(count):
        spec, a = base(rng)
        nd = a.ndim
        axis = None if rng.random() < 0.3 else rng.randint(-nd, nd - 1)
        if rng.random() < 0.05:
            axis = rng.choice([nd, -nd - 1])
        n = a.size if axis is None else (a.shape[axis] if -nd <= axis < nd else 3)
        m = max(0, n + rng.choice([-2, -1, 0, 0, 0, 1, 2]))
        form = rng.choice(['bool-list', 'int-list', 'bool', 'float64'])
        if form in ('bool-list', 'bool'):
            cond = [rng.random() < 0.5 for _ in range(m)]
        else:
            cond = [rng.choice([0, 0, 1, 2, -1]) for _ in range(m)]
        if m > n and rng.random() < 0.5:
            cond[-1] = True if form in ('bool-list', 'bool') else 1
        case = {'id': i, 'base': spec, 'axis': axis, 'form': form, 'condition': cond}
        c = np.array(cond, dtype=bool if form in ('bool-list', 'bool') else ('float64' if form == 'float64' else 'int64'))
        cases.append(outcome(case, lambda: np.compress(c, a, axis=axis)))
    return cases


def gen_eye():
    cases = []
    for n in [0, 1, 3, 4]:
        for m in [None, 0, 2, 5]:
            for k in [0, 1, -1, 2, -3, 6]:
                for dtype, order in [(None, 'C'), ('int32', 'F'), ('bool', 'C'), ('uint64', 'C')]:
                    r = np.eye(n, m, k, dtype=dtype or 'float64', order=order)
                    cases.append({'fn': 'eye', 'n': n, 'm': m, 'k': k, 'dtype': dtype, 'order': order,
                                  'expect': {'shape': list(r.shape), 'fContiguous': bool(r.flags.f_contiguous and not r.flags.c_contiguous), 'values': enc(r)}})
    for n in [0, 1, 3]:
        for dtype in [None, 'int64', 'float32']:
            r = np.identity(n, dtype=dtype or 'float64')
            cases.append({'fn': 'identity', 'n': n, 'dtype': dtype, 'expect': {'shape': list(r.shape), 'values': enc(r)}})
    return cases


def main():
    if np.__version__ != NUMPY_TARGET:
        print('warning: numpy %s, fixtures target %s' % (np.__version__, NUMPY_TARGET), file=sys.stderr)
    os.makedirs(OUT_DIR, exist_ok=True)
    seed = 20250601
    meta = {'numpy': np.__version__, 'target': NUMPY_TARGET}
    files = {
        'take.json': dict(meta, seed=seed, cases=gen_take(seed, 260)),
        'compress.json': dict(meta, seed=seed + 1, cases=gen_compress(seed + 1, 120)),
        'eye.json': dict(meta, cases=gen_eye()),
    }
    for name, obj in files.items():
        path = os.path.join(OUT_DIR, name)
        with open(path, 'w') as f:
            json.dump(obj, f, separators=(',', ':'), allow_nan=False)
            f.write('\n')
        print('%s: %d bytes, %d cases' % (os.path.relpath(path), os.path.getsize(path), len(obj['cases'])))


if __name__ == '__main__':
    main()
