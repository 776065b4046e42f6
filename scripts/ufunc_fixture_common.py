"""The array encoding of the elementwise (ufunc) fixtures, shared by scripts/gen_ufunc_fixtures.py and
scripts/gen_ufunc2_fixtures.py (the encoding is described in gen_ufunc_fixtures.py's docstring; the TypeScript side
is test/ufunc.helpers.ts).

Not a script: the generators import it (`python3 scripts/gen_X.py` puts this directory on sys.path).
Values are fixture_common's encoding plus "-0" for a negative float zero; an array is a base (shape, C-order values)
and view steps ["slice", expr] / ["transpose", perm] that give the tested layout.
"""
import json
import os

import numpy as np

from fixture_common import enc_scalar as _enc_element

DTYPES = ['bool', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float32', 'float64']
INTS = ['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64']


def enc_value(v, dt):
    """One element of dtype name dt: fixture_common.enc_scalar, with a negative float zero as "-0"."""
    if dt != 'bool' and dt not in INTS:
        f = float(v)
        if f == 0 and np.signbit(f):
            return '-0'
    return _enc_element(v, dt)


def enc_array_values(a):
    dt = a.dtype.name
    return [enc_value(v, dt) for v in np.ascontiguousarray(a).reshape(-1).tolist()]


def enc_result(r):
    r = np.asarray(r)
    return {'dtype': r.dtype.name, 'shape': list(r.shape), 'values': enc_array_values(r)}


def enc_scalar(kind, v):
    """A Python scalar argument: {"scalar": "int"|"float"|"bool", "value"} (ints as strings when |v| > 2^53)."""
    if kind == 'int':
        return {'scalar': 'int', 'value': v if abs(v) <= 2**53 else str(v)}
    if kind == 'bool':
        return {'scalar': 'bool', 'value': v}
    return {'scalar': 'float', 'value': enc_value(v, 'float64')}


def call(f, *args, **kw):
    """NumPy's result of f(*args, **kw), encoded, or the exception it raised: {"error": name, "message"}."""
    with np.errstate(all='ignore'):
        try:
            return enc_result(f(*args, **kw))
        except Exception as e:  # noqa: BLE001
            return {'error': type(e).__name__, 'message': str(e)}


def expect_out(entry, res, out, before):
    """A case that called with out=: its expectation is what out holds after the call, or, where NumPy raised (res
    is the error), that out is left as it was (outUnchanged)."""
    if 'error' not in res:
        entry['expect'] = enc_result(out)
    else:
        entry['outUnchanged'] = enc_result(before)


def write_fixture(out_dir, name, obj):
    """Writes obj compactly as out_dir/name and prints its size."""
    path = os.path.join(out_dir, name)
    with open(path, 'w') as fh:
        json.dump(obj, fh, separators=(',', ':'))
    print(f'{name}: {os.path.getsize(path)} bytes')


def array_makers(rng, random_values):
    """make_array, random_shape and broadcast_from drawing from one generator's rng (a numpy Generator), with its
    random_values(dt, n, op, role) for the elements; the draws are in the generator's own order, so a generator's
    fixtures depend only on its seed."""

    def make_array(shape, dt, op=None, role=0, layout=None):
        """An array of `shape` with a random (or requested) memory layout; returns (numpy array, spec)."""
        shape = list(shape)
        nd = len(shape)
        layout = layout or rng.choice(['C', 'C', 'F', 'slice', 'slice', 'transpose', 'neg'])
        if nd == 0:
            layout = 'C'
        perm = list(range(nd))
        if layout in ('F', 'transpose') and nd >= 2:
            perm = list(range(nd))[::-1] if layout == 'F' else [int(p) for p in rng.permutation(nd)]
        inv = list(np.argsort(perm))
        pre = [shape[inv[k]] for k in range(nd)]
        steps = [1] * nd
        if layout in ('slice', 'neg'):
            steps = [int(rng.choice([1, 2, -1, 3, -2])) if layout == 'slice' else -1 for _ in range(nd)]
        bshape, parts = [], []
        for k in range(nd):
            n, st = pre[k], steps[k]
            extra = int(rng.integers(0, 3)) if layout == 'slice' else 0
            size = max(1, (n - 1) * abs(st) + 1) + extra
            bshape.append(size)
            if n == 0:
                parts.append('0:0')
            elif st > 0:
                parts.append(f'{extra}:{extra + (n - 1) * st + 1}:{st}')
            else:
                start = size - 1 - extra
                stop = start + (n - 1) * st - 1
                parts.append(f'{start}:{"" if stop < 0 else stop}:{st}')
        size = int(np.prod(bshape))
        base = random_values(dt, size, op, role).reshape(bshape)
        view = []
        a = base
        if nd > 0 and any(p != f'0:{bshape[k]}:1' for k, p in enumerate(parts)):
            expr = ', '.join(parts)
            a = eval(f'base[{expr}]')  # noqa: S307 - our own expression
            view.append(['slice', expr])
        if perm != list(range(nd)):
            a = a.transpose(perm)
            view.append(['transpose', perm])
        assert list(a.shape) == shape, (a.shape, shape)
        spec = {'dtype': dt, 'base': bshape, 'values': enc_array_values(base), 'view': view}
        return a, spec

    def random_shape(max_nd=3, max_n=5):
        nd = int(rng.integers(0, max_nd + 1))
        return [int(rng.integers(1, max_n + 1)) for _ in range(nd)]

    def broadcast_from(shape):
        """A shape that broadcasts to `shape`: drop leading dims and set some to 1."""
        s = list(shape)
        drop = int(rng.integers(0, len(s) + 1)) if rng.random() < 0.3 else 0
        s = s[drop:]
        return [1 if rng.random() < 0.25 else n for n in s]

    return make_array, random_shape, broadcast_from
