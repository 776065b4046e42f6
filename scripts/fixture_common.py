"""The value and array encoding shared by the NumPy fixture generators (scripts/gen_*_fixtures.py).

Not a script: the generators import it (`python3 scripts/gen_X.py` puts this directory on sys.path).
The TypeScript side of this encoding is test/support/fixtures.ts.

Values: bool -> JSON bool, 64-bit ints -> decimal strings, other ints -> numbers, floats -> numbers or
"nan"/"inf"/"-inf" (a negative zero stays a JSON number, -0.0). An array is {"dtype", "shape", "values"} with the
values in C order; a base spec adds "order" ("C" | "F", the memory order of the owner array build_base makes).
"""
import json
import os

import numpy as np


def enc_scalar(v, dt):
    """One element of dtype name dt in the fixtures' encoding."""
    if dt == 'bool':
        return bool(v)
    if dt in ('int64', 'uint64'):
        return str(int(v))
    if np.dtype(dt).kind in 'iu':
        return int(v)
    f = float(v)
    if f != f:
        return 'nan'
    if f in (float('inf'), float('-inf')):
        return 'inf' if f > 0 else '-inf'
    return f


def enc_values(arr):
    """An array's elements in C order, encoded."""
    dt = arr.dtype.name
    return [enc_scalar(v, dt) for v in np.asarray(arr).reshape(-1).tolist()]


def enc_array(arr):
    """{"dtype", "shape", "values"} of an array (or anything np.asarray takes)."""
    arr = np.asarray(arr)
    dt = arr.dtype.name
    return {'dtype': dt, 'shape': list(arr.shape), 'values': [enc_scalar(v, dt) for v in arr.reshape(-1).tolist()]}


def decode(v, dt=None):
    """An encoded element back as a Python value (dt is accepted for symmetry with enc_scalar and not needed)."""
    if isinstance(v, str):
        return float(v) if v in ('nan', 'inf', '-inf') else int(v)
    return v


def rand_value(rng, dt):
    """A random element of dtype dt from a random.Random: small ints, eighths, and 64-bit ints beyond 2**53."""
    if dt == 'bool':
        return rng.random() < 0.5
    if dt in ('float32', 'float64'):
        return rng.randint(-400, 400) / 8
    info = np.iinfo(dt)
    if dt in ('int64', 'uint64') and rng.random() < 0.15:
        # beyond 2**53: must survive the JSON round trip as strings
        return int(info.max) - rng.randint(0, 1000) if (rng.random() < 0.5 or dt == 'uint64') else int(info.min) + rng.randint(0, 1000)
    lo = max(int(info.min), -99)
    return rng.randint(lo, min(int(info.max), lo + 199))


def build_base(spec):
    """The owner array of a base spec {"dtype", "shape", "order", "values"}."""
    dt = spec['dtype']
    a = np.empty(spec['shape'], dtype=dt, order=spec['order'])
    a[...] = np.array([decode(v, dt) for v in spec['values']], dtype=dt).reshape(spec['shape'])
    assert a.flags.owndata
    return a


def apply_view(base, spec):
    """The spec's view of base: its index expression ("view") and then its broadcast ("bcast"), where given."""
    a = base
    if 'view' in spec:
        a = eval(f'base[{spec["view"]}]', {'base': base, 'None': None})
    if 'bcast' in spec:
        a = np.broadcast_to(a, spec['bcast'])
    return a


def write_json(out_dir, name, obj):
    """Writes obj compactly (no NaN literals) with a final newline as out_dir/name; returns the path."""
    path = os.path.join(out_dir, name)
    with open(path, 'w') as f:
        json.dump(obj, f, separators=(',', ':'), allow_nan=False)
        f.write('\n')
    return path
