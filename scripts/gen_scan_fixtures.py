#!/usr/bin/env python3
"""Golden fixtures for strided's scans (cumsum, cumprod, nancumsum, nancumprod, ufunc.accumulate), computed by
NumPy (target: 2.4).

    python3 scripts/gen_scan_fixtures.py            # rewrites test/fixtures/scan.json (deterministic)
    python3 scripts/gen_scan_fixtures.py --fresh 60 --seed 7
                                                    # prints fresh random cases as one fixture on stdout

Each case: {"fn": "cumsum" | "cumprod" | "nancumsum" | "nancumprod" | "accumulate", "ufunc": strided name
(accumulate only), "in": ARRAY, "opts": {"axis", "dtype"}, "out": {"dtype"} (an out array of the result's shape
and this dtype, zero-filled), "expect": {"dtype", "shape", "values"}} or "error": {"numpy", "ts", "message"}.
ARRAY is fixture_common's base spec plus an optional "view" (basic index) and "bcast" (broadcast_to), so the
layout matrix is covered: contiguous, negative strides, stepped, F order, transposed, broadcast, empty, 0-d.
"""
import argparse
import os
import random
import sys
import warnings

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixture_common import apply_view, build_base, enc_array, enc_scalar, write_json  # noqa: E402

OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures')
INTS = ['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64']
FLOATS = ['float32', 'float64']
ALL = ['bool'] + INTS + FLOATS
UFUNCS = {'add': 'add', 'multiply': 'multiply', 'maximum': 'maximum', 'minimum': 'minimum',
          'logicalAnd': 'logical_and', 'logicalOr': 'logical_or', 'bitwiseAnd': 'bitwise_and',
          'bitwiseOr': 'bitwise_or', 'bitwiseXor': 'bitwise_xor'}
TS_ERROR = {'ValueError': 'ValueError', 'TypeError': 'DTypeError', 'AxisError': 'AxisError',
            'IndexError': 'IndexError', 'OverflowError': 'OverflowError'}


def special(dt):
    if dt == 'bool':
        return [False, True]
    if dt in FLOATS:
        return [0.0, -0.0, float('nan'), float('inf'), float('-inf'), 1.5, -2.25]
    info = np.iinfo(dt)
    return [0, int(info.min), int(info.max), 1, int(info.max) - 1]


def rand_val(rng, dt, nan_heavy=False, small=False, nospecial=False):
    if nan_heavy and dt in FLOATS and rng.random() < 0.4:
        return float('nan')
    if rng.random() < (0.0 if small or nospecial else 0.1):
        return rng.choice(special(dt))
    if dt == 'bool':
        return rng.random() < 0.6
    if dt in FLOATS:
        return rng.randint(-400, 400) / 8 if not small else rng.choice([0.5, 1.0, 1.25, -1.5, 2.0, 0.75])
    info = np.iinfo(dt)
    if small:
        lo = 0 if info.min == 0 else -3
        return rng.randint(lo, 3)
    lo = max(int(info.min), -99)
    return rng.randint(lo, min(int(info.max), lo + 199))


def spec(vals, dt, shape, **extra):
    s = {'dtype': dt, 'shape': list(shape), 'order': extra.pop('order', 'C'),
         'values': [enc_scalar(v, dt) for v in vals]}
    s.update(extra)
    return s


def build(s):
    return apply_view(build_base(s), s)


LAYOUTS = ['contig', 'neg', 'strided', 'fortran', 'transposed', 'bcast', 'empty', '0d', 'long']


def make(rng, dt, layout, nan_heavy=False, small=False, nospecial=False):
    # nospecial: no NaN/inf/extremes (out= / dtype= casts of those into integers are the cast's business, not the scan's)
    def vals(k):
        return [rand_val(rng, dt, nan_heavy, small, nospecial) for _ in range(k)]
    if layout == 'contig':
        return spec(vals(12), dt, [3, 4])
    if layout == 'neg':
        return spec(vals(12), dt, [3, 4], view='::-1, ::-1')
    if layout == 'strided':
        return spec(vals(24), dt, [4, 6], view='1::2, ::2')
    if layout == 'fortran':
        return spec(vals(12), dt, [3, 4], order='F')
    if layout == 'transposed':
        return spec(vals(24), dt, [2, 3, 4], transpose=True)
    if layout == 'bcast':
        return spec(vals(4), dt, [4], bcast=[3, 4])
    if layout == 'empty':
        return spec([], dt, [2, 0, 3])
    if layout == '0d':
        return spec(vals(1), dt, [])
    if layout == 'long':
        return spec(vals(120), dt, [120], view='::-1')
    raise ValueError(layout)


def np_input(s):
    a = build(s)
    if s.get('transpose'):
        a = a.transpose(2, 0, 1)
    return a


def run(case, fn):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            case['expect'] = fn()
    except Exception as e:  # noqa: BLE001 - the exception class is the fixture
        name = type(e).__name__
        if name in ('UFuncTypeError', 'UFuncNoLoopError', '_UFuncNoLoopError'):
            name = 'TypeError'
        case['error'] = {'numpy': name, 'ts': TS_ERROR.get(name, name), 'message': str(e)}
    return case


def call(case):
    a = np_input(case['in'])
    o = dict(case.get('opts', {}))
    fn = case['fn']
    kw = {}
    if 'axis' in o:
        kw['axis'] = o['axis']
    if o.get('dtype') is not None:
        kw['dtype'] = o['dtype']

    def go():
        if 'out' in case:
            # the result's shape: a's own, or flattened when a cumulative function has no axis
            if fn != 'accumulate' and o.get('axis') is None:
                shape = (a.size,)
            elif a.ndim == 0:
                shape = (1,)
            else:
                shape = a.shape
            out = np.zeros(shape, dtype=case['out']['dtype'])
            kw['out'] = out
        if fn == 'accumulate':
            r = getattr(np, UFUNCS[case['ufunc']]).accumulate(a, **kw)
        else:
            r = getattr(np, fn)(a, **kw)
        if 'out' in case:
            assert r is kw['out']
        return enc_array(r)
    return run(case, go)


def cases(rng, fresh=False):
    out = []
    fns = ['cumsum', 'cumprod', 'nancumsum', 'nancumprod']
    layouts = LAYOUTS if not fresh else [rng.choice(LAYOUTS)]
    for fn in fns:
        for dt in ALL:
            for lay in layouts:
                small = fn in ('cumprod', 'nancumprod')
                s = make(rng, dt, lay, nan_heavy=fn.startswith('nan'), small=small and lay != 'long' and rng.random() < 0.7)
                nd = len(s['shape']) if not s.get('transpose') else 3
                if 'bcast' in s:
                    nd = len(s['bcast'])
                axes = [None] + (list(range(-1, nd)) if nd > 0 else [0])
                for ax in axes if not fresh else [rng.choice(axes)]:
                    out.append(call({'fn': fn, 'in': s, 'opts': {'axis': ax}}))
    # dtype= and out= (casts, promotion with out)
    for fn in ['cumsum', 'cumprod', 'nancumsum']:
        for dt in ALL:
            for odt in (['int8', 'uint16', 'int64', 'float32', 'float64', 'bool'] if not fresh else [rng.choice(ALL)]):
                s = make(rng, dt, rng.choice(['contig', 'neg', 'strided']), nospecial=True)
                out.append(call({'fn': fn, 'in': s, 'opts': {'axis': 1, 'dtype': odt}}))
                out.append(call({'fn': fn, 'in': s, 'opts': {'axis': 0}, 'out': {'dtype': odt}}))
    # accumulate: every ufunc, dtype and a few layouts
    for uf in UFUNCS:
        for dt in ALL:
            for lay in (['contig', 'neg', 'fortran', 'bcast', 'long', 'empty'] if not fresh else [rng.choice(LAYOUTS)]):
                s = make(rng, dt, lay, small=uf == 'multiply')
                out.append(call({'fn': 'accumulate', 'ufunc': uf, 'in': s, 'opts': {'axis': 0 if lay != 'fortran' else 1}}))
            s = make(rng, dt, 'contig', small=uf == 'multiply', nospecial=True)
            out.append(call({'fn': 'accumulate', 'ufunc': uf, 'in': s, 'opts': {'axis': -1}, 'out': {'dtype': rng.choice(ALL)}}))
            out.append(call({'fn': 'accumulate', 'ufunc': uf, 'in': s, 'opts': {'axis': 0, 'dtype': rng.choice(ALL)}}))
    if not fresh:
        # signed zeros for maximum/minimum, NaN placement
        z = spec([0.0, -0.0, -0.0, 0.0, float('nan'), 1.0, -0.0], 'float64', [7])
        for uf in ['maximum', 'minimum']:
            out.append(call({'fn': 'accumulate', 'ufunc': uf, 'in': z, 'opts': {}}))
        # float32 rounding at every step, long lanes
        f = spec([rng.random() * 1000 - 300 for _ in range(1500)], 'float32', [1500])
        out.append(call({'fn': 'cumsum', 'in': f, 'opts': {}}))
        out.append(call({'fn': 'cumsum', 'in': spec([rng.random() for _ in range(2000)], 'float32', [40, 50]), 'opts': {'axis': 0}}))
        out.append(call({'fn': 'cumprod', 'in': spec([1 + (rng.random() - 0.5) / 50 for _ in range(2000)], 'float32', [2000]), 'opts': {}}))
        # int64 wrapping beyond 2**63, uint64 near the top
        big = spec([2**62, 2**62, 2**62, -5, 7], 'int64', [5])
        out.append(call({'fn': 'cumsum', 'in': big, 'opts': {}}))
        out.append(call({'fn': 'cumprod', 'in': spec([2**40, 2**30, 3, 5], 'int64', [4]), 'opts': {}}))
        out.append(call({'fn': 'cumsum', 'in': spec([2**64 - 1, 2**64 - 1, 5], 'uint64', [3]), 'opts': {}}))
        # errors
        e2 = spec([1, 2, 3, 4, 5, 6], 'float64', [2, 3])
        out.append(call({'fn': 'cumsum', 'in': e2, 'opts': {'axis': 2}}))
        out.append(call({'fn': 'cumsum', 'in': e2, 'opts': {'axis': -3}}))
        out.append(call({'fn': 'accumulate', 'ufunc': 'bitwiseXor', 'in': e2, 'opts': {}}))
        out.append(call({'fn': 'accumulate', 'ufunc': 'add', 'in': spec([5], 'int32', []), 'opts': {}}))
        out.append(call({'fn': 'accumulate', 'ufunc': 'logicalAnd', 'in': e2, 'opts': {'dtype': 'int64'}}))
        out.append(call({'fn': 'accumulate', 'ufunc': 'add', 'in': e2, 'opts': {'axis': 2}}))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--fresh', type=int, default=0)
    ap.add_argument('--seed', type=int, default=1)
    args = ap.parse_args()
    if args.fresh:
        import json
        rng = random.Random(args.seed)
        cs = []
        while len(cs) < args.fresh:
            cs.extend(cases(rng, fresh=True))
        json.dump({'numpy': np.__version__, 'cases': cs[:args.fresh]}, sys.stdout, separators=(',', ':'), allow_nan=False)
        return
    rng = random.Random(20261203)
    path = write_json(OUT_DIR, 'scan.json', {'numpy': np.__version__, 'cases': cases(rng)})
    print(path, os.path.getsize(path), 'bytes')


if __name__ == '__main__':
    main()
