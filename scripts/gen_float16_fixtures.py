"""Generate the NumPy golden cases for strided's float16 dtype (test/fixtures/float16.json):

  encode   doubles (as repr strings) and the bits of np.float16(x): random values over the whole range, every
           tie between neighbouring halves (normal and subnormal), the overflow and underflow thresholds
  ufunc    float16 arrays (specials included) through unary and binary ufuncs in several layouts, with float16,
           int8 and float32 partners and Python scalars: result dtype and values (half bits for float16 results)
  reduce   sum, mean, min, max, argmin, argmax, any, all over float16 arrays, axis None / 0 / 1 (sums long enough
           to need several pairwise blocks); prod, var, std too, compared within one half ULP by the test
  cast     astype between float16 and every other dtype (values that are in range for the target)
  repr     repr() of float16 arrays and str() of float16 scalars

    python3 scripts/gen_float16_fixtures.py

Deterministic (seeded). Needs numpy 2.x (written against 2.4.6). Replayed by test/float16.golden.test.ts.
"""
import json
import os
import warnings

import numpy as np

assert np.__version__.startswith('2.'), np.__version__
warnings.simplefilter('ignore')
rng = np.random.default_rng(20261203)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures')


def enc(v):
    """A float as a string that reads back exactly (nan/inf spelled out); ints and bools as they are."""
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if isinstance(v, (int, np.integer)):
        return int(v) if abs(int(v)) < 2 ** 53 else str(int(v))  # beyond 2^53 as a decimal string
    f = float(v)
    if np.isnan(f):
        return 'nan'
    if np.isinf(f):
        return 'inf' if f > 0 else '-inf'
    return repr(f)


def bits(a):
    return np.ascontiguousarray(a, dtype=np.float16).view(np.uint16).ravel().tolist()


def result(r):
    r = np.asarray(r)
    if r.dtype == np.float16:
        return {'dtype': 'float16', 'shape': list(r.shape), 'bits': bits(r)}
    return {'dtype': r.dtype.name, 'shape': list(r.shape), 'values': [enc(v) for v in r.ravel().tolist()]}


# ------------------------------------------------------------------------------------------------ encode
encode = []
xs = list(rng.uniform(-70000, 70000, 400)) + list(np.exp(rng.uniform(np.log(1e-9), np.log(7e4), 1200)) * rng.choice([-1, 1], 1200))
all_halves = np.arange(65536, dtype=np.uint16).view(np.float16)
finite = np.sort(all_halves[np.isfinite(all_halves)].astype(np.float64))
finite = np.unique(finite)
mids = (finite[:-1] + finite[1:]) / 2  # exact in float64: every tie
pick = rng.choice(len(mids), 1500, replace=False)
xs += list(mids[pick]) + list(mids[:40]) + list(mids[-40:])
xs += [np.nextafter(m, np.inf) for m in mids[pick[:200]]] + [np.nextafter(m, -np.inf) for m in mids[pick[:200]]]
xs += [0.0, -0.0, np.inf, -np.inf, np.nan, 65504.0, 65519.99999999999, 65520.0, 65520.00000000001, 1e10, -1e300,
       2.0 ** -25, 2.0 ** -25 * (1 + 2 ** -52), 2.0 ** -26, 2.0 ** -24 * 1.5, 2.0 ** -24 * 2.5, 5e-324, 6.103515625e-05,
       6.1035156249999993e-05, 2.0 ** -14 - 2.0 ** -25]
encode = [[enc(x), int(np.float16(x).view(np.uint16))] for x in xs]

# ------------------------------------------------------------------------------------------------ ufunc
SPECIAL = [0.0, -0.0, np.inf, -np.inf, np.nan, 65504.0, -65504.0, 6e-08, 1.0, -1.0, 0.5, 2.0]


def f16_values(n):
    """n float16 values: the specials (all of them when n allows) among uniform values in [-8, 8)."""
    k = min(len(SPECIAL), n // 2)
    v = list(rng.uniform(-8, 8, n - k)) + list(rng.choice(SPECIAL, k, replace=False))
    rng.shuffle(v)
    return np.array(v, dtype=np.float16)


LAYOUTS = ['C', 'neg', 'T', 'slice']


def layout(base, kind):
    """A (4, 6) view of a 24-element base (kind: C, negative strides, transposed, sliced from a bigger base)."""
    if kind == 'C':
        return base.reshape(4, 6), {'base': [4, 6], 'view': []}
    if kind == 'neg':
        return base.reshape(4, 6)[::-1, ::-1], {'base': [4, 6], 'view': [['slice', '::-1, ::-1']]}
    if kind == 'T':
        return base.reshape(6, 4).T, {'base': [6, 4], 'view': [['transpose', [1, 0]]]}
    raise ValueError(kind)


UNARY = ['negative', 'abs', 'sqrt', 'square', 'exp', 'expm1', 'log', 'log1p', 'sin', 'cos', 'tan', 'tanh', 'floor',
         'ceil', 'rint', 'sign', 'isnan', 'isinf', 'isfinite', 'signbit', 'trunc', 'reciprocal', 'sinh', 'cosh',
         'arcsin', 'arccos', 'arctan', 'arcsinh', 'arccosh', 'arctanh', 'exp2', 'log2', 'log10', 'cbrt', 'deg2rad',
         'rad2deg', 'logical_not', 'positive']
BINARY = ['add', 'subtract', 'multiply', 'divide', 'floor_divide', 'mod', 'power', 'maximum', 'minimum', 'fmax', 'fmin',
          'equal', 'not_equal', 'less', 'less_equal', 'greater', 'greater_equal', 'arctan2', 'hypot', 'fmod',
          'copysign', 'nextafter', 'logaddexp', 'logaddexp2', 'heaviside']
CAMEL = {'logical_not': 'logicalNot', 'floor_divide': 'floorDivide', 'not_equal': 'notEqual', 'less_equal': 'lessEqual',
         'greater_equal': 'greaterEqual'}
ufunc = []
for op in UNARY:
    for kind in LAYOUTS[:3]:
        base = f16_values(24)
        a, view = layout(base, kind)
        ufunc.append({'op': CAMEL.get(op, op), 'inputs': [{'dtype': 'float16', 'bits': bits(base), **view}],
                      'expect': result(getattr(np, op)(a))})
PARTNERS = ['float16', 'float16', 'int8', 'float32', 'uint8', 'int16', 'scalar']
for op in BINARY:
    if not hasattr(np, op):
        continue
    for i, partner in enumerate(PARTNERS):
        if op in ('fmax', 'fmin'):
            break  # not strided ufuncs
        base = f16_values(24)
        a, view = layout(base, LAYOUTS[i % 3])
        ia = {'dtype': 'float16', 'bits': bits(base), **view}
        if partner == 'scalar':
            s = float(rng.choice([2.5, -0.75, 3.0, 1e5]))
            ufunc.append({'op': CAMEL.get(op, op), 'inputs': [ia, {'scalar': s}], 'expect': result(getattr(np, op)(a, s))})
            continue
        if partner == 'float16':
            pb = f16_values(6)
            b = pb.reshape(1, 6)
            ib = {'dtype': 'float16', 'bits': bits(pb), 'base': [1, 6], 'view': []}
        else:
            vals = rng.integers(-5, 6, 6) if partner in ('int8', 'int16') else rng.integers(0, 9, 6) if partner == 'uint8' else rng.uniform(-4, 4, 6)
            pb = np.array(vals, dtype=partner)
            b = pb.reshape(1, 6)
            ib = {'dtype': partner, 'values': [enc(v) for v in pb.tolist()], 'base': [1, 6], 'view': []}
        ufunc.append({'op': CAMEL.get(op, op), 'inputs': [ia, ib], 'expect': result(getattr(np, op)(a, b))})
# int8/uint8/bool inputs of float functions compute in float16
for op in ['exp', 'log', 'sqrt', 'sin', 'arctan', 'cbrt']:
    for dt in ['int8', 'uint8', 'bool']:
        v = np.array(rng.integers(0 if dt != 'int8' else -20, 2 if dt == 'bool' else 30, 12), dtype=dt)
        ufunc.append({'op': op, 'inputs': [{'dtype': dt, 'values': [enc(x) for x in v.tolist()], 'base': [12], 'view': []}],
                      'expect': result(getattr(np, op)(v))})

# ------------------------------------------------------------------------------------------------ reduce
reduce_cases = []
reduce_inputs = []  # the float16 bases, stored once; cases name one by index
for shape in [(7,), (5000,), (20000,), (30, 40), (300, 41), (8, 3000), (0,), (0, 3)]:
    n = int(np.prod(shape))
    base = np.array(rng.uniform(-3, 4, n), dtype=np.float16).reshape(shape)
    reduce_inputs.append({'base': list(shape), 'bits': bits(base)})
    views = [('C', base, [])]
    if len(shape) == 2 and n > 0:
        views.append(('T', base.T, [['transpose', [1, 0]]]))
    for vname, a, view in views:
        axes = [None] + (list(range(a.ndim)) if a.ndim > 1 else [])
        for op in ['sum', 'mean', 'min', 'max', 'argmin', 'argmax', 'any', 'all', 'prod', 'var', 'std']:
            for ax in axes:
                if a.size == 0 and op in ('min', 'max', 'argmin', 'argmax'):
                    continue
                r = getattr(np, op)(a, axis=ax)
                reduce_cases.append({'op': op, 'axis': ax, 'input': len(reduce_inputs) - 1, 'view': view, 'expect': result(r)})

# ------------------------------------------------------------------------------------------------ cast
cast = []
TARGETS = ['bool', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float32', 'float64']
h = np.array([0.0, -0.0, 1.5, -2.75, 100.0, 127.0, -128.0, 255.0, 0.333, 65504.0, np.inf, np.nan, 6e-08], dtype=np.float16)
for t in TARGETS:
    ok = np.ones(len(h), bool)
    if t not in ('bool', 'float32', 'float64'):
        info = np.iinfo(t)
        ok = np.isfinite(h.astype(np.float64)) & (h.astype(np.float64) >= info.min) & (h.astype(np.float64) <= info.max)
    src = h[ok]
    cast.append({'from': 'float16', 'to': t, 'bits': bits(src), 'expect': result(src.astype(t))})
for t in TARGETS:
    if t == 'bool':
        v = np.array([True, False, True])
    elif t.startswith('float'):
        v = np.array([0.1, -0.0, 65519.0, 65520.0, 1e-8, 3e-5, np.nan, -np.inf, 2.0 ** -25, 1.0009765625], dtype=t)
    else:
        info = np.iinfo(t)
        v = np.array([x for x in [0, 1, int(info.max), int(info.min), 2049, 2051, 4097, 65519, 65520] if info.min <= x <= info.max], dtype=t)
    cast.append({'from': t, 'to': 'float16', 'values': [enc(x) for x in v.tolist()], 'expect': result(v.astype(np.float16))})

# ------------------------------------------------------------------------------------------------ repr
reprs = []
for vals in [[1000, 1], [999, 1], [0.1, 0.0001], [0.1, 0.0002], [1, 2], [], [0.1, 0.25, 65504, 1e5, -0.0, np.nan],
             [1 / 3, 2 / 3, 1e-3], [12345, 0.5], [6e-8, 1], [-1.5, 2.25, 3.125], list(rng.uniform(-100, 100, 12))]:
    a = np.array(vals, dtype=np.float16)
    reprs.append({'bits': bits(a), 'shape': list(a.shape), 'repr': repr(a), 'str': str(a)})
scalars = []
for v in [1000, 999, 1e-4, 0.0001001, 65504, 0.1, 1 / 3, 6e-8, 12345, -0.0, np.inf, np.nan, 1.5, 2048, 0.00006103515625]:
    x = np.float16(v)
    scalars.append({'bits': int(x.view(np.uint16)), 'str': str(x), 'repr': repr(x)})

doc = {'numpy': np.__version__, 'encode': encode, 'ufunc': ufunc, 'reduceInputs': reduce_inputs, 'reduce': reduce_cases, 'cast': cast, 'repr': reprs, 'scalars': scalars}
path = os.path.join(OUT, 'float16.json')
with open(path, 'w') as fh:
    json.dump(doc, fh, separators=(',', ':'))
print(f'float16.json: {os.path.getsize(path)} bytes, {len(encode)} encode, {len(ufunc)} ufunc, {len(reduce_cases)} reduce, {len(cast)} cast cases')
