/**
 * float16 against NumPy 2.4.6 (test/fixtures/float16.json, from scripts/gen_float16_fixtures.py): rounding of
 * doubles to half (ties, thresholds), ufuncs over float16 arrays and partners, reductions, casts, printing.
 * The encoding emulation is checked here on every engine; where the engine has a native Float16Array the
 * encode cases run through it too.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as core from '@strided/core'
import { NDArray, array, repr, str, type DTypeName, type Scalar } from '@strided/core'
import { HAS_NATIVE_FLOAT16, fromHalfBits, toHalfBits, toHalfBitsEmulated, useNativeFloat16 } from '@strided/core/internal'

type Enc = string | number | boolean
interface Result { dtype: string; shape: number[]; bits?: number[]; values?: Enc[] }
interface ArraySpec { dtype: DTypeName; bits?: number[]; values?: Enc[]; base: number[]; view: [string, unknown][] }
interface Fixture {
  encode: [Enc, number][]
  ufunc: { op: string; inputs: (ArraySpec | { scalar: number })[]; expect: Result }[]
  reduceInputs: { base: number[]; bits: number[] }[]
  reduce: { op: string; axis: number | null; input: number; view: [string, unknown][]; expect: Result }[]
  cast: { from: DTypeName; to: DTypeName; bits?: number[]; values?: Enc[]; expect: Result }[]
  repr: { bits: number[]; shape: number[]; repr: string; str: string }[]
  scalars: { bits: number; str: string; repr: string }[]
}
const F = JSON.parse(readFileSync(new URL('./fixtures/float16.json', import.meta.url), 'utf8')) as Fixture

function num(v: Enc): number {
  if (v === 'nan') return NaN
  if (v === 'inf') return Infinity
  if (v === '-inf') return -Infinity
  return typeof v === 'boolean' ? Number(v) : Number(v)
}

function scalarOf(v: Enc, dt: string): Scalar {
  if (dt === 'bool') return v as boolean
  if (dt === 'int64' || dt === 'uint64') return BigInt(v as number | string)
  return num(v)
}

function halfArray(bitsList: number[], shape: number[]): NDArray {
  const a = core.zeros(shape, { dtype: 'float16' })
  const d = a.data as Uint16Array
  bitsList.forEach((b, i) => { d[a.offset + i] = b })
  return a
}

function build(spec: ArraySpec): NDArray {
  const base = spec.bits !== undefined
    ? halfArray(spec.bits, spec.base)
    : array(spec.values!.map((v) => scalarOf(v, spec.dtype)), { dtype: spec.dtype }).reshape(spec.base)
  return view(base, spec.view)
}

function view(a: NDArray, steps: [string, unknown][]): NDArray {
  let v = a
  for (const [kind, arg] of steps) v = kind === 'slice' ? v.slice(arg as string) : v.transpose(arg as number[])
  return v
}

/** Half bits of every element (C order), NaNs canonicalised: NumPy and strided may differ in NaN payloads. */
function halfBits(a: NDArray): number[] {
  return a.toFlatArray().map((v) => (Number.isNaN(v as number) ? 0x7e00 : toHalfBits(v as number)))
}
const canon = (bs: number[]): number[] => bs.map((b) => ((b & 0x7c00) === 0x7c00 && (b & 0x3ff) !== 0 ? 0x7e00 : b))

/** Float32 results of libm functions may differ from NumPy's SIMD float32 loops by an ULP or two. */
const LIBM = new Set(['power', 'arctan2', 'hypot', 'logaddexp', 'logaddexp2', 'exp', 'expm1', 'log', 'log1p', 'sin', 'cos', 'tan',
  'tanh', 'sinh', 'cosh', 'arcsin', 'arccos', 'arctan', 'arcsinh', 'arccosh', 'arctanh', 'exp2', 'log2', 'log10', 'cbrt'])
const f32 = new Float32Array(1)
const u32 = new Int32Array(f32.buffer)
function ulps32(x: number, y: number): number {
  if (Number.isNaN(x) && Number.isNaN(y)) return 0
  if (x === y) return 0
  f32[0] = x; const a = u32[0]!
  f32[0] = y; const b = u32[0]!
  return (a < 0) !== (b < 0) ? Infinity : Math.abs(a - b)
}

function check(r: NDArray | Scalar, want: Result, label: string, op = ''): void {
  if (r instanceof NDArray && r.dtype === 'float32' && want.dtype === 'float32' && LIBM.has(op)) {
    expect([...r.shape], label).toEqual(want.shape)
    r.toFlatArray().forEach((g, i) => expect(ulps32(g as number, num(want.values![i]!)), `${label} [${i}]`).toBeLessThanOrEqual(2))
    return
  }
  if (!(r instanceof NDArray)) {
    // a scalar result: compare as a 0-d array of the expected dtype
    expect(want.shape, label).toEqual([])
    if (want.bits !== undefined) expect(canon([Number.isNaN(r as number) ? 0x7e00 : toHalfBits(r as number)]), label).toEqual(canon(want.bits))
    else expect(String(r), label).toBe(String(scalarOf(want.values![0]!, want.dtype)))
    return
  }
  expect(r.dtype, label).toBe(want.dtype)
  expect([...r.shape], label).toEqual(want.shape)
  if (want.bits !== undefined) expect(canon(halfBits(r)), label).toEqual(canon(want.bits))
  else expect(r.toFlatArray().map(String), label).toEqual(want.values!.map((v) => String(scalarOf(v, want.dtype))))
}

describe('float16 rounding (np.float16(x))', () => {
  it('the emulation rounds every case as NumPy does (ties to even, overflow, subnormals)', () => {
    for (const [x, want] of F.encode) {
      const got = toHalfBitsEmulated(num(x))
      if (Number.isNaN(num(x))) expect((got & 0x7c00) === 0x7c00 && (got & 0x3ff) !== 0).toBe(true)
      else expect(got, String(x)).toBe(want)
    }
  })
  it.skipIf(!HAS_NATIVE_FLOAT16)('the native Float16Array path agrees', () => {
    useNativeFloat16(true)
    for (const [x, want] of F.encode) if (!Number.isNaN(num(x))) expect(toHalfBits(num(x)), String(x)).toBe(want)
  })
})

describe('float16 ufuncs (NumPy goldens)', () => {
  it('every case: result dtype, shape and half bits', () => {
    const bad: string[] = []
    for (const c of F.ufunc) {
      const args = c.inputs.map((i) => ('scalar' in i ? i.scalar : build(i)))
      const fn = (core as unknown as Record<string, (...a: unknown[]) => NDArray>)[c.op]!
      try {
        check(fn(...args), c.expect, `${c.op}(${c.inputs.map((i) => ('scalar' in i ? i.scalar : i.dtype)).join(', ')})`, c.op)
      } catch (e) { bad.push((e as Error).message.split('\n')[0]!) }
    }
    expect(bad).toEqual([])
  })
})

describe('float16 reductions (NumPy goldens)', () => {
  const exact = new Set(['sum', 'mean', 'min', 'max', 'argmin', 'argmax', 'any', 'all'])
  it('sum, mean, min, max, argmin, argmax, any, all are bit-identical; prod, var, std within one half ULP', () => {
    const bad: string[] = []
    for (const c of F.reduce) {
      const inp = F.reduceInputs[c.input]!
      const a = view(halfArray(inp.bits, inp.base), c.view)
      const fn = (core as unknown as Record<string, (a: NDArray, o?: object) => NDArray | Scalar>)[c.op]!
      const label = `${c.op}(${inp.base}${c.view.length ? ' T' : ''}, axis=${c.axis})`
      const r = c.axis === null ? fn(a) : fn(a, { axis: c.axis })
      try {
        if (exact.has(c.op)) check(r, c.expect, label)
        else {
          const got = r instanceof NDArray ? halfBits(r) : [toHalfBits(r as number)]
          got.forEach((g, i) => {
            const w = c.expect.bits![i]!
            const gv = fromHalfBits(g), wv = fromHalfBits(w)
            if (!(Number.isNaN(gv) && Number.isNaN(wv)) && Math.abs(g - w) > 1 && gv !== wv) throw new Error(`${label} [${i}] ${gv} vs ${wv}`)
          })
        }
      } catch (e) { bad.push((e as Error).message.split('\n')[0]!) }
    }
    expect(bad).toEqual([])
  })
})

describe('float16 casts (NumPy goldens)', () => {
  it('astype from and to float16', () => {
    for (const c of F.cast) {
      const a = c.from === 'float16'
        ? halfArray(c.bits!, [c.bits!.length])
        : array(c.values!.map((v) => scalarOf(v, c.from)), { dtype: c.from })
      check(a.astype(c.to), c.expect, `${c.from} -> ${c.to}`)
    }
  })
})

describe('float16 printing (NumPy goldens)', () => {
  it('repr and str of arrays', () => {
    for (const c of F.repr) {
      const a = halfArray(c.bits, c.shape)
      expect(repr(a)).toBe(c.repr)
      expect(str(a)).toBe(c.str)
    }
  })
  it('str of scalars (0-d arrays)', () => {
    for (const c of F.scalars) expect(str(halfArray([c.bits], []))).toBe(c.str)
  })
})
