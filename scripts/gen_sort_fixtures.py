#!/usr/bin/env python3
"""Golden fixtures for strided's sorting functions (sort, argsort, ndarray.sort, lexsort), computed by NumPy
(target: 2.4.6).

    python3 scripts/gen_sort_fixtures.py            # rewrites test/fixtures/sort.json (deterministic)
    python3 scripts/gen_sort_fixtures.py --fresh 40 --seed 7
                                                    # prints fresh random cases as one fixture on stdout
                                                    # (the live fuzz of test/sort.property.test.ts)

The file holds {"numpy": version, "cases": [...]}; a case is

    {"fn": "sort" | "argsort" | "ndsort" | "lexsort", "in": {"a": SPEC} | {"keys": SPEC | [SPEC, ...]},
     "opts": {...}, "expect": ENCODED_ARRAY, "by_value": bool, "gather": bool}
  or {..., "error": {"numpy": "AxisError", "ts": "AxisError", "message": "..."}}
  or {..., "sample": {"step": s, "shape": [...], "dtype": ..., "values": [...]}}  (large inputs: every s-th
     element of the flattened result, plus the last one)

"ndsort" is the in-place ndarray.sort of the view (its new contents are the expectation). SPEC builds an input
view in both NumPy and strided: {"dtype", "shape", "values" (C order), "order": "C"|"F", "view": basic index
applied to the base (optional), "bcast": broadcast_to shape (optional)}, or {"dtype", "gen": {"n", "mul",
"mod", "scale", "shift"}}: ((i * mul) % mod) / scale + shift for i < n in float64, cast to dtype (inputs too
large to store). Stable kinds are compared exactly (every kind of strided gives the stable result). For
kind='quicksort' cases "by_value" is true: NumPy's unstable sort may order -0/+0 and NaN payloads differently,
so zeros are compared without sign; with "gather" the expectation holds the values NumPy's argsort gathers
(np.take_along_axis), which the test compares with the values strided's indices gather.
Values: bool -> JSON bool, 64-bit ints -> decimal strings, other ints -> numbers, floats -> numbers or
"nan"/"inf"/"-inf" (-0.0 is kept).
"""
import json
import os
import random
import sys

import numpy as np

from fixture_common import apply_view, build_base, enc_array, write_json

NUMPY_TARGET = '2.4.6'
OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures')

INTS = ['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64']
FLOATS = ['float16', 'float32', 'float64']
ALL = ['bool'] + INTS + FLOATS
TS_ERROR = {'ValueError': 'ValueError', 'TypeError': 'DTypeError', 'AxisError': 'AxisError', 'IndexError': 'IndexError'}


def build(spec):
    dt = spec['dtype']
    if 'gen' in spec:
        g = spec['gen']
        return ((np.arange(g['n'], dtype=np.float64) * g['mul']) % g['mod'] / g['scale'] + g['shift']).astype(dt)
    base = build_base({'dtype': dt, 'shape': spec['shape'], 'order': spec.get('order', 'C'), 'values': spec['values']})
    return apply_view(base, spec)


def special(dt):
    if dt == 'bool':
        return [False, True]
    if dt in FLOATS:
        return [0.0, -0.0, float('nan'), float('inf'), float('-inf'), 1.5, -2.25]
    info = np.iinfo(dt)
    return [0, int(info.min), int(info.max), 1, int(info.max) - 1]


def rand_val(rng, dt, kind):
    """kind: 'mixed' (specials and small values), 'ties' (three values), 'nan' (mostly NaN)."""
    if dt == 'bool':
        return rng.random() < 0.5
    if kind == 'ties':
        return rng.choice([0, 1, 2]) if dt not in FLOATS else rng.choice([0.0, -0.0, 1.0, 2.5])
    if kind == 'nan' and dt in FLOATS:
        return float('nan') if rng.random() < 0.6 else rng.choice([0.0, -0.0, 1.0, -1.0, float('inf')])
    if rng.random() < 0.2:
        return rng.choice(special(dt))
    if dt in FLOATS:
        return rng.randint(-40, 40) / 4
    info = np.iinfo(dt)
    return rng.randint(max(int(info.min), -50), min(int(info.max), 50))


def spec_of(rng, dt, shape, order='C', kind='mixed', view=None, bcast=None, values=None):
    n = int(np.prod(shape)) if shape else 1
    vals = values if values is not None else [rand_val(rng, dt, kind) for _ in range(n)]
    s = {'dtype': dt, 'shape': list(shape), 'order': order, 'values': [enc(v, dt) for v in vals]}
    if view is not None:
        s['view'] = view
    if bcast is not None:
        s['bcast'] = list(bcast)
    return s


def enc(v, dt):
    if dt == 'bool':
        return bool(v)
    if dt in ('int64', 'uint64'):
        return str(int(v))
    if dt in FLOATS:
        f = float(v)
        if f != f:
            return 'nan'
        if f in (float('inf'), float('-inf')):
            return 'inf' if f > 0 else '-inf'
        return f
    return int(v)


def np_opts(opts):
    o = dict(opts)
    return o


def run_case(fn, inp, opts):
    """The NumPy result of a case (raises what NumPy raises)."""
    o = np_opts(opts)
    if fn == 'lexsort':
        k = inp['keys']
        keys = [build(s) for s in k] if isinstance(k, list) else build(k)
        if isinstance(k, list):
            keys = tuple(keys)
        return np.lexsort(keys, **o)
    a = build(inp['a'])
    if fn == 'sort':
        return np.sort(a, **o)
    if fn == 'argsort':
        return np.argsort(a, **o)
    if fn == 'ndsort':
        c = a.copy() if not a.flags.writeable else a
        c.sort(**o)
        return c
    raise ValueError(fn)


def make_case(fn, inp, opts, sample=None):
    case = {'fn': fn, 'in': inp, 'opts': opts}
    try:
        r = run_case(fn, inp, opts)
    except Exception as e:  # noqa: BLE001 - the fixture records NumPy's error class
        name = type(e).__name__
        case['error'] = {'numpy': name, 'ts': TS_ERROR.get(name, name), 'message': str(e)}
        return case
    quick = fn in ('sort', 'argsort', 'ndsort') and (opts.get('kind') in (None, 'quicksort', 'heapsort'))
    if quick:
        case['by_value'] = True
    if fn == 'argsort' and quick:
        # the values NumPy's indices gather (ties may be ordered differently)
        a = build(inp['a'])
        ax = opts.get('axis', -1)
        if ax is None:
            g = a.reshape(-1)[r]
        elif a.ndim == 0:
            g = a.reshape(1)[r]
        else:
            g = np.take_along_axis(a, r, axis=ax)
        case['gather'] = True
        case['index_shape'] = list(r.shape)
        r = g
    if sample is not None:
        flat = np.asarray(r).reshape(-1)
        idx = list(range(0, flat.size, sample)) + [flat.size - 1]
        case['sample'] = {'step': sample, 'dtype': r.dtype.name, 'shape': list(r.shape),
                          'values': [enc(flat[i], r.dtype.name) for i in idx]}
    else:
        case['expect'] = enc_array(r)
    return case


def layouts(rng, dt, kind='mixed'):
    """(label, spec) pairs covering contiguous, negative strides, non-contiguous, F order, broadcast, empty, 0-d."""
    return [
        ('c1', spec_of(rng, dt, [17], kind=kind)),
        ('c2', spec_of(rng, dt, [4, 6], kind=kind)),
        ('neg', spec_of(rng, dt, [5, 7], kind=kind, view='::-1, ::-2')),
        ('step', spec_of(rng, dt, [3, 10], kind=kind, view=':, 1::3')),
        ('F', spec_of(rng, dt, [4, 3, 5], order='F', kind=kind)),
        ('bcast', spec_of(rng, dt, [6], kind=kind, bcast=[3, 6])),
        ('empty', spec_of(rng, dt, [0, 4], kind=kind)),
        ('zero-d', spec_of(rng, dt, [], kind=kind)),
    ]


def cases_main():
    rng = random.Random(12)
    out = []
    for dt in ALL:
        for label, spec in layouts(rng, dt):
            nd = len(spec['shape']) if 'bcast' not in spec else len(spec['bcast'])
            axes = [None] if nd == 0 else [None, -1] + list(range(nd - 1))
            for ax in axes:
                for fn in ('sort', 'argsort'):
                    out.append(make_case(fn, {'a': spec}, {'axis': ax, 'kind': 'stable'}))
                if ax is not None and label != 'bcast':
                    out.append(make_case('ndsort', {'a': spec}, {'axis': ax, 'kind': 'stable'}))
            # default kind (quicksort), compared by value
            out.append(make_case('sort', {'a': spec}, {}))
            out.append(make_case('argsort', {'a': spec}, {}))
        # ties, NaN-heavy, sorted and reversed lanes (long enough for the radix passes)
        for kind in ('ties', 'nan'):
            if kind == 'nan' and dt not in FLOATS:
                continue
            spec = spec_of(rng, dt, [3, 70], kind=kind)
            for ax in (0, 1, None):
                out.append(make_case('sort', {'a': spec}, {'axis': ax, 'kind': 'mergesort'}))
                out.append(make_case('argsort', {'a': spec}, {'axis': ax, 'kind': 'stable'}))
        vals = sorted(rand_val(rng, dt, 'mixed') for _ in range(90)) if dt not in FLOATS else None
        if vals is not None:
            out.append(make_case('argsort', {'a': spec_of(rng, dt, [90], values=vals)}, {'kind': 'stable'}))
            out.append(make_case('argsort', {'a': spec_of(rng, dt, [90], values=vals[::-1])}, {'kind': 'stable'}))
    # floats: sorted / reversed with zeros of both signs and NaNs
    for dt in FLOATS:
        v = [float(x) / 4 for x in range(-30, 30)] + [-0.0, 0.0, -0.0, float('nan'), float('inf'), float('-inf')]
        out.append(make_case('sort', {'a': spec_of(rng, dt, [len(v)], values=v)}, {'kind': 'stable'}))
        out.append(make_case('argsort', {'a': spec_of(rng, dt, [len(v)], values=v[::-1])}, {'kind': 'stable'}))
    # kind names NumPy accepts
    for k in ('quicksort', 'mergesort', 'heapsort', 'stable', 'q', 'S', 'm'):
        out.append(make_case('sort', {'a': spec_of(rng, 'int32', [9])}, {'kind': k}))
    # large inputs: runs and merges (few long lanes), stored as samples
    big = {'dtype': 'float64', 'gen': {'n': 300007, 'mul': 7919, 'mod': 1000, 'scale': 8, 'shift': -60}}
    out.append(make_case('sort', {'a': big}, {'kind': 'stable'}, sample=997))
    out.append(make_case('argsort', {'a': big}, {'kind': 'stable'}, sample=997))
    out.append(make_case('ndsort', {'a': big}, {'kind': 'stable'}, sample=997))
    big32 = {'dtype': 'int32', 'gen': {'n': 262150, 'mul': 104729, 'mod': 65521, 'scale': 1, 'shift': -30000}}
    out.append(make_case('sort', {'a': big32}, {'kind': 'stable'}, sample=991))
    out.append(make_case('argsort', {'a': big32}, {'kind': 'stable'}, sample=991))
    big16 = {'dtype': 'float16', 'gen': {'n': 140003, 'mul': 7919, 'mod': 3001, 'scale': 16, 'shift': -90}}
    out.append(make_case('sort', {'a': big16}, {'kind': 'stable'}, sample=499))
    out.append(make_case('argsort', {'a': big16}, {'kind': 'stable'}, sample=499))
    big64 = {'dtype': 'int64', 'gen': {'n': 140000, 'mul': 7, 'mod': 50, 'scale': 1, 'shift': -25}}
    out.append(make_case('argsort', {'a': big64}, {'kind': 'stable'}, sample=499))
    # lexsort
    for dt in ALL:
        keys = spec_of(rng, dt, [3, 12], kind='ties')
        out.append(make_case('lexsort', {'keys': keys}, {}))
        k3 = spec_of(rng, dt, [2, 4, 5], kind='ties', view=':, ::-1, :')
        for ax in (0, 1, -1):
            out.append(make_case('lexsort', {'keys': k3}, {'axis': ax}))
    mixed = [spec_of(rng, 'float64', [10], kind='ties'), spec_of(rng, 'int8', [10], kind='ties'),
             spec_of(rng, 'uint64', [20], kind='ties', view='::2'), spec_of(rng, 'bool', [10])]
    out.append(make_case('lexsort', {'keys': mixed}, {}))
    out.append(make_case('lexsort', {'keys': spec_of(rng, 'int32', [2, 0])}, {}))
    out.append(make_case('lexsort', {'keys': spec_of(rng, 'int32', [2])}, {}))
    # errors
    a23 = spec_of(rng, 'float64', [2, 3])
    out.append(make_case('sort', {'a': a23}, {'axis': 2}))
    out.append(make_case('argsort', {'a': a23}, {'axis': -3}))
    out.append(make_case('sort', {'a': a23}, {'kind': 'x'}))
    out.append(make_case('sort', {'a': a23}, {'order': 'f'}))
    out.append(make_case('sort', {'a': spec_of(rng, 'float64', [])}, {}))
    out.append(make_case('argsort', {'a': spec_of(rng, 'float64', [])}, {'axis': 1}))
    out.append(make_case('ndsort', {'a': a23}, {'axis': None}))
    out.append(make_case('ndsort', {'a': a23}, {'axis': 2}))
    out.append(make_case('lexsort', {'keys': [spec_of(rng, 'int32', [3]), spec_of(rng, 'int32', [4])]}, {}))
    out.append(make_case('lexsort', {'keys': a23}, {'axis': 1}))
    out.append(make_case('lexsort', {'keys': a23}, {'axis': None}))
    return out


def cases_fresh(n, seed):
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        dt = rng.choice(ALL)
        nd = rng.randint(1, 3)
        shape = [rng.randint(0 if rng.random() < 0.1 else 1, 9) for _ in range(nd)]
        kind = rng.choice(['mixed', 'ties', 'nan'])
        view = None
        if rng.random() < 0.4:
            view = ', '.join(rng.choice(['::-1', '::2', '1:', ':']) for _ in range(nd))
        spec = spec_of(rng, dt, shape, order=rng.choice(['C', 'F']), kind=kind, view=view)
        ax = rng.choice([None, -1] + list(range(nd)))
        fn = rng.choice(['sort', 'argsort', 'ndsort', 'lexsort'])
        if fn == 'ndsort' and ax is None:
            ax = -1
        if fn == 'lexsort':
            if nd < 2 or shape[0] == 0:
                fn = 'argsort'
            else:
                out.append(make_case('lexsort', {'keys': spec}, {'axis': -1 if ax is None else rng.choice([-1, 0]) if nd > 2 else -1}))
                continue
        out.append(make_case(fn, {'a': spec}, {'axis': ax, 'kind': 'stable'}))
    return out


def main():
    if '--fresh' in sys.argv:
        n = int(sys.argv[sys.argv.index('--fresh') + 1])
        seed = int(sys.argv[sys.argv.index('--seed') + 1]) if '--seed' in sys.argv else 0
        json.dump({'numpy': np.__version__, 'cases': cases_fresh(n, seed)}, sys.stdout, separators=(',', ':'), allow_nan=False)
        return
    if np.__version__ != NUMPY_TARGET:
        print(f'warning: numpy {np.__version__}, fixtures target {NUMPY_TARGET}', file=sys.stderr)
    path = write_json(OUT_DIR, 'sort.json', {'numpy': np.__version__, 'cases': cases_main()})
    print(path, os.path.getsize(path), 'bytes')


if __name__ == '__main__':
    main()
