#!/usr/bin/env python3
"""Golden data for strided's overlap checker (packages/core/src/overlap), from NumPy 2.4.6.

Views are built with numpy.lib.stride_tricks.as_strided on one base buffer and stored at the byte
level: itemsize, shape, byte strides, byte offset relative to the base buffer's first byte. Integers
beyond 2**53 are written as decimal strings so JavaScript can read them exactly.

Outcomes are 'no' / 'yes' / 'too-hard' (TooHardError) / 'overflow' (OverflowError) / 'error'
(the RuntimeError "Error in computing overlap" that internal_overlap raises when its int64 bound
sum overflows; strided reports that as 'overflow').

Usage:
  python3 scripts/gen_overlap_fixtures.py                 # writes test/fixtures/overlap/*.json
  python3 scripts/gen_overlap_fixtures.py --fresh 300 --seed 7   # fresh random pairs as JSON on stdout
"""
import argparse
import json
import os
import random
import sys

import numpy as np
from numpy.exceptions import TooHardError
from numpy.lib.array_utils import byte_bounds
from numpy.lib.stride_tricks import as_strided, sliding_window_view
from numpy._core._multiarray_tests import internal_overlap

BUDGETS = [-1, 0, 1, 2, 5]
SAFE = 2 ** 53
OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures', 'overlap')

# One base buffer for every random view (as_strided never touches the memory).
BASE = np.zeros(4096 // 8, dtype=np.int64).view(np.uint8)
BASE_ADDR = BASE.ctypes.data


def jint(v):
    v = int(v)
    return v if -SAFE <= v <= SAFE else str(v)


def make(base, off, itemsize, shape, strides):
    """as_strided view of `base` starting `off` bytes in, with the given byte layout."""
    first = base[off:off + itemsize].view(np.dtype('u%d' % itemsize) if itemsize > 1 else np.uint8)
    return as_strided(first, shape=tuple(shape), strides=tuple(strides))


def describe(arr, base_addr):
    return {
        'itemsize': arr.itemsize,
        'shape': [jint(n) for n in arr.shape],
        'strides': [jint(s) for s in arr.strides],
        'offset': jint(arr.ctypes.data - base_addr),
    }


def outcome(fn):
    try:
        return 'yes' if fn() else 'no'
    except TooHardError:
        return 'too-hard'
    except OverflowError:
        return 'overflow'
    except ValueError as e:  # internal_overlap reports its budget as ValueError
        if 'Exceeded max_work' in str(e):
            return 'too-hard'
        raise
    except RuntimeError as e:
        if 'Error in computing overlap' in str(e):
            return 'error'
        raise


def shares_all(a, b, budgets=BUDGETS):
    return {str(k): outcome(lambda: np.shares_memory(a, b, max_work=k)) for k in budgets}


def internal_all(v, budgets=BUDGETS):
    return {str(k): outcome(lambda: internal_overlap(v, max_work=k)) for k in budgets}


def pair_record(a, b, base_addr):
    return {
        'a': describe(a, base_addr),
        'b': describe(b, base_addr),
        'may': bool(np.may_share_memory(a, b)),
        'shares': shares_all(a, b),
    }


# ----------------------------------------------------------------------------------------------
# Random views

def random_view(rng, itemsize=None, hard=False):
    itemsize = itemsize or rng.choice([1, 2, 4, 8])
    ndim = rng.choice([1, 1, 2, 2, 3, 3, 4]) if not hard else rng.choice([2, 3, 3, 4, 4])
    shape, strides = [], []
    for _ in range(ndim):
        r = rng.random()
        n = 0 if r < 0.02 else (1 if r < 0.08 else rng.randint(2, 6 if not hard else 8))
        t = rng.random()
        if t < 0.08:
            s = 0
        elif t < 0.45:
            s = itemsize * rng.randint(-12, 12)
        else:
            s = rng.randint(-60, 60)
        shape.append(n)
        strides.append(s)
    off = rng.randint(0, 300)
    return make(BASE, off, itemsize, shape, strides)


def random_pair(rng):
    kind = rng.random()
    if kind < 0.55:
        a, b = random_view(rng), random_view(rng)
    elif kind < 0.85:
        a, b = random_view(rng, hard=True), random_view(rng, hard=True)
    else:
        # same layout, shifted: interleavings like x[::2] vs x[1::2]
        a = random_view(rng)
        b = make(BASE, describe(a, BASE_ADDR)['offset'] + rng.randint(-16, 16) + 32, a.itemsize, a.shape, a.strides)
    return a, b


def random_pairs(n, seed):
    rng = random.Random(seed)
    return [pair_record(*random_pair(rng), BASE_ADDR) for _ in range(n)]


def random_internal(n, seed):
    rng = random.Random(seed)
    out = []
    for i in range(n):
        v = random_view(rng, hard=(i % 2 == 1))
        out.append({'v': describe(v, BASE_ADDR), 'internal': internal_all(v)})
    return out


# ----------------------------------------------------------------------------------------------
# Spec §1.5 worked examples (each on its own base buffer)

def worked_examples():
    x = np.arange(10)
    y = np.arange(24).reshape(4, 6)
    b8 = np.arange(16, dtype=np.uint8)
    c = np.zeros(6, dtype=np.complex128)
    X = np.arange(80).reshape(4, 20).astype(np.int8)
    z = np.zeros(8, dtype=np.int8)
    ex = [
        (1, 'x[::2] vs x[1::2]', x, x[::2], x[1::2]),
        (2, 'x[:5] vs x[5:]', x, x[:5], x[5:]),
        (3, 'x[:6] vs x[5:]', x, x[:6], x[5:]),
        (4, 'x vs x[::-1]', x, x, x[::-1]),
        (5, 'x[:5] vs x[9:4:-1]', x, x[:5], x[9:4:-1]),
        (6, 'x[:5] vs x[4::-1]', x, x[:5], x[4::-1]),
        (7, 'y[:, ::2] vs y[:, 1::2]', y, y[:, ::2], y[:, 1::2]),
        (8, 'y[::2] vs y[1::2]', y, y[::2], y[1::2]),
        (9, 'y[:, :3] vs y[:, 3:]', y, y[:, :3], y[:, 3:]),
        (10, 'y[:, :4] vs y[:, 3:]', y, y[:, :4], y[:, 3:]),
        (11, 'y vs y.T', y, y, y.T),
        (12, 'y[:, 0] vs y[0, :]', y, y[:, 0], y[0, :]),
        (13, 'y[1:, 0] vs y[0, 1:]', y, y[1:, 0], y[0, 1:]),
        (14, "b8.view('<u4')[0:1] vs b8[3:4]", b8, b8.view('<u4')[0:1], b8[3:4]),
        (15, "b8.view('<u4')[0:1] vs b8[4:5]", b8, b8.view('<u4')[0:1], b8[4:5]),
        (16, "b8.view('<u2')[::2] vs b8[2::4]", b8, b8.view('<u2')[::2], b8[2::4]),
        (17, "b8.view('<u2')[::2] vs b8[1::4]", b8, b8.view('<u2')[::2], b8[1::4]),
        (18, 'c.real vs c.imag', c, c.real, c.imag),
        (19, 'c.real vs c.imag[1:]', c, c.real, c.imag[1:]),
        (20, 'windows as_strided(x,(8,3),(8,8))[:,0] vs [:,2]', x,
         as_strided(x, (8, 3), (8, 8))[:, 0], as_strided(x, (8, 3), (8, 8))[:, 2]),
        (21, 'x[3:3] vs x', x, x[3:3], x),
        (22, 'x vs x.copy()', x, x, x.copy()),
        (23, 'int8 X[:, ::7] vs X[:, 3::3]', X, X[:, ::7], X[:, 3::3]),
        (24, 'as_strided(z,(2,2),(2**62,2**62-1)) vs as_strided(z[1:],(2,2),(2**62-3,3))', z,
         as_strided(z, (2, 2), (2 ** 62, 2 ** 62 - 1)), as_strided(z[1:], (2, 2), (2 ** 62 - 3, 3))),
    ]
    out = []
    for num, name, base, a, b in ex:
        addr = base.ctypes.data
        same = num != 22
        out.append({
            'id': num, 'name': name, 'sameBuffer': same,
            'a': describe(a, addr), 'b': describe(b, addr if same else b.ctypes.data),
            'may': bool(np.may_share_memory(a, b)),
            'shares': shares_all(a, b, [-1, -2, 0, 1, 2, 5, 6, 100]),
        })
    return out


# ----------------------------------------------------------------------------------------------
# Overflow and giant-stride cases (positive strides only: NumPy adds offsets to real addresses
# modulo 2**64, so extents reaching below address 0 would depend on where the buffer lives).

def overflow_cases():
    z = np.zeros(8, dtype=np.int8)
    addr = z.ctypes.data
    P = 2 ** 62
    pairs = [
        ('spec #24', as_strided(z, (2, 2), (P, P - 1)), as_strided(z[1:], (2, 2), (P - 3, 3))),
        ('s*(n-1) = 2^63 wraps negative (extent below address 0)', as_strided(z, (3,), (P,)), as_strided(z[1:], (3,), (P,))),
        ('RHS just fits', as_strided(z, (2, 2), (P, P - 1)), as_strided(z, (1,), (0,))),
        ('merged bound overflow', as_strided(z, (2 ** 62 + 1,), (1,)), as_strided(z[1:], (2 ** 62 + 1,), (1,))),
        ('three giant terms', as_strided(z, (2, 2, 2), (P // 2, P // 2 - 1, P // 2 - 3)),
         as_strided(z[1:], (2, 2), (P // 2 - 5, 7))),
        ('giant but decidable', as_strided(z, (2,), (P,)), as_strided(z[1:], (2,), (P,))),
        ('giant shared', as_strided(z, (2, 3), (P, 3)), as_strided(z[3:], (2,), (P,))),
        ('giant no', as_strided(z, (2, 3), (P, 3)), as_strided(z[1:], (2,), (P,))),
        # int64 wrapping of per-axis offsets (address-independent for any real buffer address)
        ('INT64_MIN stride, 3 items (offset wraps to 0)', as_strided(z, (3,), (-2 ** 63,)), z[:4]),
        ('INT64_MIN stride, 2 items (extent below address 0)', as_strided(z, (2,), (-2 ** 63,)), z[:4]),
        ('RHS above int64 (span > 2^63)', as_strided(z, (2, 2), (2 ** 63 - 2, -1000)), as_strided(z, (2, 2), (2 ** 63 - 2, -1000))),
        ('offset wraps to -2', as_strided(z, (3,), (2 ** 63 - 1,)), as_strided(z[1:], (3,), (2 ** 63 - 1,))),
        ('upper wraps past 2^63', as_strided(z, (2,), (2 ** 63 - 1,)), as_strided(z[1:], (2,), (2 ** 63 - 1,))),
        ('big itemsize-free solve', as_strided(z, (1000, 3), (2 ** 40 + 7, 2 ** 41 + 3)),
         as_strided(z[2:], (999, 2), (2 ** 40 + 7, 5))),
    ]
    out = []
    for name, a, b in pairs:
        out.append({'name': name, 'a': describe(a, addr), 'b': describe(b, addr),
                    'may': bool(np.may_share_memory(a, b)), 'shares': shares_all(a, b)})
    internals = [
        ('bound sum overflow (RuntimeError in NumPy)', as_strided(z, (3,), (P,))),
        ('U_j overflow', as_strided(z, (2, 2, 2), (P, P - 1, P - 3))),
        ('INT64_MIN stride', as_strided(z, (2, 2), (-2 ** 63, 1))),
        ('INT64_MIN stride on a length-1 axis', as_strided(z, (1, 2), (-2 ** 63, 1))),
        ('giant stride, no overlap', as_strided(z, (2, 2), (P, 1))),
        ('giant strides aliasing', as_strided(z, (2, 2), (P, P // 2))),
    ]
    ints = [{'name': name, 'v': describe(v, addr), 'internal': internal_all(v)} for name, v in internals]
    return out, ints


# ----------------------------------------------------------------------------------------------
# Element-level descriptor cases: real NumPy views (slices, transposes, broadcasts, windows) of one
# aligned buffer, described as dtype / element strides / element offset.

DTYPES = ['uint8', 'int16', 'int32', 'float32', 'float64', 'int64']


def random_array_view(rng, base):
    dt = np.dtype(rng.choice(DTYPES))
    flat = base.view(dt)
    n = flat.size
    nd = rng.choice([1, 2, 2, 3])
    dims = [rng.randint(1, 7) for _ in range(nd)]
    while int(np.prod(dims)) > n:
        dims[rng.randrange(nd)] = 1
    size = int(np.prod(dims))
    start = rng.randint(0, (n - size) // 4)
    arr = flat[start:start + size].reshape(dims)
    # random basic slicing
    idx = []
    for d in arr.shape:
        step = rng.choice([1, 1, 2, 3, -1, -2])
        a, b = rng.randint(0, d), rng.randint(0, d)
        lo, hi = min(a, b), max(a, b) + 1
        if rng.random() < 0.1:
            lo = hi = a  # empty
        idx.append(slice(lo, hi, step) if step > 0 else slice(hi - 1, (lo - 1) if lo > 0 else None, step))
    arr = arr[tuple(idx)]
    r = rng.random()
    if r < 0.15:
        arr = arr.T
    elif r < 0.25 and arr.ndim >= 1:
        arr = np.broadcast_to(arr, (rng.randint(2, 4),) + arr.shape)
    elif r < 0.32 and arr.ndim == 1 and arr.shape[0] >= 3:
        arr = sliding_window_view(arr, 3)
    return arr


def describe_elem(arr, base_addr):
    isz = arr.itemsize
    off = arr.ctypes.data - base_addr
    assert off % isz == 0 and all(s % isz == 0 for s in arr.strides)
    lo, hi = byte_bounds(arr)
    return {
        'dtype': arr.dtype.name, 'shape': list(arr.shape), 'strides': [s // isz for s in arr.strides],
        'offset': off // isz, 'byteBounds': [lo - base_addr, hi - base_addr],
    }


def descriptor_cases(n, seed):
    rng = random.Random(seed)
    base = np.zeros(256 // 8, dtype=np.int64).view(np.uint8)
    addr = base.ctypes.data
    out = []
    for _ in range(n):
        a, b = random_array_view(rng, base), random_array_view(rng, base)
        out.append({
            'a': describe_elem(a, addr), 'b': describe_elem(b, addr),
            'may': bool(np.may_share_memory(a, b)),
            'shares': shares_all(a, b, [-1, 1]),
            'internalA': outcome(lambda: internal_overlap(a)),
        })
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--fresh', type=int, default=0, help='print N fresh random pairs (and N/3 internal cases) as JSON')
    ap.add_argument('--seed', type=int, default=12345)
    ap.add_argument('--out', default=OUT_DIR)
    args = ap.parse_args()
    if args.fresh:
        json.dump({'numpy': np.__version__, 'pairs': random_pairs(args.fresh, args.seed),
                   'internal': random_internal(max(1, args.fresh // 3), args.seed + 1)}, sys.stdout)
        return
    os.makedirs(args.out, exist_ok=True)
    ovf, ovf_int = overflow_cases()
    files = {
        'worked-examples.json': {'cases': worked_examples()},
        'random-pairs.json': {'cases': random_pairs(3000, 20240601)},
        'internal.json': {'cases': random_internal(1500, 20240602)},
        'overflow.json': {'pairs': ovf, 'internal': ovf_int},
        'descriptors.json': {'cases': descriptor_cases(1000, 20240603)},
    }
    for name, body in files.items():
        body = {'generator': 'scripts/gen_overlap_fixtures.py', 'numpy': np.__version__, **body}
        with open(os.path.join(args.out, name), 'w') as f:
            json.dump(body, f, separators=(',', ':'))
            f.write('\n')
        print(name, os.path.getsize(os.path.join(args.out, name)), 'bytes', file=sys.stderr)


if __name__ == '__main__':
    main()
