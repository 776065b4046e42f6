/** The second ufunc batch on the worker pool (2 threads, every job split): the same bits as the inline calls, also with where=. */
import { afterAll, describe, expect, it } from 'vitest'
import * as core from '@strided/core'
import { NDArray, random, full, type Scalar } from '@strided/core'
import { Runtime } from '@strided/workers'

const rt = new Runtime({ threads: 2, inlineThreshold: 0 })
afterAll(async () => { await rt.close() })

function bits(x: NDArray | Scalar): string {
  if (!(x instanceof NDArray)) return String(x)
  const b = x.toFlatArray().map((v) => (Object.is(v, -0) ? '-0' : String(v))).join(',')
  return `${x.dtype}(${x.shape.join(',')}):${b}`
}

type Fn = (...args: unknown[]) => NDArray
const inline = (op: string): Fn => (core as unknown as Record<string, Fn>)[op]!
const pooled = (op: string): ((...args: unknown[]) => Promise<NDArray>) => (rt as unknown as Record<string, (...a: unknown[]) => Promise<NDArray>>)[op]!.bind(rt)

const NEW_UNARY = ['isnan', 'isinf', 'isfinite', 'signbit', 'round', 'trunc', 'fix', 'reciprocal', 'invert', 'sinh', 'cosh', 'arcsin', 'arccos',
  'arctan', 'arcsinh', 'arccosh', 'arctanh', 'exp2', 'log2', 'log10', 'cbrt', 'deg2rad', 'rad2deg', 'positive', 'conjugate']
const NEW_BINARY = ['leftShift', 'rightShift', 'arctan2', 'hypot', 'fmod', 'remainder', 'copysign', 'nextafter', 'logaddexp', 'logaddexp2', 'heaviside', 'floatPower']

/** float64 values with specials, an int32 and a uint8 copy; a C, a reversed and a transposed layout of each. */
function inputs(seed: number): NDArray[] {
  const x = random.normal([40, 30], { seed })
  const xs = core.multiply(x, 20)
  xs.set(0, 0, NaN); xs.set(1, 1, -0); xs.set(2, 2, Infinity); xs.set(3, 3, -Infinity)
  const i32 = core.trunc(xs.slice('4:, :')).astype('int32')
  const u8 = core.abs(i32).astype('uint8')
  const out: NDArray[] = []
  for (const a of [xs, i32, u8]) out.push(a, a.slice('::-1, ::-1'), a.T)
  return out
}

describe('Runtime: the new ufuncs are pool methods with inline results, bit for bit', () => {
  it('every new op is a Runtime method', () => {
    for (const op of [...NEW_UNARY, ...NEW_BINARY]) expect(typeof (rt as unknown as Record<string, unknown>)[op], op).toBe('function')
  })
  it('unary ops (round with decimals) over dtypes and layouts', async () => {
    for (const a of inputs(1)) {
      for (const op of NEW_UNARY) {
        const opts = op === 'round' ? { decimals: a.dtype === 'float64' ? 2 : -1 } : a.dtype === 'uint8' && op !== 'isnan' ? { dtype: 'float64' } : {}
        let want: string
        try { want = bits(inline(op)(a, opts)) } catch (e) { want = (e as Error).name }
        let got: string
        try { got = bits(await pooled(op)(a, opts)) } catch (e) { got = (e as Error).name }
        expect(got, `${op} ${a.dtype} ${a.strides}`).toBe(want)
      }
    }
  })
  it('binary ops with broadcasting and scalars', async () => {
    const xs = inputs(2)
    const ys = inputs(3)
    for (let k = 0; k < xs.length; k++) {
      const a = xs[k]!
      for (const op of NEW_BINARY) {
        for (const b of [ys[(k + 2) % ys.length]!, ys[k]!.slice('0:1, :'), 3]) {
          if (b instanceof NDArray && b.shape[1] !== a.shape[1]) continue
          let want: string
          try { want = bits(inline(op)(a, b)) } catch (e) { want = (e as Error).name }
          let got: string
          try { got = bits(await pooled(op)(a, b)) } catch (e) { got = (e as Error).name }
          expect(got, `${op} ${a.dtype} ${b instanceof NDArray ? b.dtype : b}`).toBe(want)
        }
      }
    }
  })
  it('where= (with and without out) for new and existing ops', async () => {
    const [x] = inputs(4)
    const m = core.greater(random.uniform([40, 30], { seed: 9 }), 0.4)
    const mRow = m.slice('0, :')
    for (const op of ['hypot', 'add', 'arctan2', 'less', 'sqrt', 'round', 'isnan', 'exp']) {
      for (const mask of [m, mRow, false]) {
        const args = ['hypot', 'add', 'arctan2', 'less'].includes(op) ? [x!, 1.5] : [x!]
        const w = inline(op)(...args, { where: mask })
        const p = await pooled(op)(...args, { where: mask })
        expect(bits(p), `${op} fresh`).toBe(bits(w))
        const o1 = full(w.shape, 7, { dtype: w.dtype === 'bool' ? 'bool' : 'float64' })
        const o2 = o1.copy()
        inline(op)(...args, { where: mask, out: o1 })
        await pooled(op)(...args, { where: mask, out: o2 })
        expect(bits(o2), `${op} out`).toBe(bits(o1))
      }
    }
    // the jobs really ran on the threads (inlineThreshold 0: every job is split into shares)
    expect(rt.pool!.completed).toBeGreaterThan(100)
  })
})
