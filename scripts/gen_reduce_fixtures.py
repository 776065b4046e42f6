#!/usr/bin/env python3
"""Golden fixtures for strided's reductions (test/fixtures/reduce/*.json), generated with NumPy 2.4.

Inputs are not stored: every base array is produced by a tiny integer-hash generator that test/reduce.helpers.ts
reimplements bit for bit (values are m·2^e with a 31-bit integer m, exact in float64; float32 bases are rounded
from those; integer bases wrap 32-bit hashes). A case names its base (dtype, length, seed, kind, specials) and a
view of it (shape, strides, offset in elements), the reduction, and NumPy's result: dtype, shape and the values
(floats as float.hex(), integers as decimal strings, bools as 0/1). Errors are stored as (type, message).

Run: python3 scripts/gen_reduce_fixtures.py
"""
import json
import math
import os
import random
import sys

import numpy as np

OUT = os.path.join(os.path.dirname(__file__), '..', 'test', 'fixtures', 'reduce')
M32 = 0xFFFFFFFF


def hash32(i, seed):
    x = (i * 0x9E3779B1 + seed * 0x85EBCA77 + 0x165667B1) & M32
    x ^= x >> 16
    x = (x * 0x7FEB352D) & M32
    x ^= x >> 15
    x = (x * 0x846CA68B) & M32
    x ^= x >> 16
    return x


def base_values(dtype, n, seed, kind):
    """The base array (1-D, length n). Must match genBase in test/reduce.helpers.ts."""
    idx = np.arange(n, dtype=np.uint64)
    # vectorised hash32 (uint64 arithmetic masked to 32 bits)
    def h(s):
        x = (idx * np.uint64(0x9E3779B1) + np.uint64((s * 0x85EBCA77 + 0x165667B1) & M32)) & np.uint64(M32)
        x ^= x >> np.uint64(16)
        x = (x * np.uint64(0x7FEB352D)) & np.uint64(M32)
        x ^= x >> np.uint64(15)
        x = (x * np.uint64(0x846CA68B)) & np.uint64(M32)
        x ^= x >> np.uint64(16)
        return x
    h1 = h(seed)
    h2 = h(seed + 1)
    if dtype in ('float64', 'float32'):
        if kind == 'small':
            v = ((h1 % np.uint64(7)).astype(np.float64) - 3.0)
        else:
            mant = (h1 >> np.uint64(1)).astype(np.int64) - (1 << 30)
            e = (h2 % np.uint64(24)).astype(np.int64) - 30
            v = np.ldexp(mant.astype(np.float64), e.astype(np.int32))
        return v.astype(dtype)
    if dtype == 'bool':
        return (h1 % np.uint64(3)) == 0
    if kind == 'small':
        return ((h1 % np.uint64(7)).astype(np.int64) - 3).astype(dtype) if dtype[0] == 'i' else (h1 % np.uint64(7)).astype(dtype)
    if dtype in ('int64', 'uint64'):
        w = (h1 << np.uint64(32)) | h2
        return w.view(np.int64).copy() if dtype == 'int64' else w
    return h1.astype(np.uint32).astype(dtype)


SPECIAL = {'nan': float('nan'), 'inf': float('inf'), '-inf': float('-inf'), '-0': -0.0, '0': 0.0}


def make_base(spec):
    b = base_values(spec['dtype'], spec['n'], spec['seed'], spec.get('kind', 'normal'))
    for i, v in spec.get('specials', []):
        b[i] = SPECIAL[v] if isinstance(v, str) else v
    return b


def view_spec(base, v):
    item = base.itemsize
    off = (v.__array_interface__['data'][0] - base.__array_interface__['data'][0]) // item
    return {'shape': list(v.shape), 'strides': [s // item for s in v.strides], 'offset': int(off)}


def enc(x, dt):
    if dt.kind == 'f':
        f = float(x)
        return f.hex() if math.isfinite(f) else ('nan' if f != f else ('inf' if f > 0 else '-inf'))
    if dt.kind == 'b':
        return 1 if x else 0
    return str(int(x))


def result_of(r):
    a = np.asarray(r)
    return {'dtype': str(a.dtype), 'shape': list(a.shape), 'scalar': not isinstance(r, np.ndarray),
            'values': [enc(x, a.dtype) for x in a.reshape(-1, order='C')]}


CASES = []


def add(group, base_spec, view_fn, op, **kw):
    base = make_base(base_spec)
    v = view_fn(base)
    case = {'group': group, 'base': base_spec, 'view': view_spec(base, v), 'op': op, 'opts': {}}
    npkw = {}
    for k in ('axis', 'keepdims', 'dtype', 'ddof'):
        if k in kw:
            val = kw[k]
            case['opts'][k] = list(val) if isinstance(val, tuple) else val
            npkw[k] = val
    try:
        with np.errstate(all='ignore'):
            import warnings
            with warnings.catch_warnings():
                warnings.simplefilter('ignore')
                r = getattr(np, op)(v, **npkw)
        case['result'] = result_of(r)
    except Exception as e:  # noqa: BLE001
        case['error'] = {'type': type(e).__name__, 'message': str(e)}
    CASES.append(case)


def B(dtype, n, seed=1, kind='normal', specials=None):
    s = {'dtype': dtype, 'n': n, 'seed': seed, 'kind': kind}
    if specials:
        s['specials'] = specials
    return s


ident = lambda b: b  # noqa: E731


def gen_pairwise():
    sizes = [1, 2, 5, 7, 8, 9, 15, 16, 17, 63, 64, 65, 100, 127, 128, 129, 130, 136, 255, 256, 257, 1000, 1023,
             4095, 4096, 4097, 5000, 8191, 8192, 8193, 10000, 16385, 65537, 100003, 131073, 300007]
    for dt in ('float64', 'float32'):
        for i, n in enumerate(sizes):
            add('pw-contig', B(dt, n, seed=100 + i), ident, 'sum')
        for i, n in enumerate([9, 130, 1001, 8193, 40001, 270001]):
            add('pw-strided', B(dt, 2 * n, seed=200 + i), lambda b: b[::2], 'sum')
            add('pw-strided', B(dt, n, seed=210 + i), lambda b: b[::-1], 'sum')
            add('pw-strided', B(dt, 3 * n, seed=220 + i), lambda b: b[1::3], 'sum')
            add('pw-strided', B(dt, 2 * n, seed=230 + i), lambda b: b[::-2], 'sum')


def gen_chunking():
    # spec §7.2 examples and relatives
    for dt in ('float64', 'float32'):
        add('chunk', B(dt, 3000 * 12, 301), lambda b: b.reshape(3000, 12)[:, :9], 'sum')
        add('chunk', B(dt, 10 * 3000, 302), lambda b: b.reshape(10, 3000)[:, :2999], 'sum')
        add('chunk', B(dt, 30 * 5000, 303), lambda b: b.reshape(30, 5000)[:, :4999], 'sum')
        add('chunk', B(dt, 1000 * 7, 304), lambda b: b.reshape(1000, 7)[:, ::2], 'sum')
        add('chunk', B(dt, 3 * 1000 * 35, 305),
            lambda b: np.lib.stride_tricks.as_strided(b[2 * 35000:], (3, 1000, 2, 7), tuple(x * b.itemsize for x in (-35000, 35, 21, 1))), 'sum')
        add('chunk', B(dt, 200 * 300, 306), lambda b: b.reshape(200, 300)[::2, ::3], 'sum')
        add('chunk', B(dt, 64 * 4100, 307), lambda b: b.reshape(64, 4100)[:, :4097], 'sum')
        add('chunk', B(dt, 64 * 4100, 308), lambda b: b.reshape(64, 4100)[:, :4095], 'sum')
        add('chunk', B(dt, 5 * 30 * 400, 309), lambda b: b.reshape(5, 30, 400)[:, :, :399], 'sum', axis=(1, 2))
        add('chunk', B(dt, 5 * 300 * 40, 310), lambda b: b.reshape(5, 300, 40)[:, :, :39], 'sum', axis=(1, 2))
        add('chunk', B(dt, 4 * 3000 * 4, 311), lambda b: b.reshape(4, 3000, 4)[:, :, :3], 'sum', axis=(0, 2))
        add('chunk', B(dt, 5 * 3000 * 4, 312), lambda b: b.reshape(5, 3000, 4)[:, ::2, :3], 'sum', axis=(0, 1))
        add('chunk', B(dt, 2 * 30000, 313), lambda b: b.reshape(2, 30000)[:, ::2], 'sum')
        add('chunk', B(dt, 4 * 300000, 314), lambda b: b.reshape(4, 300000), 'sum', axis=1)
        add('chunk', B(dt, 3 * 200000, 315), lambda b: b.reshape(3, 200000)[:, :199999], 'sum')


def gen_axes():
    shapes = [(129, 131), (7, 600), (600, 7), (3, 50, 70), (10, 30, 41), (6, 5, 4, 3)]
    seed = 400
    for shp in shapes:
        n = int(np.prod(shp))
        nd = len(shp)
        axes_list = [None] + list(range(nd)) + [-1]
        if nd >= 3:
            axes_list += [(0, 2), (0, 1), (1, 2), (0, nd - 1), tuple(range(nd))]
        for dt in ('float64', 'float32'):
            for order in (('C', 'F', 'T') if dt == 'float64' else ('C', 'T')):
                for ax in axes_list:
                    seed += 1
                    if order == 'C':
                        f = (lambda s: lambda b: b.reshape(s))(shp)
                    elif order == 'F':
                        f = (lambda s: lambda b: b.reshape(s, order='F'))(shp)
                    else:
                        f = (lambda s: lambda b: b.reshape(s[::-1]).T)(shp)
                    add('axes', B(dt, n, seed), f, 'sum', axis=ax)
        # sliced and reversed views
        for ax in axes_list[:nd + 1]:
            seed += 1
            add('axes-sliced', B('float64', 4 * n, seed), (lambda s: lambda b: b.reshape((2 * s[0],) + s[1:-1] + (2 * s[-1],))[::-2, ..., 1::2])(shp), 'sum', axis=ax)
            seed += 1
            add('axes-sliced', B('float32', 4 * n, seed), (lambda s: lambda b: b.reshape((2 * s[0],) + s[1:-1] + (2 * s[-1],))[::-2, ..., 1::2])(shp), 'sum', axis=ax)
    # keepdims and multiple axes
    add('keepdims', B('float64', 3 * 50 * 70, 501), lambda b: b.reshape(3, 50, 70), 'sum', axis=(0, 2), keepdims=True)
    add('keepdims', B('float64', 3 * 50 * 70, 502), lambda b: b.reshape(3, 50, 70), 'sum', keepdims=True)
    add('keepdims', B('float32', 3 * 50 * 70, 503), lambda b: b.reshape(3, 50, 70), 'mean', axis=1, keepdims=True)
    add('keepdims', B('float64', 3 * 50 * 70, 504), lambda b: b.reshape(3, 50, 70), 'max', axis=(0, 1), keepdims=True)
    add('keepdims', B('float64', 3 * 50 * 70, 505), lambda b: b.reshape(3, 50, 70), 'argmax', axis=1, keepdims=True)
    add('keepdims', B('float64', 3 * 50 * 70, 506), lambda b: b.reshape(3, 50, 70), 'argmin', keepdims=True)
    # axis=() reduces nothing: 0.0 + x
    add('noaxes', B('float64', 12, 507, specials=[(0, '-0'), (3, '-0')]), lambda b: b.reshape(3, 4), 'sum', axis=())
    add('noaxes', B('float32', 12, 508, specials=[(0, '-0')]), lambda b: b.reshape(3, 4), 'sum', axis=())
    add('noaxes', B('int16', 12, 509), lambda b: b.reshape(3, 4), 'sum', axis=())
    add('noaxes', B('float64', 12, 510, specials=[(0, '-0')]), lambda b: b.reshape(3, 4), 'prod', axis=())
    add('noaxes', B('float64', 12, 511), lambda b: b.reshape(3, 4), 'mean', axis=())
    add('noaxes', B('float64', 1, 512, specials=[(0, '-0')]), ident, 'sum')
    add('noaxes', B('float64', 1, 513, specials=[(0, '-0')]), lambda b: b.reshape(()), 'sum')
    add('noaxes', B('float64', 1, 514), lambda b: b.reshape(()), 'sum', axis=0)
    add('noaxes', B('float64', 1, 515), lambda b: b.reshape(()), 'argmax')


DTYPES = ['bool', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float32', 'float64']
OPS = ['sum', 'prod', 'min', 'max', 'mean', 'var', 'std', 'argmin', 'argmax', 'any', 'all']


def gen_dtypes():
    seed = 600
    for dt in DTYPES:
        for op in OPS:
            for ax in (None, 0, 1):
                seed += 1
                add('dtypes', B(dt, 4 * 7, seed), lambda b: b.reshape(4, 7), op, axis=ax)
            seed += 1
            add('dtypes-small', B(dt, 5 * 6, seed, kind='small'), lambda b: b.reshape(5, 6).T, op, axis=1)
        # longer integer sums: wrapping and exactness
        seed += 1
        add('dtypes-long', B(dt, 3 * 20000, seed), lambda b: b.reshape(3, 20000), 'sum', axis=1)
        seed += 1
        add('dtypes-long', B(dt, 3 * 20000, seed), lambda b: b.reshape(20000, 3), 'sum', axis=0)
        seed += 1
        add('dtypes-long', B(dt, 70001, seed), ident, 'sum')
        seed += 1
        add('dtypes-long', B(dt, 5001, seed), ident, 'prod')
        seed += 1
        add('dtypes-long', B(dt, 50001, seed), ident, 'max')
        seed += 1
        add('dtypes-long', B(dt, 50001, seed), ident, 'argmin')
    # explicit dtype=
    for dt, acc in [('int8', 'int8'), ('int8', 'int16'), ('int32', 'float64'), ('int64', 'float32'), ('float32', 'float64'),
                    ('float64', 'float32'), ('uint8', 'int64'), ('int16', 'uint32'), ('float64', 'int32'), ('bool', 'float32')]:
        for op in ('sum', 'prod', 'mean'):
            for ax in (None, 0, 1):
                seed += 1
                add('dtype-arg', B(dt, 300 * 41, seed), lambda b: b.reshape(300, 41), op, axis=ax, dtype=acc)
    for dt, acc in [('int64', 'float64'), ('float32', 'float64'), ('float64', 'float32'), ('int8', 'float32')]:
        for op in ('var', 'std'):
            for ax in (None, 0, 1):
                seed += 1
                add('dtype-arg', B(dt, 300 * 41, seed), lambda b: b.reshape(300, 41), op, axis=ax, dtype=acc)


def gen_stats():
    seed = 800
    for dt in ('float64', 'float32', 'int64', 'int32', 'uint8', 'bool'):
        for op in ('mean', 'var', 'std'):
            for shp, fn, ax in [((50001,), ident, None), ((3, 20000), None, 1), ((20000, 3), None, 0), ((300, 257), None, None),
                                ((40, 30, 20), 'F', (0, 2)), ((40, 30, 20), 'T', 1), ((100, 30), 'S', None), ((100, 30), 'S', 0)]:
                seed += 1
                n = int(np.prod(shp))
                if fn is None:
                    f = (lambda s: lambda b: b.reshape(s))(shp)
                elif fn == 'F':
                    f = (lambda s: lambda b: b.reshape(s, order='F'))(shp)
                elif fn == 'T':
                    f = (lambda s: lambda b: b.reshape(s[::-1]).T)(shp)
                elif fn == 'S':
                    f = (lambda s: lambda b: b.reshape((s[0], 2 * s[1]))[::-1, ::2])(shp)
                    n *= 2
                else:
                    f = fn
                kw = {'axis': ax}
                if op != 'mean':
                    kw['ddof'] = (seed % 3)
                add('stats', B(dt, n, seed), f, op, **kw)
    # int mean through buffered 8192-chunk casts, with large int64 values
    for n in (8191, 8192, 8193, 20000, 100003):
        seed += 1
        add('stats-int', B('int64', n, seed), ident, 'mean')
    seed += 1
    add('stats-int', B('int64', 4 * 20000, seed), lambda b: b.reshape(4, 20000), 'mean', axis=1)
    seed += 1
    add('stats-int', B('int64', 4 * 5000, seed), lambda b: b.reshape(4, 5000), 'mean', axis=1)
    seed += 1
    add('stats-int', B('uint64', 4 * 7000, seed), lambda b: b.reshape(4, 7000), 'mean', axis=1)
    seed += 1
    add('stats-int', B('int64', 20000 * 3, seed), lambda b: b.reshape(20000, 3), 'mean', axis=0)
    # var edge cases
    add('stats-edge', B('float64', 1, 880), ident, 'var', ddof=1)
    add('stats-edge', B('float64', 2, 881), ident, 'var', ddof=2)
    add('stats-edge', B('float64', 2, 882), ident, 'std', ddof=3)
    add('stats-edge', B('float32', 6, 883), lambda b: b.reshape(2, 3), 'var', ddof=6)
    add('stats-edge', B('float64', 10, 884), ident, 'var', ddof=0.5)


def gen_nan():
    seed = 900
    for dt in ('float64', 'float32'):
        for op in ('sum', 'prod', 'min', 'max', 'argmin', 'argmax', 'mean', 'var', 'any', 'all'):
            seed += 1
            add('nan', B(dt, 1000, seed, specials=[(17, 'nan'), (400, 'nan')]), ident, op)
            seed += 1
            add('nan', B(dt, 40 * 30, seed, specials=[(5, 'nan'), (37, 'nan'), (600, 'nan')]), lambda b: b.reshape(40, 30), op, axis=0)
            seed += 1
            add('nan', B(dt, 40 * 30, seed, specials=[(5, 'nan'), (37, 'nan'), (600, 'nan')]), lambda b: b.reshape(40, 30), op, axis=1)
            seed += 1
            add('nan', B(dt, 200001, seed, specials=[(150000, 'nan'), (190000, 'nan')]), ident, op)
        add('nan', B(dt, 10, 990, specials=[(2, 'inf'), (5, '-inf')]), ident, 'sum')
        add('nan', B(dt, 10, 991, specials=[(2, 'inf'), (5, '-inf')]), ident, 'max')
        add('nan', B(dt, 300001, 992, specials=[(2, 'inf'), (299999, '-inf')]), ident, 'max')
        add('nan', B(dt, 300001, 993, specials=[(2, 'inf'), (299999, '-inf')]), ident, 'min')
    # ties and NaN order for argmin/argmax
    for dt in ('float64', 'int32', 'uint8', 'bool', 'int64'):
        for op in ('argmin', 'argmax'):
            add('ties', B(dt, 6 * 9, 995, kind='small'), lambda b: b.reshape(6, 9), op)
            add('ties', B(dt, 6 * 9, 996, kind='small'), lambda b: b.reshape(6, 9).T, op)
            add('ties', B(dt, 6 * 9, 997, kind='small'), lambda b: b.reshape(6, 9), op, axis=0)
            add('ties', B(dt, 6 * 9, 998, kind='small'), lambda b: b.reshape(6, 9)[::-1, ::-2], op, axis=1)
            add('ties', B(dt, 300000, 999, kind='small'), ident, op)
            add('ties', B(dt, 6 * 70000, 999, kind='small'), lambda b: b.reshape(6, 70000).T, op)
    add('ties', B('float64', 4, 1, specials=[(0, 1.0), (1, 'nan'), (2, 5.0), (3, 'nan')]), ident, 'argmax')
    add('ties', B('float64', 3, 1, specials=[(0, 1.0), (1, 'nan'), (2, -5.0)]), ident, 'argmin')


def gen_empty():
    for dt in ('float64', 'float32', 'int8', 'uint16', 'int64', 'bool'):
        for op in OPS:
            add('empty', B(dt, 0, 1), ident, op)
            add('empty', B(dt, 0, 1), lambda b: b.reshape(0, 3), op, axis=0)
            add('empty', B(dt, 0, 1), lambda b: b.reshape(0, 3), op, axis=1)
            add('empty', B(dt, 0, 1), lambda b: b.reshape(3, 0), op, axis=0)
            add('empty', B(dt, 0, 1), lambda b: b.reshape(3, 0), op, axis=1)
            add('empty', B(dt, 0, 1), lambda b: b.reshape(2, 0, 3), op, axis=(0, 2) if not op.startswith('arg') else 1)
            add('empty', B(dt, 0, 1), lambda b: b.reshape(0, 0), op, axis=0)
    # axis errors
    for op in ('sum', 'max', 'mean', 'argmax', 'var'):
        add('errors', B('float64', 6, 1), lambda b: b.reshape(2, 3), op, axis=2)
        add('errors', B('float64', 6, 1), lambda b: b.reshape(2, 3), op, axis=-3)
    for op in ('sum', 'max', 'mean', 'var'):
        add('errors', B('float64', 6, 1), lambda b: b.reshape(2, 3), op, axis=(0, 0))
        add('errors', B('float64', 6, 1), lambda b: b.reshape(2, 3), op, axis=(1, -1))
        add('errors', B('float64', 1, 1), lambda b: b.reshape(()), op, axis=1)
        add('errors', B('float64', 1, 1), lambda b: b.reshape(()), op, axis=(0,))


def gen_random(count, seed0):
    rng = random.Random(seed0)
    seed = seed0 * 1000
    for _ in range(count):
        seed += 1
        nd = rng.randint(1, 4)
        while True:
            shp = [rng.choice([1, 2, 3, 5, 7, 9, 13, 30, 64, 100, 129, 300, 1000, 3000, 5000, 9000]) for _ in range(nd)]
            if np.prod(shp) <= 60000:
                break
        dt = rng.choice(['float64', 'float64', 'float32', 'int32', 'int64', 'uint8'])
        order = rng.choice(['C', 'C', 'F'])
        sl = []
        for n in shp:
            r = rng.random()
            sl.append(slice(None) if r < 0.5 else slice(None, None, -1) if r < 0.65 else slice(0, max(1, n - 1)) if r < 0.8
                      else slice(None, None, 2) if r < 0.9 else slice(1, None, 3))
        perm = list(range(nd))
        if rng.random() < 0.3:
            rng.shuffle(perm)
        r = rng.random()
        if r < 0.3:
            ax = None
        elif r < 0.7:
            ax = rng.randrange(nd)
        else:
            ax = tuple(sorted(rng.sample(range(nd), rng.randint(1, nd))))
        op = rng.choice(['sum', 'sum', 'sum', 'mean', 'max', 'argmax', 'prod', 'var'])
        if op.startswith('arg') and isinstance(ax, tuple):
            ax = ax[0]
        n = int(np.prod(shp))
        base = B(dt, n, seed)
        fn = (lambda s, o, sl, p: lambda b: b.reshape(s, order=o)[tuple(sl)].transpose(p))(shp, order, sl, perm)
        v = fn(make_base(base))
        if v.size == 0:
            continue
        m = v.size if ax is None else int(np.prod([v.shape[k] for k in range(nd) if k not in ((ax,) if isinstance(ax, int) else ax)]))
        if m > 3000:
            continue
        add('random', base, fn, op, axis=ax)


def main():
    os.makedirs(OUT, exist_ok=True)
    groups = [('pairwise', gen_pairwise), ('chunking', gen_chunking), ('axes', gen_axes), ('dtypes', gen_dtypes),
              ('stats', gen_stats), ('nan', gen_nan), ('empty', gen_empty), ('random', lambda: gen_random(160, 7))]
    total = 0
    for name, fn in groups:
        CASES.clear()
        fn()
        path = os.path.join(OUT, f'{name}.json')
        with open(path, 'w') as f:
            json.dump({'numpy': np.__version__, 'cases': CASES}, f, separators=(',', ':'))
        total += os.path.getsize(path)
        print(f'{name}: {len(CASES)} cases, {os.path.getsize(path)} bytes')
    print(f'total {total} bytes', file=sys.stderr)


if __name__ == '__main__':
    main()
