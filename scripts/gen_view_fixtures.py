#!/usr/bin/env python3
"""Golden fixtures for strided's view semantics, computed by NumPy (target: 2.4.6).

    python3 scripts/gen_view_fixtures.py            # rewrites test/fixtures/views/*.json (deterministic)
    python3 scripts/gen_view_fixtures.py --fresh --seed 123 --count 200 --stdout
                                                    # prints fresh random chains as JSON (live fuzz test)

Files: chains.json (random view chains), reshape.json (reshape/ravel view-or-copy decisions, including the
spec's worked examples), matrix.json (every view op on every layout kind), selection.json (np.take /
np.compress), creation.json (arange, linspace, eye, zeros/ones/empty/full, *_like, copy/astype/array orders).

Every case starts from a base array that owns its data ("a"), given by dtype, shape, memory order and its
values in C order. A *chain* applies a list of steps; each step is replayable by the TS API and carries what
NumPy did:

    {"op": "index", "expr": "1:5:2, ..., None", "items": [...],   # the op and its arguments
     "expect": {"shape": [...], "strides": [...bytes], "offset": bytes from the owner's first byte,
                "owner": "a" | "self" | "s3" | "h3",              # who owns the memory (see below)
                "flags": [C, F, OWNDATA, WRITEABLE, ALIGNED], "values": [...C-order...], "scalar": bool}}
    or {"op": ..., "error": {"numpy": "ValueError", "message": "...", "ts": "ShapeError"}}  (ends the chain)

owner: "a" is the base array, "self" means the result owns its data (NumPy base is None), "sK" is the result
of step K, "hK" is the hidden copy a copying reshape at step K made (the result's base); "same" is true
when NumPy returned the input object itself.
Values: bool -> JSON bool, 64-bit ints -> decimal strings, other ints -> numbers, floats -> numbers or
"nan"/"inf"/"-inf". Indexing every axis with an integer gives a NumPy scalar; the fixture records the 0-d
view NumPy gives for the same index plus a trailing Ellipsis (strided returns that 0-d view) and marks it
"scalar": true.
"""
import argparse
import json
import os
import random
import sys

import numpy as np

from fixture_common import build_base, enc_scalar, enc_values, rand_value, write_json

NUMPY_TARGET = '2.4.6'
OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures', 'views')

NUM_DTYPES = ['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float32', 'float64']
ALL_DTYPES = ['bool'] + NUM_DTYPES
ITEMSIZE = {d: np.dtype(d).itemsize for d in ALL_DTYPES}
MAX_ELEMS = 240


# ------------------------------------------------------------------------------------------ encoding

def ptr(arr):
    return arr.__array_interface__['data'][0]


def flags_of(arr):
    f = arr.flags
    return [bool(f.c_contiguous), bool(f.f_contiguous), bool(f.owndata), bool(f.writeable), bool(f.aligned)]


# ------------------------------------------------------------------------------------------ bases

def rand_shape(rng, ndim, zero_p=0.06, max_elems=96):
    while True:
        shape = [rng.choice([1, 1, 2, 2, 3, 3, 4, 5]) for _ in range(ndim)]
        if shape and rng.random() < zero_p:
            shape[rng.randrange(ndim)] = 0
        if int(np.prod(shape, dtype=np.int64)) <= max_elems:
            return shape


def make_base(rng, dtypes=None, ndim=None, zero_p=0.06):
    dt = rng.choice(dtypes or (ALL_DTYPES if rng.random() < 0.05 else NUM_DTYPES))
    nd = ndim if ndim is not None else rng.choice([0, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4])
    shape = rand_shape(rng, nd, zero_p)
    order = 'F' if (nd >= 2 and rng.random() < 0.25) else 'C'
    n = int(np.prod(shape, dtype=np.int64))
    vals = [rand_value(rng, dt) for _ in range(n)]
    spec = {'dtype': dt, 'shape': shape, 'order': order, 'values': [enc_scalar(v, dt) for v in vals]}
    return spec, build_base(spec)


# ------------------------------------------------------------------------------------------ op generators
# Each generator returns (step_dict_without_expect, fn) where fn(cur) performs the op in NumPy, or None
# when the op does not apply to the current array. `bad` asks for an argument NumPy rejects.

def fmt_bound(rng, v):
    if v is None:
        return 'None' if rng.random() < 0.1 else ''
    return str(v)


def gen_slice(rng, n, bad=False):
    start = None if rng.random() < 0.35 else rng.randint(-n - 3, n + 3)
    stop = None if rng.random() < 0.35 else rng.randint(-n - 3, n + 3)
    r = rng.random()
    step = None if r < 0.35 else rng.choice([1, 2, 3, -1, -1, -2, -3, 4, -5])
    if bad:
        step = 0
    text = fmt_bound(rng, start) + ':' + fmt_bound(rng, stop)
    if step is not None or rng.random() < 0.1:
        text += ':' + fmt_bound(rng, step)
    return slice(start, stop, step), {'start': start, 'stop': stop, 'step': step}, text


def gen_index(rng, cur, bad=False):
    nd = cur.ndim
    shape = cur.shape
    kind = rng.choice(['oob', 'too_many', 'two_ellipsis', 'zero_step']) if bad else None
    k = rng.randint(0, nd)
    if kind == 'too_many':
        k = nd + 1
    use_ell = kind == 'two_ellipsis' or rng.random() < 0.3
    p = rng.randint(0, k)
    axes = list(range(p)) + list(range(nd - (k - p), nd)) if use_ell else list(range(k))
    py, js, txt = [], [], []
    bad_pos = rng.randrange(len(axes)) if (kind in ('oob', 'zero_step') and axes) else -1
    for i, ax in enumerate(axes):
        n = shape[ax] if 0 <= ax < nd else 1
        make_int = rng.random() < 0.35 and n > 0
        if i == bad_pos and kind == 'oob':
            v = rng.choice([n, n + rng.randint(0, 3), -n - 1 - rng.randint(0, 3)])
            py.append(v), js.append(v), txt.append(str(v))
        elif i == bad_pos and kind == 'zero_step':
            s, j, t = gen_slice(rng, n, bad=True)
            py.append(s), js.append(j), txt.append(t)
        elif make_int:
            v = rng.randint(-n, n - 1)
            py.append(v), js.append(v), txt.append(str(v))
        else:
            s, j, t = gen_slice(rng, n)
            py.append(s), js.append(j), txt.append(t)
    if use_ell:
        py.insert(p, Ellipsis), js.insert(p, '...'), txt.insert(p, rng.choice(['...', '...', 'Ellipsis']))
        if kind == 'two_ellipsis':
            q = rng.randint(0, len(py))
            py.insert(q, Ellipsis), js.insert(q, '...'), txt.insert(q, '...')
    if (kind == 'oob' or kind == 'zero_step') and bad_pos < 0:
        return None
    for _ in range(rng.choice([0, 0, 0, 1, 1, 2])):
        q = rng.randint(0, len(py))
        py.insert(q, None), js.insert(q, None), txt.insert(q, rng.choice(['None', 'None', 'newaxis', 'np.newaxis']))
    expr = ', '.join(txt)
    if len(txt) == 1 and rng.random() < 0.2:
        expr += ','
    key = tuple(py)

    def fn(a):
        r = a[key]
        if not isinstance(r, np.ndarray):
            return a[key + (Ellipsis,)], True
        return r, False
    return {'op': 'index', 'expr': expr, 'items': js}, fn


def rand_axis(rng, nd, neg=True):
    ax = rng.randrange(nd)
    return ax - nd if neg and rng.random() < 0.3 else ax


def bad_axis(rng, nd):
    return rng.choice([nd, nd + 1, -nd - 1])


def gen_transpose(rng, cur, bad=False):
    nd = cur.ndim
    if rng.random() < 0.2 and not bad:
        return {'op': 'T'}, lambda a: a.T
    if rng.random() < 0.25 and not bad:
        return {'op': 'transpose', 'axes': None}, lambda a: a.transpose()
    perm = list(range(nd))
    rng.shuffle(perm)
    perm = [p - nd if rng.random() < 0.2 else p for p in perm]
    if bad:
        if nd == 0:
            perm = [0]
        else:
            choice = rng.choice(['dup', 'len', 'range'])
            if choice == 'dup' and nd >= 2:
                perm[0] = perm[1]
            elif choice == 'len':
                perm = perm[:-1] if (nd > 1 and rng.random() < 0.5) else perm + [0]
            else:
                perm[rng.randrange(nd)] = bad_axis(rng, nd)
    return {'op': 'transpose', 'axes': perm}, lambda a: a.transpose(perm)


def gen_swapaxes(rng, cur, bad=False):
    nd = cur.ndim
    if nd == 0 and not bad:
        return None
    a1 = rand_axis(rng, nd) if nd else 0
    a2 = rand_axis(rng, nd) if nd else 0
    if bad:
        a2 = bad_axis(rng, nd)
    return {'op': 'swapaxes', 'a1': a1, 'a2': a2}, lambda a: a.swapaxes(a1, a2)


def gen_moveaxis(rng, cur, bad=False):
    nd = cur.ndim
    if nd == 0 and not bad:
        return None
    if nd == 0:
        return {'op': 'moveaxis', 'src': 0, 'dst': 0}, lambda a: np.moveaxis(a, 0, 0)
    m = rng.randint(1, nd)
    src = rng.sample(range(nd), m)
    dst = rng.sample(range(nd), m)
    src = [s - nd if rng.random() < 0.2 else s for s in src]
    if bad:
        choice = rng.choice(['dup', 'len', 'range'])
        if choice == 'dup' and nd >= 2:
            src = [src[0], src[0]]
            dst = rng.sample(range(nd), 2)
        elif choice == 'len':
            dst = dst + [(dst[-1] + 1) % nd] if m < nd else dst[:-1] if m > 1 else dst + [0]
        else:
            dst[0] = bad_axis(rng, nd)
    s_arg = src[0] if (len(src) == 1 and rng.random() < 0.5) else src
    d_arg = dst[0] if (len(dst) == 1 and not isinstance(s_arg, list)) else dst
    return {'op': 'moveaxis', 'src': s_arg, 'dst': d_arg}, lambda a: np.moveaxis(a, s_arg, d_arg)


def factor_shape(rng, size, nd):
    if nd == 0:
        return [] if size == 1 else None
    if size == 0:
        shape = [rng.choice([1, 2, 3]) for _ in range(nd)]
        shape[rng.randrange(nd)] = 0
        return shape
    shape = [1] * nd
    n, p = size, 2
    factors = []
    while n > 1:
        while n % p == 0:
            factors.append(p)
            n //= p
        p += 1
    for f in factors:
        shape[rng.randrange(nd)] *= f
    return shape


def gen_reshape(rng, cur, bad=False):
    size = cur.size
    nd = rng.choice([0, 1, 1, 2, 2, 3, 3, 4]) if size == 1 else rng.choice([1, 1, 2, 2, 3, 3, 4])
    shape = factor_shape(rng, size, nd)
    if shape is None:
        return None
    kind = rng.choice(['size', 'two_unknown', 'order_k', 'copy_false']) if bad else None
    if kind == 'size':
        if shape:
            shape[rng.randrange(len(shape))] += rng.choice([1, 2])
        else:
            shape = [size + 1]
    unknown = (rng.random() < 0.4 or kind == 'two_unknown') and len(shape) > 0
    if unknown:
        i = rng.randrange(len(shape))
        known = int(np.prod([s for j, s in enumerate(shape) if j != i], dtype=np.int64))
        if known != 0 or kind is not None:
            shape[i] = -1
    if kind == 'two_unknown':
        if len(shape) < 2:
            shape = shape + [-1]
        shape = [-1 if j < 2 else s for j, s in enumerate(shape)]
    order = rng.choice(['C', 'C', 'F', 'A'])
    if kind == 'order_k':
        order = 'K'
    copy = rng.choice([None] * 8 + [False, True])
    if kind == 'copy_false':
        copy = False
    arg = shape[0] if (len(shape) == 1 and rng.random() < 0.4) else shape
    step = {'op': 'reshape', 'shape': arg, 'order': order}
    if copy is not None:
        step['copy'] = copy

    def fn(a):
        if copy is None:
            return a.reshape(arg, order=order)
        return a.reshape(arg, order=order, copy=copy)
    return step, fn


def gen_ravel(rng, cur, bad=False):
    order = rng.choice(['C', 'F', 'A', 'K', 'K'])
    if rng.random() < 0.3:
        return {'op': 'flatten', 'order': order}, lambda a: a.flatten(order)
    return {'op': 'ravel', 'order': order}, lambda a: a.ravel(order)


def gen_copy(rng, cur, bad=False):
    order = rng.choice(['C', 'F', 'A', 'K', 'K'])
    return {'op': 'copy', 'order': order}, lambda a: a.copy(order)


def gen_broadcast(rng, cur, bad=False):
    shape = list(cur.shape)
    for i, n in enumerate(shape):
        if n == 1 and rng.random() < 0.6:
            shape[i] = rng.choice([0, 2, 3, 3, 4])
    lead = [rng.choice([1, 2, 3]) for _ in range(rng.choice([0, 1, 1, 2]))]
    shape = lead + shape
    if bad:
        cand = [i for i, n in enumerate(cur.shape) if n > 1]
        if cand and rng.random() < 0.7:
            i = rng.choice(cand)
            shape[len(lead) + i] = cur.shape[i] + 1
        elif cur.ndim > 0:
            shape = shape[len(lead) + 1:]  # fewer dimensions than the input
        else:
            shape = [-1]
    elif int(np.prod(shape, dtype=np.int64)) > MAX_ELEMS:
        return None
    return {'op': 'broadcast_to', 'shape': shape}, lambda a: np.broadcast_to(a, shape)


def gen_flip(rng, cur, bad=False):
    nd = cur.ndim
    if bad:
        ax = bad_axis(rng, nd)
        return {'op': 'flip', 'axis': ax}, lambda a: np.flip(a, ax)
    r = rng.random()
    if r < 0.3 or nd == 0:
        def fn_all(a):
            x = np.flip(a)
            return (x, False) if isinstance(x, np.ndarray) else (a[...], True)
        return {'op': 'flip', 'axis': None}, fn_all
    if r < 0.65:
        ax = rand_axis(rng, nd)
        return {'op': 'flip', 'axis': ax}, lambda a: np.flip(a, ax)
    axes = rng.sample(range(nd), rng.randint(1, nd))
    return {'op': 'flip', 'axis': axes}, lambda a: np.flip(a, tuple(axes))


def gen_squeeze(rng, cur, bad=False):
    nd = cur.ndim
    ones = [i for i, n in enumerate(cur.shape) if n == 1]
    if bad:
        others = [i for i, n in enumerate(cur.shape) if n != 1]
        ax = rng.choice(others) if others and rng.random() < 0.7 else bad_axis(rng, nd)
        return {'op': 'squeeze', 'axis': ax}, lambda a: a.squeeze(ax)
    if not ones or rng.random() < 0.4:
        return {'op': 'squeeze', 'axis': None}, lambda a: a.squeeze()
    sel = rng.sample(ones, rng.randint(1, len(ones)))
    sel = [s - nd if rng.random() < 0.3 else s for s in sel]
    arg = sel[0] if (len(sel) == 1 and rng.random() < 0.5) else sel
    return {'op': 'squeeze', 'axis': arg}, lambda a: a.squeeze(arg if isinstance(arg, int) else tuple(arg))


def gen_expand(rng, cur, bad=False):
    m = rng.choice([1, 1, 2])
    out = cur.ndim + m
    if out > 6 and not bad:
        return None
    pos = rng.sample(range(out), m)
    pos = [p - out if rng.random() < 0.3 else p for p in pos]
    if bad:
        if m == 2 and rng.random() < 0.5:
            pos = [pos[0], pos[0] % out]
        else:
            pos[0] = rng.choice([out, -out - 1])
    arg = pos[0] if (m == 1 and rng.random() < 0.6) else pos
    return {'op': 'expand_dims', 'axis': arg}, lambda a: np.expand_dims(a, arg if isinstance(arg, int) else tuple(arg))


def owner_ptr(a):
    return ptr(a if a.base is None else a.base)


def gen_view(rng, cur, bad=False):
    """Only views every strided layout can express: byte strides and offset multiples of the new itemsize."""
    to = rng.choice(NUM_DTYPES)
    old, new = cur.itemsize, ITEMSIZE[to]
    if cur.base is not None and not isinstance(cur.base, np.ndarray):
        return None
    strides = list(cur.strides)
    shape = list(cur.shape)
    off = ptr(cur) - owner_ptr(cur)
    if old != new:
        # NumPy exempts zero-size arrays from the contiguity rule
        if cur.ndim == 0 or (shape[-1] != 1 and cur.size != 0 and strides[-1] != old) or (shape[-1] * old) % new:
            return None
        shape[-1] = shape[-1] * old // new
        strides[-1] = new
    if off % new or any(s % new for s in strides):
        return None
    return {'op': 'view', 'dtype': to}, lambda a: a.view(to)


def gen_setflags(rng, cur, bad=False):
    w = rng.random() < 0.35
    def fn(a):
        a.flags.writeable = w
        return a
    return {'op': 'setflags', 'write': w}, fn


GENERATORS = [
    (gen_index, 30), (gen_transpose, 8), (gen_swapaxes, 5), (gen_moveaxis, 5), (gen_reshape, 16),
    (gen_ravel, 7), (gen_copy, 2), (gen_broadcast, 5), (gen_flip, 6), (gen_squeeze, 4), (gen_expand, 5),
    (gen_view, 3), (gen_setflags, 3),
]
BAD_GENERATORS = [gen_index, gen_transpose, gen_swapaxes, gen_moveaxis, gen_reshape, gen_broadcast, gen_flip,
                  gen_squeeze, gen_expand]


def ts_error_class(op, exc):
    name = type(exc).__name__
    msg = str(exc)
    if name == 'AxisError':
        return 'AxisError'
    if name == 'IndexError':
        return 'IndexError'
    if op == 'reshape':
        return 'ShapeError' if ('cannot reshape' in msg or 'unknown dimension' in msg) else 'ValueError'
    if op == 'broadcast_to':
        return 'ShapeError'
    if op == 'squeeze' and 'size not equal to one' in msg:
        return 'ShapeError'
    if op == 'view':
        return 'DTypeError'
    return 'ValueError'


# ------------------------------------------------------------------------------------------ chains

class Tracker:
    """Labels the arrays that own memory so the TS replay can check `.base` identity."""

    def __init__(self, a):
        self.labels = {id(a): 'a'}
        self.keep = [a]

    def record(self, k, r):
        if r.base is None:
            if id(r) not in self.labels:
                self.labels[id(r)] = 's%d' % k
                self.keep.append(r)
            return 'self'
        b = r.base
        assert isinstance(b, np.ndarray) and b.base is None, 'base must collapse to an owner'
        if id(b) not in self.labels:
            self.labels[id(b)] = 'h%d' % k
            self.keep.append(b)
        return self.labels[id(b)]


def describe(r, owner_label, scalar):
    own = r if r.base is None else r.base
    exp = {
        'shape': list(r.shape), 'strides': list(r.strides), 'offset': ptr(r) - ptr(own), 'owner': owner_label,
        'flags': flags_of(r), 'values': enc_values(r),
    }
    if scalar:
        exp['scalar'] = True
    return exp


def result_of(fn, cur):
    res = fn(cur)
    return res[0] if isinstance(res, tuple) else res


def run_step(cur, fn, step, tracker, k):
    try:
        res = fn(cur)
    except Exception as e:  # noqa: BLE001 - recorded as the expected error
        step['error'] = {'numpy': type(e).__name__, 'message': str(e), 'ts': ts_error_class(step['op'], e)}
        return None
    r, scalar = res if isinstance(res, tuple) else (res, False)
    step['expect'] = describe(r, tracker.record(k, r), scalar)
    # NumPy returns the very same object in a few cases (squeeze with nothing to squeeze)
    step['expect']['same'] = r is cur
    return r


def gen_chain(rng, cid, n_steps=None, error_p=0.1, base=None):
    spec, a = base if base is not None else make_base(rng)
    tracker = Tracker(a)
    steps = []
    cur = a
    n = n_steps if n_steps is not None else rng.choice([1, 2, 3, 3, 4, 4, 5, 6])
    ops, weights = zip(*GENERATORS)
    for k in range(n):
        bad = k == n - 1 and rng.random() < error_p
        for _ in range(50):
            g = rng.choice(BAD_GENERATORS) if bad else rng.choices(ops, weights)[0]
            made = g(rng, cur, bad)
            if made is not None:
                break
        else:
            continue
        step, fn = made
        r = run_step(cur, fn, step, tracker, k)
        steps.append(step)
        if r is None:
            break
        if r.size > MAX_ELEMS * 2:
            break
        cur = r
    return {'id': cid, 'base': spec, 'steps': steps}


def gen_chains(seed, count, error_p=0.2):
    rng = random.Random(seed)
    return [gen_chain(rng, i, error_p=error_p) for i in range(count)]


# ------------------------------------------------------------------------------------------ reshape cases

def gen_reshape_cases(seed, count):
    """Sliced / transposed / flipped inputs, then one reshape (or ravel): view vs copy and the strides."""
    rng = random.Random(seed)
    cases = spec_reshape_cases()
    for i in range(len(cases), count):
        spec, a = make_base(rng, ndim=rng.choice([2, 3, 3, 4]), zero_p=0.02)
        tracker = Tracker(a)
        steps = []
        cur = a
        # preparation: 1-2 of slicing with steps / transpose / flip
        for k in range(rng.choice([1, 1, 2])):
            g = rng.choice([gen_index, gen_transpose, gen_flip, gen_index])
            for _ in range(10):
                made = g(rng, cur, False)
                # mostly non-empty inputs: empty arrays are always contiguous, so they never copy
                if made is not None and result_of(made[1], cur).size > 0:
                    break
            if made is None:
                continue
            step, fn = made
            r = run_step(cur, fn, step, tracker, len(steps))
            steps.append(step)
            cur = r
        bad = rng.random() < 0.12
        g = gen_ravel if (rng.random() < 0.15 and not bad) else gen_reshape
        made = None
        for _ in range(20):
            made = g(rng, cur, bad)
            if made is not None:
                break
        if made is None:
            continue
        step, fn = made
        r = run_step(cur, fn, step, tracker, len(steps))
        if r is not None and cur.size > 0:
            # the fixture's owner label says it already; record NumPy's own view test for readability
            step['expect']['view'] = bool(np.shares_memory(r, cur))
        steps.append(step)
        cases.append({'id': i, 'base': spec, 'steps': steps})
    return cases


def index_step(expr):
    """A replayable index step from a simple expression (integers, slices, '...', None)."""
    py, js = [], []
    for part in [p.strip() for p in expr.split(',') if p.strip()]:
        if part == '...':
            py.append(Ellipsis), js.append('...')
        elif part == 'None':
            py.append(None), js.append(None)
        elif ':' in part:
            b = [int(x) if x.strip() else None for x in part.split(':')] + [None]
            py.append(slice(b[0], b[1], b[2])), js.append({'start': b[0], 'stop': b[1], 'step': b[2]})
        else:
            py.append(int(part)), js.append(int(part))
    key = tuple(py)

    def fn(a):
        r = a[key]
        return (r, False) if isinstance(r, np.ndarray) else (a[key + (Ellipsis,)], True)
    return {'op': 'index', 'expr': expr, 'items': js}, fn


def spec_reshape_cases():
    """The worked examples of the semantics spec (section 2), b = arange(24).reshape(2, 3, 4) int64."""
    b24 = {'dtype': 'int64', 'shape': [24], 'order': 'C', 'values': [str(i) for i in range(24)]}
    b234 = dict(b24, shape=[2, 3, 4])
    T = lambda perm: ({'op': 'transpose', 'axes': perm}, lambda a: a.transpose(perm))  # noqa: E731
    R = lambda shape, order='C', copy=None: (  # noqa: E731
        dict({'op': 'reshape', 'shape': shape, 'order': order}, **({} if copy is None else {'copy': copy})),
        lambda a: a.reshape(shape, order=order) if copy is None else a.reshape(shape, order=order, copy=copy))
    Rv = lambda order: ({'op': 'ravel', 'order': order}, lambda a: a.ravel(order))  # noqa: E731
    table = [
        (b234, [index_step(':, :, ::2'), R([6, 2])]), (b234, [index_step(':, :, ::2'), R([12])]),
        (b234, [index_step(':, :, ::2'), R([1, 2, 1, 3, 2])]), (b234, [index_step(':, 1:, :'), R([2, 8])]),
        (b234, [index_step(':, 1:, :'), R([4, 4])]), (b234, [index_step(':, 1:, :'), R([2, 2, 2, 2])]),
        (b24, [index_step('::2'), R([3, 4])]), (b24, [index_step('::2'), R([3, 4], 'F')]),
        (b24, [index_step('::-1'), R([4, 6])]), (b234, [T([1, 0, 2]), R([6, 4])]), (b234, [T([1, 0, 2]), R([3, 8])]),
        (b234, [T([1, 0, 2]), R([3, 2, 2, 2])]), (b234, [T(None), R([12, 2])]), (b234, [T(None), R([4, 6], 'F')]),
        (b234, [T(None), R([4, 6], 'A')]), (b234, [R([1, 24, 1])]), (b234, [index_step(':, 1:, :'), R([4, 4], 'C', False)]),
        (b234, [R([4, -1], 'K')]), (b234, [R([-1, -1])]), (b234, [R([5, -1])]), (b234, [R([7])]),
        (dict(b24, shape=[0, 3], values=[]), [R([-1, 3])]), (dict(b24, shape=[0, 3], values=[]), [R([0, -1])]),
        (dict(b24, shape=[0, 3], values=[]), [R([-1, 0])]), (b24, [index_step('::2'), Rv('C')]),
        (b24, [index_step('::2'), R(-1)]), (b234, [T(None), Rv('C')]), (b234, [T(None), Rv('F')]),
        (b234, [T([1, 0, 2]), Rv('K')]), (b24, [index_step('::-1'), Rv('K')]), (b234, [R([2, 3, 4])]),
        (b234, [index_step(':, None'), R([2, 1, 3, 4])]), (b234, [index_step(':, None'), R([2, 1, 3, 4], 'F')]),
        (b234, [index_step(':, :, None, ::2'), R([2, 3, 1, 2])]), (b234, [T(None), R([4, 3, 2], 'C', True)]),
    ]
    cases = []
    for i, (spec, ops) in enumerate(table):
        a = build_base(spec)
        tracker = Tracker(a)
        steps = []
        cur = a
        for step, fn in ops:
            step = dict(step)
            r = run_step(cur, fn, step, tracker, len(steps))
            steps.append(step)
            if r is None:
                break
            cur = r
        cases.append({'id': i, 'spec': True, 'base': spec, 'steps': steps})
    return cases


# ------------------------------------------------------------------------------------------ layout matrix

def view_fits(cur, to):
    """True when strided can express cur.view(to) (element-aligned byte strides and offset), as gen_view."""
    old, new = cur.itemsize, ITEMSIZE[to]
    strides, shape = list(cur.strides), list(cur.shape)
    if old != new:
        if cur.ndim == 0 or (shape[-1] != 1 and cur.size != 0 and strides[-1] != old) or (shape[-1] * old) % new:
            return True  # NumPy rejects it too: an error case
        strides[-1] = new
    return (ptr(cur) - owner_ptr(cur)) % new == 0 and all(x % new == 0 for x in strides)


def gen_matrix_cases():
    """Every view op on every layout kind (named, for readable unit tests)."""
    b234 = {'dtype': 'int16', 'shape': [2, 3, 4], 'order': 'C', 'values': list(range(-11, 13))}
    layouts = [
        ('contiguous', b234, []),
        ('fortran', dict(b234, order='F'), []),
        ('negative strides', b234, [index_step('::-1, :, ::-2')]),
        ('non-contiguous slice', b234, [index_step(':, ::2, 1:')]),
        ('transposed', b234, [({'op': 'transpose', 'axes': [2, 0, 1]}, lambda a: a.transpose(2, 0, 1))]),
        ('broadcast', {'dtype': 'int16', 'shape': [3, 1], 'order': 'C', 'values': [5, -6, 7]},
         [({'op': 'broadcast_to', 'shape': [2, 3, 4]}, lambda a: np.broadcast_to(a, (2, 3, 4)))]),
        ('size-1 axes', b234, [index_step(':1, None, 2:3')]),
        ('empty', b234, [index_step(':, 1:1')]),
        ('empty owner', {'dtype': 'int16', 'shape': [0, 3], 'order': 'C', 'values': []}, []),
        ('0-d view', b234, [index_step('1, 2, 3, ...')]),
        ('0-d owner', {'dtype': 'int16', 'shape': [], 'order': 'C', 'values': [-7]}, []),
        ('1-d strided', {'dtype': 'int16', 'shape': [10], 'order': 'C', 'values': list(range(10))}, [index_step('8:1:-3')]),
    ]

    def ops_for(cur):
        nd = cur.ndim
        ops = [
            ('index ::-1', index_step('::-1')), ('index ..., None', index_step('..., None')), ('index 0', index_step('0')),
            ('index 1:, ..., ::2', index_step('1:, ..., ::2')), ('index ()', index_step('')),
            ('T', ({'op': 'T'}, lambda a: a.T)),
            ('transpose rotate', ({'op': 'transpose', 'axes': list(range(1, nd)) + [0] if nd else []},
                                  lambda a: a.transpose(list(range(1, nd)) + [0] if nd else []))),
            ('swapaxes 0 -1', ({'op': 'swapaxes', 'a1': 0, 'a2': -1}, lambda a: a.swapaxes(0, -1))),
            ('moveaxis 0 -1', ({'op': 'moveaxis', 'src': 0, 'dst': -1}, lambda a: np.moveaxis(a, 0, -1))),
        ]
        for order in ['C', 'F', 'A']:
            ops.append(('reshape -1 ' + order, ({'op': 'reshape', 'shape': -1, 'order': order}, lambda a, o=order: a.reshape(-1, order=o))))
        ops.append(('reshape (size, 1)', ({'op': 'reshape', 'shape': [cur.size, 1], 'order': 'C'}, lambda a: a.reshape(a.size, 1))))
        ops.append(('reshape same shape', ({'op': 'reshape', 'shape': list(cur.shape), 'order': 'C'}, lambda a: a.reshape(a.shape))))
        ops.append(('reshape copy=False', ({'op': 'reshape', 'shape': [-1], 'order': 'C', 'copy': False},
                                           lambda a: a.reshape(-1, copy=False))))
        for order in ['C', 'F', 'A', 'K']:
            ops.append(('ravel ' + order, ({'op': 'ravel', 'order': order}, lambda a, o=order: a.ravel(o))))
            ops.append(('flatten ' + order, ({'op': 'flatten', 'order': order}, lambda a, o=order: a.flatten(o))))
            ops.append(('copy ' + order, ({'op': 'copy', 'order': order}, lambda a, o=order: a.copy(o))))
        ops += [
            ('squeeze', ({'op': 'squeeze', 'axis': None}, lambda a: a.squeeze())),
            ('expand_dims 0', ({'op': 'expand_dims', 'axis': 0}, lambda a: np.expand_dims(a, 0))),
            ('expand_dims -1', ({'op': 'expand_dims', 'axis': -1}, lambda a: np.expand_dims(a, -1))),
            ('flip all', ({'op': 'flip', 'axis': None}, lambda a: np.flip(a) if a.ndim else a[...])),
            ('flip 0', ({'op': 'flip', 'axis': 0}, lambda a: np.flip(a, 0))),
            ('broadcast_to (2, ...)', ({'op': 'broadcast_to', 'shape': [2] + list(cur.shape)}, lambda a: np.broadcast_to(a, (2,) + a.shape))),
            ('setflags read-only', ({'op': 'setflags', 'write': False}, (lambda a: (setattr(a.flags, 'writeable', False), a)[1]))),
        ]
        for to in ['uint16', 'int8', 'int32', 'float64']:
            if view_fits(cur, to):
                ops.append(('view ' + to, ({'op': 'view', 'dtype': to}, lambda a, t=to: a.view(t))))
        return ops

    cases = []
    for lname, spec, prep in layouts:
        a0 = build_base(spec)
        cur0 = a0
        for _, fn in prep:
            cur0 = result_of(fn, cur0)
        for oname, (ostep, ofn) in ops_for(cur0):
            a = build_base(spec)
            tracker = Tracker(a)
            steps = []
            cur = a
            for pstep, pfn in prep + [(ostep, ofn)]:
                step = dict(pstep)
                r = run_step(cur, pfn, step, tracker, len(steps))
                steps.append(step)
                if r is None:
                    break
                cur = r
            cases.append({'id': len(cases), 'layout': lname, 'name': oname, 'base': spec, 'steps': steps})
    return cases


# ------------------------------------------------------------------------------------------ take / compress

def gen_selection_cases(seed, count):
    rng = random.Random(seed)
    cases = []
    for i in range(count):
        spec, a = make_base(rng, ndim=rng.choice([1, 2, 2, 3]), zero_p=0.0)
        tracker = Tracker(a)
        steps = []
        cur = a
        if rng.random() < 0.6:
            for g in [rng.choice([gen_index, gen_transpose, gen_flip])]:
                made = g(rng, cur, False)
                if made is None:
                    continue
                step, fn = made
                r = run_step(cur, fn, step, tracker, 0)
                steps.append(step)
                cur = r
        nd = cur.ndim
        axis = None if (nd == 0 or rng.random() < 0.25) else rand_axis(rng, nd)
        if rng.random() < 0.08:
            axis = bad_axis(rng, max(nd, 1))
        n = cur.size if axis is None else (cur.shape[axis] if -nd <= axis < nd else 3)
        case = {'id': i, 'base': spec, 'steps': steps, 'axis': axis}
        if rng.random() < 0.55:
            case['fn'] = 'take'
            m = rng.choice([0, 1, 2, 3, 4]) if n > 0 else 0
            idx = [rng.randint(-n, n - 1) for _ in range(m)] if n > 0 else []
            if rng.random() < 0.1:
                idx.append(rng.choice([n, -n - 1]))
            as_array = len(idx) == 0 or rng.random() < 0.4
            ishape = [len(idx)]
            if as_array and len(idx) in (4, 6) and rng.random() < 0.5:
                ishape = [2, len(idx) // 2]
            case['indices'] = idx
            case['indexShape'] = ishape if as_array else None
            ind = np.array(idx, dtype=np.int64).reshape(ishape) if as_array else idx
            call = lambda: np.take(cur, ind, axis=axis)  # noqa: E731
        else:
            case['fn'] = 'compress'
            m = max(0, n + rng.choice([-2, -1, 0, 0, 0, 1]))
            cond = [rng.random() < 0.5 for _ in range(m)]
            if m > n and rng.random() < 0.5:
                cond[-1] = True
            case['condition'] = cond
            call = lambda: np.compress(cond, cur, axis=axis)  # noqa: E731
        try:
            r = call()
            case['expect'] = {'shape': list(r.shape), 'strides': list(r.strides), 'flags': flags_of(r), 'values': enc_values(r)}
        except Exception as e:  # noqa: BLE001
            case['error'] = {'numpy': type(e).__name__, 'message': str(e), 'ts': 'AxisError' if type(e).__name__ == 'AxisError' else 'IndexError'}
        cases.append(case)
    return cases


# ------------------------------------------------------------------------------------------ creation

def layout(r):
    return {'shape': list(r.shape), 'strides': list(r.strides), 'dtype': r.dtype.name, 'flags': flags_of(r), 'values': enc_values(r)}


def err(e):
    ts = {'OverflowError': 'OverflowError', 'TypeError': 'DTypeError'}.get(type(e).__name__, 'ValueError')
    return {'numpy': type(e).__name__, 'message': str(e), 'ts': ts}


def gen_creation_cases(seed):
    rng = random.Random(seed)
    out = {'arange': [], 'linspace': [], 'eye': [], 'filled': [], 'like': []}
    # arange: (start, stop, step) as numbers; strided's default dtype is float64, bigint arguments give int64
    arange_args = [
        [5], [0], [-3], [2, 9], [9, 2], [0, 1, 0.1], [0.1, 1, 0.3], [1, 2, 0.25], [10, 0, -3], [0, 10, 3],
        [-2.5, 2.5, 0.5], [0, 1e-3, 1e-4], [3, 3], [0.5, 5, 1.5], [1, -1, -0.4], [0, 5.5], [1e15, 1e15 + 8, 3],
    ]
    for args in arange_args:
        for dt in [None, 'float32', 'int32', 'int64', 'int8', 'uint16']:
            if dt is not None and np.dtype(dt).kind in 'iu' and any(x < 0 for x in args) and dt.startswith('u'):
                continue
            if dt == 'int8' and any(abs(x) > 100 for x in args):
                continue
            try:
                r = np.arange(*args, dtype=dt or 'float64')
                out['arange'].append({'args': args, 'dtype': dt, 'expect': layout(r)})
            except Exception as e:  # noqa: BLE001
                out['arange'].append({'args': args, 'dtype': dt, 'error': err(e)})
    for args in [[5], [2, 9], [10, 0, -3], [-4, 4, 3]]:
        r = np.arange(*args, dtype=np.int64)
        out['arange'].append({'args': [str(x) for x in args], 'bigint': True, 'dtype': None, 'expect': layout(r)})
    # linspace
    for (start, stop, num, endpoint) in [
        (0, 1, 5, True), (0, 1, 5, False), (-5, 0, 4, True), (1, 1, 3, True), (0, 1, 1, True), (0, 1, 0, True),
        (2, -3, 7, True), (0, 1e-310, 4, True), (0.1, 0.7, 7, False), (-1, 1, 50, True), (10, 0, 6, False),
    ]:
        for dt in [None, 'float32', 'int32', 'int16']:
            if dt in ('int32', 'int16') and abs(stop - start) < 1:
                continue
            r = np.linspace(start, stop, num, endpoint=endpoint, dtype=dt or 'float64')
            out['linspace'].append({'start': start, 'stop': stop, 'num': num, 'endpoint': endpoint, 'dtype': dt, 'expect': layout(r)})
    # eye
    for (n, m, k) in [(3, None, 0), (3, 4, 1), (4, 2, -1), (3, 3, 5), (0, None, 0), (2, 0, 0), (1, 1, 0), (4, 4, -3)]:
        for order in ['C', 'F']:
            for dt in [None, 'int32', 'bool']:
                r = np.eye(n, m, k=k, dtype=dt or 'float64', order=order)
                out['eye'].append({'n': n, 'm': m, 'k': k, 'order': order, 'dtype': dt, 'expect': layout(r)})
    # zeros / ones / empty / full (layout + values)
    for shape in [[], [0], [3], [2, 3], [0, 3], [3, 0, 2], [1, 4], [2, 1, 3], [2, 3, 4]]:
        for order in ['C', 'F']:
            for fn in ['zeros', 'ones', 'empty', 'full']:
                dt = rng.choice([None, 'int8', 'uint32', 'int64', 'float32', 'bool'])
                value = None
                if fn == 'full':
                    value = rng.choice([7, -2, 1.5, True]) if dt is None else (1 if dt == 'bool' else 5)
                if fn == 'full' and dt is None:
                    np_dt = 'bool' if isinstance(value, bool) else 'float64'
                else:
                    np_dt = dt or 'float64'
                if fn == 'zeros':
                    r = np.zeros(shape, dtype=np_dt, order=order)
                elif fn == 'ones':
                    r = np.ones(shape, dtype=np_dt, order=order)
                elif fn == 'empty':
                    r = np.zeros(shape, dtype=np_dt, order=order)  # values are not compared for empty
                else:
                    r = np.full(shape, value, dtype=np_dt, order=order)
                case = {'fn': fn, 'shape': shape, 'order': order, 'dtype': dt, 'expect': layout(r)}
                if fn == 'full':
                    case['value'] = value
                out['filled'].append(case)
    # *_like, copy(order), astype, array(ndarray): strides follow NumPy's KEEPORDER rules
    for i in range(60):
        spec, a = make_base(rng, dtypes=['int16', 'float64', 'int32', 'uint8'], ndim=rng.choice([1, 2, 3, 3]), zero_p=0.05)
        tracker = Tracker(a)
        steps = []
        cur = a
        for k in range(rng.choice([1, 2])):
            g = rng.choice([gen_index, gen_transpose, gen_flip, gen_broadcast, gen_swapaxes])
            made = g(rng, cur, False)
            if made is None:
                continue
            step, fn = made
            r = run_step(cur, fn, step, tracker, len(steps))
            steps.append(step)
            cur = r
        res = {}
        for name, f in [
            ('zerosLike', lambda x: np.zeros_like(x)), ('onesLike', lambda x: np.ones_like(x)),
            ('emptyLike', lambda x: np.zeros_like(x)), ('fullLike', lambda x: np.full_like(x, 3)),
            ('zerosLikeF', lambda x: np.zeros_like(x, order='F')), ('zerosLikeC', lambda x: np.zeros_like(x, order='C')),
            ('copyK', lambda x: x.copy('K')), ('copyA', lambda x: x.copy('A')), ('copyF', lambda x: x.copy('F')),
            ('copyC', lambda x: x.copy()), ('array', lambda x: np.array(x)), ('astypeF32', lambda x: x.astype(np.float32)),
            ('flattenK', lambda x: x.flatten('K')), ('ravelK', lambda x: x.ravel('K')),
        ]:
            r = f(cur)
            res[name] = layout(r)
            res[name]['owndata'] = bool(r.flags.owndata)
        out['like'].append({'id': i, 'base': spec, 'steps': steps, 'results': res})
    return out


# ------------------------------------------------------------------------------------------ main

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--seed', type=int, default=20240606)
    ap.add_argument('--count', type=int, default=650, help='number of random view chains')
    ap.add_argument('--fresh', action='store_true', help='only random chains (for the live fuzz test)')
    ap.add_argument('--stdout', action='store_true', help='print JSON to stdout instead of writing files')
    args = ap.parse_args()
    meta = {'numpy': np.__version__, 'target': NUMPY_TARGET, 'seed': args.seed}
    if args.fresh:
        obj = dict(meta, chains=gen_chains(args.seed, args.count))
        if args.stdout:
            json.dump(obj, sys.stdout, separators=(',', ':'), allow_nan=False)
            sys.stdout.write('\n')
        else:
            print(write_json(OUT_DIR, 'fresh.json', obj))
        return
    if np.__version__ != NUMPY_TARGET:
        print('warning: numpy %s, fixtures target %s' % (np.__version__, NUMPY_TARGET), file=sys.stderr)
    os.makedirs(OUT_DIR, exist_ok=True)
    files = {
        'chains.json': dict(meta, chains=gen_chains(args.seed, args.count)),
        'reshape.json': dict(meta, seed=args.seed + 1, cases=gen_reshape_cases(args.seed + 1, 260)),
        'selection.json': dict(meta, seed=args.seed + 2, cases=gen_selection_cases(args.seed + 2, 160)),
        'creation.json': dict(meta, seed=args.seed + 3, **gen_creation_cases(args.seed + 3)),
        'matrix.json': dict(meta, cases=gen_matrix_cases()),
    }
    if args.stdout:
        json.dump(files, sys.stdout, separators=(',', ':'), allow_nan=False)
        return
    for name, obj in files.items():
        p = write_json(OUT_DIR, name, obj)
        print('%s: %d bytes' % (os.path.relpath(p), os.path.getsize(p)))


if __name__ == '__main__':
    main()
