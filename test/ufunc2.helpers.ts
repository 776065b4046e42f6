/**
 * Running the second-batch ufunc goldens (scripts/gen_ufunc2_fixtures.py → fixtures/ufunc/ufunc2.json, where.json):
 * the case format of ufunc.helpers.ts plus kwargs (round's decimals, isclose's tolerances), where= masks, fresh
 * (zero-filled) outputs and boolean results; float results are compared bit for bit except for the transcendental
 * functions, which get the ULP bounds measured against NumPy 2.4.6 (below).
 */
import * as core from '@strided/core'
import { NDArray, type DTypeName } from '@strided/core'
import { buildArray, buildInput, compareEach, flat, type ArraySpec, type Case, type Enc, type InputSpec } from './ufunc.helpers.js'

/**
 * Max ULP distance from NumPy 2.4.6 (glibc 2.36 libm, x86-64, Node 20's V8), measured per function and dtype on
 * 1e5 random points (normal/log-uniform over each function's domain) and again on 1.25e6 points over the whole
 * finite range, plus the fixtures' special values: these bounds are the largest distance seen anywhere. JS's Math.*
 * (fdlibm ports) are not correctly rounded and differ from glibc in the last bit or two; float32 loops compute in
 * double and round once, while NumPy's float32 functions are their own (up to 3 ULP apart).
 * logaddexp/logaddexp2 are x + log1p(exp(-|x - y|)): where that cancels (result near 0) the last-bit difference of
 * exp/log1p is a few ULP of the larger input but unbounded in ULPs of the small result, so their bound is in ULPs of
 * max(|x1|, |x2|, |result|) (SCALED_OPS).
 * Every other op (incl. hypot, copysign, nextafter, fmod, deg2rad, rad2deg, round, trunc, reciprocal, heaviside)
 * is bit-exact, and special values (NaN, ±inf, signed zeros) always match exactly.
 */
export const ULP_BOUND: Record<'float64' | 'float32', Record<string, number>> = {
  float64: {
    sinh: 2, cosh: 1, arcsin: 1, arccos: 1, arctan: 1, arcsinh: 2, arccosh: 2, arctanh: 2, exp2: 1, log2: 1, log10: 2, cbrt: 2,
    arctan2: 1, floatPower: 1, logaddexp: 2, logaddexp2: 2,
    // an existing op used in the where= cases (ufunc.helpers.ts's TRANSCENDENTAL)
    exp: 1,
  },
  float32: {
    sinh: 1, cosh: 2, arcsin: 3, arccos: 2, arctan: 2, arcsinh: 1, arccosh: 1, arctanh: 1, exp2: 3, log2: 2, log10: 3, cbrt: 2,
    arctan2: 3, logaddexp: 2, logaddexp2: 2, exp: 4,
  },
}

/** Ops whose ULP bound is relative to max(|x1|, |x2|, |result|) rather than the result. */
export const SCALED_OPS = new Set(['logaddexp', 'logaddexp2'])

function ulpOf(w: number, dt: 'float32' | 'float64'): number {
  const a = Math.abs(w)
  if (dt === 'float64') return a < 2.2250738585072014e-308 ? 5e-324 : 2 ** (Math.floor(Math.log2(a)) - 52)
  return a < 1.1754943508222875e-38 ? 1.401298464324817e-45 : 2 ** (Math.floor(Math.log2(a)) - 23)
}

/** The ULP distance of got from want (0 when identical; NaN matches any NaN; signed zeros and infinities must match). */
export function ulpDistance(g: number, w: number, dt: 'float32' | 'float64', scale = 0): number {
  if (Number.isNaN(g) && Number.isNaN(w)) return 0
  if (Object.is(g, w)) return 0
  if (!Number.isFinite(g) || !Number.isFinite(w) || (g === 0 && w === 0)) return Infinity
  return Math.abs(g - w) / ulpOf(Math.max(Math.abs(w), Number.isFinite(scale) ? scale : 0), dt)
}

export function compare2(op: string, dt: DTypeName, got: readonly (number | bigint | boolean)[], want: readonly Enc[], scale?: readonly number[]): string | null {
  const bound = dt === 'float32' || dt === 'float64' ? (ULP_BOUND[dt][op] ?? 0) : 0
  return compareEach(dt, got, want, (g, w, i) => {
    const d = dt === 'float32' || dt === 'float64' ? ulpDistance(g, w, dt, scale?.[i] ?? 0) : Object.is(g, w) ? 0 : Infinity
    return d > bound ? `[${i}] ${String(g)} vs ${w} (${d} ULP)` : null
  })
}

export interface Case2 extends Case {
  kwargs?: Record<string, number | boolean>
  where?: InputSpec
  freshOut?: boolean
  expectScalar?: boolean
}

function errorClass(e: NonNullable<Case['expect']>): string {
  switch (e.error) {
    case 'OverflowError': return 'OverflowError'
    case 'ValueError': return e.message?.includes('broadcast') ? 'ShapeError' : 'ValueError'
    case 'TypeError': case 'UFuncTypeError': case '_UFuncNoLoopError': case '_UFuncBinaryResolutionError':
    case '_UFuncInputCastingError': case '_UFuncOutputCastingError':
      return 'DTypeError'
    default: return e.error ?? ''
  }
}

type Fn = (...args: unknown[]) => unknown
const fn = (op: string): Fn => (core as unknown as Record<string, Fn>)[op]!

/** Build a case's call: [inputs, options, out]. */
export function callOf(c: Case2): { inputs: unknown[]; opts: Record<string, unknown>; out: NDArray | undefined } {
  const inputs = c.inputs.map((s) => buildInput(s))
  const out = c.out !== undefined && c.out !== null ? buildArray(c.out as ArraySpec) : undefined
  const opts: Record<string, unknown> = { ...(c.kwargs ?? {}) }
  if (c.dtype !== undefined) opts['dtype'] = c.dtype
  if (out !== undefined) opts['out'] = out
  if (c.where !== undefined && c.where !== null) opts['where'] = buildInput(c.where)
  return { inputs, opts, out }
}

/** Run one case; a failure description or null. */
export function runCase2(c: Case2): string | null {
  const { inputs, opts, out } = callOf(c)
  let r: unknown
  try {
    r = Object.keys(opts).length > 0 || c.op === 'allclose' ? fn(c.op)(...inputs, opts) : fn(c.op)(...inputs)
  } catch (err) {
    const name = (err as Error).name
    if (c.expect?.error !== undefined) {
      const want = errorClass(c.expect)
      if (name !== want) return `threw ${name} (${(err as Error).message}), NumPy ${c.expect.error}: ${c.expect.message}`
      if (out !== undefined && c.outUnchanged !== undefined) {
        const d = compare2('copy', out.dtype, flat(out), c.outUnchanged.values!)
        if (d !== null) return `rejected call wrote into out: ${d}`
      }
      return null
    }
    if ((c.expect?.dtype as string) === 'float16' && name === 'DTypeError') return null
    return `threw ${name}: ${(err as Error).message}`
  }
  if (c.expectScalar !== undefined) return r === c.expectScalar ? null : `${String(r)} vs NumPy ${c.expectScalar}`
  if (c.expect.error !== undefined) return `NumPy raised ${c.expect.error} (${c.expect.message}), strided returned ${(r as NDArray).dtype}`
  const a = r as NDArray
  if (out !== undefined && a !== out) return 'result is not the out array'
  if (a.dtype !== c.expect.dtype) return `dtype ${a.dtype} vs ${c.expect.dtype}`
  if (JSON.stringify(a.shape) !== JSON.stringify(c.expect.shape)) return `shape (${a.shape}) vs (${c.expect.shape})`
  let scale: number[] | undefined
  if (SCALED_OPS.has(c.op)) {
    const [x1, x2] = inputs as core.Operand[]
    const absF = (x: core.Operand): core.Operand => (x instanceof NDArray ? core.abs(x.astype('float64')) : Math.abs(Number(x)))
    const m = core.maximum(absF(x1!), absF(x2!))
    scale = core.broadcastTo(m instanceof NDArray ? m : core.array([m]), a.shape).toFlatArray() as number[]
  }
  const diff = compare2(c.op, a.dtype, flat(a), c.expect.values!, scale)
  return diff === null ? null : `values ${diff}`
}

export function describeCase(c: Case2): string {
  const ins = c.inputs.map((s) => (s === null ? 'null' : 'scalar' in s ? `${s.scalar} ${String(s.value)}` : s.dtype)).join(', ')
  return `${c.op}(${ins}${c.kwargs ? `, ${JSON.stringify(c.kwargs)}` : ''}${c.dtype ? `, dtype=${c.dtype}` : ''}${c.out ? `, out=${c.out.dtype}` : ''}${c.where ? ', where' : ''})`
}
