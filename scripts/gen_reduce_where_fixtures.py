#!/usr/bin/env python3
"""Golden fixtures for the reductions' `initial` and `where` keyword arguments, computed by NumPy (target: 2.4).

    python3 scripts/gen_reduce_where_fixtures.py          # rewrites test/fixtures/reduce-where.json
    python3 scripts/gen_reduce_where_fixtures.py --fresh 80 --seed 7   # fresh random cases on stdout

Each case: {"fn": "sum" | "prod" | "min" | "max" | "mean" | "var" | "std" | "any" | "all", "in": ARRAY,
"where": ARRAY | true | false (optional), "opts": {"axis", "keepdims", "dtype", "initial", "ddof"},
"out": {"dtype"} (optional), "expect": {"dtype", "shape", "values"} | {"scalar": v, "dtype": d}} or "error".
ARRAY: fixture_common's base spec plus "view" / "bcast". Float sums are checked bit for bit: NumPy adds each run
of selected elements of a block with its own pairwise sum, which the inputs here exercise (long lanes, runs of
every length, stepped and transposed layouts, broadcast masks).
"""
import argparse
import json
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
TS_ERROR = {'ValueError': 'ValueError', 'TypeError': 'DTypeError', 'AxisError': 'AxisError', 'OverflowError': 'OverflowError'}


def rand_val(rng, dt, special=0.05):
    if dt == 'bool':
        return rng.random() < 0.5
    if dt in FLOATS:
        if rng.random() < special:
            return rng.choice([float('nan'), float('inf'), -0.0])
        return rng.random() * 200 - 100
    info = np.iinfo(dt)
    lo = max(int(info.min), -50)
    return rng.randint(lo, min(int(info.max), lo + 100))


def spec(vals, dt, shape, **extra):
    s = {'dtype': dt, 'shape': list(shape), 'order': extra.pop('order', 'C'), 'values': [enc_scalar(v, dt) for v in vals]}
    s.update(extra)
    return s


def build(s):
    if 'gen' in s:
        g = s['gen']
        v = (np.arange(g['n'], dtype=np.float64) * g['mul']) % g['mod']
        base = (v < g['lt']) if s['dtype'] == 'bool' else (v / g['scale'] + g['shift']).astype(s['dtype'])
        if s.get('shape2'):
            base = base.reshape(s['shape2'])
        if s.get('view') is None:
            s = {k: x for k, x in s.items() if k != 'view'}
        return apply_view(base, s)
    return apply_view(build_base(s), s)


def gen(dt, n, mul, mod, scale=1.0, shift=0.0, lt=0, **extra):
    """A large input computed on both sides: ((i * mul) % mod) / scale + shift (bool: < lt), then the view."""
    s = {'dtype': dt, 'gen': {'n': n, 'mul': mul, 'mod': mod, 'scale': scale, 'shift': shift, 'lt': lt}}
    s.update(extra)
    return s


def mask_spec(rng, shape, p, **extra):
    n = int(np.prod(shape)) if shape else 1
    return spec([rng.random() < p for _ in range(n)], 'bool', shape, **extra)


def layouts(rng, dt, special=0.05):
    """(input spec, mask spec) pairs over the layout matrix."""
    v = lambda k: [rand_val(rng, dt, special) for _ in range(k)]  # noqa: E731
    p = rng.choice([0.1, 0.5, 0.9, 0.99])
    yield spec(v(20), dt, [20]), mask_spec(rng, [20], p)
    big = dt in FLOATS
    if big:
        mod = rng.choice([997, 1009, 4099])
        yield gen(dt, 2000, rng.choice([7919, 104729]), mod, 3.7, -100), gen('bool', 2000, rng.choice([31, 7717]), 1000, lt=int(1000 * p))
    yield spec(v(24), dt, [4, 6]), mask_spec(rng, [4, 6], p)
    yield spec(v(24), dt, [4, 6], view='::-1, ::-1'), mask_spec(rng, [4, 6], p)
    yield spec(v(48), dt, [6, 8], view='1::2, ::2'), mask_spec(rng, [3, 4], p)
    yield spec(v(24), dt, [4, 6], order='F'), mask_spec(rng, [4, 6], p, order='F')
    yield spec(v(24), dt, [4, 6]), mask_spec(rng, [6], p)            # mask broadcast over rows
    yield spec(v(6), dt, [6], bcast=[4, 6]), mask_spec(rng, [4, 6], p)  # input broadcast
    yield spec([], dt, [0, 3]), mask_spec(rng, [0, 3], p)
    yield spec(v(1), dt, []), mask_spec(rng, [], p)
    if big:
        yield gen(dt, 3 * 600, 7919, 1013, 2.9, -150, view=None), gen('bool', 1800, 613, 997, lt=int(997 * p))
        yield gen(dt, 40000, 104729, 10007, 13.1, -300, view='::2'), gen('bool', 40000, 7717, 1000, lt=int(1000 * p), view='::2')
        yield gen(dt, 3 * 5000, 7919, 1013, 2.9, -150, shape2=[3, 5000]), gen('bool', 15000, 613, 997, lt=int(997 * p), shape2=[3, 5000])


def run(case, fn):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            case['expect'] = fn()
    except Exception as e:  # noqa: BLE001
        name = type(e).__name__
        if name in ('UFuncTypeError', '_UFuncNoLoopError', 'UFuncNoLoopError'):
            name = 'TypeError'
        ts = TS_ERROR.get(name, name)
        if 'could not be broadcast' in str(e):
            ts = 'ShapeError'
        case['error'] = {'numpy': name, 'ts': ts, 'message': str(e)}
    return case


def call(case):
    a = build(case['in'])
    o = dict(case.get('opts', {}))
    kw = {k: o[k] for k in ('axis', 'keepdims', 'dtype', 'initial', 'ddof') if k in o}
    if 'axis' in kw and isinstance(kw['axis'], list):
        kw['axis'] = tuple(kw['axis'])
    if 'initial' in kw and isinstance(kw['initial'], str):
        kw['initial'] = int(kw['initial'])
    w = case.get('where')
    if isinstance(w, dict):
        kw['where'] = build(w)
    elif w is not None:
        kw['where'] = w

    def go():
        if 'out' in case:
            probe = getattr(np, case['fn'])(a, **kw)
            out = np.zeros(np.shape(probe), dtype=case['out']['dtype'])
            r = getattr(np, case['fn'])(a, out=out, **kw)
            assert r is out
            return enc_array(out)
        r = getattr(np, case['fn'])(a, **kw)
        if isinstance(r, np.ndarray):
            return enc_array(r)
        return {'scalar': enc_scalar(r, r.dtype.name), 'dtype': r.dtype.name}
    return run(case, go)


def initial_for(rng, dt):
    if dt in FLOATS:
        return rng.choice([0.5, -3.25, 100.0])
    if dt == 'bool':
        return rng.choice([0, 1])
    return rng.choice([0, 1, 3])


def cases(rng, fresh=False):
    out = []
    fns = ['sum', 'prod', 'min', 'max', 'mean', 'var', 'std', 'any', 'all']
    for fn in fns:
        for dt in ALL:
            specs = list(layouts(rng, dt, 0.0 if fn == 'prod' else 0.05))
            if fresh:
                specs = [rng.choice(specs)]
            for s, m in specs:
                if fn == 'prod' and dt in FLOATS:
                    if 'gen' in s:
                        s = dict(s, gen=dict(s['gen'], scale=s['gen']['mod'] * 20.0, shift=0.975))
                    else:
                        s = dict(s, values=[enc_scalar(1 + (rng.random() - 0.5) / 20, dt) for _ in s['values']])
                nd = build(s).ndim
                axes = [None] + list(range(nd))
                ax = rng.choice(axes)
                opts = {} if ax is None else {'axis': ax}
                if rng.random() < 0.2:
                    opts['keepdims'] = True
                if fn in ('var', 'std') and rng.random() < 0.3:
                    opts['ddof'] = 1
                c = {'fn': fn, 'in': s, 'where': m, 'opts': dict(opts)}
                if fn in ('min', 'max'):
                    c['opts']['initial'] = initial_for(rng, dt)
                elif fn in ('sum', 'prod') and rng.random() < 0.5:
                    c['opts']['initial'] = initial_for(rng, dt)
                out.append(call(c))
                if fn in ('sum', 'prod', 'min', 'max') and not fresh and rng.random() < 0.3:
                    # initial alone
                    out.append(call({'fn': fn, 'in': s, 'opts': dict(opts, initial=initial_for(rng, dt))}))
    if not fresh:
        f = spec([rng.random() * 10 for _ in range(30)], 'float64', [5, 6])
        fm = mask_spec(rng, [5, 6], 0.5)
        out.append(call({'fn': 'max', 'in': f, 'where': fm, 'opts': {}}))            # needs initial
        out.append(call({'fn': 'min', 'in': spec([], 'float64', [0]), 'opts': {'initial': 4.0}}))
        out.append(call({'fn': 'sum', 'in': f, 'where': True, 'opts': {}}))
        out.append(call({'fn': 'sum', 'in': f, 'where': False, 'opts': {'axis': 0}}))
        out.append(call({'fn': 'mean', 'in': f, 'where': False, 'opts': {}}))
        out.append(call({'fn': 'sum', 'in': f, 'where': mask_spec(rng, [5], 0.5), 'opts': {}}))  # does not broadcast
        out.append(call({'fn': 'sum', 'in': f, 'where': spec([1, 0, 1, 0, 1, 1], 'int64', [6]), 'opts': {}}))
        out.append(call({'fn': 'max', 'in': spec([1, 2], 'int8', [2]), 'opts': {'initial': 300}}))
        out.append(call({'fn': 'min', 'in': spec([1, 2], 'uint8', [2]), 'opts': {'initial': -1}}))
        out.append(call({'fn': 'sum', 'in': spec([1, 2], 'int8', [2]), 'opts': {'initial': 300}}))
        out.append(call({'fn': 'sum', 'in': spec([1, 2], 'int8', [2]), 'opts': {'initial': 2.5}}))
        out.append(call({'fn': 'sum', 'in': f, 'where': fm, 'opts': {'axis': 1, 'initial': 1.5}, 'out': {'dtype': 'float32'}}))
        out.append(call({'fn': 'sum', 'in': spec(list(range(30)), 'int32', [5, 6]), 'where': fm, 'opts': {'axis': 0, 'initial': 7}, 'out': {'dtype': 'int16'}}))
        out.append(call({'fn': 'prod', 'in': spec([2] * 30, 'int64', [5, 6]), 'where': fm, 'opts': {'initial': 3}}))
        out.append(call({'fn': 'sum', 'in': spec([2**62] * 6, 'int64', [6]), 'opts': {'initial': str(2**62)}}))
        out.append(call({'fn': 'mean', 'in': spec(list(range(30)), 'int16', [5, 6]), 'where': fm, 'opts': {'axis': 1}}))
        out.append(call({'fn': 'sum', 'in': f, 'where': fm, 'opts': {'dtype': 'float32'}}))
        out.append(call({'fn': 'sum', 'in': spec([rng.random() for _ in range(30)], 'float32', [5, 6]), 'where': fm, 'opts': {'dtype': 'float64', 'axis': 0}}))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--fresh', type=int, default=0)
    ap.add_argument('--seed', type=int, default=1)
    args = ap.parse_args()
    if args.fresh:
        rng = random.Random(args.seed)
        cs = []
        while len(cs) < args.fresh:
            cs.extend(cases(rng, fresh=True))
        json.dump({'numpy': np.__version__, 'cases': cs[:args.fresh]}, sys.stdout, separators=(',', ':'), allow_nan=False)
        return
    rng = random.Random(20261204)
    path = write_json(OUT_DIR, 'reduce-where.json', {'numpy': np.__version__, 'cases': cases(rng)})
    print(path, os.path.getsize(path), 'bytes')


if __name__ == '__main__':
    main()
