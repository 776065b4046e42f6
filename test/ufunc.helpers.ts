/**
 * Shared helpers for the elementwise tests: decode the NumPy fixtures written by scripts/gen_ufunc_fixtures.py,
 * build the same views in strided, and compare results with NumPy's tolerance rules.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as core from '@strided/core'
import { NDArray, type DTypeName, type Scalar } from '@strided/core'
import { DTYPES, toHalfBits } from '@strided/core/internal'

const here = dirname(fileURLToPath(import.meta.url))

export function loadFixture<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(join(here, 'fixtures', 'ufunc', name), 'utf8')) as T
}

export type Enc = number | string | boolean
export type ViewStep = ['slice', string] | ['transpose', number[]] | ['strided', number[], number[], number]
export interface ArraySpec { dtype: DTypeName; base: number[]; values: Enc[]; view?: ViewStep[] }
export interface ScalarSpec { scalar: 'int' | 'float' | 'bool'; value: Enc }
export type InputSpec = ArraySpec | ScalarSpec | null
export interface Expect { dtype?: DTypeName | 'float16'; shape?: number[]; values?: Enc[]; error?: string; message?: string }

/** Stored value (number, bigint for int64/uint64) of an encoded element. */
export function decode(v: Enc, dt: DTypeName): number | bigint {
  if (DTYPES[dt].bigint) return BigInt(v as string)
  if (typeof v === 'boolean') return v ? 1 : 0
  if (typeof v === 'number') return v
  switch (v) {
    case 'nan': return NaN
    case 'inf': return Infinity
    case '-inf': return -Infinity
    case '-0': return -0
    default: return Number(v)
  }
}

export function buildBase(spec: { dtype: DTypeName; base: number[]; values: Enc[] }): NDArray {
  const a = NDArray.alloc(spec.base, spec.dtype)
  const d = a.data.subarray(a.offset) as unknown as Record<number, number | bigint>
  // float16 elements are stored as half bits
  spec.values.forEach((v, i) => { const x = decode(v, spec.dtype); d[i] = spec.dtype === 'float16' ? toHalfBits(x as number) : x })
  return a
}

export function applyView(base: NDArray, steps: readonly ViewStep[] = []): NDArray {
  let a = base
  for (const s of steps) {
    if (s[0] === 'slice') a = a.slice(s[1])
    else if (s[0] === 'transpose') a = a.transpose(s[1])
    else a = new NDArray({ buffer: base.buffer, dtype: base.dtype, shape: s[1], strides: s[2], offset: base.offset + s[3] }, { base })
  }
  return a
}

export function buildArray(spec: ArraySpec): NDArray {
  return applyView(buildBase(spec), spec.view)
}

/** A fixture scalar as strided takes it: Python ints as JS numbers (bigint beyond 2^53, or when asked). */
export function buildScalar(spec: ScalarSpec, preferBigInt = false): Scalar {
  if (spec.scalar === 'bool') return spec.value as boolean
  if (spec.scalar === 'float') return decode(spec.value, 'float64') as number
  const big = BigInt(spec.value as string | number)
  if (!preferBigInt && big >= -(2n ** 53n) && big <= 2n ** 53n) return Number(big)
  return big
}

export function buildInput(spec: InputSpec, preferBigInt = false): NDArray | Scalar | null {
  if (spec === null) return null
  if ('scalar' in spec) return buildScalar(spec, preferBigInt)
  return buildArray(spec)
}

/** Ops whose float results are compared with a tolerance (everything else must match bit for bit). */
export const TRANSCENDENTAL = new Set(['exp', 'expm1', 'log', 'log1p', 'sin', 'cos', 'tan', 'tanh', 'power'])

const ulp32 = (x: number): number => {
  const a = Math.abs(x)
  if (a < 1.1754943508222875e-38) return 1.401298464324817e-45
  return 2 ** (Math.floor(Math.log2(a)) - 23)
}

/**
 * Walks got against want (decoded for dtype dt) element by element: booleans count as 1/0, 64-bit ints must be
 * equal, and every other pair goes to `check` (got as a number), which returns null or the difference. null when
 * every element passes, else the first difference (or the length mismatch).
 */
export function compareEach(
  dt: DTypeName, got: readonly (number | bigint | boolean)[], want: readonly Enc[],
  check: (g: number, w: number, i: number) => string | null,
): string | null {
  if (got.length !== want.length) return `length ${got.length} vs ${want.length}`
  for (let i = 0; i < got.length; i++) {
    const g = typeof got[i] === 'boolean' ? (got[i] ? 1 : 0) : got[i]!
    const w = decode(want[i]!, dt)
    if (typeof w === 'bigint') {
      if (g !== w) return `[${i}] ${String(g)} vs ${w}`
      continue
    }
    const problem = check(g as number, w, i)
    if (problem !== null) return problem
  }
  return null
}

/** null when equal under the op's rule, else a description of the first difference. */
export function compareValues(op: string, dt: DTypeName, got: readonly (number | bigint | boolean)[], want: readonly Enc[]): string | null {
  return compareEach(dt, got, want, (gn, w, i) => {
    if (Number.isNaN(w) && Number.isNaN(gn)) return null
    if (Object.is(gn, w)) return null
    if ((op === 'maximum' || op === 'minimum' || op === 'clip') && gn === 0 && w === 0) return null // ±0 ties are not a contract
    if (TRANSCENDENTAL.has(op) && Number.isFinite(gn) && Number.isFinite(w)) {
      const d = Math.abs(gn - w)
      if (dt === 'float64' && d <= 1e-12 * Math.abs(w) + 1e-300) return null
      if (dt === 'float32' && d <= 4 * ulp32(w)) return null
    }
    return `[${i}] ${String(gn)} vs ${w}`
  })
}

export function flat(a: NDArray): (number | bigint | boolean)[] {
  return a.toFlatArray() as (number | bigint | boolean)[]
}

// ------------------------------------------------------------------------------------------------ running a case

export interface Case {
  op: string; inputs: InputSpec[]; expect: Expect; dtype?: string; bigint?: boolean
  out?: ArraySpec; outUnchanged?: Expect; strides?: number[]
}

type Fn = (...args: unknown[]) => NDArray
const fn = (op: string): Fn => (core as unknown as Record<string, Fn>)[op]!

/** Map a NumPy exception to the strided error class that must be thrown. */
function errorClass(e: Expect): string {
  switch (e.error) {
    case 'OverflowError': return 'OverflowError'
    case 'ValueError': return e.message?.includes('broadcast') ? 'ShapeError' : 'ValueError'
    case 'TypeError':
    case 'UFuncTypeError':
    case '_UFuncNoLoopError':
    case '_UFuncBinaryResolutionError':
    case '_UFuncInputCastingError':
    case '_UFuncOutputCastingError':
      return 'DTypeError'
    default: return e.error ?? ''
  }
}

/** Run one case; returns a failure description or null. */
export function runCase(c: Case, preferBigInt = false): string | null {
  const inputs = c.inputs.map((s) => buildInput(s, preferBigInt))
  const out = c.out !== undefined ? buildArray(c.out) : undefined
  const opts = c.dtype !== undefined ? { dtype: c.dtype } : out !== undefined ? { out } : undefined
  let r: NDArray
  try {
    r = fn(c.op)(...inputs, ...(opts ? [opts] : []))
  } catch (err) {
    const name = (err as Error).name
    if (c.expect.error !== undefined) {
      const want = errorClass(c.expect)
      if (name !== want) return `threw ${name} (${(err as Error).message}), NumPy ${c.expect.error}: ${c.expect.message}`
      if (want === 'OverflowError' && (err as Error).message !== c.expect.message) return `message "${(err as Error).message}" vs "${c.expect.message}"`
      if (out !== undefined && c.outUnchanged !== undefined) {
        const d = compareValues('copy', out.dtype, flat(out), c.outUnchanged.values!)
        if (d !== null) return `rejected call wrote into out: ${d}`
      }
      return null
    }
    if ((c.expect.dtype as string) === 'float16' && name === 'DTypeError') return null
    return `threw ${name}: ${(err as Error).message}`
  }
  if (c.expect.error !== undefined) return `NumPy raised ${c.expect.error} (${c.expect.message}), strided returned ${r.dtype}`
  if (out !== undefined && r !== out) return 'result is not the out array'
  if (r.dtype !== c.expect.dtype) return `dtype ${r.dtype} vs ${c.expect.dtype}`
  if (c.strides !== undefined && JSON.stringify(r.strides) !== JSON.stringify(c.strides)) return `strides (${r.strides}) vs NumPy (${c.strides})`
  if (JSON.stringify(r.shape) !== JSON.stringify(c.expect.shape)) return `shape (${r.shape}) vs (${c.expect.shape})`
  const diff = compareValues(c.op, r.dtype as DTypeName, flat(r), c.expect.values!)
  return diff === null ? null : `values ${diff}`
}

