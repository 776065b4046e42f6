/** copyInto: casts, blocked transposes, copy-first overlap semantics, NumPy's write order for overlapping dsts. */
import { describe, expect, it } from 'vitest'
import { DTYPE_NAMES, NDArray, arange, asStrided, zeros, type DTypeName } from '@strided/core'
import { copyInto } from '@strided/core/internal'
import { castStored } from '../packages/core/src/scalar.js'

const EDGE = [0, 1, -1, 2.5, -2.75, 127, 128, -129, 255, 256, 65535, 1e10, -3e9, 4294967295, NaN, Infinity, -Infinity, -0]

function filled(shape: number[], dt: DTypeName, seed = 1): NDArray {
  const a = NDArray.alloc(shape, dt)
  const d = a.data.subarray(a.offset) as unknown as Record<number, number | bigint>
  let s = seed
  for (let i = 0; i < a.size; i++) {
    s = (s * 1103515245 + 12345) % 2147483648
    const v = i < EDGE.length ? EDGE[(i + seed) % EDGE.length]! : (s % 2001) - 1000 + (s % 7) / 8
    d[i] = castStored(Number.isFinite(v) || DTYPES_FLOAT.has(dt) ? v : 0, 'float64', dt)
  }
  return a
}
const DTYPES_FLOAT = new Set<DTypeName>(['float32', 'float64'])

/** Independent reference: element by element in C order with the foundation's castStored. */
function reference(dst: NDArray, src: NDArray): (number | bigint)[] {
  const s = src.data as unknown as Record<number, number | bigint>
  const out: (number | bigint)[] = []
  const rec = (axis: number, off: number): void => {
    if (axis === src.ndim) { out.push(castStored(s[off]!, src.dtype, dst.dtype)); return }
    for (let k = 0; k < src.shape[axis]!; k++) rec(axis + 1, off + k * src.strides[axis]!)
  }
  rec(0, src.offset)
  // read the stored values back through a typed array of dst's dtype (store conversion)
  const tmp = NDArray.alloc([out.length], dst.dtype)
  const td = tmp.data.subarray(tmp.offset, tmp.offset + out.length)
  out.forEach((v, i) => { (td as unknown as Record<number, number | bigint>)[i] = v })
  return Array.from(td as unknown as ArrayLike<number | bigint>)
}

function stored(a: NDArray): (number | bigint)[] {
  const d = a.data as unknown as Record<number, number | bigint>
  const out: (number | bigint)[] = []
  const rec = (axis: number, off: number): void => {
    if (axis === a.ndim) { out.push(d[off]!); return }
    for (let k = 0; k < a.shape[axis]!; k++) rec(axis + 1, off + k * a.strides[axis]!)
  }
  rec(0, a.offset)
  return out
}

const layouts: ((a: NDArray) => NDArray)[] = [
  (a) => a,
  (a) => a.T,
  (a) => a.flip(),
  (a) => a.slice('::2, 1:'),
  (a) => a.slice('::-3, ::2').T,
]

describe('casts between all 11×11 dtype pairs', () => {
  it('match the C-cast reference for every layout pair', () => {
    for (const from of DTYPE_NAMES) {
      for (const to of DTYPE_NAMES) {
        if ((from === 'int64' || from === 'uint64') && to === 'float32') continue // single rounding, tested below
        const src0 = filled([7, 9], from, from.length + to.length)
        for (const [li, lay] of layouts.entries()) {
          const src = lay(src0)
          for (const order of ['C', 'F'] as const) {
            const dst = NDArray.alloc(src.shape, to, order)
            copyInto(dst, src)
            expect(stored(dst), `${from} → ${to}, layout ${li}, dst ${order}`).toEqual(reference(dst, src))
          }
        }
      }
    }
  })
  it('int64/uint64 → float32 round once, like NumPy (no double rounding)', () => {
    const v = zeros([6], { dtype: 'int64' })
    ;[2n ** 60n + 2n ** 36n + 1n, 2n ** 60n + 2n ** 36n, -(2n ** 62n + 2n ** 38n + 5n), 2n ** 53n + 1n, 2n ** 63n - 1n, -(2n ** 63n)].forEach((x, i) => v.set(i, x))
    expect(v.astype('float32').toArray()).toEqual([1.1529216420458004e+18, 1.152921504606847e+18, -4.611686568183202e+18, 9007199254740992.0, 9.223372036854776e+18, -9.223372036854776e+18])
    const u = zeros([4], { dtype: 'uint64' })
    ;[2n ** 64n - 1n, 2n ** 63n + 2n ** 39n + 1n, 2n ** 63n + 2n ** 39n, 12345678901234567n].forEach((x, i) => u.set(i, x))
    expect(u.astype('float32').toArray()).toEqual([1.8446744073709552e+19, 9.223373136366404e+18, 9.223372036854776e+18, 1.2345678407663616e+16])
  })
  it('anything → bool is "non-zero" (NaN is true)', () => {
    const a = arange(-2, 3).astype('float32')
    a.set(0, NaN)
    expect(a.astype('bool').toArray()).toEqual([true, true, false, true, true])
    expect(arange(-2n, 3n).astype('bool').toArray()).toEqual([true, true, false, true, true])
    expect(arange(0, 512, 128, { dtype: 'int32' }).astype('uint8').astype('bool').toArray()).toEqual([false, true, false, true])
  })
})

describe('blocked transposes', () => {
  it('2-d and 3-d permutations, odd sizes, negative strides, equal the reference', () => {
    for (const shape of [[1, 1], [3, 70], [33, 65], [64, 64], [100, 37], [5, 40, 33], [17, 9, 70]]) {
      for (const dt of ['float64', 'float32', 'int8', 'bool', 'int64', 'uint16'] as DTypeName[]) {
        const a = filled(shape, dt, shape[0]!)
        const nd = shape.length
        const perms = nd === 2 ? [[1, 0]] : [[2, 1, 0], [0, 2, 1], [1, 2, 0], [2, 0, 1]]
        for (const p of perms) {
          for (const v of [a.transpose(p), a.transpose(p).flip(0), a.flip(nd - 1).transpose(p)]) {
            const c = v.copy()
            expect(c.flags.cContiguous).toBe(true)
            expect(stored(c), `${dt} (${shape}) perm ${p}`).toEqual(stored(v))
            const f = v.copy('F')
            expect(stored(f)).toEqual(stored(v))
          }
        }
      }
    }
  })
  it('a 1000×1000 float64 transpose', () => {
    const a = arange(1e6).reshape([1000, 1000])
    const t = a.T.copy()
    expect(t.get(3, 7)).toBe(7 * 1000 + 3)
    expect(t.get(999, 0)).toBe(999)
    expect(t.get(517, 903)).toBe(903 * 1000 + 517)
  })
})

describe('copy-first semantics when dst aliases src', () => {
  it('a[1:] = a[:-1] shifts; a[:-1] = a[1:] shifts back', () => {
    const a = arange(8)
    a.slice('1:').assign(a.slice(':-1'))
    expect(a.toArray()).toEqual([0, 0, 1, 2, 3, 4, 5, 6])
    const b = arange(8)
    b.slice(':-1').assign(b.slice('1:'))
    expect(b.toArray()).toEqual([1, 2, 3, 4, 5, 6, 7, 7])
  })
  it('reversal and transposition in place', () => {
    const a = arange(9)
    a.assign(a.slice('::-1'))
    expect(a.toArray()).toEqual([8, 7, 6, 5, 4, 3, 2, 1, 0])
    const m = arange(12).reshape([3, 4]).slice(':, :3')
    m.assign(m.T)
    expect(m.toArray()).toEqual([[0, 4, 8], [1, 5, 9], [2, 6, 10]])
  })
  it('a different dtype over the same bytes', () => {
    const a = arange(4, { dtype: 'int32' })
    const f = a.view('float32')
    copyInto(f, a) // reads all int32 values before writing their float32 bit patterns
    expect(f.toArray()).toEqual([0, 1, 2, 3])
  })
})

describe('destinations with internal overlap: NumPy write order, last write wins', () => {
  it('stride-0 destination', () => {
    const x = zeros(3)
    asStrided(x, { shape: [3], strides: [0], writeable: true }).assign(arange(1, 4))
    expect(x.toArray()).toEqual([3, 0, 0])
  })
  it('sliding windows, reversed windows and odd stride orders', () => {
    const src = arange(6).reshape([3, 2])
    const x = zeros(4)
    copyInto(asStrided(x, { shape: [3, 2], strides: [1, 1], writeable: true }), mul10(src))
    expect(x.toArray()).toEqual([0, 20, 40, 50])
    const y = zeros(4)
    copyInto(asStrided(y, { shape: [3, 2], strides: [1, 1], writeable: true }).flip(0), mul10(src))
    expect(y.toArray()).toEqual([40, 20, 0, 10])
    const z = zeros(5)
    copyInto(asStrided(z, { shape: [3, 2], strides: [1, 2], writeable: true }), mul10(src))
    expect(z.toArray()).toEqual([0, 20, 10, 30, 50])
    const w = zeros(5)
    copyInto(asStrided(w, { shape: [2, 3], strides: [2, 1], writeable: true }), mul10(arange(6).reshape([2, 3])))
    expect(w.toArray()).toEqual([0, 10, 30, 40, 50])
  })
})

function mul10(a: NDArray): NDArray {
  const c = a.copy()
  const d = (c.data as Float64Array).subarray(c.offset, c.offset + c.size)
  for (let i = 0; i < d.length; i++) d[i] = d[i]! * 10
  return c
}

describe('NDArray methods built on copyInto', () => {
  it('copy orders, astype, flatten, copying reshape', () => {
    const a = arange(24).reshape([2, 3, 4]).transpose([1, 0, 2])
    expect(a.copy('F').strides).toEqual([1, 3, 6])
    expect(a.copy().toArray()).toEqual(a.toArray())
    expect(a.astype('int16').toArray()).toEqual(a.toArray())
    expect(a.flatten().toArray()).toEqual(a.toFlatArray())
    expect(a.reshape([6, 4]).toFlatArray()).toEqual(a.toFlatArray())
    expect(copyInto.length).toBe(2)
    expect(() => copyInto(zeros(3), zeros(4))).toThrow(/does not match/)
  })
})
