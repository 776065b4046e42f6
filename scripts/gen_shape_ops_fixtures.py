#!/usr/bin/env python3
"""Golden fixtures for strided's joining, splitting and tiling functions, computed by NumPy (target: 2.4.6).

    python3 scripts/gen_shape_ops_fixtures.py           # rewrites test/fixtures/shape-ops/*.json (deterministic)
    python3 scripts/gen_shape_ops_fixtures.py --stdout  # prints every file as one JSON object instead

Files, one per concept: join.json (concatenate, stack, hstack, vstack, dstack, columnStack), split.json (split,
arraySplit, hsplit, vsplit, dsplit), tile.json (tile, repeat), pad.json, roll.json, diff.json, rotate.json (fliplr,
flipud, rot90), meshgrid.json, atleast.json (atleast1d/2d/3d).

A case names the strided function (`fn`, camelCase), its array inputs, its other arguments (`args`, with strided's
option names) and what NumPy did:

    {"id": 7, "fn": "concatenate", "label": "layout f+c axis 1",
     "inputs": [{"base": {"dtype", "shape", "order", "values"}, "steps": [...], "layout": "f"}, ...],
     "args": {"axis": 1, "dtype": "float32"},      # TS option names
     "out": {"dtype": "int64", "shape": [...], "layout": "step"},         # optional: an out= array (zeros)
     "expect": Result | [Result, ...],             # a list when NumPy returns a tuple or list
     "error": {"numpy": "ValueError", "message": "...", "ts": "ShapeError"}}   # instead of expect

An input is a base array that owns its data, in C or F order with the given values (C order), then view steps:
{"op": "index", "expr": "::-1, 1:"} (basic indexing), {"op": "transpose", "axes": null | [...]} and
{"op": "broadcast_to", "shape": [...]} (a read-only stride-0 view). `layout` names the input's layout kind:
c (contiguous), f (Fortran), neg (negative strides), step (stepped slices), T (transposed), Tstep (transposed
stepped), bcast (stride-0 broadcast), 0dview (a 0-d view into a larger array).

Result: {"shape", "dtype", "strides" (bytes), "values" (C order), "flags": [C, F, OWNDATA, WRITEABLE],
"owner": "self" (owns its data) | "inK" (a view of input K's memory owner) | "out" (a view of out='s owner) |
"hidden" (a view of a fresh array NumPy made internally), "same": "inK" | "out" | null (NumPy returned that very object)}.

Values: bool -> JSON bool, 64-bit ints -> decimal strings, other ints -> numbers, floats -> numbers or
"nan"/"inf"/"-inf". Arguments that are not JSON: {"$big": "123"} (a bigint), {"$float": "nan"}, {"$array": {"dtype", "values"}}
(an NDArray made with array(values, {dtype})), {"$input": K} (input K), {"$dict": {"0": 2}} (a pad-width dict);
"rowsOf": true passes input 0 itself as the sequence of arrays (NumPy iterates an ndarray over its rows).
"""
import argparse
import json
import os
import random
import sys
import warnings

import numpy as np

from fixture_common import build_base, decode, enc_scalar, enc_values, rand_value, write_json

NUMPY_TARGET = '2.4.6'
OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures', 'shape-ops')

NUM_DTYPES = ['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float32', 'float64']
ALL_DTYPES = ['bool'] + NUM_DTYPES
LAYOUTS = ['c', 'f', 'neg', 'step', 'T', 'Tstep', 'bcast']


# ------------------------------------------------------------------------------------------ inputs

def apply_steps(a, steps):
    for s in steps:
        if s['op'] == 'index':
            a = eval('a[%s]' % s['expr'], {'a': a})  # noqa: S307 - our own expressions
        elif s['op'] == 'transpose':
            a = a.transpose(s['axes'])
        elif s['op'] == 'broadcast_to':
            a = np.broadcast_to(a, s['shape'])
        else:
            raise ValueError(s['op'])
    return a


def make_input(rng, dt, shape, layout='c'):
    """An input of exactly `shape` with the requested layout kind (falls back to 'c' where it cannot apply)."""
    shape = list(shape)
    nd = len(shape)
    steps = []
    order = 'C'
    base_shape = list(shape)
    if layout == '0dview':
        base_shape = [3, 4]
        steps = [{'op': 'index', 'expr': '%d, %d, ...' % (rng.randrange(3), rng.randrange(4))}]
    elif nd == 0:
        layout = 'c'
    elif layout == 'f':
        order = 'F'
    elif layout == 'neg':
        flips = [k for k in range(nd) if rng.random() < 0.6] or [rng.randrange(nd)]
        steps = [{'op': 'index', 'expr': ', '.join('::-1' if k in flips else ':' for k in range(nd))}]
    elif layout in ('step', 'Tstep'):
        st_shape = shape[::-1] if layout == 'Tstep' else shape
        parts = []
        base_shape = []
        for n in st_shape:
            if n == 0:
                base_shape.append(2)
                parts.append('2:')
            else:
                st, start = rng.choice([2, 3]), rng.choice([0, 1])
                base_shape.append(start + (n - 1) * st + 1)
                parts.append('%d::%d' % (start, st) if rng.random() < 0.7 else '%d::-%d' % (start + (n - 1) * st, st))
        steps = [{'op': 'index', 'expr': ', '.join(parts)}]
        if layout == 'Tstep':
            steps.append({'op': 'transpose', 'axes': None})
    elif layout == 'T':
        base_shape = shape[::-1]
        steps = [{'op': 'transpose', 'axes': None}]
    elif layout == 'bcast':
        cand = [k for k in range(nd) if shape[k] != 1]
        if not cand:
            layout = 'c'
        else:
            ones = set(rng.sample(cand, rng.randint(1, len(cand))))
            base_shape = [1 if k in ones else n for k, n in enumerate(shape)]
            # sometimes drop the leading length-1 axes (broadcast adds them back)
            while len(base_shape) > 1 and base_shape[0] == 1 and rng.random() < 0.5:
                base_shape = base_shape[1:]
            steps = [{'op': 'broadcast_to', 'shape': shape}]
    n = int(np.prod(base_shape, dtype=np.int64))
    spec = {'dtype': dt, 'shape': base_shape, 'order': order, 'values': [enc_scalar(rand_value(rng, dt), dt) for _ in range(n)]}
    a = apply_steps(build_base(spec), steps)
    assert list(a.shape) == shape, (a.shape, shape, layout)
    return {'base': spec, 'steps': steps, 'layout': layout}, a


def rebuild(inp):
    return apply_steps(build_base(inp['base']), inp['steps'])


# ------------------------------------------------------------------------------------------ results

def flags_of(r):
    # reading the flag of a broadcast_arrays output (meshgrid with copy=False) warns about a future change
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', FutureWarning)
        return _flags_of(r)


def _flags_of(r):
    f = r.flags
    return [bool(f.c_contiguous), bool(f.f_contiguous), bool(f.owndata), bool(f.writeable)]


def owner_of(x):
    return x if x.base is None else x.base


def describe(r, ins, out=None):
    if r.base is None:
        owner = 'self'
    else:
        owner = 'hidden'
        for k, x in enumerate(ins):
            if r.base is owner_of(x):
                owner = 'in%d' % k
                break
        if out is not None and r.base is owner_of(out):
            owner = 'out'
    same = None
    if out is not None and r is out:
        same = 'out'
    for k, x in enumerate(ins):
        if r is x:
            same = 'in%d' % k
            break
    return {'shape': list(r.shape), 'dtype': r.dtype.name, 'strides': list(r.strides), 'values': enc_values(r),
            'flags': flags_of(r), 'owner': owner, 'same': same}


SHAPE_WORDS = ('all the input array dimensions', 'same number of dimensions', 'Output array', 'same shape',
               'broadcast', 'shape mismatch')


def ts_error_class(exc):
    name = type(exc).__name__
    msg = str(exc)
    if name in ('AxisError', 'IndexError', 'OverflowError'):
        return name
    if name == 'TypeError':
        return 'ValueError' if 'only takes `out` or `dtype`' in msg else 'DTypeError'
    if name == 'ZeroDivisionError':
        return 'ValueError'
    if name == 'ValueError' and any(w in msg for w in SHAPE_WORDS):
        return 'ShapeError'
    return 'ValueError'


# ------------------------------------------------------------------------------------------ calling NumPy

def decode_arg(v, ins):
    if isinstance(v, dict):
        if '$big' in v:
            return int(v['$big'])
        if '$float' in v:
            return float(v['$float'])
        if '$array' in v:
            return np.array([decode(x) for x in v['$array']['values']], dtype=v['$array']['dtype']).reshape(v['$array'].get('shape', [-1]))
        if '$input' in v:
            return ins[v['$input']]
        if '$dict' in v:
            return {int(k): (tuple(w) if isinstance(w, list) else w) for k, w in v['$dict'].items()}
        return {k: decode_arg(w, ins) for k, w in v.items()}
    if isinstance(v, list):
        return [decode_arg(w, ins) for w in v]
    return v


def tup(v):
    return tuple(v) if isinstance(v, list) else v


def call_numpy(fn, ins, args, out):
    a = {k: decode_arg(v, ins) for k, v in args.items()}
    kw = {}
    if out is not None:
        kw['out'] = out
    for k in ('dtype', 'casting'):
        if k in a:
            kw[k] = a[k]
    # rowsOf: the arrays argument is input 0 itself, an ndarray NumPy iterates over
    seq = ins[0] if a.get('rowsOf') else ins
    if fn == 'concatenate':
        if 'axis' in a:
            kw['axis'] = a['axis']
        return np.concatenate(seq, **kw)
    if fn == 'stack':
        if 'axis' in a:
            kw['axis'] = a['axis']
        return np.stack(seq, **kw)
    if fn in ('hstack', 'vstack'):
        return getattr(np, fn)(seq, **kw)
    if fn == 'dstack':
        return np.dstack(ins)
    if fn == 'columnStack':
        return np.column_stack(ins)
    if fn in ('split', 'arraySplit'):
        f = np.split if fn == 'split' else np.array_split
        return f(ins[0], a['indicesOrSections'], **({'axis': a['axis']} if 'axis' in a else {}))
    if fn in ('hsplit', 'vsplit', 'dsplit'):
        return getattr(np, fn)(ins[0], a['indicesOrSections'])
    if fn == 'tile':
        return np.tile(ins[0], tup(a['reps']))
    if fn == 'repeat':
        return np.repeat(ins[0], a['repeats'], axis=a.get('axis'))
    if fn == 'pad':
        pkw = {}
        if 'constantValues' in a:
            pkw['constant_values'] = a['constantValues']
        return np.pad(ins[0], a['padWidth'], mode=a.get('mode', 'constant'), **pkw)
    if fn == 'roll':
        return np.roll(ins[0], tup(a['shift']), axis=tup(a.get('axis')))
    if fn == 'diff':
        dkw = {k: a[k] for k in ('n', 'axis', 'prepend', 'append') if k in a}
        return np.diff(ins[0], **dkw)
    if fn in ('fliplr', 'flipud'):
        return getattr(np, fn)(ins[0])
    if fn == 'rot90':
        return np.rot90(ins[0], a.get('k', 1), axes=tuple(a.get('axes', (0, 1))))
    if fn == 'meshgrid':
        return np.meshgrid(*ins, **{k: a[k] for k in ('indexing', 'sparse', 'copy') if k in a})
    if fn in ('atleast1d', 'atleast2d', 'atleast3d'):
        return getattr(np, 'atleast_' + fn[-2:])(*ins)
    raise ValueError(fn)


def make_out(rng, spec):
    """A zero-filled out= array: contiguous C/F, or a stepped view of a larger array."""
    shape, dt, layout = spec['shape'], spec['dtype'], spec.get('layout', 'c')
    if layout == 'step':
        big = np.zeros([2 * n for n in shape], dtype=dt)
        return big[tuple(slice(None, None, 2) for _ in shape)]
    return np.zeros(shape, dtype=dt, order='F' if layout == 'f' else 'C')


class Cases:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.cases = []

    def input(self, dt, shape, layout='c'):
        return make_input(self.rng, dt, shape, layout)

    def add(self, fn, label, inputs, args=None, out=None):
        """inputs: list of (spec, array) from input(); runs NumPy on fresh copies and records the outcome."""
        args = args or {}
        specs = [s for s, _ in inputs]
        ins = [rebuild(s) for s in specs]
        o = make_out(self.rng, out) if out is not None else None
        case = {'id': len(self.cases), 'fn': fn, 'label': label, 'inputs': specs, 'args': args}
        if out is not None:
            case['out'] = out
        before = [x.copy() for x in ins]
        try:
            r = call_numpy(fn, ins, args, o)
        except Exception as e:  # noqa: BLE001 - recorded as the expected error
            case['error'] = {'numpy': type(e).__name__, 'message': str(e), 'ts': ts_error_class(e)}
        else:
            if isinstance(r, (list, tuple)):
                case['expect'] = [describe(x, ins, o) for x in r]
                case['multi'] = True
            else:
                case['expect'] = describe(r, ins, o)
        for x, y in zip(ins, before):
            assert np.array_equal(x, y, equal_nan=True), 'NumPy modified an input'
        self.cases.append(case)
        return case


def pick_layouts(rng, k=None):
    ls = list(LAYOUTS)
    rng.shuffle(ls)
    return ls if k is None else ls[:k]


# ------------------------------------------------------------------------------------------ join

def gen_join(seed):
    c = Cases(seed)
    rng = c.rng
    dts = ALL_DTYPES * 3
    # the layout matrix: every layout kind, alone and mixed with another, along several axes
    for i, lay in enumerate(LAYOUTS):
        for lay2 in ['c', lay] if lay != 'c' else ['c', rng.choice(LAYOUTS)]:
            dt = dts[i * 3 + len(lay2)]
            c.add('concatenate', 'layout %s+%s axis 0' % (lay, lay2), [c.input(dt, [3, 4], lay), c.input(dt, [2, 4], lay2)])
            c.add('concatenate', 'layout %s+%s axis 1' % (lay, lay2), [c.input(dt, [3, 2], lay), c.input(dt, [3, 4], lay2)], {'axis': 1})
            c.add('concatenate', 'layout %s+%s axis -1 3-d' % (lay, lay2), [c.input(dt, [2, 3, 2], lay), c.input(dt, [2, 3, 3], lay2)], {'axis': -1})
            c.add('concatenate', 'layout %s+%s axis 1 3-d' % (lay, lay2), [c.input(dt, [2, 1, 4], lay), c.input(dt, [2, 3, 4], lay2)], {'axis': 1})
            c.add('concatenate', 'layout %s+%s axis null' % (lay, lay2), [c.input(dt, [2, 3], lay), c.input(dt, [3, 2], lay2)], {'axis': None})
        c.add('stack', 'layout %s axis 0' % lay, [c.input('int32', [3, 4], lay), c.input('int32', [3, 4], lay)])
        c.add('stack', 'layout %s axis 1' % lay, [c.input('float64', [3, 4], lay), c.input('float64', [3, 4], 'c')], {'axis': 1})
        c.add('stack', 'layout %s axis -1' % lay, [c.input('uint16', [2, 3], lay), c.input('uint16', [2, 3], lay), c.input('uint16', [2, 3], lay)], {'axis': -1})
        for fn, shapes in [('hstack', [[2, 3], [2, 1]]), ('vstack', [[3], [3]]), ('vstack', [[2, 3], [1, 3]]),
                           ('dstack', [[2, 3], [2, 3]]), ('dstack', [[4], [4]]), ('columnStack', [[3], [3]]),
                           ('columnStack', [[3, 2], [3]]), ('hstack', [[3], [2]])]:
            c.add(fn, 'layout %s %s' % (lay, shapes), [c.input(rng.choice(ALL_DTYPES), s, lay) for s in shapes])
    c.add('concatenate', '1-d', [c.input('int8', [3]), c.input('int8', [4], 'neg'), c.input('int8', [2], 'step')])
    c.add('concatenate', 'single array', [c.input('float32', [2, 3], 'T')])
    c.add('concatenate', 'an ndarray is a sequence of its rows', [c.input('int16', [3, 2, 2], 'neg')], {'rowsOf': True, 'axis': 1})
    c.add('stack', 'an ndarray is a sequence of its rows', [c.input('int16', [2, 3], 'T')], {'rowsOf': True, 'axis': 1})
    c.add('vstack', 'an ndarray is a sequence of its rows', [c.input('uint8', [2, 3], 'step')], {'rowsOf': True})
    c.add('concatenate', 'a 1-d ndarray: rows are 0-d', [c.input('uint8', [3])], {'rowsOf': True})
    c.add('concatenate', 'F + F gives F', [c.input('int16', [3, 4], 'f'), c.input('int16', [3, 4], 'f')], {'axis': 1})
    c.add('concatenate', 'F + C gives C', [c.input('int16', [3, 4], 'f'), c.input('int16', [3, 4], 'c')])
    c.add('concatenate', '4-d transposed', [c.input('float64', [2, 1, 3, 2], 'T'), c.input('float64', [2, 2, 3, 2], 'T')], {'axis': 1})
    c.add('concatenate', 'empty + non-empty', [c.input('float64', [0, 4]), c.input('float64', [2, 4], 'f')])
    c.add('concatenate', 'all empty', [c.input('int32', [0, 3]), c.input('int32', [0, 3], 'step')])
    c.add('concatenate', 'empty along other axis', [c.input('int32', [3, 0]), c.input('int32', [3, 0])], {'axis': 1})
    c.add('concatenate', 'axis null with 0-d', [c.input('int64', []), c.input('int64', [2, 2], 'neg'), c.input('int64', [], '0dview')], {'axis': None})
    c.add('concatenate', 'axis null all empty', [c.input('uint8', [0]), c.input('uint8', [2, 0])], {'axis': None})
    # dtype promotion (np.result_type of the inputs)
    for d1, d2 in [('bool', 'int8'), ('int8', 'uint8'), ('int64', 'uint64'), ('uint64', 'float32'), ('int32', 'float32'),
                   ('bool', 'bool'), ('int16', 'uint32'), ('float32', 'float64'), ('uint8', 'bool'), ('int8', 'uint64'),
                   ('uint16', 'float32'), ('bool', 'float64')]:
        c.add('concatenate', 'promote %s %s' % (d1, d2), [c.input(d1, [2, 2], 'c'), c.input(d2, [1, 2], rng.choice(LAYOUTS))])
        c.add('stack', 'promote %s %s' % (d1, d2), [c.input(d1, [3], 'neg'), c.input(d2, [3], 'c')])
    c.add('hstack', 'promote three', [c.input('uint8', [2]), c.input('int8', [1]), c.input('bool', [3])])
    # dtype= and casting=
    c.add('concatenate', 'dtype float32', [c.input('int16', [2, 2]), c.input('int16', [2, 2])], {'dtype': 'float32'})
    c.add('concatenate', 'dtype int8 unsafe', [c.input('float64', [2, 2]), c.input('int16', [2, 2])], {'dtype': 'int8', 'casting': 'unsafe'})
    c.add('concatenate', 'dtype int8 same_kind', [c.input('float64', [2, 2]), c.input('int16', [2, 2])], {'dtype': 'int8'})
    c.add('concatenate', 'dtype int32 casting no', [c.input('int64', [2])], {'dtype': 'int32', 'casting': 'no'})
    c.add('concatenate', 'dtype int64 casting equiv', [c.input('int64', [2])], {'dtype': 'int64', 'casting': 'equiv'})
    c.add('concatenate', 'dtype bool unsafe', [c.input('float64', [4])], {'dtype': 'bool', 'casting': 'unsafe'})
    c.add('concatenate', 'dtype float64 safe from uint64', [c.input('uint64', [3])], {'dtype': 'float64', 'casting': 'safe'})
    c.add('concatenate', 'dtype int8 safe from int16', [c.input('int16', [3])], {'dtype': 'int8', 'casting': 'safe'})
    c.add('concatenate', 'dtype axis null', [c.input('int8', [2, 2], 'T'), c.input('uint8', [3])], {'axis': None, 'dtype': 'int16'})
    c.add('stack', 'dtype float32', [c.input('int8', [2]), c.input('int8', [2])], {'dtype': 'float32'})
    c.add('stack', 'dtype casting error', [c.input('float32', [2]), c.input('int8', [2])], {'dtype': 'int8'})
    c.add('vstack', 'dtype float64', [c.input('int8', [2]), c.input('bool', [2])], {'dtype': 'float64'})
    c.add('hstack', 'dtype uint8 unsafe', [c.input('float32', [2]), c.input('int64', [2])], {'dtype': 'uint8', 'casting': 'unsafe'})
    c.add('vstack', 'casting error', [c.input('float32', [2]), c.input('int64', [2])], {'dtype': 'int32'})
    # out=
    c.add('concatenate', 'out C', [c.input('int32', [2, 3]), c.input('int32', [1, 3], 'neg')], out={'dtype': 'int32', 'shape': [3, 3]})
    c.add('concatenate', 'out F', [c.input('int32', [2, 3]), c.input('int32', [2, 3], 'T')], {'axis': 1}, out={'dtype': 'int32', 'shape': [2, 6], 'layout': 'f'})
    c.add('concatenate', 'out stepped view', [c.input('float64', [2, 3]), c.input('float64', [2, 3], 'bcast')], out={'dtype': 'float64', 'shape': [4, 3], 'layout': 'step'})
    c.add('concatenate', 'out other dtype (same_kind)', [c.input('int64', [2, 2]), c.input('int8', [2, 2])], out={'dtype': 'float32', 'shape': [4, 2]})
    c.add('concatenate', 'out int8 from int64 (same_kind)', [c.input('int64', [2, 2])], out={'dtype': 'int8', 'shape': [2, 2]})
    c.add('concatenate', 'out cannot cast', [c.input('float64', [2, 2])], out={'dtype': 'int64', 'shape': [2, 2]})
    c.add('concatenate', 'out axis null', [c.input('int16', [2, 2], 'f'), c.input('int16', [3], 'neg')], {'axis': None}, out={'dtype': 'int16', 'shape': [7], 'layout': 'step'})
    c.add('concatenate', 'out axis null not 1-d', [c.input('int16', [2, 2])], {'axis': None}, out={'dtype': 'int16', 'shape': [2, 2]})
    c.add('concatenate', 'out axis null wrong size', [c.input('int16', [2, 2])], {'axis': None}, out={'dtype': 'int16', 'shape': [5]})
    c.add('concatenate', 'out wrong shape', [c.input('int16', [2, 2])], out={'dtype': 'int16', 'shape': [2, 3]})
    c.add('concatenate', 'out wrong ndim', [c.input('int16', [2, 2])], out={'dtype': 'int16', 'shape': [4]})
    c.add('concatenate', 'out and dtype', [c.input('int16', [2, 2])], {'dtype': 'int16'}, out={'dtype': 'int16', 'shape': [2, 2]})
    c.add('stack', 'out', [c.input('uint8', [2, 2]), c.input('uint8', [2, 2], 'T')], {'axis': 2}, out={'dtype': 'uint8', 'shape': [2, 2, 2]})
    c.add('stack', 'out wrong shape', [c.input('uint8', [2, 2])], out={'dtype': 'uint8', 'shape': [2, 2]})
    # 0-d, empty
    c.add('stack', '0-d inputs', [c.input('float64', []), c.input('float64', [], '0dview')])
    c.add('stack', '0-d axis -1', [c.input('int64', []), c.input('int64', [])], {'axis': -1})
    c.add('stack', 'empty', [c.input('int8', [0, 2]), c.input('int8', [0, 2])], {'axis': 1})
    c.add('stack', 'axis 2 of 1-d', [c.input('int8', [2]), c.input('int8', [2])], {'axis': 2})
    c.add('hstack', '0-d inputs', [c.input('int32', []), c.input('int32', [2]), c.input('int32', [], '0dview')])
    c.add('vstack', '0-d inputs', [c.input('int32', []), c.input('int32', [])])
    c.add('dstack', '0-d and 1-d', [c.input('int32', []), c.input('int32', [1])])
    c.add('columnStack', '0-d inputs', [c.input('int32', []), c.input('int32', [])])
    c.add('vstack', 'empty rows', [c.input('float32', [0, 3]), c.input('float32', [3])])
    c.add('hstack', '3-d', [c.input('int16', [2, 1, 2], 'f'), c.input('int16', [2, 2, 2], 'neg')])
    c.add('dstack', '3-d', [c.input('int16', [2, 2, 1], 'T'), c.input('int16', [2, 2, 2])])
    # NumPy's errors
    c.add('concatenate', 'no arrays', [])
    c.add('concatenate', '0-d arrays', [c.input('int8', []), c.input('int8', [])])
    c.add('concatenate', '0-d single', [c.input('int8', [])], {'axis': 3})
    c.add('concatenate', 'ndim mismatch', [c.input('int8', [2, 3]), c.input('int8', [3])])
    c.add('concatenate', 'dim mismatch axis 0', [c.input('int8', [2, 3]), c.input('int8', [2, 4])])
    c.add('concatenate', 'dim mismatch axis 1', [c.input('int8', [2, 3]), c.input('int8', [3, 4])], {'axis': 1})
    c.add('concatenate', 'axis out of bounds', [c.input('int8', [2, 3]), c.input('int8', [2, 3])], {'axis': 2})
    c.add('concatenate', 'axis out of bounds negative', [c.input('int8', [2, 3])], {'axis': -3})
    c.add('concatenate', 'bad casting', [c.input('int8', [2])], {'casting': 'bogus'})
    c.add('stack', 'no arrays', [])
    c.add('stack', 'shape mismatch', [c.input('int8', [2, 3]), c.input('int8', [3, 2])])
    c.add('stack', 'axis out of bounds', [c.input('int8', [2, 3]), c.input('int8', [2, 3])], {'axis': 3})
    c.add('stack', 'axis out of bounds negative', [c.input('int8', [2])], {'axis': -3})
    c.add('hstack', 'no arrays', [])
    c.add('hstack', 'mismatch', [c.input('int8', [2, 3]), c.input('int8', [3, 3])])
    c.add('vstack', 'mismatch', [c.input('int8', [3]), c.input('int8', [4])])
    c.add('dstack', 'mismatch', [c.input('int8', [2, 3]), c.input('int8', [3, 3])])
    c.add('columnStack', 'mismatch', [c.input('int8', [3]), c.input('int8', [4])])
    c.add('vstack', 'no arrays', [])
    return c.cases


# ------------------------------------------------------------------------------------------ split

def gen_split(seed):
    c = Cases(seed)
    rng = c.rng
    for i, lay in enumerate(LAYOUTS + ['c', 'neg']):
        dt = ALL_DTYPES[i % len(ALL_DTYPES)]
        c.add('split', 'layout %s sections' % lay, [c.input(dt, [6, 4], lay)], {'indicesOrSections': 3})
        c.add('split', 'layout %s sections axis 1' % lay, [c.input(dt, [3, 4], lay)], {'indicesOrSections': 2, 'axis': 1})
        c.add('split', 'layout %s indices' % lay, [c.input(dt, [10], lay)], {'indicesOrSections': [3, -2, 20, 1]})
        c.add('arraySplit', 'layout %s unequal' % lay, [c.input(dt, [7, 2], lay)], {'indicesOrSections': 3})
        c.add('arraySplit', 'layout %s axis -1' % lay, [c.input(dt, [2, 2, 5], lay)], {'indicesOrSections': 4, 'axis': -1})
        c.add('hsplit', 'layout %s 2-d' % lay, [c.input(dt, [2, 6], lay)], {'indicesOrSections': [2, 3]})
        c.add('vsplit', 'layout %s' % lay, [c.input(dt, [4, 3], lay)], {'indicesOrSections': 2})
        c.add('dsplit', 'layout %s' % lay, [c.input(dt, [2, 2, 4], lay)], {'indicesOrSections': [1, 3]})
    c.add('arraySplit', 'more sections than elements', [c.input('int16', [3])], {'indicesOrSections': 5})
    c.add('arraySplit', '12 into 5', [c.input('int16', [12], 'step')], {'indicesOrSections': 5})
    c.add('split', 'empty axis', [c.input('float64', [0, 3])], {'indicesOrSections': 3})
    c.add('split', 'empty other axis', [c.input('float64', [0, 4])], {'indicesOrSections': 2, 'axis': 1})
    c.add('split', 'no indices', [c.input('float64', [3, 2], 'T')], {'indicesOrSections': []})
    c.add('split', 'unsorted indices', [c.input('int32', [8], 'neg')], {'indicesOrSections': [5, 2, 6]})
    c.add('split', 'negative indices', [c.input('int32', [8])], {'indicesOrSections': [-3, -1]})
    c.add('split', 'indices past the end', [c.input('int32', [4, 2])], {'indicesOrSections': [2, 9, 12]})
    c.add('split', 'broadcast input', [c.input('int64', [4, 3], 'bcast')], {'indicesOrSections': 2})
    c.add('split', 'float sections', [c.input('int64', [10])], {'indicesOrSections': 2.5})
    c.add('arraySplit', 'float sections', [c.input('int64', [5])], {'indicesOrSections': 2.5})
    c.add('split', 'one section', [c.input('uint64', [3, 3], 'f')], {'indicesOrSections': 1})
    c.add('hsplit', '1-d', [c.input('bool', [6], 'neg')], {'indicesOrSections': 3})
    c.add('hsplit', '3-d', [c.input('bool', [2, 4, 2])], {'indicesOrSections': 2})
    c.add('arraySplit', 'indices as int array', [c.input('int8', [6])], {'indicesOrSections': {'$array': {'dtype': 'int64', 'values': ['1', '4']}}})
    # NumPy's errors
    c.add('split', 'not an equal division', [c.input('int8', [10])], {'indicesOrSections': 3})
    c.add('split', 'zero sections', [c.input('int8', [4])], {'indicesOrSections': 0})
    c.add('split', 'negative sections', [c.input('int8', [4])], {'indicesOrSections': -2})
    c.add('arraySplit', 'zero sections', [c.input('int8', [4])], {'indicesOrSections': 0})
    c.add('split', 'axis out of range', [c.input('int8', [2, 2])], {'indicesOrSections': 1, 'axis': 2})
    c.add('split', 'axis out of range negative', [c.input('int8', [2, 2])], {'indicesOrSections': 1, 'axis': -3})
    c.add('split', '0-d', [c.input('int8', [])], {'indicesOrSections': 1})
    c.add('arraySplit', '0-d', [c.input('int8', [])], {'indicesOrSections': [1]})
    c.add('hsplit', '0-d', [c.input('int8', [])], {'indicesOrSections': 1})
    c.add('hsplit', 'unequal', [c.input('int8', [2, 3])], {'indicesOrSections': 2})
    c.add('vsplit', '1-d', [c.input('int8', [4])], {'indicesOrSections': 2})
    c.add('dsplit', '2-d', [c.input('int8', [2, 4])], {'indicesOrSections': 2})
    c.add('split', 'float indices', [c.input('int8', [4])], {'indicesOrSections': [1.5]})
    return c.cases


# ------------------------------------------------------------------------------------------ tile / repeat

def gen_tile(seed):
    c = Cases(seed)
    rng = c.rng
    for i, lay in enumerate(LAYOUTS):
        for j, reps in enumerate([2, [2, 3], [3, 1, 2], [1, 1], [1], [2, 1, 1, 1], [1, 0]]):
            dt = ALL_DTYPES[(i + j) % len(ALL_DTYPES)]
            shape = rng.choice([[2, 3], [3, 2], [2, 1, 2]])
            c.add('tile', 'layout %s reps %s' % (lay, reps), [c.input(dt, shape, lay)], {'reps': reps})
        c.add('repeat', 'layout %s scalar flat' % lay, [c.input('int32', [2, 3], lay)], {'repeats': 2})
        c.add('repeat', 'layout %s scalar axis 0' % lay, [c.input('float64', [2, 3], lay)], {'repeats': 3, 'axis': 0})
        c.add('repeat', 'layout %s per-element axis 1' % lay, [c.input('uint8', [2, 3], lay)], {'repeats': [1, 0, 2], 'axis': 1})
        c.add('repeat', 'layout %s per-element axis -1 3-d' % lay, [c.input('int64', [2, 2, 2], lay)], {'repeats': [2, 3], 'axis': -1})
        c.add('repeat', 'layout %s per-element flat' % lay, [c.input('bool', [2, 2], lay)], {'repeats': [1, 2, 0, 3]})
    c.add('tile', '0-d reps 3', [c.input('int16', [])], {'reps': 3})
    c.add('tile', '0-d reps []', [c.input('int16', [])], {'reps': []})
    c.add('tile', '0-d view reps [2, 2]', [c.input('int16', [], '0dview')], {'reps': [2, 2]})
    c.add('tile', '1-d reps []', [c.input('int16', [3], 'neg')], {'reps': []})
    c.add('tile', 'empty input', [c.input('float32', [0, 2])], {'reps': 3})
    c.add('tile', 'empty input reps longer', [c.input('float32', [0])], {'reps': [2, 2]})
    c.add('tile', 'empty input negative rep', [c.input('float32', [0])], {'reps': -1})
    c.add('tile', 'reps 0', [c.input('float32', [3])], {'reps': 0})
    c.add('tile', 'F input reps ones', [c.input('int8', [2, 3], 'f')], {'reps': [1, 1]})
    c.add('tile', 'F input reps ones longer', [c.input('int8', [2, 3], 'f')], {'reps': [1, 1, 1]})
    c.add('tile', 'big values', [c.input('uint64', [2])], {'reps': [2, 2]})
    c.add('tile', 'negative rep', [c.input('int8', [2])], {'reps': -1})
    c.add('tile', 'negative rep 2-d', [c.input('int8', [2])], {'reps': [2, -2]})
    c.add('repeat', '0-d axis null', [c.input('int8', [])], {'repeats': 3})
    c.add('repeat', '0-d axis 0', [c.input('int8', [])], {'repeats': 3, 'axis': 0})
    c.add('repeat', '0-d axis -1', [c.input('int8', [], '0dview')], {'repeats': 2, 'axis': -1})
    c.add('repeat', 'zero repeats', [c.input('int8', [3])], {'repeats': 0})
    c.add('repeat', 'all zero per-element', [c.input('int8', [3])], {'repeats': [0, 0, 0]})
    c.add('repeat', 'size-1 list broadcasts', [c.input('float32', [3, 2], 'T')], {'repeats': [2], 'axis': 1})
    c.add('repeat', 'float scalar truncates', [c.input('float32', [3])], {'repeats': 2.7})
    c.add('repeat', 'bool repeats', [c.input('int16', [3])], {'repeats': [True, False, True]})
    c.add('repeat', 'empty input', [c.input('int16', [0, 3])], {'repeats': 2, 'axis': 1})
    c.add('repeat', 'empty input per-element', [c.input('int16', [0, 3])], {'repeats': [1, 2, 3], 'axis': 1})
    c.add('repeat', 'empty list on empty', [c.input('int16', [0])], {'repeats': []})
    c.add('repeat', 'negative scalar on empty', [c.input('int16', [0])], {'repeats': -1})
    c.add('repeat', 'many small slabs', [c.input('int32', [100])], {'repeats': [k % 3 for k in range(100)]})
    c.add('repeat', 'many small slabs 2-d', [c.input('float64', [3, 70], 'step')], {'repeats': [(k * 7) % 4 for k in range(70)], 'axis': 1})
    c.add('repeat', 'int32 array repeats', [c.input('int8', [3])], {'repeats': {'$array': {'dtype': 'int32', 'values': [1, 2, 3]}}})
    c.add('repeat', 'uint8 array repeats', [c.input('int8', [3])], {'repeats': {'$array': {'dtype': 'uint8', 'values': [3, 0, 1]}}})
    # NumPy's errors
    c.add('repeat', 'length mismatch', [c.input('int8', [3])], {'repeats': [1, 2]})
    c.add('repeat', 'negative per-element', [c.input('int8', [3])], {'repeats': [1, -1, 2]})
    c.add('repeat', 'negative scalar', [c.input('int8', [3])], {'repeats': -1})
    c.add('repeat', 'negative size-1 list', [c.input('int8', [3])], {'repeats': [-1]})
    c.add('repeat', 'axis out of range', [c.input('int8', [2, 2])], {'repeats': 2, 'axis': 2})
    c.add('repeat', '0-d axis out of range', [c.input('int8', [])], {'repeats': 2, 'axis': 1})
    c.add('repeat', 'nested repeats', [c.input('int8', [3])], {'repeats': [[1, 2, 3]]})
    c.add('repeat', 'float64 array repeats', [c.input('int8', [3])], {'repeats': {'$array': {'dtype': 'float64', 'values': [1.0, 2.0, 3.0]}}})
    c.add('repeat', 'uint64 array repeats', [c.input('int8', [3])], {'repeats': {'$array': {'dtype': 'uint64', 'values': ['1', '2', '3']}}})
    return c.cases


# ------------------------------------------------------------------------------------------ pad

def gen_pad(seed):
    c = Cases(seed)
    rng = c.rng
    widths_2d = [1, [1, 2], [[2, 0]], [[1, 2], [0, 3]], [[1], [2]], {'$dict': {'0': 2}}, {'$dict': {'-1': [0, 3]}}, 0, [[0, 0], [5, 4]]]
    modes = ['constant', 'edge', 'reflect', 'symmetric', 'wrap']
    for i, lay in enumerate(LAYOUTS):
        for j, mode in enumerate(modes):
            dt = ALL_DTYPES[(i * 5 + j) % len(ALL_DTYPES)]
            for w in rng.sample(widths_2d, 3):
                c.add('pad', 'layout %s %s %s' % (lay, mode, json.dumps(w)), [c.input(dt, [3, 2], lay)], {'padWidth': w, 'mode': mode})
            c.add('pad', 'layout %s %s 3-d' % (lay, mode), [c.input(dt, [2, 3, 2], lay)], {'padWidth': [[1, 0], [0, 2], [2, 1]], 'mode': mode})
            c.add('pad', 'layout %s %s 1-d' % (lay, mode), [c.input(dt, [4], lay)], {'padWidth': [3, 2], 'mode': mode})
    # pad widths larger than the axis (NumPy pads iteratively)
    for mode in ['reflect', 'symmetric', 'wrap', 'edge']:
        for n in [1, 2, 3, 4]:
            for w in [[7, 0], [0, 9], [5, 11], [2 * n + 1, 3 * n]]:
                c.add('pad', '%s large width n=%d %s' % (mode, n, w), [c.input('int16', [n], rng.choice(['c', 'neg', 'step']))], {'padWidth': w, 'mode': mode})
        c.add('pad', '%s large widths 2-d' % mode, [c.input('float64', [2, 3], 'T')], {'padWidth': [[5, 4], [7, 8]], 'mode': mode})
        c.add('pad', '%s singleton axis' % mode, [c.input('int32', [1, 3], 'step')], {'padWidth': [[2, 3], [1, 1]], 'mode': mode})
    # constant values: per-axis pairs (corners take the last axis' value), dtypes and casts
    c.add('pad', 'constant per-axis values', [c.input('float64', [2, 3])], {'padWidth': 1, 'constantValues': [[1, 2], [3, 4]]})
    c.add('pad', 'constant before/after', [c.input('float64', [2, 3], 'f')], {'padWidth': [1, 2], 'constantValues': [-1.5, 7]})
    c.add('pad', 'constant [[v]]', [c.input('int16', [2, 3])], {'padWidth': 1, 'constantValues': [[9]]})
    c.add('pad', 'constant [[v], [w]]', [c.input('int16', [2, 3])], {'padWidth': 1, 'constantValues': [[5], [6]]})
    c.add('pad', 'constant 3-d per-axis', [c.input('int32', [2, 2, 2], 'neg')], {'padWidth': 1, 'constantValues': [[1, 2], [3, 4], [5, 6]]})
    c.add('pad', 'constant int8 truncates 2.7', [c.input('int8', [3])], {'padWidth': 1, 'constantValues': 2.7})
    c.add('pad', 'constant int8 truncates -2.7', [c.input('int8', [3])], {'padWidth': 1, 'constantValues': -2.7})
    c.add('pad', 'constant uint8 -1 wraps (NumPy scalar)', [c.input('uint8', [3])], {'padWidth': 1, 'constantValues': -1})
    c.add('pad', 'constant uint8 pair wraps', [c.input('uint8', [3])], {'padWidth': 1, 'constantValues': [-1, 256]})
    c.add('pad', 'constant uint16 pair wraps', [c.input('uint16', [3])], {'padWidth': 1, 'constantValues': [[70000, -2]]})
    c.add('pad', 'constant uint8 per-axis -1', [c.input('uint8', [2, 2])], {'padWidth': 1, 'constantValues': [[-1, 2], [3, 4]]})
    c.add('pad', 'constant int8 300', [c.input('int8', [3])], {'padWidth': 1, 'constantValues': 300})
    c.add('pad', 'constant int8 pair -129', [c.input('int8', [3])], {'padWidth': 1, 'constantValues': [1, -129]})
    c.add('pad', 'constant int8 NaN', [c.input('int8', [3])], {'padWidth': 1, 'constantValues': {'$float': 'nan'}})
    c.add('pad', 'constant float32 rounds', [c.input('float32', [2])], {'padWidth': 1, 'constantValues': 0.1})
    c.add('pad', 'constant bool', [c.input('bool', [2, 2])], {'padWidth': 1, 'constantValues': 5})
    c.add('pad', 'constant bool zero', [c.input('bool', [2], 'neg')], {'padWidth': 2, 'constantValues': [0, 1]})
    c.add('pad', 'constant uint64 max', [c.input('uint64', [2])], {'padWidth': 1, 'constantValues': {'$big': str(2 ** 64 - 1)}})
    c.add('pad', 'constant int64 min', [c.input('int64', [2])], {'padWidth': 1, 'constantValues': {'$big': str(-2 ** 63)}})
    c.add('pad', 'constant int64 big pair', [c.input('int64', [2])], {'padWidth': 1, 'constantValues': [[{'$big': str(2 ** 62 + 1)}, -5]]})
    c.add('pad', 'constant empty input', [c.input('float64', [0, 3])], {'padWidth': 1, 'constantValues': 4})
    c.add('pad', 'constant empty input one axis', [c.input('float64', [0, 3])], {'padWidth': [[0, 0], [1, 1]]})
    c.add('pad', 'edge empty input zero width', [c.input('float64', [0, 3])], {'padWidth': [[0, 0], [1, 2]], 'mode': 'edge'})
    c.add('pad', 'wrap empty input zero width', [c.input('float64', [2, 0])], {'padWidth': [[1, 1], [0, 0]], 'mode': 'wrap'})
    c.add('pad', '0-d', [c.input('int32', [])], {'padWidth': 2})
    c.add('pad', '0-d reflect', [c.input('int32', [], '0dview')], {'padWidth': [[1, 2]], 'mode': 'reflect'})
    c.add('pad', 'int array pad width', [c.input('int32', [3])], {'padWidth': {'$array': {'dtype': 'int8', 'values': [2, 1]}}})
    c.add('pad', 'mixed bool int pad width', [c.input('int32', [3])], {'padWidth': [True, 2]})
    c.add('pad', 'bigint pad width', [c.input('int32', [3])], {'padWidth': {'$big': '2'}})
    # NumPy's errors
    c.add('pad', 'negative width', [c.input('int8', [3])], {'padWidth': -1})
    c.add('pad', 'negative width pair', [c.input('int8', [3])], {'padWidth': [[1, -1]]})
    c.add('pad', 'negative width per-axis', [c.input('int8', [3, 2])], {'padWidth': [[1, 2], [0, -1]]})
    c.add('pad', 'float width', [c.input('int8', [3])], {'padWidth': 1.5})
    c.add('pad', 'bool width', [c.input('int8', [3])], {'padWidth': True})
    c.add('pad', 'empty width list', [c.input('int8', [3])], {'padWidth': []})
    c.add('pad', 'uint8 array width', [c.input('int8', [3])], {'padWidth': {'$array': {'dtype': 'uint8', 'values': [1, 1]}}})
    c.add('pad', 'width does not broadcast', [c.input('int8', [3, 2])], {'padWidth': [[1, 2], [3, 4], [5, 6]]})
    c.add('pad', 'width (2, 1) on 1-d', [c.input('int8', [3])], {'padWidth': [[1], [2]]})
    c.add('pad', 'width three values', [c.input('int8', [3, 2])], {'padWidth': [1, 2, 3]})
    c.add('pad', '0-d width three values', [c.input('int8', [])], {'padWidth': [1, 2, 3]})
    c.add('pad', 'unsupported mode', [c.input('int8', [3])], {'padWidth': 1, 'mode': 'foo'})
    c.add('pad', 'constant values with edge', [c.input('int8', [3])], {'padWidth': 1, 'mode': 'edge', 'constantValues': 3})
    c.add('pad', 'constant values do not broadcast', [c.input('int8', [3, 2])], {'padWidth': 1, 'constantValues': [1, 2, 3]})
    c.add('pad', 'edge extends empty axis', [c.input('float64', [0, 3])], {'padWidth': 1, 'mode': 'edge'})
    c.add('pad', 'reflect extends empty axis', [c.input('float64', [2, 0])], {'padWidth': [[0, 0], [1, 0]], 'mode': 'reflect'})
    return c.cases


# ------------------------------------------------------------------------------------------ roll

def gen_roll(seed):
    c = Cases(seed)
    rng = c.rng
    for i, lay in enumerate(LAYOUTS):
        for j, (shift, axis) in enumerate([(2, None), (-7, None), (1, 0), (-1, 1), (5, -1), ([1, 2], [0, 1]), (1, [0, 1]),
                                           ([1, 2], 0), ([2, -1], [1, 1]), (13, [1, 0, 1])]):
            dt = ALL_DTYPES[(i + j) % len(ALL_DTYPES)]
            args = {'shift': shift}
            if axis is not None:
                args['axis'] = axis
            c.add('roll', 'layout %s shift %s axis %s' % (lay, shift, axis), [c.input(dt, [3, 4], lay)], args)
        c.add('roll', 'layout %s 3-d' % lay, [c.input('float64', [2, 3, 4], lay)], {'shift': [1, -2, 3], 'axis': [0, 1, 2]})
        c.add('roll', 'layout %s 1-d' % lay, [c.input('int64', [5], lay)], {'shift': 3})
    c.add('roll', 'shift equals length', [c.input('int8', [4])], {'shift': 4, 'axis': 0})
    c.add('roll', 'shift float truncates', [c.input('int8', [4])], {'shift': 1.5})
    c.add('roll', 'empty axis null', [c.input('int8', [0, 3])], {'shift': 2})
    c.add('roll', 'empty axis 1', [c.input('int8', [0, 3])], {'shift': 2, 'axis': 1})
    c.add('roll', '0-d axis null', [c.input('int8', [])], {'shift': 1})
    c.add('roll', 'empty shift tuple', [c.input('int8', [4])], {'shift': []})
    c.add('roll', 'empty axis tuple', [c.input('int8', [2, 2], 'T')], {'shift': 1, 'axis': []})
    c.add('roll', 'big values', [c.input('uint64', [2, 3], 'neg')], {'shift': -4, 'axis': 1})
    c.add('roll', 'bool', [c.input('bool', [6], 'step')], {'shift': 2})
    # NumPy's errors
    c.add('roll', 'axis out of range', [c.input('int8', [2, 2])], {'shift': 1, 'axis': 2})
    c.add('roll', 'axis out of range in tuple', [c.input('int8', [2, 2])], {'shift': 1, 'axis': [0, -3]})
    c.add('roll', '0-d axis 0', [c.input('int8', [])], {'shift': 1, 'axis': 0})
    c.add('roll', 'shift/axis length mismatch', [c.input('int8', [2, 2])], {'shift': [1, 2, 3], 'axis': [0, 1]})
    return c.cases


# ------------------------------------------------------------------------------------------ diff

def gen_diff(seed):
    c = Cases(seed)
    rng = c.rng
    for i, lay in enumerate(LAYOUTS):
        for j, args in enumerate([{}, {'axis': 0}, {'n': 2}, {'n': 3, 'axis': 1}, {'axis': -2, 'n': 1}]):
            dt = ALL_DTYPES[(i * 5 + j) % len(ALL_DTYPES)]
            c.add('diff', 'layout %s %s %s' % (lay, dt, args), [c.input(dt, [4, 5], lay)], args)
        c.add('diff', 'layout %s 3-d axis 1' % lay, [c.input('float32', [2, 4, 3], lay)], {'axis': 1})
        c.add('diff', 'layout %s bool n 2' % lay, [c.input('bool', [3, 6], lay)], {'n': 2})
    for dt in ['uint8', 'int8', 'uint64', 'int64', 'uint16', 'float32']:
        c.add('diff', 'wraps %s' % dt, [c.input(dt, [6], rng.choice(['neg', 'c']))], {})
    c.add('diff', 'n beyond length', [c.input('int32', [3])], {'n': 5})
    c.add('diff', 'n equals length', [c.input('int32', [2, 3])], {'n': 3})
    c.add('diff', 'n 0 returns the input', [c.input('int32', [3], 'neg')], {'n': 0})
    c.add('diff', 'n 0 with prepend', [c.input('int32', [3])], {'n': 0, 'prepend': {'$array': {'dtype': 'int32', 'values': [1]}}})
    c.add('diff', 'empty', [c.input('float64', [0])], {})
    c.add('diff', 'empty other axis', [c.input('float64', [0, 4])], {})
    c.add('diff', 'prepend/append arrays', [c.input('int64', [3, 4]), c.input('int64', [1, 4]), c.input('int64', [2, 4], 'neg')],
          {'axis': 0, 'prepend': {'$input': 1}, 'append': {'$input': 2}})
    c.add('diff', 'prepend 0-d', [c.input('int16', [2, 3]), c.input('int16', [])], {'prepend': {'$input': 1}})
    c.add('diff', 'append 0-d axis 0', [c.input('float32', [2, 3], 'f'), c.input('float64', [])], {'append': {'$input': 1}, 'axis': 0})
    c.add('diff', 'prepend promotes', [c.input('int8', [4]), c.input('uint8', [2])], {'prepend': {'$input': 1}})
    c.add('diff', 'bool prepend', [c.input('bool', [4]), c.input('bool', [])], {'prepend': {'$input': 1}, 'n': 2})
    c.add('diff', 'bigint prepend', [c.input('int64', [3])], {'prepend': {'$big': '5'}})
    # NumPy's errors
    c.add('diff', 'negative n', [c.input('int8', [3])], {'n': -1})
    c.add('diff', '0-d', [c.input('int8', [])], {})
    c.add('diff', 'axis out of range', [c.input('int8', [3])], {'axis': 1})
    c.add('diff', 'prepend does not fit', [c.input('int8', [2, 3]), c.input('int8', [2, 2])], {'prepend': {'$input': 1}, 'axis': 0})
    c.add('diff', 'prepend ndim mismatch', [c.input('int8', [2, 3]), c.input('int8', [3])], {'prepend': {'$input': 1}})
    return c.cases


# ------------------------------------------------------------------------------------------ rotate

def gen_rotate(seed):
    c = Cases(seed)
    for i, lay in enumerate(LAYOUTS + ['0dview']):
        dt = ALL_DTYPES[i % len(ALL_DTYPES)]
        if lay != '0dview':
            c.add('fliplr', 'layout %s' % lay, [c.input(dt, [3, 4], lay)])
            c.add('fliplr', 'layout %s 3-d' % lay, [c.input(dt, [2, 3, 2], lay)])
            c.add('flipud', 'layout %s' % lay, [c.input(dt, [3, 4], lay)])
            c.add('flipud', 'layout %s 1-d' % lay, [c.input(dt, [5], lay)])
            for k in [-3, -1, 0, 1, 2, 3, 4, 5, 1.5]:
                c.add('rot90', 'layout %s k %s' % (lay, k), [c.input(dt, [3, 4], lay)], {'k': k})
            for axes in [[1, 0], [1, 2], [0, -1], [-1, 0], [2, 0]]:
                c.add('rot90', 'layout %s 3-d axes %s' % (lay, axes), [c.input(dt, [2, 3, 4], lay)], {'k': 1 + i % 3, 'axes': axes})
    c.add('fliplr', 'empty', [c.input('int8', [2, 0])])
    c.add('flipud', 'empty', [c.input('int8', [0, 2])])
    c.add('rot90', 'empty', [c.input('int8', [0, 3])], {'k': 1})
    c.add('rot90', 'empty k 2', [c.input('int8', [2, 0])], {'k': 2})
    # NumPy's errors
    c.add('fliplr', '1-d', [c.input('int8', [3])])
    c.add('flipud', '0-d', [c.input('int8', [])])
    c.add('rot90', '1-d', [c.input('int8', [3])])
    c.add('rot90', 'same axes', [c.input('int8', [2, 2])], {'axes': [1, 1]})
    c.add('rot90', 'axes ndim apart', [c.input('int8', [2, 2])], {'axes': [0, -2]})
    c.add('rot90', 'axes ndim apart 3-d', [c.input('int8', [2, 2, 2])], {'axes': [0, 3]})
    c.add('rot90', 'axes out of range', [c.input('int8', [2, 2, 2])], {'axes': [1, 3]})
    c.add('rot90', 'axes out of range negative', [c.input('int8', [2, 2, 2])], {'axes': [-4, 0]})
    c.add('rot90', 'three axes', [c.input('int8', [2, 2, 2])], {'axes': [0, 1, 2]})
    return c.cases


# ------------------------------------------------------------------------------------------ meshgrid

def gen_meshgrid(seed):
    c = Cases(seed)
    rng = c.rng
    opts = [{}, {'indexing': 'ij'}, {'sparse': True}, {'copy': False}, {'sparse': True, 'copy': False},
            {'indexing': 'ij', 'copy': False}, {'indexing': 'ij', 'sparse': True, 'copy': False}, {'indexing': 'xy', 'sparse': False, 'copy': True}]
    for i, o in enumerate(opts):
        for lay in ['c', 'neg', 'step']:
            dts = [ALL_DTYPES[(i + k) % len(ALL_DTYPES)] for k in range(3)]
            c.add('meshgrid', '2 inputs %s %s' % (lay, o), [c.input(dts[0], [3], lay), c.input(dts[1], [4], rng.choice(['c', lay]))], o)
            c.add('meshgrid', '3 inputs %s %s' % (lay, o), [c.input(dts[0], [2], lay), c.input(dts[1], [3], lay), c.input(dts[2], [2])], o)
        c.add('meshgrid', '1 input %s' % o, [c.input('float64', [3], 'step')], o)
        c.add('meshgrid', '0 inputs %s' % o, [], o)
        c.add('meshgrid', '2-d input %s' % o, [c.input('int32', [2, 3], 'T'), c.input('int32', [2])], o)
        c.add('meshgrid', '0-d input %s' % o, [c.input('int32', []), c.input('int32', [2], 'neg')], o)
        c.add('meshgrid', 'empty input %s' % o, [c.input('int32', [0]), c.input('int32', [2])], o)
        c.add('meshgrid', 'broadcast input %s' % o, [c.input('uint8', [3], 'bcast'), c.input('int16', [2, 2], 'f')], o)
    c.add('meshgrid', 'bad indexing', [c.input('int8', [2])], {'indexing': 'yx'})
    return c.cases


# ------------------------------------------------------------------------------------------ atleast

def gen_atleast(seed):
    c = Cases(seed)
    rng = c.rng
    for fn in ['atleast1d', 'atleast2d', 'atleast3d']:
        for i, shape in enumerate([[], [3], [2, 3], [2, 1, 3], [1, 2, 1, 2], [0], [2, 0]]):
            for lay in ['c', 'neg', 'step', 'bcast', 'T']:
                c.add(fn, '%s layout %s' % (shape, lay), [c.input(ALL_DTYPES[i], shape, lay)])
        c.add(fn, '0-d view', [c.input('int16', [], '0dview')])
        c.add(fn, 'several', [c.input('int8', []), c.input('float32', [2], 'neg'), c.input('bool', [2, 2], 'T'), c.input('uint64', [1, 1, 2])])
        c.add(fn, 'none', [])
    return c.cases


# ------------------------------------------------------------------------------------------ main

GENERATORS = [('join', gen_join), ('split', gen_split), ('tile', gen_tile), ('pad', gen_pad), ('roll', gen_roll),
              ('diff', gen_diff), ('rotate', gen_rotate), ('meshgrid', gen_meshgrid), ('atleast', gen_atleast)]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--seed', type=int, default=20250611)
    ap.add_argument('--stdout', action='store_true', help='print JSON to stdout instead of writing files')
    args = ap.parse_args()
    if np.__version__ != NUMPY_TARGET:
        print('warning: numpy %s, fixtures target %s' % (np.__version__, NUMPY_TARGET), file=sys.stderr)
    files = {}
    for k, (name, gen) in enumerate(GENERATORS):
        files[name + '.json'] = {'numpy': np.__version__, 'target': NUMPY_TARGET, 'seed': args.seed + k, 'cases': gen(args.seed + k)}
    if args.stdout:
        json.dump(files, sys.stdout, separators=(',', ':'), allow_nan=False)
        return
    os.makedirs(OUT_DIR, exist_ok=True)
    for name, obj in files.items():
        p = write_json(OUT_DIR, name, obj)
        n_err = sum(1 for c in obj['cases'] if 'error' in c)
        print('%s: %d cases (%d errors), %d bytes' % (os.path.relpath(p), len(obj['cases']), n_err, os.path.getsize(p)))


if __name__ == '__main__':
    main()
