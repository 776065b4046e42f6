#!/usr/bin/env python3
"""Golden repr/str cases for strided's printing, from NumPy (target 2.4.6).

Each case stores everything the TypeScript side needs to rebuild the array exactly:
  dtype      NumPy dtype name
  shape      shape of the C-contiguous base array
  values     base elements in C order, as strings: bool '0'/'1', ints in decimal, floats as repr() of the
             exact float64 value ('nan', 'inf', '-inf', '-0.0'; float32 elements are exact in float64)
  tile       when true, element i of the base is values[i % len(values)] (keeps big arrays small)
  transpose  axes permutation applied to the base (or null)
  index      a basic index expression applied after the transpose, e.g. '::-2, 1:' (or null)
  options    print options in effect (precision, threshold, edgeitems, linewidth, suppress) (or null)
  repr, str  NumPy's repr(a) and str(a)

Usage:
  python3 scripts/gen_format_fixtures.py                # writes test/fixtures/format/{handpicked,random}.json
  python3 scripts/gen_format_fixtures.py --live --seed 7 --count 150   # fresh random cases as JSON on stdout
"""
import argparse
import json
import math
import os
import random
import struct
import sys

import numpy as np

INT_DTYPES = ['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64']
FLOAT_DTYPES = ['float32', 'float64']
DTYPES = ['bool'] + INT_DTYPES + FLOAT_DTYPES


# ----------------------------------------------------------------------------- building arrays

def parse_value(s, dt):
    if dt == 'bool':
        return s == '1'
    if dt in INT_DTYPES:
        return int(s)
    return float(s)


def value_str(x, dt):
    if dt == 'bool':
        return '1' if x else '0'
    if dt in INT_DTYPES:
        return str(int(x))
    return repr(float(x))


def build(case):
    dt = case['dtype']
    shape = tuple(case['shape'])
    n = math.prod(shape)
    vals = [parse_value(v, dt) for v in case['values']]
    if case.get('tile'):
        vals = [vals[i % len(vals)] for i in range(n)] if vals else []
    a = np.array(vals, dtype=dt).reshape(shape)
    if case.get('transpose') is not None:
        a = a.transpose(case['transpose'])
    if case.get('index') is not None:
        a = a[eval('np.s_[' + case['index'] + ',]')]
    return a


def finish(case):
    a = build(case)
    opts = case.get('options') or {}
    with np.printoptions(**opts):
        case['repr'] = repr(a)
        case['str'] = str(a)
    case['view_shape'] = list(a.shape)
    return case


def make_case(name, a, options=None, transpose=None, index=None, tile_values=None):
    """A case whose base is the array `a` (made C-contiguous), optionally viewed."""
    a = np.ascontiguousarray(a)
    dt = a.dtype.name
    if tile_values is not None:
        values = [value_str(v, dt) for v in tile_values]
        tile = True
    else:
        values = [value_str(v, dt) for v in a.reshape(-1).tolist()]
        tile = False
    case = {'name': name, 'dtype': dt, 'shape': list(a.shape), 'values': values, 'tile': tile,
            'transpose': transpose, 'index': index, 'options': options}
    return finish(case)


# ----------------------------------------------------------------------------- hand-picked cases

def handpicked():
    nan, inf = float('nan'), float('inf')
    f8 = lambda v: np.array(v, dtype=np.float64)
    f4 = lambda v: np.array(v, dtype=np.float32)
    cases = [
        ('cutoff f8 1e7', f8([1e7])),
        ('cutoff f4 1e6', f4([1e6])),
        ('cutoff f4 999999.9', f4([999999.9])),
        ('cutoff f8 1e8', f8([1e8])),
        ('cutoff f8 99999999.9', f8([99999999.9])),
        ('ratio 1000', f8([1., 1000.])),
        ('ratio 1000.1', f8([1., 1000.1])),
        ('min 1e-4 stays', f8([0.0001, 0.1])),
        ('min 1e-4 ratio', f8([1e-4, 1.])),
        ('below 1e-4', f8([0.0000999, 0.01])),
        ('f4 1e-4 compare in float32', f4([1e-4, 0.01])),
        ('f4 ratio in float32', f4([1e-4, 0.1])),
        ('half-even 0.001953125', f8([0.001953125])),
        ('half-even with 1', f8([0.001953125, 1.])),
        ('half-even 2^-10', f8([2.0 ** -10, 0.5])),
        ('half-even 0.5e-8 ties', f8([0.123456785, 0.123456775, 0.5])),
        ('pad right', f8([1.5, 2.25, 3.])),
        ('negative zero', f8([-0.0])),
        ('negative zero mix', f8([-0.0, 1.5, 0.0])),
        ('exp padding', f8([1.5e300, 2e-5, 3.])),
        ('exp negative', f8([-1.5e300, 2e-5, 3.])),
        ('nan inf padding', f8([nan, 1., -inf])),
        ('exp nan', f8([1e-5, nan])),
        ('all nonfinite', f8([nan, inf])),
        ('all nonfinite neg', f8([nan, -inf])),
        ('nan only', f8([nan])),
        ('nonfinite wide', f8([nan, 123.456, inf])),
        ('int row', np.array([1, -20, 100], dtype=np.int8)),
        ('bool row', np.array([True, False, True])),
        ('summarised int', np.arange(1001)),
        ('not summarised int', np.arange(1000)),
        ('summarised 2d', np.arange(2000).reshape(40, 50)),
        ('summarised 3d', np.arange(3000, dtype=np.float64).reshape(10, 15, 20) / 7),
        ('summarised no long axis', np.arange(1296, dtype=np.int16).reshape(6, 6, 6, 6)),
        ('2d float', np.arange(6.).reshape(2, 3)),
        ('3d int', np.arange(24).reshape(2, 3, 4)),
        ('4d int', np.arange(120, dtype=np.int32).reshape(2, 3, 4, 5)),
        ('wrap float', np.arange(100.) / 3),
        ('wrap int8', np.arange(-128, 127, dtype=np.int8)),
        ('wrap uint64 max', np.array([2 ** 64 - 1] * 7 + [0], dtype=np.uint64)),
        ('int64 extremes', np.array([-2 ** 63, 2 ** 63 - 1, 0], dtype=np.int64)),
        ('0d float', f8(5.)),
        ('0d third', f8(1 / 3)),
        ('0d bool', np.array(True)),
        ('0d int8', np.array(3, dtype=np.int8)),
        ('0d f4 0.1', f4(0.1)),
        ('0d f4 pi', f4(np.pi)),
        ('0d nan', f8(nan)),
        ('0d -inf f4', f4(-inf)),
        ('0d -0.0', f8(-0.0)),
        ('0d 1e16', f8(1e16)),
        ('0d 1e15', f8(1e15)),
        ('0d 1e-5', f8(1e-5)),
        ('0d 1e-4', f8(1e-4)),
        ('0d f4 1e6', f4(1e6)),
        ('0d f4 999999.94', f4(999999.94)),
        ('0d f4 1e-4', f4(1e-4)),
        ('0d f4 1e-5', f4(1e-5)),
        ('0d f4 boundary even', f4(33554448.)),
        ('0d uint64 max', np.array(2 ** 64 - 1, dtype=np.uint64)),
        ('empty f8', f8([])),
        ('empty 0x3', np.zeros((0, 3))),
        ('empty bool', np.array([], dtype=bool)),
        ('empty int8 2x0x4', np.zeros((2, 0, 4), dtype=np.int8)),
        ('f4 boundary even', f4([33554448.])),
        ('f4 boundary odd', f4([33554452.])),
        ('f4 shortest', f4([0.1, 0.2, 0.3, 3.1415927])),
        ('f4 exp', f4([1e-30, 3.4e38, 1.17549435e-38, 1e-45])),
        ('f8 subnormal', f8([5e-324, 2.2250738585072014e-308, 1.7976931348623157e308])),
        ('extras on new line', np.arange(17, dtype=np.int16) * 1000),
        ('extras same line', np.arange(12, dtype=np.int16) * 1000),
    ]
    out = [make_case(n, a) for n, a in cases]
    out.append(make_case('suppress tiny', f8([-1e-10, 1.]), options={'suppress': True}))
    out.append(make_case('suppress small', f8([4e-9, 6e-9, -4e-9, 1.]), options={'suppress': True}))
    out.append(make_case('suppress big still exp', f8([1e-10, 1e9]), options={'suppress': True}))
    out.append(make_case('precision 0', f8([0.4, 0.6, 1.5, 2.5]), options={'precision': 0}))
    out.append(make_case('precision 2', f8([0.004, 0.006, 1.]), options={'precision': 2}))
    out.append(make_case('threshold 0 0d', np.array(5), options={'threshold': 0}))
    out.append(make_case('edgeitems 0', np.arange(2000).reshape(40, 50), options={'edgeitems': 0}))
    out.append(make_case('edgeitems 1', np.arange(2000.).reshape(4, 10, 50), options={'edgeitems': 1}))
    out.append(make_case('linewidth 20', np.arange(30) * 3, options={'linewidth': 20}))
    out.append(make_case('transposed', np.arange(12.).reshape(3, 4), transpose=[1, 0]))
    out.append(make_case('reversed', np.arange(10, dtype=np.uint8), index='::-1'))
    out.append(make_case('strided 2d', np.arange(48, dtype=np.int32).reshape(6, 8), index='::-2, 1::3'))
    out.append(make_case('big tiled summarised', np.zeros(100000), tile_values=[0.5, 1e-3, -2.25, 7.0, 1e5]))
    return out


# ----------------------------------------------------------------------------- random cases

def rand_float(rng, dt, strategy):
    big = 308 if dt == 'float64' else 38
    tiny = -323 if dt == 'float64' else -45
    s = -1.0 if rng.random() < 0.35 else 1.0
    if strategy == 'small':
        return round(rng.uniform(-10, 10), rng.randint(0, 4))
    if strategy == 'int':
        return float(rng.randint(-1000, 1000))
    if strategy == 'magnitude':
        return s * rng.uniform(1, 10) * 10.0 ** rng.randint(-12, 12)
    if strategy == 'wide':
        return s * 10.0 ** rng.uniform(tiny, big)
    if strategy == 'dyadic':
        return s * rng.randint(1, 2 ** 12) / 2.0 ** rng.randint(1, 30)
    if strategy == 'normal':
        return rng.gauss(0, 1) * 10.0 ** rng.randint(-3, 3)
    if strategy == 'bits':
        if dt == 'float64':
            return struct.unpack('<d', struct.pack('<Q', rng.getrandbits(64)))[0]
        return struct.unpack('<f', struct.pack('<I', rng.getrandbits(32)))[0]
    if strategy == 'cutoff':
        base = rng.choice([1e8, 1e6, 1e-4, 1e3, 1e16, 1.0])
        return s * base * (1 + rng.choice([-1, 1]) * 10.0 ** -rng.randint(1, 16))
    if strategy == 'digits':  # short decimals with many integer digits
        return s * round(rng.uniform(0, 10 ** rng.randint(1, 9)), rng.randint(0, 9))
    raise ValueError(strategy)


FLOAT_STRATEGIES = ['small', 'int', 'magnitude', 'wide', 'dyadic', 'normal', 'bits', 'cutoff', 'digits']
SPECIALS = [float('nan'), float('inf'), float('-inf'), 0.0, -0.0]


def rand_values(rng, dt, n):
    if dt == 'bool':
        p = rng.random()
        return [rng.random() < p for _ in range(n)]
    if dt in INT_DTYPES:
        info = np.iinfo(dt)
        lo, hi = int(info.min), int(info.max)
        mode = rng.choice(['small', 'full', 'extremes', 'magnitude'])
        out = []
        for _ in range(n):
            if mode == 'small':
                v = rng.randint(-100, 100)
            elif mode == 'full':
                v = rng.randint(lo, hi)
            elif mode == 'extremes':
                v = rng.choice([lo, hi, 0, 1, lo + 1, hi - 1, rng.randint(lo, hi)])
            else:
                v = rng.choice([-1, 1]) * rng.randint(0, 10 ** rng.randint(0, len(str(hi))))
            out.append(min(hi, max(lo, v)))
        return out
    # floats: one or two strategies plus the odd special value
    strategies = rng.sample(FLOAT_STRATEGIES, rng.choice([1, 1, 2]))
    p_special = rng.choice([0, 0, 0.05, 0.2])
    out = []
    for _ in range(n):
        if rng.random() < p_special:
            out.append(rng.choice(SPECIALS))
        else:
            out.append(rand_float(rng, dt, rng.choice(strategies)))
    if dt == 'float32':
        with np.errstate(over='ignore'):
            out = [float(np.float32(v)) for v in out]
    return out


def rand_shape(rng):
    kind = rng.random()
    if kind < 0.08:
        return []
    if kind < 0.13:  # empty
        nd = rng.randint(1, 3)
        shape = [rng.randint(0, 4) for _ in range(nd)]
        shape[rng.randrange(nd)] = 0
        return shape
    if kind < 0.30:  # summarised (size > 1000)
        return rng.choice([
            [rng.randint(1001, 3000)],
            [rng.randint(20, 60), rng.randint(30, 60)],
            [rng.randint(2, 9), rng.randint(10, 25), rng.randint(10, 25)],
            [rng.randint(2, 5), rng.randint(3, 9), rng.randint(7, 12), rng.randint(7, 12)],
            [6, 6, 6, 6],
            [1000], [1001],
            [rng.randint(1, 3), rng.randint(600, 900)],
        ])
    nd = rng.choice([1, 1, 1, 2, 2, 3, 4])
    if nd == 1:
        return [rng.randint(1, rng.choice([8, 30, 120]))]
    if nd == 2:
        return [rng.randint(1, 8), rng.randint(1, 14)]
    if nd == 3:
        return [rng.randint(1, 4), rng.randint(1, 5), rng.randint(1, 7)]
    return [rng.randint(1, 3), rng.randint(1, 3), rng.randint(1, 4), rng.randint(1, 5)]


def rand_options(rng):
    if rng.random() > 0.12:
        return None
    opts = {}
    for k in rng.sample(['precision', 'linewidth', 'threshold', 'edgeitems', 'suppress'], rng.randint(1, 3)):
        if k == 'precision':
            opts[k] = rng.randint(0, 12)
        elif k == 'linewidth':
            opts[k] = rng.randint(10, 150)
        elif k == 'threshold':
            opts[k] = rng.randint(0, 300)
        elif k == 'edgeitems':
            opts[k] = rng.randint(1, 5)
        else:
            opts[k] = True
    return opts


def rand_case(rng, name):
    dt = rng.choice(DTYPES + FLOAT_DTYPES * 3)  # floats are where the difficulty is
    shape = rand_shape(rng)
    transpose = None
    index = None
    nd = len(shape)
    if nd >= 1 and math.prod(shape) > 0 and rng.random() < 0.3:
        # a view: grow the base a little, then transpose and/or slice back
        if rng.random() < 0.5 and nd >= 2:
            transpose = list(range(nd))
            rng.shuffle(transpose)
        parts = []
        grown = []
        for n in shape:
            step = rng.choice([1, 1, 2, 3, -1, -2])
            grown.append(n * abs(step) + rng.randint(0, 2))
            parts.append(f'::{step}' if step != 1 else '1:' if rng.random() < 0.5 else ':')
        if transpose is not None:
            inv = [0] * nd
            for i, p in enumerate(transpose):
                inv[p] = i
            base = [grown[inv[k]] for k in range(nd)]
        else:
            base = grown
        index = ', '.join(parts)
        shape = base
    size = math.prod(shape)
    tile = size > 200
    n_values = rng.randint(5, 60) if tile else size
    values = rand_values(rng, dt, n_values)
    case = {'name': name, 'dtype': dt, 'shape': shape, 'values': [value_str(v, dt) for v in values],
            'tile': tile, 'transpose': transpose, 'index': index, 'options': rand_options(rng)}
    return finish(case)


def random_cases(seed, count):
    rng = random.Random(seed)
    return [rand_case(rng, f'random {seed}/{i}') for i in range(count)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--live', action='store_true', help='print fresh random cases to stdout')
    ap.add_argument('--seed', type=int, default=20240601)
    ap.add_argument('--count', type=int, default=360)
    ap.add_argument('--out', default=os.path.join(os.path.dirname(__file__), '..', 'test', 'fixtures', 'format'))
    args = ap.parse_args()
    if args.live:
        json.dump({'numpy': np.__version__, 'seed': args.seed, 'cases': random_cases(args.seed, args.count)}, sys.stdout)
        return
    os.makedirs(args.out, exist_ok=True)
    for fname, cases in [('handpicked.json', handpicked()), ('random.json', random_cases(args.seed, args.count))]:
        with open(os.path.join(args.out, fname), 'w') as f:
            json.dump({'numpy': np.__version__, 'cases': cases}, f, indent=0)
            f.write('\n')
        print(f'{fname}: {len(cases)} cases', file=sys.stderr)


if __name__ == '__main__':
    main()
