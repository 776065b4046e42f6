#!/usr/bin/env python3
"""Golden fixtures for strided's NaN-aware reductions and statistics, computed by NumPy (target: 2.4.6).

    python3 scripts/gen_nan_fixtures.py                 # rewrites test/fixtures/nan.json (deterministic)
    python3 scripts/gen_nan_fixtures.py --fresh 40 --seed 7
                                                        # prints fresh random cases as one fixture on stdout
                                                        # (the live fuzz in test/nan.property.test.ts)

The file is {"numpy", "arrays": {key: SPEC}, "cases": [CASE]}. SPEC builds an input view in both NumPy and strided:
    {"dtype", "shape", "values" (C order), "order": "C"|"F", "view": "::-1, 1:" (optional basic index),
     "bcast": [...] (optional broadcast_to)}
covering the layout matrix (contiguous, negative strides, F-order stepped, broadcast, empty, 0-d) for every dtype.
CASE is {"fn", "a": key, "opts": {... "out": {"dtype", "shape"} (a zeros array)}, "w": key (average weights) | "y": key (cov/corrcoef), "expect": RESULT}
or {..., "error": {"numpy": "ValueError", "ts": "ValueError", "message": "..."}}; RESULT is an encoded array
{"dtype", "shape", "values"} (np.asarray of NumPy's result), or a list of two for average(returned=True).
"zero_sign": false marks results whose zero signs may differ (nanmin/nanmax: NumPy's SIMD fmin picks either);
"tol": [rtol, atol] marks results compared with a tolerance (cov/corrcoef: NumPy's BLAS sums in its own order).
Values: bool -> JSON bool, 64-bit ints -> decimal strings, other ints -> numbers, floats -> numbers or
"nan"/"inf"/"-inf" (-0.0 is kept).
"""
import argparse
import json
import os
import random
import sys
import warnings

import numpy as np

from fixture_common import apply_view, build_base, enc_array, enc_scalar, rand_value, write_json

NUMPY_TARGET = '2.4.6'
OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures')

INTS = ['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64']
FLOATS = ['float32', 'float64']
ALL = ['bool'] + INTS + FLOATS
TS_ERROR = {'ValueError': 'ValueError', 'TypeError': 'DTypeError', 'AxisError': 'AxisError',
            'ZeroDivisionError': 'ValueError', 'RuntimeError': 'ShapeError', 'UFuncTypeError': 'DTypeError',
            'UFuncNoLoopError': 'DTypeError', 'IndexError': 'IndexError'}
REDUCERS = ['nansum', 'nanprod', 'nanmean', 'nanvar', 'nanstd', 'nanmin', 'nanmax', 'nanargmin', 'nanargmax',
            'countNonzero', 'ptp']


def np_fn(name):
    return {'countNonzero': np.count_nonzero}.get(name) or getattr(np, name)


def float_val(rng, dt, nan_p):
    r = rng.random()
    if r < nan_p:
        return float('nan')
    if r < nan_p + 0.03:
        return rng.choice([float('inf'), float('-inf'), -0.0, 0.0])
    v = (rng.random() - 0.4) * 10 ** rng.randint(-2, 3)
    return float(np.float32(v)) if dt == 'float32' else v


def values(rng, dt, k, nan_p=0.3, ties=False):
    if dt in FLOATS:
        if ties:
            return [rng.choice([1.5, -2.0, float('nan'), 0.0, -0.0, 1.5]) for _ in range(k)]
        return [float_val(rng, dt, nan_p) for _ in range(k)]
    return [rand_value(rng, dt) for _ in range(k)]


def spec(dt, shape, vals, **extra):
    s = {'dtype': dt, 'shape': list(shape), 'order': 'C', 'values': [enc_scalar(v, dt) for v in vals]}
    s.update(extra)
    return s


def build(s):
    base = build_base({'dtype': s['dtype'], 'shape': s['shape'], 'order': s.get('order', 'C'), 'values': s['values']})
    return apply_view(base, s)


def layouts(rng, dt):
    """(key suffix, spec, ndim) for the layout matrix."""
    n = lambda k, **kw: values(rng, dt, k, **kw)  # noqa: E731
    out = [
        ('c2', spec(dt, [3, 5], n(15)), 2),
        ('c3', spec(dt, [2, 3, 4], n(24)), 3),
        ('neg', spec(dt, [3, 5], n(15), view='::-1, ::-1'), 2),
        ('fstep', spec(dt, [4, 6], n(24), order='F', view='::1, ::2'), 2),
        ('tr3', spec(dt, [3, 4, 2], n(24), view='::-1, 1:, :'), 3),
        ('bcast', spec(dt, [5], n(5), bcast=[3, 5]), 2),
        ('bcol', spec(dt, [3, 1], n(3), bcast=[3, 4]), 2),
        ('empty', spec(dt, [2, 0], []), 2),
        ('empty0', spec(dt, [0, 3], []), 2),
        ('zerod', spec(dt, [], n(1)), 0),
        ('one', spec(dt, [7], n(7)), 1),
    ]
    if dt in FLOATS:
        rows = n(5 * 7)
        for j in range(7):  # an all-NaN row and column
            rows[2 * 7 + j] = float('nan')
        for i in range(5):
            rows[i * 7 + 4] = float('nan')
        out += [
            ('allnan', spec(dt, [5, 7], rows), 2),
            ('long', spec(dt, [300], n(300, nan_p=0.1)), 1),
            ('longneg', spec(dt, [300], n(300, nan_p=0.1), view='::-2'), 1),
            ('wide', spec(dt, [20, 37], n(740, nan_p=0.1)), 2),
            ('widef', spec(dt, [37, 20], n(740, nan_p=0.1), order='F', view='::-1, :'), 2),
            ('wideT', spec(dt, [37, 20], n(740, nan_p=0.1)), 2),
            ('ties', spec(dt, [4, 6], n(24, ties=True)), 2),
            ('sorted', spec(dt, [12], sorted(v for v in n(12, nan_p=0.0))), 1),
            ('rev', spec(dt, [12], sorted((v for v in n(12, nan_p=0.0)), reverse=True)), 1),
            ('big', spec(dt, [40, 30], n(1200, nan_p=0.05), view='::-1, ::3'), 2),
        ]
    return out


def axes_for(ndim, fn):
    if ndim == 0:
        return [None, 0]
    if ndim == 1:
        return [None, 0, -1]
    if ndim == 2:
        ax = [None, 0, 1, -1]
        if fn not in ('nanargmin', 'nanargmax'):
            ax.append([0, 1])
        return ax
    ax = [None, 0, 2]
    if fn not in ('nanargmin', 'nanargmax'):
        ax += [[0, 2], [2, 0, 1]]
    return ax


def enc_result(r):
    if isinstance(r, tuple):
        return [enc_array(np.asarray(x)) for x in r]
    return enc_array(np.asarray(r))


def run(case, arrays):
    a = build(arrays[case['a']])
    o = dict(case.get('opts', {}))
    if 'axis' in o and isinstance(o['axis'], list):
        o['axis'] = tuple(o['axis'])
    if 'out' in o:
        o['out'] = np.zeros(o['out']['shape'], dtype=o['out']['dtype'])
    fn = case['fn']
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            if fn == 'average':
                if 'w' in case:
                    o['weights'] = build(arrays[case['w']])
                r = np.average(a, **o)
            elif fn in ('cov', 'corrcoef'):
                y = build(arrays[case['y']]) if 'y' in case else None
                for k in ('fweights', 'aweights'):
                    if k in o:
                        o[k] = np.array(o[k], dtype=float)
                r = np_fn(fn)(a, y, **o)
            else:
                r = np_fn(fn)(a, **o)
        case['expect'] = enc_result(r)
    except Exception as e:  # noqa: BLE001
        name = type(e).__name__
        if name == 'AxisError':
            name = 'AxisError'
        ts = 'ShapeError' if 'concatenation axis' in str(e) else TS_ERROR.get(name, name)
        case['error'] = {'numpy': name, 'ts': ts, 'message': str(e)}
    if fn in ('nanmin', 'nanmax'):
        case['zero_sign'] = False
    return case


def reduction_cases(rng, arrays, cases, dtypes, full=True):
    for dt in dtypes:
        for key, s, nd in layouts(rng, dt):
            if not full and key not in ('c2', 'neg', 'bcast', 'zerod', 'empty', 'c3'):
                continue
            if dt in INTS and dt not in ('int8', 'int64', 'uint64') and key not in ('c2', 'neg', 'fstep', 'zerod', 'empty'):
                continue
            k = f'{dt}-{key}'
            arrays[k] = s
            for fn in REDUCERS:
                for ax in axes_for(nd, fn):
                    opts = {} if ax is None else {'axis': ax}
                    cases.append({'fn': fn, 'a': k, 'opts': opts})
                if nd >= 1 and fn != 'countNonzero':
                    cases.append({'fn': fn, 'a': k, 'opts': {'axis': 0, 'keepdims': True}})
                if nd >= 2 and fn not in ('nanargmin', 'nanargmax'):
                    cases.append({'fn': fn, 'a': k, 'opts': {'keepdims': True}})
                if nd >= 1 and fn == 'countNonzero':
                    cases.append({'fn': fn, 'a': k, 'opts': {'axis': [0], 'keepdims': True}})
            if dt in FLOATS or dt in ('int32', 'bool'):
                for fn, o in [('nanvar', {'ddof': 1}), ('nanstd', {'ddof': 2, 'axis': 0}), ('nanvar', {'ddof': 0.5, 'axis': -1}),
                              ('nanmean', {'dtype': 'float64'}), ('nansum', {'dtype': 'float32', 'axis': 0}),
                              ('nanvar', {'dtype': 'float64', 'axis': 0}), ('nanmean', {'dtype': 'int64'}),
                              ('nanprod', {'dtype': 'float64'})]:
                    if nd == 0 and 'axis' in o:
                        continue
                    if o.get('dtype') == 'int64' and key.startswith('empty'):
                        continue  # mean's NaN cast to int64 (core's mean, not this module)
                    cases.append({'fn': fn, 'a': k, 'opts': o})


def out_cases(rng, arrays, cases):
    """`out=` of the same and of another dtype (NumPy casts into it)."""
    for dt in FLOATS:
        k = f'out-{dt}'
        vals = values(rng, dt, 40, nan_p=0.3)
        vals[5:10] = [float('nan')] * 5
        arrays[k] = spec(dt, [8, 5], vals, view='::-1, :')
        for fn in ['nansum', 'nanprod', 'nanmean', 'nanvar', 'nanstd', 'nanmin', 'nanmax', 'nanargmin', 'nanargmax', 'ptp']:
            for odt in (['float64', 'float32'] if fn not in ('nanargmin', 'nanargmax') else ['int64']):
                cases.append({'fn': fn, 'a': k, 'opts': {'axis': 0, 'out': {'dtype': odt, 'shape': [5]}}})
                if fn not in ('nanargmin', 'nanargmax'):
                    cases.append({'fn': fn, 'a': k, 'opts': {'axis': 1, 'keepdims': True, 'out': {'dtype': odt, 'shape': [8, 1]}}})
    arrays['out-i16'] = spec('int16', [4, 3], values(rng, 'int16', 12))
    for fn in ['nansum', 'nanmean', 'nanmin', 'ptp', 'nanvar']:
        cases.append({'fn': fn, 'a': 'out-i16', 'opts': {'axis': 1, 'out': {'dtype': 'float64', 'shape': [4]}}})


def average_cases(rng, arrays, cases):
    for dt in ['float64', 'float32', 'int32', 'bool', 'int64']:
        a = spec(dt, [3, 4], values(rng, dt, 12, nan_p=0.1))
        ka = f'avg-{dt}'
        arrays[ka] = a
        arrays[ka + '-neg'] = dict(a, view='::-1, ::-1')
        for wdt in ['float64', 'float32', 'int64']:
            kw = f'avgw-{wdt}'
            arrays[kw + '-full'] = spec(wdt, [3, 4], [abs(v) + 1 for v in values(rng, 'float32' if wdt != 'int64' else 'int8', 12, nan_p=0)])
            arrays[kw + '-row'] = spec(wdt, [4], [abs(v) + 1 for v in values(rng, 'float32' if wdt != 'int64' else 'int8', 4, nan_p=0)])
            arrays[kw + '-col'] = spec(wdt, [3], [abs(v) + 1 for v in values(rng, 'float32' if wdt != 'int64' else 'int8', 3, nan_p=0)])
            arrays[kw + '-t'] = spec(wdt, [4, 3], [abs(v) + 1 for v in values(rng, 'float32' if wdt != 'int64' else 'int8', 12, nan_p=0)])
        for src in [ka, ka + '-neg']:
            cases.append({'fn': 'average', 'a': src, 'opts': {}})
            cases.append({'fn': 'average', 'a': src, 'opts': {'axis': 1, 'returned': True}})
            cases.append({'fn': 'average', 'a': src, 'opts': {'axis': 0, 'keepdims': True}})
            for wdt in ['float64', 'float32', 'int64']:
                kw = f'avgw-{wdt}'
                cases.append({'fn': 'average', 'a': src, 'w': kw + '-full', 'opts': {}})
                cases.append({'fn': 'average', 'a': src, 'w': kw + '-full', 'opts': {'returned': True}})
                cases.append({'fn': 'average', 'a': src, 'w': kw + '-full', 'opts': {'axis': 0, 'returned': True}})
                cases.append({'fn': 'average', 'a': src, 'w': kw + '-row', 'opts': {'axis': 1, 'returned': True}})
                cases.append({'fn': 'average', 'a': src, 'w': kw + '-row', 'opts': {'axis': -1, 'keepdims': True, 'returned': True}})
                cases.append({'fn': 'average', 'a': src, 'w': kw + '-col', 'opts': {'axis': 0}})
                cases.append({'fn': 'average', 'a': src, 'w': kw + '-t', 'opts': {'axis': [1, 0], 'returned': True}})
                cases.append({'fn': 'average', 'a': src, 'w': kw + '-row', 'opts': {}})  # TypeError
                cases.append({'fn': 'average', 'a': src, 'w': kw + '-col', 'opts': {'axis': 1}})  # ValueError
    # long weighted sums (pairwise) and zero weights
    arrays['avg-long'] = spec('float64', [500], values(rng, 'float64', 500, nan_p=0))
    arrays['avgw-long'] = spec('float64', [500], [rng.random() for _ in range(500)])
    arrays['avgw-zero'] = spec('float64', [3], [1.0, -1.0, 0.0])
    arrays['avg-3'] = spec('float64', [3], [1.0, 2.0, 3.0])
    arrays['avg-empty'] = spec('float64', [0, 3], [])
    cases.append({'fn': 'average', 'a': 'avg-long', 'w': 'avgw-long', 'opts': {'returned': True}})
    cases.append({'fn': 'average', 'a': 'avg-long', 'opts': {'returned': True}})
    cases.append({'fn': 'average', 'a': 'avg-3', 'w': 'avgw-zero', 'opts': {}})
    cases.append({'fn': 'average', 'a': 'avg-empty', 'opts': {'axis': 1}})
    cases.append({'fn': 'average', 'a': 'avg-empty', 'opts': {'axis': 0}})


def cov_cases(rng, arrays, cases):
    def m(dt, shape, **kw):
        k = int(np.prod(shape))
        if dt in FLOATS:
            vals = [(rng.random() - 0.5) * 10 for _ in range(k)]
        else:
            vals = [rand_value(rng, dt) for _ in range(k)]
        return spec(dt, shape, vals, **kw)
    arrays['cov-a'] = m('float64', [3, 10])
    arrays['cov-aneg'] = m('float64', [3, 10], view='::-1, ::-1')
    arrays['cov-b'] = m('float64', [10, 4])
    arrays['cov-1d'] = m('float64', [10])
    arrays['cov-1d2'] = m('float64', [10])
    arrays['cov-i'] = m('int32', [2, 10])
    arrays['cov-f32'] = m('float32', [4, 10])
    arrays['cov-big'] = m('float64', [12, 200])
    arrays['cov-0d'] = m('float64', [])
    arrays['cov-e'] = spec('float64', [0, 5], [])
    arrays['cov-3d'] = m('float64', [2, 2, 2])
    arrays['cov-y'] = m('float64', [2, 10])
    arrays['cov-ybad'] = m('float64', [2, 9])
    arrays['cov-const'] = spec('float64', [2, 4], [1.0, 1.0, 1.0, 1.0, 1.0, 2.0, 3.0, 4.0])
    fw = [rng.randint(0, 3) for _ in range(10)]
    aw = [rng.random() for _ in range(10)]
    for fn in ['cov', 'corrcoef']:
        for k in ['cov-a', 'cov-aneg', 'cov-1d', 'cov-i', 'cov-f32', 'cov-big', 'cov-0d', 'cov-e', 'cov-3d', 'cov-const']:
            cases.append({'fn': fn, 'a': k, 'opts': {}})
        cases.append({'fn': fn, 'a': 'cov-b', 'opts': {'rowvar': False}})
        cases.append({'fn': fn, 'a': 'cov-a', 'y': 'cov-y', 'opts': {}})
        cases.append({'fn': fn, 'a': 'cov-1d', 'y': 'cov-1d2', 'opts': {}})
        cases.append({'fn': fn, 'a': 'cov-a', 'y': 'cov-ybad', 'opts': {}})
        cases.append({'fn': fn, 'a': 'cov-a', 'opts': {'dtype': 'float32'}})
    for o in [{'bias': True}, {'ddof': 0}, {'ddof': 3}, {'ddof': 10}, {'ddof': 12}, {'fweights': fw}, {'aweights': aw},
              {'fweights': fw, 'aweights': aw}, {'fweights': fw, 'aweights': aw, 'ddof': 0}, {'fweights': fw, 'bias': True},
              {'ddof': 1.5}, {'fweights': [0.5] * 10}, {'fweights': [1] * 9}, {'aweights': [-1.0] + [1.0] * 9},
              {'fweights': [-1] + [1] * 9}, {'aweights': [[1.0] * 10]}, {'aweights': [0.0] * 10}]:
        cases.append({'fn': 'cov', 'a': 'cov-a', 'opts': o})
    cases.append({'fn': 'cov', 'a': 'cov-b', 'opts': {'rowvar': False, 'aweights': [rng.random() for _ in range(10)]}})


def finish(cases, arrays):
    for c in cases:
        run(c, arrays)
        if c['fn'] in ('cov', 'corrcoef') and 'expect' in c:
            f32 = arrays[c['a']]['dtype'] == 'float32' or c.get('opts', {}).get('dtype') == 'float32'
            c['tol'] = [2e-5, 1e-6] if f32 else [1e-12, 1e-13]
    return {'numpy': np.__version__, 'arrays': arrays, 'cases': cases}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--fresh', type=int, default=0)
    ap.add_argument('--seed', type=int, default=1)
    args = ap.parse_args()
    if args.fresh:
        rng = random.Random(args.seed)
        arrays, cases = {}, []
        dts = [rng.choice(ALL) for _ in range(max(1, args.fresh // 40))] + [rng.choice(FLOATS)]
        reduction_cases(rng, arrays, cases, dts, full=False)
        average_cases(rng, arrays, cases)
        cov_cases(rng, arrays, cases)
        rng.shuffle(cases)
        cases = cases[:args.fresh]
        used = {c[k] for c in cases for k in ('a', 'w', 'y') if k in c}
        arrays = {k: v for k, v in arrays.items() if k in used}
        json.dump(finish(cases, arrays), sys.stdout, separators=(',', ':'), allow_nan=False)
        return
    if np.__version__ != NUMPY_TARGET:
        print(f'warning: numpy {np.__version__}, fixtures target {NUMPY_TARGET}', file=sys.stderr)
    rng = random.Random(12)
    arrays, cases = {}, []
    reduction_cases(rng, arrays, cases, ALL)
    out_cases(rng, arrays, cases)
    average_cases(rng, arrays, cases)
    cov_cases(rng, arrays, cases)
    path = write_json(OUT_DIR, 'nan.json', finish(cases, arrays))
    print(f'{path}: {len(cases)} cases, {os.path.getsize(path)} bytes')


if __name__ == '__main__':
    main()
