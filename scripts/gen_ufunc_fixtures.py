#!/usr/bin/env python3
"""Generate the NumPy golden cases for strided's elementwise ops (test/fixtures/ufunc/*.json).

    python3 scripts/gen_ufunc_fixtures.py

Deterministic (seeded). Needs numpy 2.x (written against 2.4.6).

Encoding
  array   {"dtype", "base": [shape], "values": [...C order...], "view": [[step], ...]}
          view steps: ["slice", expr] (Python basic-index expression), ["transpose", perm],
          ["strided", shape, strides, offset] (as_strided of the base, element units)
  scalar  {"scalar": "int"|"float"|"bool", "value": v}  (ints as strings when |v| > 2^53)
  values  ints as JSON numbers (int64/uint64 as strings), floats as numbers or "nan"/"inf"/"-inf"/"-0"
  expect  {"dtype", "shape", "values"} or {"error": ExceptionName, "message": str}
"""
import json
import os
import sys

import numpy as np
from numpy.lib.stride_tricks import as_strided

from ufunc_fixture_common import DTYPES, INTS, array_makers, call, enc_array_values, enc_result, enc_scalar, expect_out, write_fixture

assert np.__version__.startswith('2.'), np.__version__

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'test', 'fixtures', 'ufunc')
os.makedirs(OUT, exist_ok=True)

BINARY = {
    'add': np.add, 'subtract': np.subtract, 'multiply': np.multiply, 'divide': np.divide,
    'floorDivide': np.floor_divide, 'mod': np.remainder, 'power': np.power, 'maximum': np.maximum,
    'minimum': np.minimum, 'bitwiseAnd': np.bitwise_and, 'bitwiseOr': np.bitwise_or, 'bitwiseXor': np.bitwise_xor,
    'equal': np.equal, 'notEqual': np.not_equal, 'less': np.less, 'lessEqual': np.less_equal,
    'greater': np.greater, 'greaterEqual': np.greater_equal, 'logicalAnd': np.logical_and, 'logicalOr': np.logical_or,
}
UNARY = {
    'negative': np.negative, 'abs': np.absolute, 'sqrt': np.sqrt, 'square': np.square, 'exp': np.exp,
    'expm1': np.expm1, 'log': np.log, 'log1p': np.log1p, 'sin': np.sin, 'cos': np.cos, 'tan': np.tan,
    'tanh': np.tanh, 'floor': np.floor, 'ceil': np.ceil, 'rint': np.rint, 'sign': np.sign,
    'logicalNot': np.logical_not,
}

LIVE = '--live' in sys.argv
SEED = int(sys.argv[sys.argv.index('--seed') + 1]) if '--seed' in sys.argv else 20261122
rng = np.random.default_rng(SEED)


def random_values(dt, n, op=None, role=0):
    """Random elements of dtype dt, with the edge values each op cares about."""
    if dt == 'bool':
        return rng.random(n) < 0.5
    if dt in INTS:
        info = np.iinfo(dt)
        if op == 'power' and role == 1:
            return rng.integers(0, 6 if info.bits < 64 else 70, n).astype(dt)
        kind = rng.random(n)
        small = rng.integers(max(info.min, -9), min(info.max, 9) + 1, n)
        wide = rng.integers(info.min, info.max, n, endpoint=True, dtype=dt)
        edge = rng.choice(np.array([info.min, info.max, 0, 1, info.max - 1] + ([-1] if info.min < 0 else []), dtype=dt), n)
        out = np.where(kind < 0.45, small.astype(dt), np.where(kind < 0.85, wide, edge)).astype(dt)
        return out
    # floats
    if op in ('log', 'log1p', 'sqrt'):
        x = np.exp(rng.normal(0, 3, n)) * np.where(rng.random(n) < 0.15, -1, 1)
    elif op in ('exp', 'expm1', 'tanh'):
        x = rng.normal(0, 8, n)
    elif op in ('sin', 'cos', 'tan'):
        x = rng.normal(0, 4, n) * np.where(rng.random(n) < 0.1, 1e4, 1)
    elif op == 'power':
        x = rng.normal(0, 3, n) if role == 0 else rng.choice(np.array([0.5, 2, 3, -1, -2.5, 1.5, 0, 7]), n)
        if role == 0:
            x = np.where(rng.random(n) < 0.3, np.round(x), x)
    elif op in ('floor', 'ceil', 'rint'):
        x = np.round(rng.normal(0, 10, n) * 2) / 2 + np.where(rng.random(n) < 0.5, rng.normal(0, 0.3, n), 0)
    else:
        x = rng.normal(0, 10, n) * np.where(rng.random(n) < 0.2, 1e6, 1)
        x = np.where(rng.random(n) < 0.3, np.round(x), x)
    special = rng.random(n)
    specials = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1.0, -1.0])
    x = np.where(special < 0.12, rng.choice(specials, n), x)
    return x.astype(dt)


make_array, random_shape, broadcast_from = array_makers(rng, random_values)


def dump(name, obj):
    write_fixture(OUT, name, obj)


if LIVE:
    # fresh random cases for the live fuzz test (test/ufunc.fuzz.test.ts): JSON on stdout, nothing written
    n = int(sys.argv[sys.argv.index('--live') + 1])
    cases = []
    while len(cases) < n:
        r = rng.random()
        if r < 0.6:
            op = str(rng.choice(list(BINARY)))
            d1, d2 = (str(d) for d in rng.choice(DTYPES, 2))
            shape = random_shape(4, 6)
            s1, s2 = (broadcast_from(shape), list(shape)) if rng.random() < 0.5 else (list(shape), broadcast_from(shape))
            a, sa = make_array(s1, d1, op, 0)
            if rng.random() < 0.2:
                kv = [('int', int(rng.integers(-300, 300))), ('float', float(rng.normal(0, 5))), ('bool', bool(rng.random() < 0.5))][int(rng.integers(0, 3))]
                if op == 'power' and kv[0] == 'int':
                    kv = ('int', abs(kv[1]) % 7)
                b, sb = kv[1], enc_scalar(*kv)
            else:
                b, sb = make_array(s2, d2, op, 1)
            cases.append({'op': op, 'inputs': [sa, sb], 'expect': call(BINARY[op], a, b)})
        elif r < 0.9:
            op = str(rng.choice(list(UNARY)))
            a, sa = make_array(random_shape(4, 6), str(rng.choice(DTYPES)), op, 0)
            cases.append({'op': op, 'inputs': [sa], 'expect': call(UNARY[op], a)})
        else:
            shape = random_shape(3, 5)
            c, sc = make_array(broadcast_from(shape), str(rng.choice(['bool', 'float64', 'int16'])))
            x, sx = make_array(broadcast_from(shape), str(rng.choice(DTYPES)))
            y, sy = make_array(list(shape), str(rng.choice(DTYPES)))
            cases.append({'op': 'where', 'inputs': [sc, sx, sy], 'expect': call(np.where, c, x, y)})
    json.dump(cases, sys.stdout, separators=(',', ':'))
    sys.exit(0)

# ------------------------------------------------------------------------------------------- binary, every pair
binary = []
for op, f in BINARY.items():
    for d1 in DTYPES:
        for d2 in DTYPES:
            shape = random_shape()
            s1, s2 = (broadcast_from(shape), list(shape)) if rng.random() < 0.5 else (list(shape), broadcast_from(shape))
            a, sa = make_array(s1, d1, op, 0)
            b, sb = make_array(s2, d2, op, 1)
            binary.append({'op': op, 'inputs': [sa, sb], 'expect': call(f, a, b)})
dump('binary.json', binary)

# ------------------------------------------------------------------------------------------- unary, every dtype
unary = []
for op, f in UNARY.items():
    for dt in DTYPES:
        for _ in range(2):
            a, sa = make_array(random_shape(3, 6), dt, op, 0)
            unary.append({'op': op, 'inputs': [sa], 'expect': call(f, a)})
dump('unary.json', unary)

# ------------------------------------------------------------------------------------------- NEP 50 scalars
SCALARS = [('int', 3), ('int', -1), ('int', 0), ('int', 127), ('int', 128), ('int', 300), ('int', -129), ('int', 65536),
           ('int', 2**31), ('int', 2**53 + 1), ('int', 2**63 - 1), ('int', 2**63), ('int', 2**64 - 1), ('int', 2**64),
           ('int', -2**63), ('int', -2**63 - 1), ('float', 2.5), ('float', -0.75), ('float', float('nan')),
           ('float', float('inf')), ('float', 1e300), ('bool', True), ('bool', False)]


scalars = []
SCALAR_OPS = ['add', 'subtract', 'multiply', 'divide', 'floorDivide', 'mod', 'power', 'maximum', 'bitwiseAnd',
              'less', 'equal', 'notEqual', 'logicalAnd']
for op in SCALAR_OPS:
    f = BINARY[op]
    for dt in DTYPES:
        for kind, v in SCALARS:
            if op == 'power' and kind == 'int' and (v < 0 or v > 70):
                continue
            if op in ('power',) and kind == 'float' and v == 1e300:
                continue
            a, sa = make_array([int(rng.integers(1, 6))], dt, op, 0, 'C')
            sv = enc_scalar(kind, v)
            scalars.append({'op': op, 'inputs': [sa, sv], 'expect': call(f, a, v)})
            if rng.random() < 0.3:
                scalars.append({'op': op, 'inputs': [sv, sa], 'expect': call(f, v, a)})
# scalar with scalar (bigint / bool only: JS numbers default to float64 in strided)
for op in ['add', 'multiply', 'less', 'floorDivide']:
    for (k1, v1) in [('int', 3), ('int', -7), ('bool', True)]:
        for (k2, v2) in [('int', 2), ('bool', False), ('int', 2**62)]:
            scalars.append({'op': op, 'inputs': [enc_scalar(k1, v1), enc_scalar(k2, v2)], 'bigint': True,
                            'expect': call(BINARY[op], v1, v2)})
dump('scalars.json', scalars)

# the promotion tables (promotion.json) come from scripts/gen_promotion_fixtures.py

# ------------------------------------------------------------------------------------------- output layout ('K')
layout = []
for _ in range(120):
    shape = random_shape(4, 4)
    if len(shape) < 2:
        shape = [3, 4]
    nin = int(rng.integers(1, 3))
    ins, specs = [], []
    for k in range(nin):
        s = broadcast_from(shape) if k > 0 and rng.random() < 0.5 else list(shape)
        a, sa = make_array(s, str(rng.choice(['float64', 'float64', 'float64', 'int32', 'float32'])), None, 0,
                           rng.choice(['C', 'F', 'F', 'transpose', 'neg', 'slice']))
        ins.append(a)
        specs.append(sa)
    if nin == 1:
        ins.append(2.5)
        specs.append(enc_scalar('float', 2.5))
    r = np.add(*ins)
    layout.append({'op': 'add', 'inputs': specs, 'strides': [s // r.itemsize for s in r.strides], 'expect': enc_result(r)})
dump('layout.json', layout)

# ------------------------------------------------------------------------------------------- where / clip / out=
misc = []
for _ in range(60):
    shape = random_shape(3, 4)
    dc = rng.choice(['bool', 'bool', 'float64', 'int8'])
    dx, dy = rng.choice(DTYPES, 2)
    c, sc = make_array(broadcast_from(shape), dc)
    x, sx = make_array(broadcast_from(shape), dx)
    if rng.random() < 0.3:
        y, sy = (lambda kv: (kv[1], enc_scalar(*kv)))([('int', 3), ('float', 2.5), ('int', 300), ('int', -1), ('bool', True)][int(rng.integers(0, 5))])
    else:
        y, sy = make_array(list(shape), dy)
    misc.append({'op': 'where', 'inputs': [sc, sx, sy], 'expect': call(np.where, c, x, y)})
for _ in range(80):
    shape = random_shape(3, 4)
    da = rng.choice(DTYPES)
    a, sa = make_array(list(shape), da)
    bounds = []
    for role in range(2):
        r = rng.random()
        if r < 0.2:
            bounds.append((None, None))
        elif r < 0.6:
            kv = [('int', 2), ('int', -3), ('int', 300), ('int', -1000), ('float', 2.5), ('float', float('nan')), ('bool', True)][int(rng.integers(0, 7))]
            bounds.append((kv[1], enc_scalar(*kv)))
        else:
            b, sb = make_array(broadcast_from(shape), rng.choice(DTYPES))
            bounds.append((b, sb))
    misc.append({'op': 'clip', 'inputs': [sa, bounds[0][1], bounds[1][1]], 'expect': call(np.clip, a, bounds[0][0], bounds[1][0])})
# out= with a cast and a strided/transposed out
for _ in range(60):
    op = rng.choice(['add', 'multiply', 'subtract', 'divide', 'maximum', 'less', 'sqrt', 'negative'])
    shape = random_shape(3, 4)
    if len(shape) == 0:
        shape = [3]
    d1 = rng.choice(['int8', 'int32', 'float32', 'float64', 'uint16', 'int64'])
    a, sa = make_array(list(shape), d1)
    od = rng.choice(DTYPES)
    o, so = make_array(list(shape), od, None, 0, rng.choice(['C', 'F', 'slice', 'neg', 'transpose']))
    before = o.copy()
    if op in UNARY:
        args, specs = [a], [sa]
        f = UNARY[op]
    else:
        b, sb = make_array(broadcast_from(shape), rng.choice(['int8', 'float64', 'float32', 'uint8']))
        args, specs = [a, b], [sa, sb]
        f = BINARY[op]
    res = call(f, *args, out=o)
    entry = {'op': op, 'inputs': specs, 'out': so, 'expect': res}
    expect_out(entry, res, o, before)
    misc.append(entry)
# dtype= option
for _ in range(40):
    op = rng.choice(['add', 'multiply', 'floorDivide', 'sqrt', 'exp', 'negative', 'maximum', 'divide'])
    shape = random_shape(2, 4)
    d1 = rng.choice(DTYPES)
    want = rng.choice(DTYPES)
    a, sa = make_array(list(shape), d1, op)
    if op in UNARY:
        misc.append({'op': op, 'inputs': [sa], 'dtype': str(want), 'expect': call(UNARY[op], a, dtype=want)})
    else:
        b, sb = make_array(broadcast_from(shape), rng.choice(DTYPES), op, 1)
        misc.append({'op': op, 'inputs': [sa, sb], 'dtype': str(want), 'expect': call(BINARY[op], a, b, dtype=want)})
dump('misc.json', misc)

# ------------------------------------------------------------------------------------------- overlap: 'copy'
# out views aliasing inputs (NumPy copies; strided with overlap:'copy' must match), incl. internal overlap outs.
overlap = []
for _ in range(60):
    n = int(rng.integers(6, 14))
    base = np.arange(n * 3, dtype=np.float64) * 1.5 - 7
    kind = rng.choice(['shift', 'reverse', 'interleave', 'window', 'zero', 'transpose'])
    if kind == 'transpose':
        m = int(rng.integers(2, 5))
        base = np.arange(m * m, dtype=np.float64)
        spec_base = {'dtype': 'float64', 'base': [m * m], 'values': enc_array_values(base)}
        out_view = ['strided', [m, m], [m, 1], 0]
        in_views = [['strided', [m, m], [m, 1], 0], ['strided', [m, m], [1, m], 0]]
    elif kind == 'window':
        k = int(rng.integers(2, 4))
        rows = n - k
        spec_base = {'dtype': 'float64', 'base': [base.size], 'values': enc_array_values(base)}
        out_view = ['strided', [rows, k], [1, 1], int(rng.integers(0, 3))]
        in_views = [['strided', [rows, k], [k, 1], 0]]
    elif kind == 'zero':
        spec_base = {'dtype': 'float64', 'base': [base.size], 'values': enc_array_values(base)}
        out_view = ['strided', [2, 3], [0, 1], 1]
        in_views = [['strided', [2, 3], [3, 1], 5]]
    else:
        spec_base = {'dtype': 'float64', 'base': [base.size], 'values': enc_array_values(base)}
        L = n
        o0 = int(rng.integers(0, 4))
        if kind == 'shift':
            out_view = ['strided', [L], [1], o0 + 1]
            in_views = [['strided', [L], [1], o0], ['strided', [L], [2], int(rng.integers(0, 3))]]
        elif kind == 'reverse':
            out_view = ['strided', [L], [1], o0]
            in_views = [['strided', [L], [-1], o0 + L - 1], ['strided', [L], [1], o0]]
        else:
            out_view = ['strided', [L], [2], 1]
            in_views = [['strided', [L], [2], 0], ['strided', [L], [1], 2]]
    buf = base.copy()

    def v(step):
        _, shp, st, off = step
        return as_strided(buf[off:], shape=shp, strides=[s * 8 for s in st])
    ins = [v(s) for s in in_views]
    out = v(out_view)
    op = rng.choice(['add', 'subtract', 'multiply']) if len(ins) == 2 else 'negative'
    if len(ins) == 1:
        np.negative(ins[0], out=out)
    else:
        getattr(np, op)(ins[0], ins[1], out=out)
    overlap.append({'op': op, 'base': spec_base, 'out': out_view, 'inputs': in_views,
                    'expectBase': enc_array_values(buf)})
dump('overlap.json', overlap)
