#!/usr/bin/env python3
"""Generate the NumPy golden cases for the second batch of strided's ufuncs (test/fixtures/ufunc/ufunc2.json) and
for the where= option of every ufunc (test/fixtures/ufunc/where.json).

    python3 scripts/gen_ufunc2_fixtures.py

Deterministic (seeded). Needs numpy 2.x (written against 2.4.6). The encoding is scripts/gen_ufunc_fixtures.py's
(its helpers live in scripts/ufunc_fixture_common.py), plus per case:
  "kwargs": {"decimals": d} | {"rtol", "atol", "equalNan"}   (round; isclose/allclose/arrayEqual)
  "where": array spec or {"scalar": "bool", ...}; "out": array spec (its values before the call);
  "freshOut": true  -> strided is called without out: masked-off elements must be zero (NumPy's are uninitialised,
                        so the expectation is NumPy's result written into a zero-filled out)
  "expectScalar": bool   (allclose / arrayEqual / arrayEquiv return a JS boolean)

    python3 scripts/gen_ufunc2_fixtures.py --ulp DIR N

writes N random points per transcendental function and float dtype (and NumPy's results) as .npy files into DIR,
for the live ULP test (test/ufunc2.ulp.test.ts); nothing else is written.
"""
import os
import sys
import warnings

import numpy as np

from ufunc_fixture_common import DTYPES, INTS, array_makers, call, enc_array_values, enc_result, enc_scalar, expect_out, write_fixture

warnings.simplefilter('ignore')
np.seterr(all='ignore')

assert np.__version__.startswith('2.'), np.__version__

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'test', 'fixtures', 'ufunc')
os.makedirs(OUT, exist_ok=True)

UNARY = {
    'isnan': np.isnan, 'isinf': np.isinf, 'isfinite': np.isfinite, 'signbit': np.signbit, 'trunc': np.trunc,
    'fix': np.fix, 'reciprocal': np.reciprocal, 'invert': np.invert, 'sinh': np.sinh, 'cosh': np.cosh,
    'arcsin': np.arcsin, 'arccos': np.arccos, 'arctan': np.arctan, 'arcsinh': np.arcsinh, 'arccosh': np.arccosh,
    'arctanh': np.arctanh, 'exp2': np.exp2, 'log2': np.log2, 'log10': np.log10, 'cbrt': np.cbrt,
    'deg2rad': np.deg2rad, 'rad2deg': np.rad2deg, 'positive': np.positive, 'conjugate': np.conjugate,
}
BINARY = {
    'leftShift': np.left_shift, 'rightShift': np.right_shift, 'arctan2': np.arctan2, 'hypot': np.hypot,
    'fmod': np.fmod, 'remainder': np.remainder, 'copysign': np.copysign, 'nextafter': np.nextafter,
    'logaddexp': np.logaddexp, 'logaddexp2': np.logaddexp2, 'heaviside': np.heaviside, 'floatPower': np.float_power,
}
OLD_UNARY = {'sqrt': np.sqrt, 'negative': np.negative, 'abs': np.absolute, 'exp': np.exp, 'logicalNot': np.logical_not}
OLD_BINARY = {'add': np.add, 'multiply': np.multiply, 'less': np.less, 'maximum': np.maximum, 'floorDivide': np.floor_divide}
SEED = 20261203
rng = np.random.default_rng(SEED)
SPECIALS = [np.nan, np.inf, -np.inf, 0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.5, -2.5, 5e-324, -5e-324, 1e-310, 1.7e308,
            -1.7e308, 1e-30, 3.0, 0.9999999, 1.0000001, 64.0]  # (the encoding has no NaN sign: -nan is a unit test)


def random_values(dt, n, op=None, role=0):
    """Random elements of dtype dt, with the edge values each op cares about."""
    if dt == 'bool':
        return rng.random(n) < 0.5
    if dt in INTS:
        info = np.iinfo(dt)
        if op in ('leftShift', 'rightShift') and role == 1:
            return rng.integers(max(info.min, -2), min(info.max, info.bits + 2) + 1, n).astype(dt)
        kind = rng.random(n)
        small = rng.integers(max(info.min, -9), min(info.max, 9) + 1, n)
        wide = rng.integers(info.min, info.max, n, endpoint=True, dtype=dt)
        edge = rng.choice(np.array([info.min, info.max, 0, 1, info.max - 1] + ([-1] if info.min < 0 else []), dtype=dt), n)
        return np.where(kind < 0.45, small.astype(dt), np.where(kind < 0.85, wide, edge)).astype(dt)
    if op in ('arcsin', 'arccos', 'arctanh'):
        x = rng.uniform(-1.1, 1.1, n)
    elif op == 'arccosh':
        x = 1 + np.exp(rng.normal(0, 3, n)) * np.where(rng.random(n) < 0.1, -1, 1)
    elif op in ('sinh', 'cosh', 'exp2', 'logaddexp', 'logaddexp2'):
        x = rng.normal(0, 8, n)
    elif op in ('log2', 'log10'):
        x = np.exp(rng.normal(0, 5, n)) * np.where(rng.random(n) < 0.1, -1, 1)
    elif op == 'floatPower':
        x = rng.normal(0, 3, n) if role == 0 else rng.choice(np.array([0.5, 2, 3, -1, -2.5, 1.5, 0, 7]), n)
    elif op == 'round':
        x = rng.normal(0, 100, n) * np.exp(rng.uniform(-6, 6, n))
        x = np.where(rng.random(n) < 0.3, np.round(x * 2) / 2, x)
    else:
        x = rng.normal(0, 10, n) * np.where(rng.random(n) < 0.2, 1e6, 1)
        x = np.where(rng.random(n) < 0.3, np.round(x), x)
    special = rng.random(n)
    x = np.where(special < 0.12, rng.choice(np.array(SPECIALS[:7]), n), x)
    return x.astype(dt)


make_array, random_shape, broadcast_from = array_makers(rng, random_values)


def dump(name, obj):
    write_fixture(OUT, name, obj)


LAYOUTS = ['C', 'neg', 'slice', 'transpose', 'F']

if '--ulp' in sys.argv:
    udir = sys.argv[sys.argv.index('--ulp') + 1]
    n = int(sys.argv[sys.argv.index('--ulp') + 2])
    ur = np.random.default_rng(int(sys.argv[sys.argv.index('--seed') + 1]) if '--seed' in sys.argv else 11)
    for dt in ['float64', 'float32']:
        big = dt == 'float64'
        for op in ['sinh', 'cosh', 'arcsin', 'arccos', 'arctan', 'arcsinh', 'arccosh', 'arctanh', 'exp2', 'log2', 'log10', 'cbrt']:
            if op in ('arcsin', 'arccos', 'arctanh'):
                x = ur.uniform(-1, 1, n)
            elif op == 'arccosh':
                x = 1 + np.exp(ur.uniform(-30, 30, n))
            elif op in ('sinh', 'cosh'):
                x = ur.uniform(-710 if big else -89, 710 if big else 89, n)
            elif op == 'exp2':
                x = ur.uniform(-1075 if big else -150, 1024 if big else 128, n)
            elif op == 'cbrt':
                x = np.exp(ur.uniform(-700, 700, n)) * np.where(ur.random(n) < 0.5, 1, -1)
            else:
                x = np.exp(ur.uniform(-700 if big else -87, 700 if big else 88, n))
            x = np.where(ur.random(n) < 0.3, ur.normal(0, 3, n), x).astype(dt)
            np.save(os.path.join(udir, f'{op}_{dt}_x.npy'), x)
            np.save(os.path.join(udir, f'{op}_{dt}_r.npy'), getattr(np, op)(x))
        for op, npf in [('arctan2', np.arctan2), ('logaddexp', np.logaddexp), ('logaddexp2', np.logaddexp2), ('floatPower', np.float_power)]:
            if op == 'floatPower':
                x, y = np.exp(ur.uniform(-20, 20, n)), ur.normal(0, 20, n)
            elif op == 'arctan2':
                x, y = (ur.normal(0, 1, n) * np.exp(ur.uniform(-50, 50, n)) for _ in range(2))
            else:
                x = ur.normal(0, 50, n)
                y = x + ur.normal(0, 3, n)
            x, y = x.astype(dt), y.astype(dt)
            np.save(os.path.join(udir, f'{op}_{dt}_x.npy'), x)
            np.save(os.path.join(udir, f'{op}_{dt}_y.npy'), y)
            np.save(os.path.join(udir, f'{op}_{dt}_r.npy'), npf(x, y))
    sys.exit(0)


def arr_case(op, f, specs, args, **kw):
    return {'op': op, 'inputs': specs, 'expect': call(f, *args, **kw)}


def shape_for(k):
    """Layout matrix: k-th case of an (op, dtype): a few random shapes/layouts, then empty and 0-d."""
    if k == 0:
        return [0] if rng.random() < 0.5 else [2, 0]
    if k == 1:
        return []
    return [int(rng.integers(1, 4)) for _ in range(int(rng.integers(2, 4)))]


cases = []
# ------------------------------------------------------------------------------- unary: every op x dtype x layout
for op, f in UNARY.items():
    for dt in DTYPES:
        for k in range(2 + len(LAYOUTS)):
            shape = shape_for(k)
            a, sa = make_array(shape, dt, op, 0, None if k < 2 else LAYOUTS[k - 2])
            cases.append(arr_case(op, f, [sa], [a]))
# round: every dtype x decimals
for dt in DTYPES:
    for d in [-3, -1, 0, 1, 2, 5]:
        shape = shape_for(2 + (d % 3)) if d != 5 else [0]
        a, sa = make_array(shape, dt, 'round', 0)
        c = arr_case('round', np.round, [sa], [a], decimals=d)
        c['kwargs'] = {'decimals': d}
        cases.append(c)
# ------------------------------------------------------------------------------- binary: every op x dtype pair
for op, f in BINARY.items():
    for d1 in DTYPES:
        for d2 in DTYPES:
            shape = random_shape(3, 4)
            s1, s2 = (broadcast_from(shape), list(shape)) if rng.random() < 0.5 else (list(shape), broadcast_from(shape))
            a, sa = make_array(s1, d1, op, 0)
            b, sb = make_array(s2, d2, op, 1)
            cases.append(arr_case(op, f, [sa, sb], [a, b]))
    # empty and 0-d
    for dt in ['int16', 'float32', 'float64', 'int64']:
        for shape in ([0], []):
            a, sa = make_array(shape, dt, op, 0)
            b, sb = make_array(shape, dt, op, 1)
            cases.append(arr_case(op, f, [sa, sb], [a, b]))
# ------------------------------------------------------------------------------- special values (floats)
sp = np.array(SPECIALS)
for dt in ['float32', 'float64']:
    v = sp.astype(dt)
    for op, f in UNARY.items():
        spec = {'dtype': dt, 'base': [len(v)], 'values': enc_array_values(v), 'view': []}
        cases.append(arr_case(op, f, [spec], [v]))
    for d in [-2, 0, 1, 3, 20]:
        spec = {'dtype': dt, 'base': [len(v)], 'values': enc_array_values(v), 'view': []}
        c = arr_case('round', np.round, [spec], [v], decimals=d)
        c['kwargs'] = {'decimals': d}
        cases.append(c)
    xx, yy = np.meshgrid(v, v, indexing='ij')
    xs = {'dtype': dt, 'base': [len(v)], 'values': enc_array_values(v), 'view': [['slice', ':, None']]}
    ys = {'dtype': dt, 'base': [len(v)], 'values': enc_array_values(v), 'view': []}
    for op, f in BINARY.items():
        if op in ('leftShift', 'rightShift'):
            continue
        cases.append(arr_case(op, f, [xs, ys], [v[:, None], v]))
# integer edge values of the shifts, reciprocal, fmod, invert
for dt in INTS:
    info = np.iinfo(dt)
    vals = np.array(sorted({info.min, info.min + 1, -1 if info.min < 0 else 2, 0, 1, 2, info.max - 1, info.max}), dtype=dt)
    sh = np.array([0, 1, info.bits - 1, info.bits, info.bits + 1, 2 * info.bits] + ([-1, -info.bits] if info.min < 0 else []), dtype=dt)
    vs = {'dtype': dt, 'base': [len(vals)], 'values': enc_array_values(vals), 'view': [['slice', ':, None']]}
    ss = {'dtype': dt, 'base': [len(sh)], 'values': enc_array_values(sh), 'view': []}
    for op in ('leftShift', 'rightShift', 'fmod', 'remainder'):
        cases.append(arr_case(op, BINARY[op], [vs, ss if op.endswith('Shift') else {**vs, 'view': []}], [vals[:, None], sh if op.endswith('Shift') else vals]))
    flat = {**vs, 'view': []}
    for op in ('reciprocal', 'invert', 'signbit', 'trunc', 'fix', 'positive', 'conjugate'):
        cases.append(arr_case(op, UNARY[op], [flat], [vals]))
# ------------------------------------------------------------------------------- weak scalars (NEP 50)
SCALARS = [('int', 3), ('int', -1), ('int', 0), ('int', 300), ('int', 2**63), ('float', 2.5), ('float', -0.0),
           ('float', float('nan')), ('float', float('inf')), ('bool', True)]
for op, f in BINARY.items():
    for dt in DTYPES:
        for kind, v in SCALARS:
            if rng.random() < 0.5:
                continue
            a, sa = make_array([int(rng.integers(1, 5))], dt, op, 0, 'C')
            sv = enc_scalar(kind, v)
            cases.append(arr_case(op, f, [sa, sv], [a, v]))
            if rng.random() < 0.4:
                cases.append(arr_case(op, f, [sv, sa], [v, a]))
for op, f in UNARY.items():
    for kind, v in [('float', 2.5), ('float', -0.0), ('float', float('nan')), ('bool', True)]:
        c = arr_case(op, f, [enc_scalar(kind, v)], [np.float64(v) if kind == 'float' else v])
        cases.append(c)
# ------------------------------------------------------------------------------- dtype= option
for _ in range(80):
    op = str(rng.choice(list(UNARY) + list(BINARY)))
    d1 = str(rng.choice(DTYPES))
    want = str(rng.choice(['bool', 'int8', 'int32', 'uint16', 'int64', 'float32', 'float64']))
    shape = random_shape(2, 4)
    a, sa = make_array(shape, d1, op, 0)
    if op in UNARY:
        c = arr_case(op, np.trunc if op == 'fix' else UNARY[op], [sa], [a], dtype=want)  # np.fix has no dtype=
    else:
        b, sb = make_array(broadcast_from(shape), str(rng.choice(DTYPES)), op, 1)
        c = arr_case(op, BINARY[op], [sa, sb], [a, b], dtype=want)
    c['dtype'] = want
    cases.append(c)
# ------------------------------------------------------------------------------- out= with casts
for _ in range(60):
    op = str(rng.choice(list(UNARY) + list(BINARY)))
    shape = random_shape(3, 4) or [3]
    d1 = str(rng.choice(['int8', 'int16', 'int32', 'float32', 'float64', 'uint8', 'int64']))
    a, sa = make_array(shape, d1, op, 0)
    o, so = make_array(shape, str(rng.choice(DTYPES)), None, 0, str(rng.choice(['C', 'F', 'slice', 'neg'])))
    before = o.copy()
    if op in UNARY:
        args, specs, f = [a], [sa], UNARY[op]
    else:
        b, sb = make_array(broadcast_from(shape), str(rng.choice(['int16', 'float64', 'float32', 'uint8'])), op, 1)
        args, specs, f = [a, b], [sa, sb], BINARY[op]
    res = call(f, *args, out=o)
    entry = {'op': op, 'inputs': specs, 'out': so, 'expect': res}
    expect_out(entry, res, o, before)
    cases.append(entry)
# round into out (NumPy's later steps run in out's dtype)
for dt in ['float32', 'float64', 'int16', 'int32', 'int64']:
    for od in ['float32', 'float64', 'int32']:
        for d in [-2, -1, 0, 1, 2, 3, 7]:
            shape = random_shape(2, 4) or [3]
            a, sa = make_array(shape, dt, 'round', 0)
            o, so = make_array(shape, od, None, 0, str(rng.choice(['C', 'neg', 'slice'])))
            before = o.copy()
            res = call(np.round, a, d, out=o)
            entry = {'op': 'round', 'inputs': [sa], 'kwargs': {'decimals': d}, 'out': so, 'expect': res}
            expect_out(entry, res, o, before)
            cases.append(entry)
# ------------------------------------------------------------------------------- isclose & co
for _ in range(60):
    shape = random_shape(2, 4)
    d1, d2 = (str(d) for d in rng.choice(['float64', 'float32', 'int8', 'int64', 'bool', 'uint16'], 2))
    a, sa = make_array(shape, d1)
    if rng.random() < 0.5:
        b = (a + rng.normal(0, 1e-6, a.shape) * np.abs(a)).astype(d2) if d2.startswith('float') else a.astype(d2)
        bs = {'dtype': d2, 'base': list(np.shape(b)), 'values': enc_array_values(np.asarray(b)), 'view': []}
    elif rng.random() < 0.3:
        kv = [('float', 1.0), ('int', 3), ('float', float('nan')), ('float', float('inf'))][int(rng.integers(0, 4))]
        b, bs = kv[1], enc_scalar(*kv)
    else:
        b, bs = make_array(broadcast_from(shape), d2)
    kw = {}
    if rng.random() < 0.5:
        kw['rtol'] = float(rng.choice([1e-3, 0.0, 1e-9]))
    if rng.random() < 0.5:
        kw['atol'] = float(rng.choice([1e-3, 0.0, 1.0]))
    if rng.random() < 0.5:
        kw['equal_nan'] = bool(rng.random() < 0.5)
    jkw = {('equalNan' if k == 'equal_nan' else k): v for k, v in kw.items()}
    c = arr_case('isclose', np.isclose, [sa, bs], [a, b], **kw)
    c['kwargs'] = jkw
    cases.append(c)
    r = np.allclose(a, b, **kw)
    cases.append({'op': 'allclose', 'inputs': [sa, bs], 'kwargs': jkw, 'expectScalar': bool(r)})
for _ in range(40):
    shape = random_shape(2, 3)
    d1, d2 = (str(d) for d in rng.choice(['float64', 'float32', 'int8', 'int64'], 2))
    a, sa = make_array(shape, d1)
    r = rng.random()
    if r < 0.4:
        b = a.astype(d2)
        bs = {'dtype': d2, 'base': list(b.shape), 'values': enc_array_values(b), 'view': []}
    elif r < 0.7:
        b, bs = make_array(broadcast_from(shape), d2)
    else:
        b, bs = make_array(random_shape(2, 3), d2)
    eq = bool(rng.random() < 0.5)
    cases.append({'op': 'arrayEqual', 'inputs': [sa, bs], 'kwargs': {'equalNan': eq}, 'expectScalar': bool(np.array_equal(a, b, equal_nan=eq))})
    cases.append({'op': 'arrayEquiv', 'inputs': [sa, bs], 'expectScalar': bool(np.array_equiv(a, b))})
dump('ufunc2.json', cases)

# ------------------------------------------------------------------------------- where= (every ufunc kind)
ALL_UNARY = {**UNARY, **OLD_UNARY}
ALL_BINARY = {**BINARY, **OLD_BINARY}
where = []
for i in range(160):
    unary = rng.random() < 0.45
    op = str(rng.choice(list(ALL_UNARY if unary else ALL_BINARY)))
    f = (ALL_UNARY if unary else ALL_BINARY)[op]
    if op == 'fix':
        f = np.trunc  # np.fix is a Python function without where=; strided's fix is a ufunc with trunc's values
    shape = random_shape(3, 4) or [3]
    dt = str(rng.choice(['float64', 'float32', 'int16', 'int32', 'uint8', 'int64']))
    if op in ('leftShift', 'rightShift', 'invert') and dt.startswith('float'):
        dt = 'int32'
    a, sa = make_array(broadcast_from(shape) if not unary and rng.random() < 0.3 else shape, dt, op, 0)
    args, specs = [a], [sa]
    if not unary:
        b, sb = make_array(broadcast_from(shape), dt, op, 1)
        args.append(b)
        specs.append(sb)
    r = rng.random()
    if r < 0.1:
        wv = bool(rng.random() < 0.5)
        m, ms = wv, {'scalar': 'bool', 'value': wv}
    elif r < 0.2:
        m, ms = make_array([2] + list(shape), 'bool')  # a leading axis: the mask widens the result
    else:
        m, ms = make_array(broadcast_from(shape), 'bool')
    probe = call(f, *args, where=m) if not isinstance(m, bool) else call(f, *args)
    if 'error' in probe:
        where.append({'op': op, 'inputs': specs, 'where': ms, 'expect': probe})
        continue
    full_shape = list(np.broadcast_shapes(*[np.shape(x) for x in args], np.shape(m)))
    fresh = rng.random() < 0.4
    if fresh:
        o = np.zeros(full_shape, dtype=probe['dtype'])
        so = None
    else:
        od = probe['dtype'] if rng.random() < 0.7 else str(rng.choice(['float64', 'int64', 'float32']))
        o, so = make_array(full_shape, od, None, 0, str(rng.choice(['C', 'F', 'slice', 'neg'])))
    res = call(f, *args, out=o, where=m)
    entry = {'op': op, 'inputs': specs, 'where': ms, 'expect': res}
    if 'error' not in res:
        entry['expect'] = enc_result(o)
    if fresh:
        entry['freshOut'] = True
    else:
        entry['out'] = so
    where.append(entry)
# error cases: a non-bool mask, a mask that does not broadcast
a = np.arange(6.0).reshape(2, 3)
sa = {'dtype': 'float64', 'base': [2, 3], 'values': enc_array_values(a), 'view': []}
for mdt, mshape in [('int8', [3]), ('float64', [2, 3]), ('bool', [4]), ('bool', [2, 2])]:
    m = np.ones(mshape, dtype=mdt)
    ms = {'dtype': mdt, 'base': mshape, 'values': enc_array_values(m), 'view': []}
    where.append({'op': 'sqrt', 'inputs': [sa], 'where': ms, 'expect': call(np.sqrt, a, where=m)})
    where.append({'op': 'hypot', 'inputs': [sa, sa], 'where': ms, 'expect': call(np.hypot, a, a, where=m)})
dump('where.json', where)
