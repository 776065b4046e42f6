#!/usr/bin/env python3
"""Golden fixtures for strided's selection and order statistics, computed by NumPy (target: 2.4).

    python3 scripts/gen_quantile_fixtures.py            # rewrites test/fixtures/quantile.json (deterministic)
    python3 scripts/gen_quantile_fixtures.py --fresh 200 --seed 7
                                                        # prints fresh random quantile cases as one fixture on
                                                        # stdout (the live fuzz of test/quantile.property.test.ts)

Cases:
    {"fn": "quantile" | "percentile" | "nanquantile" | "nanpercentile" | "median" | "nanmedian",
     "a": ARRAY, "q": Q (quantile-like only), "opts": {...}, "expect": RESULT}
    {"fn": "partition" | "argpartition", "a": ARRAY, "kth": int | [ints], "opts": {...},
     "expect": {"sorted": ENC (np.sort along the axis / of the flattened array), "kth": [normalised ranks]}}
     (large 1-d inputs: {"kthValues": ENC, "kth": [...]} instead of "sorted")
    {..., "error": {"numpy": "ValueError", "ts": "ValueError", "message": "..."}}

ARRAY: {"dtype", "shape", "values" (C order), "order": "C"|"F", "view": basic index on the base (optional),
"bcast": broadcast_to shape (optional)} (scripts/fixture_common.py) or {"dtype", "gen": {"n", "mul", "mod",
"scale", "shift"}}: ((i * mul) % mod) / scale + shift for i < n in float64, cast to dtype (large inputs).
Q: {"scalar": number} (a Python float: NumPy's weak q) or {"array": ENC} (a float64 array).
RESULT: {"scalar": ENC value, "dtype": name} for a NumPy scalar result, else an encoded array
{"dtype", "shape", "values"}. Partition results are checked by the guarantee (kth in place, smaller before,
larger after), since NumPy does not fix the order inside the pieces.
"""
import argparse
import json
import os
import random
import sys
import warnings

import numpy as np

from fixture_common import apply_view, build_base, enc_array, enc_scalar, write_json

NUMPY_TARGET = '2.4'
OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures')

INTS = ['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64']
FLOATS = ['float32', 'float64']
ALL = ['bool'] + INTS + FLOATS
METHODS = ['inverted_cdf', 'averaged_inverted_cdf', 'closest_observation', 'interpolated_inverted_cdf', 'hazen',
           'weibull', 'linear', 'median_unbiased', 'normal_unbiased', 'lower', 'higher', 'midpoint', 'nearest']
DISCRETE = ['inverted_cdf', 'closest_observation', 'lower', 'higher', 'nearest']
TS_ERROR = {'ValueError': 'ValueError', 'TypeError': 'DTypeError', 'IndexError': 'IndexError', 'AxisError': 'AxisError'}
QSET = [0.0, 0.1, 0.25, 1 / 3, 0.5, 0.6, 0.75, 0.9, 1.0]


def build(spec):
    dt = spec['dtype']
    if 'gen' in spec:
        g = spec['gen']
        return ((np.arange(g['n'], dtype=np.float64) * g['mul']) % g['mod'] / g['scale'] + g['shift']).astype(dt)
    base = build_base({'dtype': dt, 'shape': spec['shape'], 'order': spec.get('order', 'C'), 'values': spec['values']})
    return apply_view(base, spec)


def rand_val(rng, dt, ties=False, nan=0.0, inf=0.0):
    if dt == 'bool':
        return rng.random() < 0.5
    if dt in FLOATS:
        r = rng.random()
        if r < nan:
            return float('nan')
        if r < nan + inf:
            return rng.choice([float('inf'), float('-inf')])
        if ties:
            return float(rng.randint(-3, 3))
        return rng.randint(-4000, 4000) / 64
    info = np.iinfo(dt)
    if ties:
        return int(max(info.min, min(info.max, rng.randint(-3, 3) + (0 if info.min < 0 else 3))))
    if dt in ('int64', 'uint64', 'int32', 'uint32') and rng.random() < 0.2:
        return int(info.max) - rng.randint(0, 5) if rng.random() < 0.5 or info.min == 0 else int(info.min) + rng.randint(0, 5)
    if rng.random() < 0.1:
        return int(rng.choice([info.min, info.max]))
    return rng.randint(max(int(info.min), -120), min(int(info.max), 120))


def spec_of(vals, dt, shape, **extra):
    s = {'dtype': dt, 'shape': list(shape), 'values': [enc_scalar(v, dt) for v in vals]}
    s.update(extra)
    return s


def make(rng, dt, layout, **kw):
    """An input spec of the given layout."""
    def vals(k):
        return [rand_val(rng, dt, **kw) for _ in range(k)]
    n = rng.choice([5, 6, 7, 8, 11])
    if layout == 'c1':
        return spec_of(vals(n), dt, [n])
    if layout == 'neg':
        return spec_of(vals(n), dt, [n], view='::-1')
    if layout == 'step':
        return spec_of(vals(2 * n), dt, [2 * n], view='1::2')
    if layout == 'c2':
        return spec_of(vals(12), dt, [3, 4])
    if layout == 'f2':
        return spec_of(vals(15), dt, [3, 5], order='F')
    if layout == 'neg2':
        return spec_of(vals(20), dt, [4, 5], view='::-1, ::-2')
    if layout == 't3':
        return spec_of(vals(24), dt, [2, 3, 4], view='::1, ::-1, 1:')
    if layout == 'bcast':
        return spec_of(vals(4), dt, [4], bcast=[3, 4])
    if layout == 'zero_d':
        return spec_of(vals(1), dt, [])
    if layout == 'sorted':
        v = sorted(vals(n), key=lambda x: (x != x, x))
        return spec_of(v, dt, [n])
    if layout == 'reversed':
        v = sorted(vals(n), key=lambda x: (x != x, x))[::-1]
        return spec_of(v, dt, [n])
    raise ValueError(layout)


def enc_result(r):
    if isinstance(r, np.ndarray):
        return enc_array(r)
    r = np.asarray(r)
    if r.ndim == 0 and not isinstance(r, np.ndarray):
        pass
    return {'scalar': enc_scalar(r[()], r.dtype.name), 'dtype': r.dtype.name}


def run_stat(case):
    """Fill case['expect'] or case['error'] with NumPy's answer."""
    a = build(case['a'])
    fn = getattr(np, case['fn'])
    kw = {}
    o = case.get('opts', {})
    for k, nk in (('axis', 'axis'), ('keepdims', 'keepdims'), ('method', 'method')):
        if k in o:
            kw[nk] = tuple(o[k]) if isinstance(o[k], list) else o[k]
    args = [a]
    if 'q' in case:
        q = case['q']
        args.append(q['scalar'] if 'scalar' in q else np.array(q['array']['values'], dtype=np.float64).reshape(q['array']['shape']))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            r = fn(*args, **kw)
        # strided returns an NDArray when axis/keepdims is given or q is an array
        if isinstance(r, np.ndarray):
            case['expect'] = enc_array(r)
        else:
            case['expect'] = {'scalar': enc_scalar(r, np.asarray(r).dtype.name), 'dtype': np.asarray(r).dtype.name}
    except Exception as e:  # noqa: BLE001
        name = type(e).__name__
        case['error'] = {'numpy': name, 'ts': TS_ERROR.get(name, name), 'message': str(e)}
    return case


def run_partition(case):
    a = build(case['a'])
    o = case.get('opts', {})
    axis = o.get('axis', -1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            np.partition(a, case['kth'], axis=axis)
        srt = np.sort(a, axis=axis)
        n = srt.shape[axis] if axis is not None else a.size
        ks = case['kth'] if isinstance(case['kth'], list) else [case['kth']]
        kn = sorted(set(k % n if n else k for k in ks))
        if srt.size <= 2000:
            case['expect'] = {'sorted': enc_array(srt), 'kth': kn}
        else:
            # a large 1-d input: only the kth values (the test checks the rest of the guarantee itself)
            case['expect'] = {'kthValues': enc_array(srt.reshape(-1)[kn]), 'kth': kn}
    except Exception as e:  # noqa: BLE001
        name = type(e).__name__
        case['error'] = {'numpy': name, 'ts': TS_ERROR.get(name, name), 'message': str(e)}
    return case


def q_scalar(v):
    return {'scalar': v}


def q_array(vs, shape=None):
    arr = np.array(vs, dtype=np.float64)
    if shape is not None:
        arr = arr.reshape(shape)
    return {'array': enc_array(arr)}


LAYOUTS = ['c1', 'neg', 'step', 'c2', 'f2', 'neg2', 't3', 'bcast', 'zero_d', 'sorted', 'reversed']


def axis_for(rng, spec):
    nd = len(spec['bcast']) if 'bcast' in spec else len(build(spec).shape)
    choices = [None]
    if nd >= 1:
        choices += list(range(-1, nd))
    if nd >= 2:
        choices += [[0, nd - 1]]
    if nd == 3:
        choices += [[0, 1, 2], [2, 0]]
    return rng.choice(choices)


def gen_methods(rng):
    """Every method × dtype × q array and a scalar q, on random data with ties and extreme values."""
    cases = []
    for m in METHODS:
        for dt in ALL:
            for ties in (False, True):
                a = make(rng, dt, rng.choice(['c1', 'neg', 'step', 'sorted', 'reversed']), ties=ties)
                cases.append(run_stat({'fn': 'quantile', 'a': a, 'q': q_array(QSET), 'opts': {'method': m}}))
            a = make(rng, dt, 'c1')
            cases.append(run_stat({'fn': 'quantile', 'a': a, 'q': q_scalar(rng.choice([0.0, 1.0, 0.37, 0.5, 0.999])), 'opts': {'method': m}}))
            cases.append(run_stat({'fn': 'percentile', 'a': a, 'q': q_scalar(rng.choice([0.0, 100.0, 37.0, 50.0, 12.5])), 'opts': {'method': m}}))
        for dt in FLOATS:
            a = make(rng, dt, 'c2', nan=0.3, inf=0.1)
            cases.append(run_stat({'fn': 'nanquantile', 'a': a, 'q': q_array([0, 0.3, 0.5, 1]), 'opts': {'method': m, 'axis': 1}}))
            cases.append(run_stat({'fn': 'quantile', 'a': a, 'q': q_array([0.2, 0.7]), 'opts': {'method': m, 'axis': 0}}))
            cases.append(run_stat({'fn': 'nanpercentile', 'a': make(rng, dt, 'c1', nan=0.4), 'q': q_scalar(42.0), 'opts': {'method': m}}))
    return cases


def gen_layouts(rng):
    """The layout matrix × axis choices for quantile/percentile/median and their nan- forms."""
    cases = []
    for dt in ALL:
        for lay in LAYOUTS:
            for fn in ('median', 'nanmedian', 'quantile', 'percentile', 'nanquantile'):
                nan = 0.25 if dt in FLOATS and fn.startswith('nan') else 0.0
                a = make(rng, dt, lay, nan=nan, ties=rng.random() < 0.3)
                opts = {}
                ax = axis_for(rng, a)
                if ax is not None:
                    opts['axis'] = ax
                if rng.random() < 0.3:
                    opts['keepdims'] = True
                case = {'fn': fn, 'a': a, 'opts': opts}
                if fn != 'median' and fn != 'nanmedian':
                    opts['method'] = rng.choice(DISCRETE) if dt == 'bool' else rng.choice(['linear', 'nearest', 'hazen', 'midpoint'])
                    scale = 100 if 'percentile' in fn else 1
                    qs = [q_scalar(0.5 * scale), q_array([0.1 * scale, 0.5 * scale, 0.95 * scale])]
                    # NumPy 2.4's nan- forms put a 2-d q's axes in a scrambled order when several axes are reduced
                    # (_nanquantile_ureduce_func moves axes [-1, 0] after _ureduce set axis=-1): not replayed
                    if not (fn.startswith('nan') and isinstance(ax, list)):
                        qs.append(q_array([[0, 0.25 * scale], [0.75 * scale, scale]]))
                    case['q'] = rng.choice(qs)
                cases.append(run_stat(case))
    return cases


def gen_special(rng):
    """NaN-heavy, all-NaN, infinities, empty inputs and large generated inputs (the parallel radix path)."""
    cases = []
    nan = float('nan')
    inf = float('inf')
    for dt in FLOATS:
        for fn in ('median', 'nanmedian'):
            cases.append(run_stat({'fn': fn, 'a': spec_of([nan, 1, 2, nan, 3, nan, nan, 4, nan, nan, nan, nan], dt, [3, 4]), 'opts': {'axis': 1}}))
            cases.append(run_stat({'fn': fn, 'a': spec_of([nan, nan], dt, [2])}))
            cases.append(run_stat({'fn': fn, 'a': spec_of([inf, -inf, 1, inf], dt, [4])}))
        for fn in ('quantile', 'nanquantile'):
            cases.append(run_stat({'fn': fn, 'a': spec_of([1, inf], dt, [2]), 'q': q_array([0, 0.5, 0.75, 1])}))
            cases.append(run_stat({'fn': fn, 'a': spec_of([-inf, inf, 2], dt, [3]), 'q': q_array([0, 0.25, 0.5, 1])}))
            cases.append(run_stat({'fn': fn, 'a': spec_of([nan] * 6, dt, [2, 3]), 'q': q_scalar(0.5), 'opts': {'axis': 0}}))
        # empty
        for fn in ('median', 'nanmedian', 'nanquantile', 'quantile'):
            case = {'fn': fn, 'a': spec_of([], dt, [0])}
            if 'quantile' in fn:
                case['q'] = q_scalar(0.5)
            cases.append(run_stat(case))
            case = {'fn': fn, 'a': spec_of([], dt, [3, 0]), 'opts': {'axis': 1}}
            if 'quantile' in fn:
                case['q'] = q_array([0.5, 0.7])
            cases.append(run_stat(case))
            case = {'fn': fn, 'a': spec_of([], dt, [0, 3]), 'opts': {'axis': 1}}
            if 'quantile' in fn:
                case['q'] = q_scalar(0.5)
            cases.append(run_stat(case))
    cases.append(run_stat({'fn': 'median', 'a': spec_of([], 'int32', [2, 0]), 'opts': {'axis': 1}}))
    # large inputs: the radix path (one long lane) and many lanes
    for dt in ['float64', 'float32', 'int32', 'int64', 'uint16']:
        shift = -1000.0 if dt[0] != 'u' else 0.0
        g = {'n': 300001, 'mul': 7919, 'mod': 100003, 'scale': 1.0 if dt[0] in 'iu' else 7.0, 'shift': shift}
        a = {'dtype': dt, 'gen': g}
        cases.append(run_stat({'fn': 'median', 'a': a}))
        cases.append(run_stat({'fn': 'percentile', 'a': a, 'q': q_array([1, 50, 99])}))
        cases.append(run_stat({'fn': 'quantile', 'a': a, 'q': q_array([0, 0.001, 0.5, 1]), 'opts': {'method': 'weibull'}}))
        cases.append(run_stat({'fn': 'quantile', 'a': a, 'q': q_scalar(0.3), 'opts': {'method': 'nearest'}}))
    g = {'n': 400000, 'mul': 7919, 'mod': 100003, 'scale': 7.0, 'shift': -500.0}
    cases.append(run_stat({'fn': 'median', 'a': {'dtype': 'float64', 'gen': {'n': 400000, 'mul': 1, 'mod': 3, 'scale': 1.0, 'shift': 0.0}}}))
    cases.append(run_stat({'fn': 'median', 'a': {'dtype': 'float64', 'gen': g}}))
    return cases


def gen_partition(rng):
    cases = []
    for dt in ALL:
        for lay in LAYOUTS:
            nan = 0.3 if dt in FLOATS and rng.random() < 0.5 else 0.0
            a = make(rng, dt, lay, nan=nan, ties=rng.random() < 0.4)
            arr = build(a)
            for fn in ('partition', 'argpartition'):
                if arr.ndim == 0:
                    cases.append(run_partition({'fn': fn, 'a': a, 'kth': 0, 'opts': {'axis': None}}))
                    continue
                axis = rng.choice([None, -1, 0] + list(range(arr.ndim)))
                n = arr.size if axis is None else arr.shape[axis]
                kth = rng.choice([0, n - 1, -1, n // 2, [0, n // 2, -1], [n - 1, 1]]) if n > 1 else 0
                cases.append(run_partition({'fn': fn, 'a': a, 'kth': kth, 'opts': {} if axis == -1 else {'axis': axis}}))
    big = {'dtype': 'float64', 'gen': {'n': 100000, 'mul': 7919, 'mod': 100003, 'scale': 7.0, 'shift': -500.0}}
    cases.append(run_partition({'fn': 'partition', 'a': big, 'kth': [10, 50000, 99999]}))
    return cases


def gen_errors():
    cases = []
    f = spec_of([1.0, 2.0, 3.0, 4.0], 'float64', [4])
    m = spec_of([1.0] * 6, 'float64', [2, 3])
    z = spec_of([5.0], 'float64', [])
    cases.append(run_stat({'fn': 'quantile', 'a': f, 'q': q_scalar(1.5)}))
    cases.append(run_stat({'fn': 'quantile', 'a': f, 'q': q_array([0.5, -0.1])}))
    cases.append(run_stat({'fn': 'percentile', 'a': f, 'q': q_scalar(101.0)}))
    cases.append(run_stat({'fn': 'nanpercentile', 'a': f, 'q': q_scalar(-1.0)}))
    cases.append(run_stat({'fn': 'nanquantile', 'a': f, 'q': q_scalar(2.0)}))
    cases.append(run_stat({'fn': 'quantile', 'a': f, 'q': q_array([[[0.5]]])}))
    cases.append(run_stat({'fn': 'quantile', 'a': f, 'q': q_scalar(0.5), 'opts': {'method': 'foo'}}))
    cases.append(run_stat({'fn': 'quantile', 'a': m, 'q': q_scalar(0.5), 'opts': {'axis': 2}}))
    cases.append(run_stat({'fn': 'median', 'a': m, 'opts': {'axis': -3}}))
    cases.append(run_stat({'fn': 'median', 'a': m, 'opts': {'axis': [0, 0]}}))
    cases.append(run_stat({'fn': 'median', 'a': z, 'opts': {'axis': 0}}))
    cases.append(run_stat({'fn': 'quantile', 'a': spec_of([True, False], 'bool', [2]), 'q': q_scalar(0.5)}))
    cases.append(run_stat({'fn': 'quantile', 'a': spec_of([], 'float64', [0]), 'q': q_scalar(0.5)}))
    cases.append(run_stat({'fn': 'quantile', 'a': spec_of([], 'int16', [3, 0]), 'q': q_scalar(0.5), 'opts': {'axis': 1, 'method': 'lower'}}))
    cases.append(run_partition({'fn': 'partition', 'a': f, 'kth': 4}))
    cases.append(run_partition({'fn': 'partition', 'a': f, 'kth': -5}))
    cases.append(run_partition({'fn': 'argpartition', 'a': f, 'kth': [1, 7]}))
    cases.append(run_partition({'fn': 'partition', 'a': m, 'kth': 0, 'opts': {'axis': 2}}))
    cases.append(run_partition({'fn': 'partition', 'a': z, 'kth': 0}))
    return cases


def fresh(n, seed):
    rng = random.Random(seed)
    cases = []
    for _ in range(n):
        dt = rng.choice(ALL)
        fn = rng.choice(['quantile', 'percentile', 'nanquantile', 'nanpercentile', 'median', 'nanmedian'])
        lay = rng.choice(LAYOUTS)
        nan = 0.2 if dt in FLOATS and rng.random() < 0.5 else 0.0
        a = make(rng, dt, lay, nan=nan, ties=rng.random() < 0.4)
        opts = {}
        ax = axis_for(rng, a)
        if ax is not None:
            opts['axis'] = ax
        case = {'fn': fn, 'a': a, 'opts': opts}
        if 'median' not in fn:
            opts['method'] = rng.choice(DISCRETE if dt == 'bool' else METHODS)
            scale = 100 if 'percentile' in fn else 1
            if rng.random() < 0.5:
                case['q'] = q_scalar(rng.choice([0.0, 1.0, rng.random()]) * scale)
            else:
                case['q'] = q_array([rng.choice([0.0, 1.0, rng.random()]) * scale for _ in range(rng.randint(1, 5))])
        cases.append(run_stat(case))
    return {'numpy': np.__version__, 'cases': cases}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--fresh', type=int, default=0)
    ap.add_argument('--seed', type=int, default=1)
    args = ap.parse_args()
    if args.fresh:
        json.dump(fresh(args.fresh, args.seed), sys.stdout, separators=(',', ':'), allow_nan=False)
        return
    rng = random.Random(20260312)
    cases = gen_methods(rng) + gen_layouts(rng) + gen_special(rng) + gen_partition(rng) + gen_errors()
    path = write_json(OUT_DIR, 'quantile.json', {'numpy': np.__version__, 'target': NUMPY_TARGET, 'cases': cases})
    print(f'{path}: {len(cases)} cases, {os.path.getsize(path)} bytes')


if __name__ == '__main__':
    main()
