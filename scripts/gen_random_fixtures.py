#!/usr/bin/env python3
"""NumPy's errors for strided's random.integers, random.choice, random.permutation and random.shuffle (target 2.4).

    python3 scripts/gen_random_fixtures.py           # rewrites test/fixtures/random-errors.json (deterministic)
    python3 scripts/gen_random_fixtures.py --stdout  # prints the same JSON (the live check of test/random.test.ts)

strided draws from its own seeded stream (xoshiro128**), not NumPy's, so drawn values cannot be golden; what NumPy
does fix is which calls fail, with which exception and message. Each case is run against
numpy.random.default_rng(0) and recorded as

    {"fn": "integers" | "choice" | "permutation" | "shuffle", "args": [VALUE...], "opts": {key: VALUE},
     "numpy": {"type": exception class name, "message": str(exception)},
     "ts": strided's error class, "phrase": text strided's message must contain (case-insensitive),
     "mentions": [texts naming the offending values that strided's message must contain]}

args are NumPy's positional arguments (integers: low, high, size; choice: a, size; permutation/shuffle: x), which
strided takes positionally too; opts are keyword arguments (strided adds the seed). VALUE: JSON null/bool/string (a dtype name)/number
(an integer), {"big": "decimal"} (an integer beyond 2**53: a bigint in strided), {"float": number | "nan" | "inf"}
(a Python float where int-vs-float matters; finite probabilities are plain numbers), a list (a Python list / JS array, elements VALUEs), {"array": ENC} (an ndarray, encoded by
scripts/fixture_common.py) or {"readonly": ENC} (the same, read-only).
"""
import argparse
import json
import math
import os
import sys

import numpy as np

from fixture_common import enc_array, write_json

NUMPY_TARGET = '2.4'
OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures')
TS_ERROR = {'ValueError': 'ValueError', 'TypeError': 'DTypeError', 'IndexError': 'IndexError', 'AxisError': 'AxisError',
            'OverflowError': 'OverflowError'}


class F(float):
    """A Python float argument (JSON cannot tell 2.5 from an integer by itself)."""


class RO:
    """A read-only array argument."""

    def __init__(self, arr):
        self.arr = np.asarray(arr)


def enc(v):
    if v is None or isinstance(v, (bool, str)):
        return v
    if isinstance(v, F):
        return {'float': 'nan' if math.isnan(v) else ('inf' if v == math.inf else ('-inf' if v == -math.inf else float(v)))}
    if isinstance(v, int):
        return v if abs(v) <= 2 ** 53 else {'big': str(v)}
    if isinstance(v, float) and math.isfinite(v):
        return v  # a probability: strided reads it as the same number
    if isinstance(v, list):
        return [enc(x) for x in v]
    if isinstance(v, RO):
        return {'readonly': enc_array(v.arr)}
    if isinstance(v, np.ndarray):
        return {'array': enc_array(v)}
    raise TypeError(f'cannot encode {v!r}')


def dec(v):
    """The Python argument NumPy is called with."""
    if isinstance(v, F):
        return float(v)
    if isinstance(v, list):
        return [dec(x) for x in v]
    if isinstance(v, RO):
        a = v.arr.copy()
        a.flags.writeable = False
        return a
    if isinstance(v, np.ndarray):
        return v.copy()
    return v


def case(fn, args, opts=None, mentions=(), ts=None, phrase=None):
    return {'fn': fn, 'args': list(args), 'opts': opts or {}, 'mentions': list(mentions), 'ts': ts, 'phrase': phrase}


NAN, INF = F('nan'), F('inf')
A23 = np.arange(6).reshape(2, 3)

CASES = [
    # integers: NumPy's bound messages
    case('integers', [0], mentions=['high 0']),
    case('integers', [-1], mentions=['high -1']),
    case('integers', [5, 3], mentions=['low 5', 'high 3']),
    case('integers', [5, 5], mentions=['low 5', 'high 5']),
    case('integers', [0, -1], {'endpoint': True}, mentions=['high -1']),
    case('integers', [3, 1], {'endpoint': True}, mentions=['low 3', 'high 1']),
    case('integers', [-129, 0], {'dtype': 'int8'}, mentions=['-129', 'int8']),
    case('integers', [0, 129], {'dtype': 'int8'}, mentions=['129', 'int8']),
    case('integers', [0, 128], {'dtype': 'int8', 'endpoint': True}, mentions=['128', 'int8']),
    case('integers', [-1, 2], {'dtype': 'uint8'}, mentions=['-1', 'uint8']),
    case('integers', [0, 2 ** 64 + 1], {'dtype': 'uint64'}, mentions=['18446744073709551617', 'uint64']),
    case('integers', [0, 2 ** 64], {'dtype': 'uint64', 'endpoint': True}, mentions=['18446744073709551616']),
    case('integers', [0, 2 ** 63 + 1], mentions=['9223372036854775809', 'int64']),
    case('integers', [-2 ** 63 - 1, 0], mentions=['-9223372036854775809', 'int64']),
    case('integers', [0, 2 ** 70], mentions=[str(2 ** 70)]),
    case('integers', [0, 3], {'dtype': 'bool'}, mentions=['high 3', 'bool']),
    case('integers', [0, 2], {'dtype': 'bool', 'endpoint': True}, mentions=['high 2', 'bool']),
    case('integers', [0, 2], {'dtype': 'float64'}, mentions=['float64'], phrase='Unsupported dtype'),
    case('integers', [0, 10], {'dtype': 'float16'}, mentions=['float16'], phrase='Unsupported dtype'),
    case('integers', [0, 10, -1], mentions=['-1']),
    case('integers', [0, 10, [2, -1]], mentions=['2, -1']),
    case('integers', [0, 10, F(2.5)], mentions=['2.5'], phrase='expected a sequence of integers or a single integer'),
    case('integers', [0, NAN], mentions=['NaN']),
    case('integers', [0, INF], mentions=['Infinity'], phrase='cannot convert float infinity to integer'),
    case('integers', [F(0.5), F(0.5)], mentions=['low 0', 'high 0']),
    # integers: array bounds
    case('integers', [[0, 5], [3, 4]], mentions=['low 5', 'high 4']),
    case('integers', [[0, 0], [0, 2]], mentions=['high 0']),
    case('integers', [[0, 1], [0, 2]], mentions=['low 0', 'high 0']),
    case('integers', [0, [-1, 2]], {'endpoint': True}, mentions=['high -1']),
    case('integers', [[1, 3], [1, 2]], {'endpoint': True}, mentions=['low 3', 'high 2']),
    case('integers', [[0, -200], 5], {'dtype': 'int8'}, mentions=['-200', 'int8']),
    case('integers', [np.array([-1.0]), 5], {'dtype': 'uint8'}, mentions=['-1', 'uint8']),
    case('integers', [np.array([0, 300], dtype=np.int16), 400], {'dtype': 'uint8'}, mentions=['400', 'uint8']),
    case('integers', [[0, 5], [3, 6], [3]], ts='ShapeError', mentions=['(2,)', '(3,)'],
         phrase='shape mismatch: objects cannot be broadcast to a single shape'),
    case('integers', [0, [1, 2], [3]], ts='ShapeError', mentions=['(2,)', '(3,)'],
         phrase='shape mismatch: objects cannot be broadcast to a single shape'),
    case('integers', [np.array([np.nan]), 5], mentions=['NaN']),
    # choice
    case('choice', [0], mentions=['a 0']),
    case('choice', [-1], mentions=['a -1']),
    case('choice', [F(2.5)], mentions=['2.5'], phrase='a must be a sequence or an integer'),
    case('choice', [[]], mentions=['(0,)']),
    case('choice', [np.zeros((0, 3)), 2], mentions=['(0, 3)']),
    case('choice', [5], {'p': [0.5, 0.5]}, mentions=['2 entries', '5']),
    case('choice', [2], {'p': [[0.5, 0.5]]}, mentions=['(1, 2)']),
    case('choice', [2], {'p': [0.6, 0.6]}, mentions=['1.2'], phrase='Probabilities do not sum to 1'),
    case('choice', [2], {'p': [0.5, 0.5 + 1e-7]}, mentions=['sum to 1.00000009'], phrase='Probabilities do not sum to 1'),
    case('choice', [2], {'p': [1.5, -0.5]}, mentions=['-0.5']),
    case('choice', [2], {'p': [NAN, 1]}, mentions=['NaN']),
    case('choice', [2], {'p': [INF, F('-inf')]}, mentions=['NaN']),
    case('choice', [3, 4], {'replace': False}, mentions=['4', '3']),
    case('choice', [3, [2, 2]], {'replace': False}, mentions=['sample size 4', 'population 3']),
    case('choice', [-3, [2, 0]], {'replace': False}, mentions=['sample size 0', 'population -3']),
    case('choice', [3, 3], {'replace': False, 'p': [0.5, 0.5, 0]}, mentions=['2 non-zero', 'size 3']),
    case('choice', [3, -1], mentions=['-1']),
    case('choice', [5, F(2.5)], mentions=['2.5'], phrase='expected a sequence of integers or a single integer'),
    case('choice', [A23], {'axis': 2}, ts='AxisError', mentions=['axis 2', 'dimension 2'], phrase='is out of bounds'),
    case('choice', [A23], {'axis': -3}, ts='AxisError', mentions=['axis -3'], phrase='is out of bounds'),
    case('choice', [A23, 2], {'axis': 1, 'p': [0.5, 0.5]}, mentions=['2 entries', '3']),
    case('choice', [2], {'p': np.array([0.5, 0.502], dtype=np.float32)}, phrase='Probabilities do not sum to 1', mentions=['1.00']),
    # permutation
    case('permutation', [np.array(5)], mentions=['dimension 0']),
    case('permutation', [F(2.5)], mentions=['dimension 0']),
    case('permutation', [A23], {'axis': 2}, mentions=['axis 2']),
    case('permutation', [A23], {'axis': -3}, mentions=['axis -3']),
    # shuffle
    case('shuffle', [np.array(5)], ts='AxisError', mentions=['dimension 0'], phrase='axis 0 is out of bounds'),
    case('shuffle', [RO(np.arange(5))], ts='ReadOnlyError', mentions=['shuffle', '(5)'], phrase='read-only'),
    case('shuffle', [A23], {'axis': 2}, mentions=['axis 2']),
    case('shuffle', [A23], {'axis': -3}, mentions=['axis -3']),
    case('shuffle', [[1, 2, 3]], {'axis': 1}, ts='ValueError', mentions=['axis 1'], phrase='is only supported on'),
]


def run(c):
    g = np.random.default_rng(0)
    args = [dec(a) for a in c['args']]
    opts = {k: dec(v) for k, v in c['opts'].items()}
    try:
        getattr(g, c['fn'])(*args, **opts)
    except Exception as e:  # noqa: BLE001 - the exception is the fixture
        return type(e).__name__, str(e)
    raise AssertionError(f'{c["fn"]}{tuple(args)} {opts} did not raise')


def build():
    if not np.__version__.startswith(NUMPY_TARGET):
        print(f'warning: numpy {np.__version__}, fixtures target {NUMPY_TARGET}', file=sys.stderr)
    out = []
    for c in CASES:
        kind, message = run(c)
        ts = c['ts'] or TS_ERROR.get(kind)
        if ts is None:
            raise AssertionError(f'no strided class for {kind}: give ts')
        phrase = c['phrase'] or message.split('. ')[0]
        out.append({'fn': c['fn'], 'args': [enc(a) for a in c['args']], 'opts': {k: enc(v) for k, v in c['opts'].items()},
                    'numpy': {'type': kind, 'message': message}, 'ts': ts, 'phrase': phrase, 'mentions': c['mentions']})
    return {'numpy': np.__version__, 'cases': out}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--stdout', action='store_true', help='print the fixture instead of writing it')
    ns = ap.parse_args()
    data = build()
    if ns.stdout:
        json.dump(data, sys.stdout, separators=(',', ':'), allow_nan=False)
        sys.stdout.write('\n')
    else:
        print(write_json(OUT_DIR, 'random-errors.json', data))


if __name__ == '__main__':
    main()
