#!/usr/bin/env python3
"""Golden fixtures for strided's searching, counting and set functions, computed by NumPy (target: 2.4.6).

    python3 scripts/gen_search_fixtures.py          # rewrites test/fixtures/search/*.json (deterministic)
    python3 scripts/gen_search_fixtures.py --fresh 100 --seed 7
                                                    # prints fresh random histogram / unique / searchsorted
                                                    # cases as one fixture on stdout (live fuzz test)

One file per function family: nonzero.json (nonzero, flatnonzero, argwhere, extract), choose.json (choose,
select), searchsorted.json, unique.json, isin.json, bincount.json, histogram.json. Each holds a list of cases:

    {"fn": "searchsorted", "in": {"a": ARRAY, "v": ARRAY | {"scalar": ENCODED}}, "opts": {...},
     "expect": RESULT}   or   {..., "error": {"numpy": "ValueError", "ts": "ValueError", "message": "..."}}

ARRAY builds an input view in both NumPy and strided:
    {"dtype": ..., "shape": [...], "values": [...C order...], "order": "C"|"F",
     "view": "::-1, 1:" (optional basic index applied to the base), "bcast": [...] (optional broadcast_to)}
or {"ref": key} naming an entry of the file's "arrays" table (large inputs, stored once), or
{"dtype": ..., "gen": {"n", "mul", "mod", "scale", "shift"}}: ((i * mul) % mod) / scale + shift for i < n,
computed in float64 and cast to dtype (inputs larger than the fixtures should hold).
so every layout is covered: contiguous, negative strides, non-contiguous (steps, transposes, F order),
broadcast (stride 0), empty and 0-d. RESULT is an encoded array {"dtype", "shape", "values"}, a list of
them (nonzero, histogram), an object of them (unique with extra outputs) or {"scalar": v}.
Values: bool -> JSON bool, 64-bit ints -> decimal strings, other ints -> numbers, floats -> numbers or
"nan"/"inf"/"-inf" (-0.0 is kept). "zero_sign": false marks a unique result whose values may differ from
NumPy only in the sign of a zero (NumPy's unstable sort picks which of -0/+0 represents the group).
"""
import json
import os
import random
import sys
import warnings

import numpy as np

from fixture_common import apply_view, build_base, decode, enc_array, enc_scalar

NUMPY_TARGET = '2.4.6'
OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures', 'search')

INTS = ['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64']
FLOATS = ['float32', 'float64']
ALL = ['bool'] + INTS + FLOATS
TS_ERROR = {'ValueError': 'ValueError', 'TypeError': 'DTypeError', 'IndexError': 'IndexError',
            'AxisError': 'AxisError', 'OverflowError': 'OverflowError'}


# ------------------------------------------------------------------------------------------ inputs

def build(spec):
    dt = spec['dtype']
    if 'gen' in spec:
        g = spec['gen']
        return ((np.arange(g['n'], dtype=np.float64) * g['mul']) % g['mod'] / g['scale'] + g['shift']).astype(dt)
    base = build_base({'dtype': dt, 'shape': spec['shape'], 'order': spec.get('order', 'C'), 'values': spec['values']})
    return apply_view(base, spec)


# ------------------------------------------------------------------------------------------ values

def special(dt):
    """Special values of a dtype: zeros, extremes, NaN, ±inf, -0."""
    if dt == 'bool':
        return [False, True]
    if dt in FLOATS:
        return [0.0, -0.0, float('nan'), float('inf'), float('-inf'), 1.5, -2.25]
    info = np.iinfo(dt)
    return [0, int(info.min), int(info.max), 1, int(info.max) - 1]


def rand_val(rng, dt, pool=None, sp=0.15):
    if pool is not None:
        return rng.choice(pool)
    if rng.random() < sp:
        return rng.choice(special(dt))
    if dt == 'bool':
        return rng.random() < 0.5
    if dt in FLOATS:
        return rng.randint(-40, 40) / 4
    info = np.iinfo(dt)
    lo = max(int(info.min), -20)
    return rng.randint(lo, min(int(info.max), lo + 40))


def spec_from(vals, dt, shape, **extra):
    s = {'dtype': dt, 'shape': list(shape), 'values': [enc_scalar(np.array(v).astype(dt) if dt != 'bool' else v, dt) for v in vals]}
    s.update(extra)
    return s


def make(rng, dt, layout, n=6, pool=None, sp=0.15, ndim=1):
    """An input spec with a layout from the matrix, and its NumPy array."""
    def vals(k):
        return [rand_val(rng, dt, pool, sp) for _ in range(k)]
    if layout == 'contig':
        shape = [n] if ndim == 1 else [2, max(1, n // 2)]
        s = spec_from(vals(int(np.prod(shape))), dt, shape)
    elif layout == 'neg':
        shape = [n] if ndim == 1 else [2, max(1, n // 2)]
        s = spec_from(vals(int(np.prod(shape))), dt, shape, view='::-1' if ndim == 1 else '::-1, ::-1')
    elif layout == 'strided':
        if ndim == 1:
            s = spec_from(vals(2 * n), dt, [2 * n], view='1::2')
        else:
            m = max(1, n // 2)
            s = spec_from(vals(2 * m * 2), dt, [m, 4], order='F', view='::1, ::2')  # F-order, stepped
    elif layout == 'bcast':
        m = max(1, n // 2)
        if ndim == 1:
            s = spec_from(vals(1), dt, [1], bcast=[n])
        else:
            s = spec_from(vals(m), dt, [m], bcast=[2, m])
    elif layout == 'empty':
        s = spec_from([], dt, [0] if ndim == 1 else [2, 0])
    elif layout == '0d':
        s = spec_from(vals(1), dt, [])
    else:
        raise ValueError(layout)
    return s, build(s)


LAYOUTS = ['contig', 'neg', 'strided', 'bcast', 'empty']


def run(case, fn):
    """Fill case['expect'] with fn()'s encoded result, or case['error'] with NumPy's exception."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            case['expect'] = fn()
    except Exception as e:  # noqa: BLE001 - the exception class is the fixture
        name = type(e).__name__
        if name == 'UFuncTypeError' or name == 'UFuncNoLoopError':
            name = 'TypeError'
        ts = TS_ERROR.get(name, name)
        if str(e).startswith(('shape mismatch', 'operands could not be broadcast')):
            ts = 'ShapeError'  # strided's class for shapes that do not broadcast
        case['error'] = {'numpy': name, 'ts': ts, 'message': str(e)}
    return case


# ------------------------------------------------------------------------------------------ generators

def gen_nonzero(rng):
    cases = []
    for dt in ALL:
        for layout in LAYOUTS + ['0d']:
            for ndim in (1, 2):
                if layout == '0d' and ndim == 2:
                    continue
                pool = None if dt == 'bool' else [0, 0, 1] + special(dt)[:3]
                s, a = make(rng, dt, layout, n=6, pool=[decode(enc_scalar(p, dt), dt) for p in pool] if pool else None, ndim=ndim)
                cases.append(run({'fn': 'nonzero', 'in': {'a': s}}, lambda: [enc_array(x) for x in np.nonzero(a)]))
                cases.append(run({'fn': 'flatnonzero', 'in': {'a': s}}, lambda: enc_array(np.flatnonzero(a))))
                cases.append(run({'fn': 'argwhere', 'in': {'a': s}}, lambda: enc_array(np.argwhere(a))))
                arr_s, arr = make(rng, rng.choice(ALL), 'contig', n=a.size)
                cases.append(run({'fn': 'extract', 'in': {'condition': s, 'arr': arr_s}}, lambda: enc_array(np.extract(a, arr))))
    # extract: a condition longer than arr (error only when a true entry lies beyond it)
    c1 = spec_from([1, 0, 0, 1], 'int8', [4])
    c2 = spec_from([1, 0, 0, 0], 'int8', [4])
    arr_s = spec_from([5, 6], 'float64', [2])
    cases.append(run({'fn': 'extract', 'in': {'condition': c1, 'arr': arr_s}}, lambda: enc_array(np.extract(build(c1), build(arr_s)))))
    cases.append(run({'fn': 'extract', 'in': {'condition': c2, 'arr': arr_s}}, lambda: enc_array(np.extract(build(c2), build(arr_s)))))
    return cases


def gen_choose(rng):
    cases = []
    for idt in ['bool', 'int8', 'uint8', 'int16', 'int32', 'uint32', 'int64', 'uint64', 'float64']:
        for layout in LAYOUTS + ['0d']:
            for mode in (None, 'raise', 'wrap', 'clip'):
                n_choices = rng.choice([1, 2, 3])
                lo, hi = (0, n_choices - 1) if mode in (None, 'raise') and rng.random() < 0.7 else (-4, n_choices + 3)
                if idt == 'bool':
                    pool = [False, True]
                elif np.dtype(idt).kind == 'u':
                    pool = list(range(0, hi + 1))
                else:
                    pool = list(range(lo, hi + 1))
                s, a = make(rng, idt, layout, n=6, pool=pool)
                shape = a.shape
                choices_s, choices = [], []
                for _ in range(n_choices):
                    cdt = rng.choice(ALL)
                    lay = rng.choice(['contig', 'neg', 'bcast'])
                    if len(shape) == 0 or lay == 'bcast':
                        cs = spec_from([rand_val(rng, cdt)], cdt, [1])
                    else:
                        k = shape[-1]
                        cs = spec_from([rand_val(rng, cdt) for _ in range(k)], cdt, [k], **({'view': '::-1'} if lay == 'neg' else {}))
                    choices_s.append(cs)
                    choices.append(build(cs))
                opts = {} if mode is None else {'mode': mode}
                cases.append(run({'fn': 'choose', 'in': {'a': s, 'choices': choices_s}, 'opts': opts},
                                 lambda: enc_array(np.choose(a, choices, **opts))))
    # out=, and errors
    a_s = spec_from([0, 1, 1, 0], 'int32', [4])
    c_s = [spec_from([1.5, 2.5, 3.5, 4.5], 'float64', [4]), spec_from([7, 8, 9, 10], 'int16', [4])]
    for out_dt in ('float32', 'int8', 'float64'):
        def f(out_dt=out_dt):
            out = np.zeros(4, dtype=out_dt)
            r = np.choose(build(a_s), [build(c) for c in c_s], out=out)
            assert r is out
            return enc_array(out)
        cases.append(run({'fn': 'choose', 'in': {'a': a_s, 'choices': c_s}, 'opts': {'out': {'dtype': out_dt, 'shape': [4]}}}, f))
    def bad_out():
        return enc_array(np.choose(build(a_s), [build(c) for c in c_s], out=np.zeros(3)))
    cases.append(run({'fn': 'choose', 'in': {'a': a_s, 'choices': c_s}, 'opts': {'out': {'dtype': 'float64', 'shape': [3]}}}, bad_out))
    cases.append(run({'fn': 'choose', 'in': {'a': a_s, 'choices': []}}, lambda: enc_array(np.choose(build(a_s), []))))
    bshape = [spec_from([0, 1, 0], 'int64', [3]), [spec_from([1, 2], 'float64', [2])]]
    cases.append(run({'fn': 'choose', 'in': {'a': bshape[0], 'choices': bshape[1]}}, lambda: enc_array(np.choose(build(bshape[0]), [build(bshape[1][0])]))))
    # select
    for cdt in ALL:
        for layout in ['contig', 'neg', 'strided', 'bcast', 'empty']:
            k = rng.choice([1, 2, 3])
            conds_s, conds, ch_s, chs = [], [], [], []
            for _ in range(k):
                s, a = make(rng, 'bool', layout, n=6)
                conds_s.append(s)
                conds.append(a)
                c, ca = make(rng, cdt, rng.choice(['contig', 'neg', 'bcast']) if layout != 'empty' else 'empty', n=6)
                ch_s.append(c)
                chs.append(ca)
            opts = {}
            if rng.random() < 0.5:
                opts['default'] = {'scalar': enc_scalar(rand_val(rng, cdt, sp=0), cdt), 'dtype': cdt}
            def f(conds=conds, chs=chs, opts=opts):
                kw = {}
                if 'default' in opts:
                    kw['default'] = decode(opts['default']['scalar'], cdt)
                return enc_array(np.select(conds, chs, **kw))
            cases.append(run({'fn': 'select', 'in': {'condlist': conds_s, 'choicelist': ch_s}, 'opts': opts}, f))
    i8 = spec_from([1, 2], 'int8', [2])
    b2 = spec_from([True, False], 'bool', [2])
    cases.append(run({'fn': 'select', 'in': {'condlist': [i8], 'choicelist': [i8]}}, lambda: enc_array(np.select([build(i8)], [build(i8)]))))
    cases.append(run({'fn': 'select', 'in': {'condlist': [], 'choicelist': []}}, lambda: enc_array(np.select([], []))))
    cases.append(run({'fn': 'select', 'in': {'condlist': [b2], 'choicelist': []}}, lambda: enc_array(np.select([build(b2)], []))))
    return cases


def gen_searchsorted(rng):
    cases = []
    for dt in ALL:
        for layout in LAYOUTS:
            for side in (None, 'left', 'right'):
                vals = [rand_val(rng, dt) for _ in range(7)]
                srt = np.sort(np.array(vals, dtype=dt))
                if layout == 'neg':
                    a_s = spec_from(srt.tolist()[::-1], dt, [7], view='::-1')
                elif layout == 'strided':
                    inter = []
                    for v in srt.tolist():
                        inter += [v, rand_val(rng, dt)]
                    a_s = spec_from(inter, dt, [14], view='::2')
                elif layout == 'bcast':
                    a_s = spec_from([vals[0]], dt, [1], bcast=[5])
                elif layout == 'empty':
                    a_s = spec_from([], dt, [0])
                else:
                    a_s = spec_from(srt.tolist(), dt, [7])
                a = build(a_s)
                vdt = rng.choice([dt, dt, rng.choice(ALL)])
                v_s, v = make(rng, vdt, rng.choice(['contig', 'neg', 'strided', 'bcast', 'empty', '0d']), n=8,
                              ndim=rng.choice([1, 2]), pool=[decode(enc_scalar(x, vdt), vdt) for x in vals] + special(vdt) if vdt == dt else None)
                opts = {} if side is None else {'side': side}
                cases.append(run({'fn': 'searchsorted', 'in': {'a': a_s, 'v': v_s}, 'opts': opts},
                                 lambda: enc_array(np.searchsorted(a, v, **opts))))
                # a JS scalar v (a Python scalar): int and float, compared by value
                sv = rand_val(rng, 'float64' if rng.random() < 0.5 else 'int16', sp=0.3)
                if dt == 'bool':
                    sv = bool(rng.random() < 0.5)
                cases.append(run({'fn': 'searchsorted', 'in': {'a': a_s, 'v': {'scalar': enc_scalar(sv, 'float64' if isinstance(sv, float) else 'bool' if isinstance(sv, bool) else 'int32')}}, 'opts': opts},
                                 lambda: {'scalar': int(np.searchsorted(a, sv, **opts))}))
                # sorter: an unsorted a with its argsort
                if layout == 'contig' and dt != 'bool':
                    u_s = spec_from(vals, dt, [7])
                    u = build(u_s)
                    sorter = np.argsort(u, kind='stable')
                    so_s = spec_from(sorter.tolist(), 'int64', [7])
                    cases.append(run({'fn': 'searchsorted', 'in': {'a': u_s, 'v': v_s, 'sorter': so_s}, 'opts': opts},
                                     lambda: enc_array(np.searchsorted(u, v, sorter=sorter, **opts))))
    # big int64 / float64 mixes and unsorted input (NumPy's search path is reproduced step for step)
    big = spec_from([-(2 ** 63), -1, 0, 2 ** 53 + 1, 2 ** 63 - 1], 'int64', [5])
    for sv in (2 ** 53, float(2 ** 53), 0.5, -0.0, float('nan'), float('inf')):
        enc = enc_scalar(sv, 'float64') if isinstance(sv, float) else str(sv)
        cases.append(run({'fn': 'searchsorted', 'in': {'a': big, 'v': {'scalar': enc, 'bigint': isinstance(sv, int)}}, 'opts': {'side': 'right'}},
                         lambda sv=sv: {'scalar': int(np.searchsorted(build(big), sv, side='right'))}))
    unsorted = spec_from([5, 1, 4, 2, 3, 0, 9], 'float64', [7])
    keys = spec_from([3, 1, 8, 0, 2, 2, 7], 'float64', [7])
    for side in ('left', 'right'):
        cases.append(run({'fn': 'searchsorted', 'in': {'a': unsorted, 'v': keys}, 'opts': {'side': side}},
                         lambda side=side: enc_array(np.searchsorted(build(unsorted), build(keys), side=side))))
    f32 = spec_from([0.1, 0.2, 0.30000001192092896], 'float32', [3])
    cases.append(run({'fn': 'searchsorted', 'in': {'a': f32, 'v': {'scalar': 0.1}}, 'opts': {'side': 'right'}},
                     lambda: {'scalar': int(np.searchsorted(build(f32), 0.1, side='right'))}))
    a2 = spec_from([1, 2, 3, 4], 'int32', [2, 2])
    one = spec_from([1, 2], 'int32', [2])
    cases.append(run({'fn': 'searchsorted', 'in': {'a': a2, 'v': {'scalar': 1}}}, lambda: {'scalar': int(np.searchsorted(build(a2), 1))}))
    cases.append(run({'fn': 'searchsorted', 'in': {'a': one, 'v': {'scalar': 1}, 'sorter': spec_from([0], 'int64', [1])}},
                     lambda: {'scalar': int(np.searchsorted(build(one), 1, sorter=np.array([0])))}))
    cases.append(run({'fn': 'searchsorted', 'in': {'a': one, 'v': {'scalar': 1}, 'sorter': spec_from([0, 2], 'int64', [2])}},
                     lambda: {'scalar': int(np.searchsorted(build(one), 1, sorter=np.array([0, 2])))}))
    cases.append(run({'fn': 'searchsorted', 'in': {'a': one, 'v': {'scalar': 1}, 'sorter': spec_from([0.0, 1.0], 'float64', [2])}},
                     lambda: {'scalar': int(np.searchsorted(build(one), 1, sorter=np.array([0.0, 1.0])))}))
    cases.append(run({'fn': 'searchsorted', 'in': {'a': one, 'v': {'scalar': 1}}, 'opts': {'side': 'middle'}},
                     lambda: {'scalar': int(np.searchsorted(build(one), 1, side='middle'))}))
    return cases


def gen_unique(rng):
    cases = []
    flags = [(False, False, False), (True, False, False), (False, True, False), (False, False, True), (True, True, True)]
    for dt in ALL:
        pool = special(dt) + ([1.5, 1.5, 0.0, -0.0, float('nan')] if dt in FLOATS else [1, 1, 0])
        pool = [decode(enc_scalar(np.array(p).astype(dt) if dt != 'bool' else p, dt), dt) for p in pool]
        for layout in LAYOUTS + ['0d']:
            for ndim in (1, 2):
                if layout == '0d' and ndim == 2:
                    continue
                s, a = make(rng, dt, layout, n=8, pool=pool, ndim=ndim)
                for (ri, rv, rc) in flags:
                    for equal_nan in ((True, False) if dt in FLOATS and (ri or rc) else (True,)):
                        axes = [None]
                        if ndim == 2 and layout != '0d':
                            axes += [0, 1, -1]
                        for axis in axes:
                            opts = {}
                            if ri: opts['returnIndex'] = True
                            if rv: opts['returnInverse'] = True
                            if rc: opts['returnCounts'] = True
                            if axis is not None: opts['axis'] = axis
                            if not equal_nan: opts['equalNan'] = False

                            def f(a=a, ri=ri, rv=rv, rc=rc, axis=axis, equal_nan=equal_nan):
                                r = np.unique(a, return_index=ri, return_inverse=rv, return_counts=rc, axis=axis, equal_nan=equal_nan)
                                if not (ri or rv or rc):
                                    return enc_array(r)
                                r = list(r)
                                out = {'values': enc_array(r.pop(0))}
                                if ri: out['indices'] = enc_array(r.pop(0))
                                if rv: out['inverse'] = enc_array(r.pop(0))
                                if rc: out['counts'] = enc_array(r.pop(0))
                                return out
                            case = run({'fn': 'unique', 'in': {'a': s}, 'opts': opts}, f)
                            if not ri:
                                case['zero_sign'] = False
                            cases.append(case)
    # larger random inputs: many repeats, NaNs and signed zeros
    for dt in ['int8', 'uint16', 'int64', 'uint64', 'float32', 'float64']:
        pool = special(dt) + list(range(5))
        vals = [rng.choice(pool) for _ in range(300)]
        s = spec_from(vals, dt, [300])
        a = build(s)
        def f(a=a):
            r = np.unique(a, return_index=True, return_inverse=True, return_counts=True)
            return {'values': enc_array(r[0]), 'indices': enc_array(r[1]), 'inverse': enc_array(r[2]), 'counts': enc_array(r[3])}
        cases.append(run({'fn': 'unique', 'in': {'a': s}, 'opts': {'returnIndex': True, 'returnInverse': True, 'returnCounts': True}}, f))
    # rows along an axis with repeats, empty axes, and an axis error
    rows = spec_from([1, 2, 1, 2, 0, 5, 1, 2, 0, 5, float('nan'), 1, float('nan'), 1, -0.0, 0.0], 'float64', [8, 2])
    for axis in (0, 1):
        cases.append(run({'fn': 'unique', 'in': {'a': rows}, 'opts': {'axis': axis, 'returnIndex': True, 'returnInverse': True, 'returnCounts': True}},
                         lambda axis=axis: dict(zip(['values', 'indices', 'inverse', 'counts'], [enc_array(x) for x in np.unique(build(rows), True, True, True, axis=axis)]))))
    for shape, axis in (([0, 3], 0), ([2, 0], 0), ([0, 3], 1)):
        e = spec_from([], 'int32', shape)
        cases.append(run({'fn': 'unique', 'in': {'a': e}, 'opts': {'axis': axis, 'returnInverse': True}},
                         lambda e=e, axis=axis: dict(zip(['values', 'inverse'], [enc_array(x) for x in np.unique(build(e), return_inverse=True, axis=axis)]))))
    z = spec_from([3], 'int32', [])
    cases.append(run({'fn': 'unique', 'in': {'a': z}, 'opts': {'axis': 0}}, lambda: enc_array(np.unique(build(z), axis=0))))
    cases.append(run({'fn': 'unique', 'in': {'a': rows}, 'opts': {'axis': 2}}, lambda: enc_array(np.unique(build(rows), axis=2))))
    return cases


def gen_isin(rng):
    cases = []
    for dt in ALL:
        for layout in LAYOUTS + ['0d']:
            for invert in (False, True):
                tdt = rng.choice([dt, dt, rng.choice(ALL)])
                pool = special(dt) + [1, 2, 3] if dt != 'bool' else None
                s, a = make(rng, dt, layout, n=8, pool=[decode(enc_scalar(np.array(p).astype(dt), dt), dt) for p in pool] if pool else None, ndim=rng.choice([1, 2]))
                tpool = special(tdt) + [2, 3] if tdt != 'bool' else None
                t_s, t = make(rng, tdt, rng.choice(['contig', 'neg', 'strided', 'bcast', 'empty']), n=5,
                              pool=[decode(enc_scalar(np.array(p).astype(tdt), tdt), tdt) for p in tpool] if tpool else None, ndim=rng.choice([1, 2]))
                opts = {'invert': True} if invert else {}
                cases.append(run({'fn': 'isin', 'in': {'element': s, 'test': t_s}, 'opts': opts},
                                 lambda a=a, t=t, invert=invert: enc_array(np.isin(a, t, invert=invert))))
    # int64/uint64 mixes: a narrow test range compares exactly (NumPy's table), a wide one as float64
    e = spec_from([2 ** 53 + 1, 2 ** 53, -1, 5], 'int64', [4])
    for tv, tdt in (([2 ** 53], 'uint64'), ([2 ** 53, 2 ** 63], 'uint64'), ([float(2 ** 53)], 'float64'), ([5, 2 ** 53 + 1], 'int64')):
        t = spec_from(tv, tdt, [len(tv)])
        cases.append(run({'fn': 'isin', 'in': {'element': e, 'test': t}}, lambda t=t: enc_array(np.isin(build(e), build(t)))))
    big = spec_from([rng.randint(0, 50) for _ in range(60)], 'int32', [60])
    tb = spec_from([rng.randint(0, 50) for _ in range(40)], 'int16', [40])
    cases.append(run({'fn': 'isin', 'in': {'element': big, 'test': tb}, 'opts': {'assumeUnique': False}}, lambda: enc_array(np.isin(build(big), build(tb)))))
    fe = spec_from([rng.randint(0, 30) / 4 for _ in range(80)] + [float('nan'), -0.0], 'float64', [82])
    ft = spec_from([rng.randint(0, 30) / 4 for _ in range(50)] + [float('nan'), 0.0], 'float32', [52])
    cases.append(run({'fn': 'isin', 'in': {'element': fe, 'test': ft}}, lambda: enc_array(np.isin(build(fe), build(ft)))))
    return cases


def gen_bincount(rng):
    cases = []
    for dt in ALL:
        for layout in LAYOUTS + ['0d']:
            for weighted in (False, True):
                pool = [0, 1, 2, 5, 3] if dt != 'bool' else None
                s, x = make(rng, dt, layout, n=7, pool=pool)
                opts = {}
                ins = {'x': s}
                if rng.random() < 0.4:
                    opts['minlength'] = rng.choice([0, 3, 9])
                w = None
                if weighted:
                    wdt = rng.choice(ALL)
                    w_s = spec_from([rand_val(rng, wdt, sp=0) for _ in range(x.size)], wdt, [x.size]) if x.ndim == 1 else spec_from([1], wdt, [1])
                    ins['weights'] = w_s
                    w = build(w_s)
                cases.append(run({'fn': 'bincount', 'in': ins, 'opts': opts},
                                 lambda x=x, w=w, opts=opts: enc_array(np.bincount(x, weights=w, minlength=opts.get('minlength', 0)))))
    neg = spec_from([1, -1], 'int16', [2])
    f = spec_from([1.0], 'float64', [1])
    two = spec_from([1, 2], 'int8', [1, 2])
    huge = spec_from([2 ** 63 + 5], 'uint64', [1])
    ok = spec_from([1, 3], 'int8', [2])
    cases.append(run({'fn': 'bincount', 'in': {'x': neg}}, lambda: enc_array(np.bincount(build(neg)))))
    cases.append(run({'fn': 'bincount', 'in': {'x': f}}, lambda: enc_array(np.bincount(build(f)))))
    cases.append(run({'fn': 'bincount', 'in': {'x': two}}, lambda: enc_array(np.bincount(build(two)))))
    cases.append(run({'fn': 'bincount', 'in': {'x': huge}}, lambda: enc_array(np.bincount(build(huge)))))
    cases.append(run({'fn': 'bincount', 'in': {'x': ok}, 'opts': {'minlength': -1}}, lambda: enc_array(np.bincount(build(ok), minlength=-1))))
    w3 = spec_from([1.0, 2.0, 3.0], 'float64', [3])
    cases.append(run({'fn': 'bincount', 'in': {'x': ok, 'weights': w3}}, lambda: enc_array(np.bincount(build(ok), weights=build(w3)))))
    return cases


def gen_histogram(rng):
    cases = []
    np_rng = np.random.default_rng(12345)

    def add(ins, opts, a, w=None, bins=10, rng_=None, density=None):
        kw = {'bins': bins}
        if rng_ is not None:
            kw['range'] = rng_
        if density is not None:
            kw['density'] = density
        if w is not None:
            kw['weights'] = w
        def f():
            h, e = np.histogram(a, **kw)
            return [enc_array(h), enc_array(e)]
        if 'range' in opts:
            opts = dict(opts, range=[enc_scalar(x, 'float64') for x in opts['range']])
        cases.append(run({'fn': 'histogram', 'in': ins, 'opts': opts}, f))

    # random float data, bit-exact bins (uniform path), with and without range, density, weights
    for dt in FLOATS:
        for k, n in enumerate([400, 257, 1000]):
            data = (np_rng.standard_normal(n) * (10.0 ** int(np_rng.integers(-3, 4)))).astype(dt)
            a_s = spec_from(data.tolist(), dt, [n])
            a = build(a_s)
            for bins in (1, 7, 10, 33):
                add({'a': a_s}, {'bins': bins}, a, bins=bins)
            lo, hi = float(np.quantile(data, 0.1)), float(np.quantile(data, 0.9))
            add({'a': a_s}, {'bins': 13, 'range': [lo, hi]}, a, bins=13, rng_=(lo, hi))
            add({'a': a_s}, {'bins': 5, 'density': True}, a, bins=5, density=True)
            for wdt in ('float64', 'float32', 'int16'):
                w = (np_rng.standard_normal(n) * 4).astype(wdt)
                w_s = spec_from(w.tolist(), wdt, [n])
                add({'a': a_s, 'weights': w_s}, {'bins': 9}, a, w=build(w_s), bins=9)
                add({'a': a_s, 'weights': w_s}, {'bins': 6, 'range': [lo, hi], 'density': True}, a, w=build(w_s), bins=6, rng_=(lo, hi), density=True)
            # data on the edges: the values are the edges themselves
            edges = np.linspace(lo, hi, 8).astype(dt)
            on = np.concatenate([edges, edges, data[:50]]).astype(dt)
            on_s = spec_from(on.tolist(), dt, [on.size])
            add({'a': on_s}, {'bins': 7, 'range': [float(edges[0]), float(edges[-1])]}, build(on_s), bins=7, rng_=(float(edges[0]), float(edges[-1])))
            add({'a': on_s}, {'bins': 7}, build(on_s), bins=7)
            # explicit edges (sorted search path), with weights (distinct values: NumPy's unstable argsort is unambiguous)
            e_s = spec_from(sorted(set(np.sort(data[:9]).tolist())), dt, [len(set(data[:9].tolist()))])
            add({'a': a_s}, {'bins': e_s}, a, bins=build(e_s))
            w = np_rng.standard_normal(n)
            w_s = spec_from(w.tolist(), 'float64', [n])
            add({'a': a_s, 'weights': w_s}, {'bins': e_s, 'density': True}, a, w=build(w_s), bins=build(e_s), density=True)
            iw_s = spec_from(np_rng.integers(-5, 5, n).tolist(), 'int8', [n])
            add({'a': a_s, 'weights': iw_s}, {'bins': e_s}, a, w=build(iw_s), bins=build(e_s))
    # arrays big enough for several 65536-element blocks, generated by a formula both sides evaluate in float64:
    # values[i] = ((i * mul) % mod) / scale + shift, then cast to dtype
    big_s = {'dtype': 'float64', 'gen': {'n': 140001, 'mul': 7919, 'mod': 6007, 'scale': 1000.0, 'shift': -3.0}}
    bw_s = {'dtype': 'float32', 'gen': {'n': 140001, 'mul': 31, 'mod': 101, 'scale': 7.0, 'shift': 0.0}}
    add({'a': big_s, 'weights': bw_s}, {'bins': 11}, build(big_s), w=build(bw_s), bins=11)
    add({'a': big_s}, {'bins': 6, 'range': [-1.25, 2.5]}, build(big_s), bins=6, rng_=(-1.25, 2.5))
    add({'a': bw_s, 'weights': big_s}, {'bins': 5}, build(bw_s), w=build(big_s), bins=5)
    # every dtype and layout (ints: _unsigned_subtract of the extremes; bool converts to uint8)
    for dt in ALL:
        for layout in LAYOUTS + ['0d']:
            s, a = make(rng, dt, layout, n=9, sp=0.0 if dt in FLOATS else 0.2, ndim=rng.choice([1, 2]))
            add({'a': s}, {'bins': 4}, a, bins=4)
            if layout == 'contig':
                add({'a': s}, {'bins': 3, 'range': [-2, 5]}, a, bins=3, rng_=(-2, 5))
                add({'a': s}, {'bins': 3, 'range': [0.5, 0.5]}, a, bins=3, rng_=(0.5, 0.5))
                e_s = spec_from([-3, 0, 2, 8], 'int16' if dt != 'bool' else 'int8', [4])
                add({'a': s}, {'bins': e_s}, a, bins=build(e_s))
    const = spec_from([2.5] * 5, 'float32', [5])
    add({'a': const}, {'bins': 4}, build(const), bins=4)
    consti = spec_from([7] * 3, 'int64', [3])
    add({'a': consti}, {'bins': 4, 'density': True}, build(consti), bins=4, density=True)
    # errors
    fa = spec_from([1.0, 2.0, float('nan')], 'float64', [3])
    ok = spec_from([1.0, 2.0, 3.0], 'float64', [3])
    add({'a': fa}, {'bins': 3}, build(fa), bins=3)
    add({'a': ok}, {'bins': 0}, build(ok), bins=0)
    add({'a': ok}, {'bins': 3, 'range': [2, 1]}, build(ok), bins=3, rng_=(2, 1))
    add({'a': ok}, {'bins': 3, 'range': [0, float('inf')]}, build(ok), bins=3, rng_=(0, float('inf')))
    dec = spec_from([1.0, 3.0, 2.0], 'float64', [3])
    add({'a': ok}, {'bins': dec}, build(ok), bins=build(dec))
    tiny = spec_from([1.0, 1.0 + 2 ** -52], 'float64', [2])
    add({'a': tiny}, {'bins': 10}, build(tiny), bins=10)
    w2 = spec_from([1.0, 2.0], 'float64', [2])
    add({'a': ok, 'weights': w2}, {'bins': 3}, build(ok), w=build(w2), bins=3)
    return cases


def intern(cases):
    """Move input specs with many values into a shared table; cases then refer to them as {"ref": key}."""
    table, keys = {}, {}

    def walk(x):
        if isinstance(x, list):
            return [walk(y) for y in x]
        if isinstance(x, dict):
            if 'values' in x and len(x['values']) > 40:
                k = json.dumps(x, sort_keys=True)
                if k not in keys:
                    keys[k] = f'r{len(keys)}'
                    table[keys[k]] = x
                return {'ref': keys[k]}
            return {key: walk(v) for key, v in x.items()}
        return x
    for c in cases:
        c['in'] = walk(c['in'])
    return table


def gen_fresh(count, seed):
    """Random cases on random data: histogram (scales, dtypes, bins, ranges, weights), unique, searchsorted."""
    rng = random.Random(seed)
    np_rng = np.random.default_rng(seed)
    cases = []
    for _ in range(count):
        dt = rng.choice(['float64', 'float64', 'float32', 'int16', 'int64', 'uint8'])
        n = rng.randint(0, 300)
        if dt in FLOATS:
            data = (np_rng.standard_normal(n) * 10.0 ** rng.randint(-6, 8) + rng.choice([0, 0, 1e3, -0.5])).astype(dt)
        else:
            info = np.iinfo(dt)
            lo = max(int(info.min), -1000)
            data = np_rng.integers(lo, min(int(info.max), lo + 3000), n).astype(dt)
        a_s = spec_from(data.tolist(), dt, [n])
        a = build(a_s)
        kw, opts, ins = {}, {}, {'a': a_s}
        bins = rng.choice([1, 2, 5, 10, 17, 64, 100])
        kw['bins'] = opts['bins'] = bins
        if n > 0 and rng.random() < 0.4:
            q = sorted(np_rng.uniform(0, 1, 2).tolist())
            lo_, hi_ = float(np.quantile(data, q[0])), float(np.quantile(data, q[1]))
            if lo_ < hi_:
                kw['range'] = (lo_, hi_)
                opts['range'] = [enc_scalar(lo_, 'float64'), enc_scalar(hi_, 'float64')]
        if rng.random() < 0.3:
            wdt = rng.choice(['float64', 'float32', 'int32'])
            w = (np_rng.standard_normal(n) * 3).astype(wdt)
            w_s = spec_from(w.tolist(), wdt, [n])
            ins['weights'] = w_s
            kw['weights'] = build(w_s)
        if rng.random() < 0.2:
            kw['density'] = opts['density'] = True

        def f(a=a, kw=kw):
            h, e = np.histogram(a, **kw)
            return [enc_array(h), enc_array(e)]
        cases.append(run({'fn': 'histogram', 'in': ins, 'opts': opts}, f))
        ri, rv, rc = rng.random() < 0.5, rng.random() < 0.5, rng.random() < 0.5
        pool = data[: max(1, n // 4)]
        if n > 0:
            u = np_rng.choice(pool, n)
            u_s = spec_from(u.tolist(), dt, [n])

            def g(u=u, ri=ri, rv=rv, rc=rc):
                r = np.unique(u, return_index=ri, return_inverse=rv, return_counts=rc)
                if not (ri or rv or rc):
                    return enc_array(r)
                r = list(r)
                out = {'values': enc_array(r.pop(0))}
                for key, on in (('indices', ri), ('inverse', rv), ('counts', rc)):
                    if on:
                        out[key] = enc_array(r.pop(0))
                return out
            uo = {k: True for k, on in (('returnIndex', ri), ('returnInverse', rv), ('returnCounts', rc)) if on}
            case = run({'fn': 'unique', 'in': {'a': u_s}, 'opts': uo}, g)
            if not ri:
                case['zero_sign'] = False
            cases.append(case)
            srt_s = spec_from(np.sort(data).tolist(), dt, [n])
            side = rng.choice(['left', 'right'])
            cases.append(run({'fn': 'searchsorted', 'in': {'a': srt_s, 'v': u_s}, 'opts': {'side': side}},
                             lambda srt_s=srt_s, u=u, side=side: enc_array(np.searchsorted(build(srt_s), u, side=side))))
    return {'numpy': np.__version__, 'arrays': intern(cases), 'cases': cases}


def main():
    if '--fresh' in sys.argv:
        count = int(sys.argv[sys.argv.index('--fresh') + 1])
        seed = int(sys.argv[sys.argv.index('--seed') + 1]) if '--seed' in sys.argv else 0
        json.dump(gen_fresh(count, seed), sys.stdout, separators=(',', ':'), allow_nan=False)
        return
    assert np.__version__ == NUMPY_TARGET or os.environ.get('STRIDED_ANY_NUMPY'), f'numpy {np.__version__} != {NUMPY_TARGET}'
    os.makedirs(OUT_DIR, exist_ok=True)
    gens = {'nonzero': gen_nonzero, 'choose': gen_choose, 'searchsorted': gen_searchsorted, 'unique': gen_unique,
            'isin': gen_isin, 'bincount': gen_bincount, 'histogram': gen_histogram}
    for name, gen in gens.items():
        rng = random.Random(f'search-{name}')
        cases = gen(rng)
        arrays = intern(cases)
        with open(os.path.join(OUT_DIR, f'{name}.json'), 'w') as f:
            json.dump({'numpy': np.__version__, 'arrays': arrays, 'cases': cases}, f, separators=(',', ':'), allow_nan=False)
        print(f'{name}: {len(cases)} cases, {sum(1 for c in cases if "error" in c)} errors')


if __name__ == '__main__':
    main()
