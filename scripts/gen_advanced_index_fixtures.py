#!/usr/bin/env python3
"""Golden fixtures for strided's advanced indexing (NDArray.slice / NDArray.at().set) and its function forms
(put, putmask, place, takeAlongAxis, putAlongAxis), computed by NumPy (target: 2.4.6).

    python3 scripts/gen_advanced_index_fixtures.py      # rewrites test/fixtures/indexing/*.json (deterministic)

Files: read.json (a[index]), write.json (a[index] = value), functions.json. Each holds a list of cases:

    {"a": ARRAY, "index": [ITEM, ...], "expect": ENC, "copy": bool}                      (read.json)
    {"a": ARRAY, "index": [ITEM, ...], "value": VALUE, "expect": ENC}                   (write.json: a after)
    {"fn": "put", "a": ARRAY, "args": {...}, "expect": ENC}                             (functions.json)
    or any of them with "error": {"numpy": "IndexError", "ts": ["IndexError"]} instead of "expect".

ARRAY builds an input view in both NumPy and strided: {"dtype", "shape", "values" (C order), "order": "C"|"F",
"view": a basic index string applied to the base (optional), "bcast": a shape for broadcast_to (optional,
read-only)}, so the layout matrix is covered: contiguous, negative strides, non-contiguous, F order, broadcast,
empty and 0-d. ENC is {"dtype", "shape", "values"}. Values: bool -> JSON bool, 64-bit ints -> decimal strings,
other ints -> numbers, floats -> numbers or "nan"/"inf"/"-inf".

ITEM: {"int": n} | {"slice": [start, stop, step]} (nulls allowed) | {"str": "1:, ::2"} (index expression) |
"none" (newaxis) | "..." | {"bool": b} (scalar bool) | {"nd": ENC} (an index NDArray of any integer dtype or
bool) | {"list": nested JS integers or booleans}.
VALUE: {"scalar": v, "dtype": "int"|"float"|"bool"|"big"} (a Python/JS scalar; "big" is a decimal string read as
a bigint) | {"nd": ENC} | {"list": nested numbers} | {"self": basic index string} (a view of the target itself).
"""
import json
import os
import random
import warnings

import numpy as np

from fixture_common import apply_view, decode, enc_array, enc_scalar

NUMPY_TARGET = '2.4.6'
OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures', 'indexing')
DTYPES = ['bool', 'int8', 'uint8', 'int32', 'int64', 'uint64', 'float32', 'float64']
IDX_DTYPES = ['int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64']
TS_ERROR = {'IndexError': ['IndexError'], 'ValueError': ['ValueError', 'ShapeError', 'ReadOnlyError'],
            'TypeError': ['DTypeError'], 'OverflowError': ['OverflowError'], 'AxisError': ['AxisError']}


def build(spec):
    dt = spec['dtype']
    base = np.empty(spec['shape'], dtype=dt, order=spec.get('order', 'C'))
    vals = np.array([decode(v, dt) for v in spec['values']], dtype=dt) if spec['values'] else np.zeros(0, dt)
    base[...] = vals.reshape(spec['shape'])
    return apply_view(base, spec)


def rand_vals(rng, dt, k):
    if dt == 'bool':
        return [rng.random() < 0.5 for _ in range(k)]
    if dt == 'uint64':
        return [str(rng.choice([0, 1, 7, 200, 2**63 + 5, 2**64 - 1])) for _ in range(k)]
    if dt == 'int64':
        return [str(rng.choice([0, -1, 5, -300, 2**62, -2**63])) for _ in range(k)]
    if dt in ('int8', 'uint8', 'int32'):
        lo, hi = (-100, 100) if dt != 'uint8' else (0, 255)
        return [rng.randint(lo, hi) for _ in range(k)]
    return [rng.choice([0.5, -1.25, 3.0, 100.0, -0.0, 7.75]) for _ in range(k)]


def make_array(rng, dt):
    """(spec, numpy array) for a random layout."""
    layout = rng.choice(['contig', 'contig', 'neg', 'strided', 'F', 'bcast', 'empty', '0d', 'contig3'])
    if layout == 'contig':
        shape = rng.choice([[5], [3, 4], [2, 3], [4, 1, 3], [6]])
        spec = {'dtype': dt, 'shape': shape, 'values': rand_vals(rng, dt, int(np.prod(shape)))}
    elif layout == 'contig3':
        shape = [2, 3, 4]
        spec = {'dtype': dt, 'shape': shape, 'values': rand_vals(rng, dt, 24)}
    elif layout == 'neg':
        shape = rng.choice([[5], [3, 4], [2, 3, 2]])
        spec = {'dtype': dt, 'shape': shape, 'values': rand_vals(rng, dt, int(np.prod(shape))),
                'view': ', '.join(['::-1'] * len(shape))}
    elif layout == 'strided':
        shape = rng.choice([[8], [4, 6], [3, 4, 4]])
        spec = {'dtype': dt, 'shape': shape, 'values': rand_vals(rng, dt, int(np.prod(shape))),
                'view': {1: '1::2', 2: '::2, 1::2', 3: ':, ::-2, 1:'}[len(shape)]}
    elif layout == 'F':
        shape = rng.choice([[3, 4], [2, 3, 4]])
        spec = {'dtype': dt, 'shape': shape, 'values': rand_vals(rng, dt, int(np.prod(shape))), 'order': 'F'}
    elif layout == 'bcast':
        spec = {'dtype': dt, 'shape': [3], 'values': rand_vals(rng, dt, 3), 'bcast': [2, 3]}
    elif layout == 'empty':
        shape = rng.choice([[0], [0, 3], [2, 0]])
        spec = {'dtype': dt, 'shape': shape, 'values': []}
    else:
        spec = {'dtype': dt, 'shape': [], 'values': rand_vals(rng, dt, 1)}
    return spec, build(spec)


def rand_int_index(rng, n, shape, bad):
    """An int index array of `shape` for an axis of length n, as an ND or a list item, and its NumPy value."""
    k = int(np.prod(shape)) if shape else 1
    lo, hi = (-n, n - 1) if n > 0 else (0, 0)
    vals = [rng.randint(lo, hi) if n > 0 else 0 for _ in range(k)]
    if bad and k > 0:
        vals[rng.randrange(k)] = rng.choice([n, n + 2, -n - 1])
    arr = np.array(vals, dtype=np.int64).reshape(shape)
    if rng.random() < 0.4 or not shape:
        dt = rng.choice(IDX_DTYPES)
        if np.dtype(dt).kind == 'u' or np.iinfo(dt).min > arr.min(initial=0) or np.iinfo(dt).max < arr.max(initial=0):
            arr = np.asarray(np.abs(arr)) if dt[0] == 'u' else arr  # (np.abs of a 0-d array is a scalar)
            if arr.size and (arr.min() < np.iinfo(dt).min or arr.max() > np.iinfo(dt).max):
                dt = 'int64'
        a = np.asarray(arr.astype(dt))
        return {'nd': enc_array(a)}, a
    return {'list': arr.tolist()}, arr


def rand_index(rng, a):
    """A random index expression (list of ITEMs) and its NumPy tuple."""
    nd = a.ndim
    items, py = [], []
    dims = list(range(nd))
    used = 0
    ell = False
    bshape = rng.choice([(), (2,), (3,), (2, 1), (1, 3), (2, 3), (0,)])
    bad = rng.random() < 0.08
    n_items = rng.randint(0, nd + 1)
    while len(items) < n_items + 2 and used <= nd:
        r = rng.random()
        remaining = nd - used
        if r < 0.08:
            items.append('none'); py.append(None)
        elif r < 0.14 and not ell:
            ell = True
            items.append('...'); py.append(Ellipsis)
        elif r < 0.2:
            b = rng.random() < 0.7
            items.append({'bool': b}); py.append(b)
        elif remaining == 0:
            break
        elif r < 0.35:
            n = a.shape[used] if not ell else a.shape[nd - remaining]
            i = rng.randint(-n, n - 1) if n > 0 else 0
            if rng.random() < 0.05:
                i = n
            items.append({'int': i}); py.append(i)
            used += 1
        elif r < 0.5:
            st = rng.choice([None, 0, 1, -1, 2])
            sp = rng.choice([None, -1, 2, 5])
            step = rng.choice([None, 1, -1, 2])
            if rng.random() < 0.5:
                txt = f"{'' if st is None else st}:{'' if sp is None else sp}" + ('' if step is None else f':{step}')
                items.append({'str': txt})
            else:
                items.append({'slice': [st, sp, step]})
            py.append(slice(st, sp, step))
            used += 1
        elif r < 0.8:
            ax = used if not ell else nd - remaining
            n = a.shape[ax]
            shape = list(bshape)
            # sometimes only a suffix of the broadcast shape, with 1s
            if shape and rng.random() < 0.3:
                shape = shape[rng.randrange(len(shape)):]
                shape = [d if rng.random() < 0.6 else 1 for d in shape]
            if rng.random() < 0.05:
                shape = [4]
            it, arr = rand_int_index(rng, n, shape, bad)
            items.append(it); py.append(arr)
            used += 1
        else:
            k = min(remaining, rng.choice([1, 1, 2]))
            ax = used if not ell else nd - remaining
            mshape = list(a.shape[ax:ax + k])
            if rng.random() < 0.05:
                mshape[0] += 1
            m = np.array([rng.random() < 0.5 for _ in range(int(np.prod(mshape)))], dtype=bool).reshape(mshape)
            if rng.random() < 0.5 or m.size == 0:  # an empty nested list would read as integers
                items.append({'nd': enc_array(m)})
            else:
                items.append({'list': m.tolist()})
            py.append(m)
            used += k
    return items, tuple(py)


def np_error(e):
    name = type(e).__name__
    if name == 'AxisError':
        name = 'AxisError'
    return {'numpy': name, 'ts': TS_ERROR.get(name, [name]), 'message': str(e)}


def attempt(fn):
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        try:
            return fn(), None
        except Exception as e:  # noqa: BLE001
            return None, np_error(e)


def gen_read(rng, count):
    cases = []
    for _ in range(count):
        dt = rng.choice(DTYPES)
        spec, a = make_array(rng, dt)
        items, idx = rand_index(rng, a)
        r, err = attempt(lambda: a[idx])
        case = {'a': spec, 'index': items}
        if err:
            case['error'] = err
        else:
            scalar = not isinstance(r, np.ndarray)
            r = np.asarray(r)
            case['expect'] = enc_array(r)
            case['copy'] = None if scalar or r.size == 0 else not np.shares_memory(r, a)
        cases.append(case)
    return cases


def rand_value(rng, dt, shape):
    r = rng.random()
    target = np.dtype(dt)
    if r < 0.35:
        if dt == 'bool':
            v = rng.choice([True, False, 0, 2])
        elif target.kind == 'f':
            v = rng.choice([1.5, -2.25, 7, 0, float('nan')])
        elif dt in ('int64', 'uint64'):
            v = rng.choice([0, 5, 2**63 - 1, -1, 2**64 - 1, 2**64])
            return {'scalar': str(v), 'dtype': 'big'}, v
        else:
            v = rng.choice([0, 5, -1, 127, 300, 2.75])
        kind = 'bool' if isinstance(v, bool) else 'float' if isinstance(v, float) else 'int'
        return {'scalar': enc_scalar(v, 'float64') if kind == 'float' else v, 'dtype': kind}, v
    vshape = list(shape)
    if vshape and rng.random() < 0.4:
        vshape = vshape[rng.randrange(len(vshape)):]
        vshape = [d if rng.random() < 0.6 else 1 for d in vshape]
    if rng.random() < 0.15:
        vshape = [1] + vshape
    if rng.random() < 0.07:
        vshape = vshape + [2]
    k = int(np.prod(vshape)) if vshape else 1
    if r < 0.55:
        if target.kind == 'b':
            vals = [rng.random() < 0.5 for _ in range(k)]
        elif target.kind == 'f':
            vals = [rng.choice([0.5, -3.0, 9.25, 1.0]) for _ in range(k)]
        else:
            vals = [rng.choice([0, 1, 7, 100]) for _ in range(k)]
        v = np.array(vals, dtype=object).reshape(vshape).tolist() if vshape else vals[0]
        if not vshape:
            kind = 'bool' if isinstance(v, bool) else 'float' if isinstance(v, float) else 'int'
            return {'scalar': v, 'dtype': kind}, v
        return {'list': v}, v
    vdt = rng.choice([dt, dt, 'int32', 'float64', 'uint8', 'int64', 'bool'])
    if vdt == 'float64':
        vals = [rng.choice([0.5, 3.0, 9.25, 120.0]) for _ in range(k)]
    elif vdt == 'bool':
        vals = [rng.random() < 0.5 for _ in range(k)]
    elif vdt == dt:
        vals = [decode(x, dt) for x in rand_vals(rng, dt, k)]
    else:
        vals = [rng.choice([0, 1, 200, -5 if vdt[0] != 'u' else 5]) for _ in range(k)]
    v = np.array(vals, dtype=vdt).reshape(vshape)
    return {'nd': enc_array(v)}, v


def gen_write(rng, count):
    cases = []
    while len(cases) < count:
        dt = rng.choice(DTYPES)
        spec, a = make_array(rng, dt)
        items, idx = rand_index(rng, a)
        shape, err = attempt(lambda: np.asarray(a[idx]).shape)
        if err and rng.random() < 0.7:
            continue
        vspec, v = rand_value(rng, dt, shape or ())
        b = build(spec)

        def do():
            b[idx] = v
            return b
        r, err = attempt(do)
        case = {'a': spec, 'index': items, 'value': vspec}
        if err:
            case['error'] = err
        else:
            case['expect'] = enc_array(r)
        cases.append(case)
    # repeated indices (last wins) and an overlapping value, fixed
    spec = {'dtype': 'int32', 'shape': [5], 'values': [0, 1, 2, 3, 4]}
    b = build(spec)
    b[[0, 0, 1, 0]] = [7, 8, 9, 10]
    cases.append({'a': spec, 'index': [{'list': [0, 0, 1, 0]}], 'value': {'list': [7, 8, 9, 10]}, 'expect': enc_array(b)})
    # values that are views of the target itself (NumPy copies the value first): {"self": basic index of a}
    for spec, items, py, view in [
        ({'dtype': 'int32', 'shape': [6], 'values': list(range(6))}, [{'list': [1, 2, 3, 4, 5]}], ([1, 2, 3, 4, 5],), ':5'),
        ({'dtype': 'int64', 'shape': [6], 'values': [str(i) for i in range(6)]}, [{'list': [5, 4, 3, 2, 1, 0]}], ([5, 4, 3, 2, 1, 0],), ':'),
        ({'dtype': 'float64', 'shape': [3, 4], 'values': [float(i) for i in range(12)]}, ['...', {'list': [3, 2, 1, 0]}], (Ellipsis, [3, 2, 1, 0]), ':'),
        # (a mask over every axis is NumPy's boolean-assignment path, which does not copy an overlapping value
        # first: strided copies first everywhere, so only masks over fewer axes are compared here)
        ({'dtype': 'uint8', 'shape': [3, 4], 'values': list(range(12)), 'view': '::-1'}, [{'list': [True, False, True]}],
         (np.array([True, False, True]),), ':2'),
        ({'dtype': 'int8', 'shape': [2, 3], 'values': list(range(6))}, [{'list': [1, 0]}, {'str': '::-1'}], ([1, 0], slice(None, None, -1)), ':'),
    ]:
        b = build(spec)
        b[py] = eval(f'b[{view}]', {'b': b})
        cases.append({'a': spec, 'index': items, 'value': {'self': view}, 'expect': enc_array(b)})
    return cases


def gen_functions(rng):
    cases = []

    def add(fn, spec, args, call):
        b = build(spec)
        r, err = attempt(lambda: call(b))
        c = {'fn': fn, 'a': spec, 'args': args}
        if err:
            c['error'] = err
        else:
            c['expect'] = enc_array(r)
        cases.append(c)

    for _ in range(90):
        dt = rng.choice(DTYPES)
        spec, a = make_array(rng, dt)
        n = a.size
        mode = rng.choice(['raise', 'wrap', 'clip'])
        k = rng.randint(0, 5)
        ind = [rng.randint(-n - 2, n + 2) if mode != 'raise' or rng.random() < 0.1 else (rng.randint(-n, n - 1) if n else 0) for _ in range(k)]
        vspec, v = rand_value(rng, dt, (rng.randint(0, 3),))
        if 'nd' in vspec:
            v = np.asarray(v).reshape(-1)
            vspec = {'nd': enc_array(v)}
        def put(b, ind=ind, v=v, mode=mode):
            np.put(b, ind, v, mode=mode)
            return b
        add('put', spec, {'ind': ind, 'v': vspec, 'mode': mode}, put)

        m = [rng.random() < 0.5 for _ in range(n if rng.random() < 0.93 else n + 1)]
        vspec, v = rand_value(rng, dt, (rng.randint(0, 4),))
        def pm(b, m=m, v=v):
            np.putmask(b, np.array(m, dtype=bool), v)
            return b
        add('putmask', spec, {'mask': m, 'values': vspec}, pm)

        def pl(b, m=m, v=v):
            np.place(b, np.array(m, dtype=bool), v)
            return b
        add('place', spec, {'mask': m, 'values': vspec}, pl)

        if a.ndim >= 1:
            axis = rng.choice([None] + list(range(-a.ndim, a.ndim)))
            if axis is None:
                ishape = [rng.randint(0, 4)]
                n_ax = a.size
            else:
                ishape = list(a.shape)
                ishape[axis] = rng.randint(0, 3)
                if rng.random() < 0.3:
                    ishape = [1 if rng.random() < 0.5 else d for d in ishape]
                n_ax = a.shape[axis]
            kk = int(np.prod(ishape))
            iv = np.array([rng.randint(-n_ax, n_ax - 1) if n_ax else 0 for _ in range(kk)], dtype=np.int64).reshape(ishape)
            if n_ax == 0 and kk:
                iv[...] = 0
            ispec = {'nd': enc_array(iv.astype(rng.choice(['int64', 'int32', 'uint8']) if iv.min(initial=0) >= 0 else 'int64'))}
            def tk(b, iv=iv, axis=axis):
                return np.take_along_axis(b, iv, axis=axis)
            add('takeAlongAxis', spec, {'indices': ispec, 'axis': axis}, tk)
            rshape, err = attempt(lambda: np.take_along_axis(a, iv, axis=axis).shape)
            vspec, v = rand_value(rng, dt, rshape or ())
            def pt(b, iv=iv, v=v, axis=axis):
                np.put_along_axis(b, iv, v, axis=axis)
                return b
            add('putAlongAxis', spec, {'indices': ispec, 'values': vspec, 'axis': axis}, pt)
    return cases


def main():
    import argparse
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--seed', type=int, default=20260, help='random seed (the committed fixtures use the default)')
    ap.add_argument('--out', default=OUT_DIR, help='output folder (default: test/fixtures/indexing)')
    ap.add_argument('--scale', type=int, default=1, help='multiply the number of cases (for local fuzzing)')
    args = ap.parse_args()
    assert np.__version__ == NUMPY_TARGET, f'NumPy {NUMPY_TARGET} expected, got {np.__version__}'
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(args.seed)
    files = {'read.json': gen_read(rng, 700 * args.scale), 'write.json': gen_write(rng, 600 * args.scale),
             'functions.json': [c for _ in range(args.scale) for c in gen_functions(rng)]}
    for name, cases in files.items():
        with open(os.path.join(args.out, name), 'w') as f:
            json.dump({'numpy': np.__version__, 'cases': cases}, f, separators=(',', ':'))
            f.write('\n')
        print(name, len(cases), 'cases,', sum('error' in c for c in cases), 'errors')


if __name__ == '__main__':
    main()
