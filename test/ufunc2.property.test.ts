/** Properties of the second ufunc batch: where= equals a masked element loop; isclose equals NumPy's formula per element. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as core from '@strided/core'
import { NDArray, array, isclose, type DTypeName } from '@strided/core'

type Fn = (...args: unknown[]) => NDArray
const fn = (op: string): Fn => (core as unknown as Record<string, Fn>)[op]!
const UNARY: [string, DTypeName][] = [['sqrt', 'float64'], ['trunc', 'float32'], ['invert', 'int16'], ['isnan', 'float64'], ['reciprocal', 'int32'], ['arctan', 'float64'], ['signbit', 'int8'], ['round', 'float64']]
const BINARY: [string, DTypeName][] = [['add', 'int32'], ['hypot', 'float64'], ['leftShift', 'uint8'], ['fmod', 'int64'], ['copysign', 'float32'], ['less', 'float64'], ['heaviside', 'float64'], ['logaddexp', 'float32']]

const same = (a: unknown, b: unknown): boolean => (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b)) || Object.is(a, b)

/** A view of `shape` over a fresh base: contiguous, reversed, or every other element. */
function view(vals: number[], shape: number[], dt: DTypeName, layout: number): NDArray {
  const n = shape.reduce((p, q) => p * q, 1)
  const conv = (v: number): number | bigint | boolean => (dt === 'bool' ? v > 0 : dt === 'int64' || dt === 'uint64' ? BigInt(Math.trunc(v)) : v)
  const flat = Array.from({ length: n * 2 }, (_, i) => conv(vals[i % vals.length]!))
  const base = array(flat, { dtype: dt })
  const picked = layout === 0 ? base.slice(`:${n}`) : layout === 1 ? base.slice(`${n - 1}::-1`) : base.slice('::2')
  return picked.reshape(shape).copy().slice(shape.map(() => '::1').join(',') || '...')
}

describe('where= property: equal to computing everything, then keeping out where the mask is false', () => {
  it('unary and binary ops, random shapes, layouts, masks (broadcast), with and without out', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: UNARY.length + BINARY.length - 1 }),
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 0, maxLength: 3 }),
        fc.array(fc.double({ min: -50, max: 50, noNaN: false }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 2 }), fc.boolean(), fc.boolean(),
        (k, shape, vals, bits, layout, withOut, broadcastMask) => {
          const unary = k < UNARY.length
          const [op, dt] = unary ? UNARY[k]! : BINARY[k - UNARY.length]!
          const ints = dt !== 'float32' && dt !== 'float64'
          const v = ints ? vals.map((x) => (Number.isFinite(x) ? Math.round(Math.abs(x) % 9) : 1)) : vals
          const x = view(v, shape, dt, layout)
          const ins = unary ? [x] : [x, view(v.slice().reverse(), shape, dt, (layout + 1) % 3)]
          const mshape = broadcastMask && shape.length > 0 ? shape.slice(1) : shape
          const m = view(bits.map((b) => (b ? 1 : 0)), mshape, 'bool', 0)
          const full = fn(op)(...ins)
          const out = withOut ? (full.dtype === 'bool' ? fn('logicalNot')(full) : fn('add')(full, 1)) : undefined
          const before = out?.toFlatArray()
          const r = fn(op)(...ins, { where: m, ...(out ? { out } : {}) })
          const mb = core.broadcastTo(m, shape).toFlatArray()
          const got = r.toFlatArray()
          const all = full.toFlatArray()
          got.forEach((g, i) => {
            const want = mb[i] ? all[i] : before ? before[i] : (typeof all[i] === 'bigint' ? 0n : typeof all[i] === 'boolean' ? false : 0)
            if (!same(g, want)) throw new Error(`${op} [${i}] ${String(g)} vs ${String(want)}`)
          })
        },
      ),
      { numRuns: 300, seed: 20261203 },
    )
  })
})

describe('isclose property: NumPy\'s formula element by element', () => {
  it('float64 and float32 inputs, random tolerances and equalNan', () => {
    const special = fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, 1, 1 + 1e-6)
    const num = fc.oneof(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), special)
    fc.assert(
      fc.property(
        fc.array(fc.tuple(num, num), { minLength: 1, maxLength: 20 }),
        fc.constantFrom(1e-5, 0, 1e-3), fc.constantFrom(1e-8, 0, 1), fc.boolean(), fc.constantFrom<DTypeName>('float64', 'float32'),
        (pairs, rtol, atol, equalNan, dt) => {
          const a = array(pairs.map((p) => p[0]), { dtype: dt })
          const b = array(pairs.map((p) => p[1]), { dtype: dt })
          const r = isclose(a, b, { rtol, atol, equalNan }).toFlatArray() as boolean[]
          const f = dt === 'float32' ? Math.fround : (q: number): number => q
          const xs = a.toFlatArray() as number[]
          const ys = b.toFlatArray() as number[]
          xs.forEach((x, i) => {
            const y = ys[i]!
            const lhs = f(Math.abs(f(x - y)))
            const rhs = f(f(atol) + f(f(rtol) * Math.abs(y)))
            let want = (lhs <= rhs && Number.isFinite(y)) || x === y
            if (equalNan) want ||= Number.isNaN(x) && Number.isNaN(y)
            if (r[i] !== want) throw new Error(`[${i}] isclose(${x}, ${y}) = ${r[i]}, loop says ${want}`)
          })
        },
      ),
      { numRuns: 300, seed: 7 },
    )
  })
})
