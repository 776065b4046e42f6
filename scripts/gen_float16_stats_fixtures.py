#!/usr/bin/env python3
"""Golden fixtures for float16 inputs of the order statistics, scans, NaN-aware reductions, statistics and
histogram, computed by NumPy (target: 2.4.6).

    python3 scripts/gen_float16_stats_fixtures.py       # rewrites test/fixtures/float16-stats.json (deterministic)

The file is {"numpy", "nan": {"arrays", "cases"}, "quantile": [CASE], "scan": [CASE], "histogram": {"arrays", "cases"}}
(histogram inputs are {"ref": key} into its arrays table); each
section uses the case format (and the NumPy runner) of its family's generator: gen_nan_fixtures.py,
gen_quantile_fixtures.py, gen_scan_fixtures.py; histogram cases are gen_search_fixtures.py's. Values are exact
halves (so building the input in NumPy and in strided gives the same bits) chosen where float16 rounding shows:
near 2048 (spacing 2), 1000-65504 (overflow of sums and of nanmedian's masked mean past 32752), fractions that a
float32 intermediate would keep, subnormals, ±0, ±inf and NaN; over the layout matrix (contiguous, negative
strides, steps, F order, transposes, broadcast, empty, 0-d, NaN-heavy, ties).
"""
import os
import random
import sys
import warnings

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixture_common import enc_array, enc_scalar, write_json  # noqa: E402
import gen_nan_fixtures as nanfx  # noqa: E402
import gen_quantile_fixtures as qfx  # noqa: E402
import gen_scan_fixtures as scanfx  # noqa: E402

NUMPY_TARGET = '2.4.6'
OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures')
H = 'float16'
SPECIAL = [float('inf'), float('-inf'), 0.0, -0.0, 65504.0, -65504.0, 2.0 ** -24, 6.103515625e-05]


def half(v):
    return float(np.float16(v))


def hval(rng, nan_p=0.1, special_p=0.05, ties=False):
    """One exact half value."""
    r = rng.random()
    if r < nan_p:
        return float('nan')
    if r < nan_p + special_p:
        return rng.choice(SPECIAL)
    if ties:
        return rng.choice([1.5, -2.0, 0.0, -0.0, 2049.0, 1.5])
    k = rng.randint(0, 4)
    if k == 0:
        return half(rng.randint(-4000, 4000) / 64)
    if k == 1:
        return half(2048 + rng.randint(-20, 200))
    if k == 2:
        return half(rng.choice([-1, 1]) * rng.randint(1000, 65504))
    if k == 3:
        return half((rng.random() - 0.4) * 10 ** rng.randint(-6, 4))
    return half(rng.randint(30000, 65504))


def vals(rng, k, **kw):
    return [hval(rng, **kw) for _ in range(k)]


# ------------------------------------------------------------------------------------------ nan reductions

def nan_layouts(rng):
    n = lambda k, **kw: vals(rng, k, **kw)  # noqa: E731
    sp = nanfx.spec
    rows = n(35, nan_p=0.2)
    for j in range(7):
        rows[14 + j] = float('nan')
    for i in range(5):
        rows[i * 7 + 4] = float('nan')
    small = lambda k: [half(rng.randint(-40, 40) / 8) if rng.random() > 0.2 else float('nan') for _ in range(k)]  # noqa: E731
    return [
        ('c2', sp(H, [3, 5], n(15)), 2),
        ('c3', sp(H, [2, 3, 4], n(24)), 3),
        ('neg', sp(H, [3, 5], n(15), view='::-1, ::-1'), 2),
        ('fstep', sp(H, [4, 6], n(24), order='F', view='::1, ::2'), 2),
        ('tr3', sp(H, [3, 4, 2], n(24), view='::-1, 1:, :'), 3),
        ('bcast', sp(H, [5], n(5), bcast=[3, 5]), 2),
        ('empty', sp(H, [2, 0], []), 2),
        ('zerod', sp(H, [], n(1, nan_p=0)), 0),
        ('allnan', sp(H, [5, 7], rows), 2),
        ('ties', sp(H, [4, 6], n(24, ties=True)), 2),
        ('small', sp(H, [6, 9], small(54)), 2),
        ('long', sp(H, [300], n(300, nan_p=0.1, special_p=0.0)), 1),
        ('longneg', sp(H, [300], small(300), view='::-2'), 1),
        ('wide', sp(H, [20, 37], small(740)), 2),
        ('widef', sp(H, [37, 20], small(740), order='F', view='::-1, :'), 2),
    ]


def nan_section(rng):
    arrays, cases = {}, []
    for key, s, nd in nan_layouts(rng):
        k = f'h-{key}'
        arrays[k] = s
        for fn in nanfx.REDUCERS:
            for ax in nanfx.axes_for(nd, fn):
                cases.append({'fn': fn, 'a': k, 'opts': {} if ax is None else {'axis': ax}})
            if nd >= 1 and fn != 'countNonzero':
                cases.append({'fn': fn, 'a': k, 'opts': {'axis': 0, 'keepdims': True}})
        for fn, o in [('nanvar', {'ddof': 1}), ('nanstd', {'ddof': 2, 'axis': 0}), ('nanmean', {'dtype': 'float32'}),
                      ('nanmean', {'dtype': 'float64', 'axis': -1}), ('nansum', {'dtype': 'float32', 'axis': 0}),
                      ('nanvar', {'dtype': 'float64', 'axis': 0}), ('nanprod', {'dtype': 'float64'})]:
            if nd == 0 and 'axis' in o:
                continue
            cases.append({'fn': fn, 'a': k, 'opts': o})
    # out= of float16 and into float16
    vs = vals(rng, 40, nan_p=0.3)
    vs[5:10] = [float('nan')] * 5
    arrays['h-out'] = nanfx.spec(H, [8, 5], vs, view='::-1, :')
    arrays['f-out'] = nanfx.spec('float32', [8, 5], [half(v) for v in vals(rng, 40, nan_p=0.3)])
    for fn in ['nansum', 'nanprod', 'nanmean', 'nanvar', 'nanstd', 'nanmin', 'nanmax', 'ptp']:
        for src, odt in [('h-out', 'float16'), ('h-out', 'float32'), ('f-out', 'float16')]:
            cases.append({'fn': fn, 'a': src, 'opts': {'axis': 0, 'out': {'dtype': odt, 'shape': [5]}}})
    # average: float16 data, weights of float16 / float32 / int8, returned, keepdims
    arrays['avg-h'] = nanfx.spec(H, [3, 4], [half(abs(v)) for v in vals(rng, 12, nan_p=0, special_p=0)])
    arrays['avg-hs'] = nanfx.spec(H, [3, 4], [half(rng.randint(-40, 40) / 8) for _ in range(12)], view='::-1, :')
    arrays['avg-f'] = nanfx.spec('float32', [3, 4], [rng.randint(-40, 40) / 8 for _ in range(12)])
    arrays['avgw-h'] = nanfx.spec(H, [3, 4], [half(rng.randint(1, 900) / 8) for _ in range(12)])
    arrays['avgw-hrow'] = nanfx.spec(H, [4], [half(rng.randint(1, 900) / 8) for _ in range(4)])
    arrays['avgw-f'] = nanfx.spec('float32', [3, 4], [rng.randint(1, 900) / 8 for _ in range(12)])
    arrays['avgw-i8'] = nanfx.spec('int8', [3, 4], [rng.randint(1, 100) for _ in range(12)])
    for a in ['avg-h', 'avg-hs']:
        cases.append({'fn': 'average', 'a': a, 'opts': {}})
        cases.append({'fn': 'average', 'a': a, 'opts': {'axis': 1, 'returned': True}})
        cases.append({'fn': 'average', 'a': a, 'opts': {'axis': 0, 'keepdims': True}})
        for w in ['avgw-h', 'avgw-f', 'avgw-i8']:
            cases.append({'fn': 'average', 'a': a, 'w': w, 'opts': {}})
            cases.append({'fn': 'average', 'a': a, 'w': w, 'opts': {'axis': 0, 'returned': True}})
        cases.append({'fn': 'average', 'a': a, 'w': 'avgw-hrow', 'opts': {'axis': 1, 'returned': True}})
    cases.append({'fn': 'average', 'a': 'avg-f', 'w': 'avgw-h', 'opts': {'axis': 1}})
    # cov / corrcoef of float16 data: NumPy computes in float64 (BLAS order: a tolerance)
    arrays['cov-h'] = nanfx.spec(H, [3, 10], [half((rng.random() - 0.5) * 10) for _ in range(30)])
    arrays['cov-hneg'] = nanfx.spec(H, [3, 10], [half((rng.random() - 0.5) * 10) for _ in range(30)], view='::-1, ::-1')
    arrays['cov-h1'] = nanfx.spec(H, [10], [half((rng.random() - 0.5) * 10) for _ in range(10)])
    for fn in ['cov', 'corrcoef']:
        for k in ['cov-h', 'cov-hneg', 'cov-h1']:
            cases.append({'fn': fn, 'a': k, 'opts': {}})
        cases.append({'fn': fn, 'a': 'cov-h', 'opts': {'rowvar': False}})
        cases.append({'fn': fn, 'a': 'cov-h', 'opts': {'dtype': 'float32'}})
    cases.append({'fn': 'cov', 'a': 'cov-h', 'opts': {'ddof': 0, 'aweights': [rng.random() for _ in range(10)]}})
    return nanfx.finish(cases, arrays)


# ------------------------------------------------------------------------------------------ quantile

QSCALARS = [0.0, 0.1, 0.25, 1 / 3, 0.5, 0.6, 0.75, 0.9, 1.0]


def q_layouts(rng):
    sp = qfx.spec_of
    v = lambda k, **kw: vals(rng, k, **kw)  # noqa: E731
    out = [
        ('c1', sp(v(7, nan_p=0), H, [7])),
        ('even', sp(v(8, nan_p=0), H, [8])),
        ('neg', sp(v(11, nan_p=0), H, [11], view='::-1')),
        ('step', sp(v(12, nan_p=0), H, [12], view='1::2')),
        ('c2', sp(v(12, nan_p=0), H, [3, 4])),
        ('f2', sp(v(15, nan_p=0), H, [3, 5], order='F')),
        ('neg2', sp(v(20, nan_p=0), H, [4, 5], view='::-1, ::-2')),
        ('t3', sp(v(24, nan_p=0), H, [2, 3, 4], view='::1, ::-1, 1:')),
        ('bcast', sp(v(4, nan_p=0), H, [4], bcast=[3, 4])),
        ('zero_d', sp(v(1, nan_p=0), H, [])),
        ('nan', sp(v(12, nan_p=0.35), H, [3, 4])),
        ('ties', sp(v(10, nan_p=0, ties=True), H, [10])),
        ('inf', sp([float('inf'), -1.5, float('-inf'), 2049.0, float('inf'), 3.0], H, [2, 3])),
        ('big', sp([half(rng.randint(30000, 65504)) for _ in range(9)], H, [3, 3])),
        ('sorted', sp(sorted(v(9, nan_p=0, special_p=0)), H, [9])),
        ('reversed', sp(sorted(v(9, nan_p=0, special_p=0))[::-1], H, [9])),
    ]
    return out


def q_axes(spec):
    nd = len(spec['bcast']) if 'bcast' in spec else len(qfx.build(spec).shape)
    axes = [None]
    if nd >= 1:
        axes.append(-1)
    if nd >= 2:
        axes += [0, [0, nd - 1]]
    return axes


def quantile_section(rng):
    cases = []
    for key, s in q_layouts(rng):
        axes = q_axes(s)
        for fn in ['median', 'nanmedian']:
            for ax in axes:
                cases.append({'fn': fn, 'a': s, 'opts': {} if ax is None else {'axis': ax}})
            if len(axes) > 1:
                cases.append({'fn': fn, 'a': s, 'opts': {'axis': axes[1], 'keepdims': True}})
        for fn in ['quantile', 'nanquantile']:
            for m in qfx.METHODS:
                ax = rng.choice(axes)
                o = {'method': m} if ax is None else {'method': m, 'axis': ax}
                cases.append({'fn': fn, 'a': s, 'q': {'scalar': rng.choice(QSCALARS)}, 'opts': o})
                cases.append({'fn': fn, 'a': s, 'q': qfx.q_array([0.0, 0.1, 0.5, 0.7, 1.0]), 'opts': o})
        for fn in ['percentile', 'nanpercentile']:
            ax = rng.choice(axes)
            o = {} if ax is None else {'axis': ax}
            cases.append({'fn': fn, 'a': s, 'q': {'scalar': 37.5}, 'opts': o})
            cases.append({'fn': fn, 'a': s, 'q': qfx.q_array([5.0, 50.0, 95.0]), 'opts': dict(o, method='hazen')})
        if 'bcast' not in s or True:
            nd = len(s['bcast']) if 'bcast' in s else len(s['shape'])
            if nd >= 1 and qfx.build(s).size > 0:
                n = qfx.build(s).shape[-1]
                for fn in ['partition', 'argpartition']:
                    cases.append({'fn': fn, 'a': s, 'kth': rng.randrange(n), 'opts': {}})
                    cases.append({'fn': fn, 'a': s, 'kth': [0, n - 1], 'opts': {'axis': None}})
    # float16 lerp points: a + (b-a)*t and b - (b-a)*(1-t) in half arithmetic, over many gammas and magnitudes
    for lo, hi in [(2048.0, 2050.0), (0.1, 0.3), (1000.0, 65504.0), (-65504.0, 65504.0), (1.0, 1.0009765625)]:
        s = qfx.spec_of([half(lo), half(hi), half(lo), half(hi), half((lo + hi) / 2)], H, [5])
        for q in [0.01, 0.13, 0.3, 0.45, 0.55, 0.77, 0.999]:
            for fn in ['quantile', 'nanquantile']:
                cases.append({'fn': fn, 'a': s, 'q': {'scalar': q}, 'opts': {}})
            cases.append({'fn': 'quantile', 'a': s, 'q': qfx.q_array([q]), 'opts': {}})
    # nanmedian: NumPy's masked median (float16 sum of the middle pair, overflowing past 32752) for short lanes
    big = qfx.spec_of([half(rng.randint(32000, 65504)) if rng.random() > 0.2 else float('nan') for _ in range(24)], H, [4, 6])
    for fn in ['median', 'nanmedian']:
        for o in [{}, {'axis': 0}, {'axis': 1}, {'axis': [0, 1]}, {'axis': 1, 'keepdims': True}]:
            cases.append({'fn': fn, 'a': big, 'opts': o})
    t3 = qfx.spec_of([half(rng.randint(32000, 65504)) for _ in range(30)], H, [2, 3, 5])
    for o in [{'axis': [1, 2]}, {'axis': [0, 2]}, {'axis': 2}]:
        cases.append({'fn': 'nanmedian', 'a': t3, 'opts': o})
    # lanes of 600 and more: NumPy's apply_along_axis median (float32 mean of the pair)
    long2 = qfx.spec_of([half(rng.randint(32000, 65504)) for _ in range(2 * 601)], H, [2, 601])
    long3 = qfx.spec_of([half(rng.randint(32000, 65504)) for _ in range(2 * 600)], H, [2, 600])
    for s in [long2, long3]:
        cases.append({'fn': 'nanmedian', 'a': s, 'opts': {'axis': 1}})
        cases.append({'fn': 'nanmedian', 'a': s, 'opts': {'axis': 0}})
    # empty
    e = qfx.spec_of([], H, [2, 0])
    for fn, o in [('median', {'axis': 1}), ('nanmedian', {}), ('nanquantile', {'axis': 1}), ('quantile', {'axis': 1})]:
        c = {'fn': fn, 'a': e, 'opts': o}
        if 'quantile' in fn:
            c['q'] = {'scalar': 0.5}
        cases.append(c)
    # long lanes (the parallel radix path): generated, cast to float16
    gen = {'dtype': H, 'gen': {'n': 300000, 'mul': 7919, 'mod': 100003, 'scale': 3.0, 'shift': -16000.0}}
    cases.append({'fn': 'median', 'a': gen, 'opts': {}})
    cases.append({'fn': 'quantile', 'a': gen, 'q': {'scalar': 0.3}, 'opts': {}})
    cases.append({'fn': 'quantile', 'a': gen, 'q': qfx.q_array([0.1, 0.9]), 'opts': {'method': 'weibull'}})
    cases.append({'fn': 'partition', 'a': gen, 'kth': [5, 150000], 'opts': {}})
    out = []
    for c in cases:
        out.append(qfx.run_partition(c) if c['fn'].endswith('partition') else qfx.run_stat(c))
    return out


# ------------------------------------------------------------------------------------------ scans

def scan_section(rng):
    def make(layout, nan_heavy=False, small=False):
        def v(k):
            if small:
                return [rng.choice([0.5, 1.0, 1.25, -1.5, 2.0, 0.75, 1.0009765625, float('nan') if nan_heavy else 3.0]) for _ in range(k)]
            return vals(rng, k, nan_p=0.4 if nan_heavy else 0.03)
        sp = scanfx.spec
        if layout == 'contig':
            return sp(v(12), H, [3, 4])
        if layout == 'neg':
            return sp(v(12), H, [3, 4], view='::-1, ::-1')
        if layout == 'strided':
            return sp(v(24), H, [4, 6], view='1::2, ::2')
        if layout == 'fortran':
            return sp(v(12), H, [3, 4], order='F')
        if layout == 'transposed':
            return sp(v(24), H, [2, 3, 4], transpose=True)
        if layout == 'bcast':
            return sp(v(4), H, [4], bcast=[3, 4])
        if layout == 'empty':
            return sp([], H, [2, 0, 3])
        if layout == '0d':
            return sp(v(1), H, [])
        if layout == 'long':
            # small steps onto a large sum: every partial rounds to half
            return sp([half(2048 + rng.randint(0, 50)) if i == 0 else half(rng.choice([1.0, 0.5, 1.5, 3.0, 0.1]))
                       for i in range(120)], H, [120], view='::-1')
        raise ValueError(layout)
    cases = []
    for fn in ['cumsum', 'cumprod', 'nancumsum', 'nancumprod']:
        for lay in scanfx.LAYOUTS:
            s = make(lay, nan_heavy=fn.startswith('nan'), small=fn.endswith('prod') and lay != 'long')
            nd = 3 if s.get('transpose') else len(s['bcast']) if 'bcast' in s else len(s['shape'])
            for ax in [None] + (list(range(-1, nd)) if nd > 0 else [0]):
                cases.append(scanfx.call({'fn': fn, 'in': s, 'opts': {'axis': ax}}))
    c = make('contig')
    for fn in ['cumsum', 'nancumsum', 'cumprod']:
        for o, out in [({'axis': 1, 'dtype': 'float32'}, None), ({'axis': 0, 'dtype': 'float64'}, None),
                       ({'axis': 1}, {'dtype': 'float32'}), ({'axis': 0}, {'dtype': 'float16'})]:
            case = {'fn': fn, 'in': c, 'opts': o}
            if out is not None:
                case['out'] = out
            cases.append(scanfx.call(case))
    # into a float16 loop from other dtypes
    f32 = scanfx.spec([rng.randint(-400, 400) / 8 for _ in range(12)], 'float32', [3, 4])
    i16 = scanfx.spec([rng.randint(-99, 99) for _ in range(12)], 'int16', [3, 4])
    for s in [f32, i16]:
        cases.append(scanfx.call({'fn': 'cumsum', 'in': s, 'opts': {'axis': 1, 'dtype': 'float16'}}))
        cases.append(scanfx.call({'fn': 'cumsum', 'in': s, 'opts': {'axis': 0}, 'out': {'dtype': 'float16'}}))
    for uf in ['add', 'multiply', 'maximum', 'minimum']:
        for lay in ['contig', 'neg', 'transposed']:
            s = make(lay, small=uf == 'multiply')
            for ax in [0, -1]:
                cases.append(scanfx.call({'fn': 'accumulate', 'ufunc': uf, 'in': s, 'opts': {'axis': ax}}))
    zs = scanfx.spec([0.0, -0.0, -0.0, 0.0, float('nan'), 1.0], H, [6])
    for uf in ['maximum', 'minimum']:
        cases.append(scanfx.call({'fn': 'accumulate', 'ufunc': uf, 'in': zs, 'opts': {'axis': 0}}))
    for uf in ['bitwiseAnd', 'logicalAnd']:
        cases.append(scanfx.call({'fn': 'accumulate', 'ufunc': uf, 'in': c, 'opts': {'axis': 0}}))
    return cases


# ------------------------------------------------------------------------------------------ histogram

def hist_section(rng):
    cases = []
    arrays = {}

    def ref(s):
        # inputs are stored once in the section's arrays table
        key = f'a{len(arrays)}'
        for k, v in arrays.items():
            if v is s:
                return {'ref': k}
        arrays[key] = s
        return {'ref': key}

    def add(a_spec, bins=10, range_=None, density=None, w_spec=None, bins_spec=None):
        a = scanfx.build(a_spec)
        kw = {'bins': bins if bins_spec is None else scanfx.build(bins_spec)}
        opts = {'bins': bins if bins_spec is None else bins_spec}
        ins = {'a': ref(a_spec)}
        if range_ is not None:
            kw['range'] = range_
            opts['range'] = [enc_scalar(x, 'float64') for x in range_]
        if density is not None:
            kw['density'] = density
            opts['density'] = density
        if w_spec is not None:
            kw['weights'] = scanfx.build(w_spec)
            ins['weights'] = ref(w_spec)
        case = {'fn': 'histogram', 'in': ins, 'opts': opts}
        try:
            with warnings.catch_warnings():
                warnings.simplefilter('ignore')
                h, e = np.histogram(a, **kw)
            case['expect'] = [enc_array(h), enc_array(e)]
        except Exception as ex:  # noqa: BLE001
            name = type(ex).__name__
            case['error'] = {'numpy': name, 'ts': qfx.TS_ERROR.get(name, name), 'message': str(ex)}
        cases.append(case)

    sp = scanfx.spec
    np_rng = np.random.default_rng(16)
    for k, scale in enumerate([1.0, 300.0, 0.01, 9000.0]):
        n = [200, 257, 300, 150][k]
        data = [half(x) for x in (np_rng.standard_normal(n) * scale).tolist()]
        a = sp(data, H, [n], view='::-1' if k == 1 else '::1')
        for bins in (1, 7, 10, 33, 301):
            add(a, bins)
        add(a, 10, range_=(-scale, scale * 0.5))
        add(a, 13, range_=(-2.5 * scale, 0.1))
        add(a, 10, density=True)
        add(a, 9, range_=(-scale, scale), density=True)
        w = sp([half(abs(x) * 3 + 0.1) for x in np_rng.standard_normal(n).tolist()], H, [n])
        add(a, 10, w_spec=w)
        add(a, 5, w_spec=w, density=True)
        add(a, 6, range_=(-scale, scale), w_spec=w)
        w32 = sp([float(np.float32(abs(x))) for x in np_rng.standard_normal(n).tolist()], 'float32', [n])
        add(a, 10, w_spec=w32)
        edges = sorted({half(x) for x in (np_rng.standard_normal(6) * scale).tolist()})
        add(a, bins_spec=sp(edges, H, [len(edges)]))
        add(a, bins_spec=sp(edges, H, [len(edges)]), w_spec=w)
        add(a, bins_spec=sp(edges, H, [len(edges)]), w_spec=w, density=True)
        add(a, bins_spec=sp([float(x) for x in edges], 'float64', [len(edges)]))
    # a constant array (the ±0.5 widening in float16), 2-d and NaN/inf inputs, many bins, f32 data with f16 weights
    add(sp([2049.0] * 5, H, [5]), 4)
    add(sp([0.1] * 3, H, [3]), 3)
    add(sp([half(x) for x in (np_rng.standard_normal(24) * 50).tolist()], H, [4, 6], order='F'), 8)
    add(sp([1.0, float('nan'), 2.0], H, [3]), 4)
    add(sp([1.0, float('inf'), 2.0], H, [3]), 4, range_=(0.0, 3.0))
    add(sp([half(x) for x in (np_rng.standard_normal(200) * 1000).tolist()], H, [200]), 2500)
    add(sp([half(x) for x in np_rng.standard_normal(100).tolist()], H, [100]), 3000, range_=(-3.0, 3.0))
    add(sp([], H, [0]), 5)
    f = sp([float(np.float32(x)) for x in np_rng.standard_normal(50).tolist()], 'float32', [50])
    add(f, 7, w_spec=sp([half(abs(x)) for x in np_rng.standard_normal(50).tolist()], H, [50]))
    return {'arrays': arrays, 'cases': cases}


def main():
    if np.__version__ != NUMPY_TARGET:
        print(f'warning: numpy {np.__version__}, fixtures target {NUMPY_TARGET}', file=sys.stderr)
    rng = random.Random(1616)
    fx = {'numpy': np.__version__, 'nan': nan_section(rng), 'quantile': quantile_section(rng),
          'scan': scan_section(rng), 'histogram': hist_section(rng)}
    path = write_json(OUT_DIR, 'float16-stats.json', fx)
    print(f'{path}: {os.path.getsize(path)} bytes')


if __name__ == '__main__':
    main()
