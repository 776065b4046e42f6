/**
 * Helpers for the reduction tests: the deterministic base-array generator shared with
 * scripts/gen_reduce_fixtures.py (bit-identical inputs without storing them), views from (shape, strides,
 * offset), float.hex() parsing, and result comparison against NumPy goldens.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { NDArray, type DTypeName, type Scalar } from '../packages/core/src/index.js'
import { reduce, type ReduceOptions } from '../packages/core/src/ops/reductions.js'

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'reduce')

export interface BaseSpec { dtype: DTypeName; n: number; seed: number; kind?: 'normal' | 'small'; specials?: [number, string | number][] }
export interface ViewSpec { shape: number[]; strides: number[]; offset: number }
export interface Expected { dtype: string; shape: number[]; scalar: boolean; values: (string | number)[] }
export interface Case {
  group: string
  base: BaseSpec
  view: ViewSpec
  op: string
  opts: { axis?: number | number[] | null; keepdims?: boolean; dtype?: string; ddof?: number }
  result?: Expected
  error?: { type: string; message: string }
}

export function loadCases(name: string): Case[] {
  return (JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as { cases: Case[] }).cases
}

function hash32(i: number, seed: number): number {
  const c = (Math.imul(seed, 0x85ebca77) + 0x165667b1) >>> 0
  let x = (Math.imul(i, 0x9e3779b1) + c) >>> 0
  x = (x ^ (x >>> 16)) >>> 0
  x = Math.imul(x, 0x7feb352d) >>> 0
  x = (x ^ (x >>> 15)) >>> 0
  x = Math.imul(x, 0x846ca68b) >>> 0
  x = (x ^ (x >>> 16)) >>> 0
  return x
}

const SPECIAL: Record<string, number> = { nan: NaN, inf: Infinity, '-inf': -Infinity, '-0': -0, '0': 0 }

/** The base array of a fixture (see base_values in scripts/gen_reduce_fixtures.py). */
export function genBase(spec: BaseSpec): NDArray {
  const { dtype, n, seed } = spec
  const kind = spec.kind ?? 'normal'
  const a = NDArray.alloc([n], dtype)
  const d = a.data.subarray(a.offset) as unknown as { [i: number]: number | bigint }
  for (let i = 0; i < n; i++) {
    const h1 = hash32(i, seed)
    const h2 = hash32(i, seed + 1)
    if (dtype === 'float64' || dtype === 'float32') {
      d[i] = kind === 'small' ? (h1 % 7) - 3 : ((h1 >>> 1) - 2 ** 30) * 2 ** ((h2 % 24) - 30)
    } else if (dtype === 'bool') {
      d[i] = h1 % 3 === 0 ? 1 : 0
    } else if (kind === 'small') {
      const v = dtype[0] === 'i' ? (h1 % 7) - 3 : h1 % 7
      d[i] = dtype === 'int64' || dtype === 'uint64' ? BigInt(v) : v
    } else if (dtype === 'int64' || dtype === 'uint64') {
      const w = (BigInt(h1) << 32n) | BigInt(h2)
      d[i] = dtype === 'int64' ? BigInt.asIntN(64, w) : w
    } else {
      d[i] = h1 // typed-array stores wrap like NumPy's uint32 → int cast
    }
  }
  for (const [i, v] of spec.specials ?? []) d[i] = typeof v === 'string' ? SPECIAL[v]! : v
  return a
}

export function viewOf(base: NDArray, v: ViewSpec): NDArray {
  return new NDArray({ buffer: base.buffer, dtype: base.dtype, shape: v.shape, strides: v.strides, offset: base.offset + v.offset }, { base })
}

/** Parse Python's float.hex() (and 'nan', 'inf', '-inf') exactly. */
export function parseHex(s: string): number {
  if (s === 'nan') return NaN
  if (s === 'inf') return Infinity
  if (s === '-inf') return -Infinity
  const m = /^(-?)0x([01])(?:\.([0-9a-f]*))?p([+-]\d+)$/.exec(s)
  if (m === null) throw new Error(`bad hex float ${s}`)
  const frac = m[3] ?? ''
  const mant = Number(BigInt(`0x${m[2]}${frac}`))
  let e = Number(m[4]) - 4 * frac.length
  let v = mant
  // scale in steps that stay exact (the value itself is a double)
  while (e > 0) { const k = Math.min(e, 1000); v *= 2 ** k; e -= k }
  while (e < 0) { const k = Math.max(e, -1000); v *= 2 ** k; e -= k }
  return m[1] === '-' ? -v : v
}

export function toHex(x: number): string {
  if (Number.isNaN(x)) return 'nan'
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf'
  const b = new DataView(new ArrayBuffer(8))
  b.setFloat64(0, x)
  return `${b.getBigUint64(0).toString(16).padStart(16, '0')}(${x})`
}

export function runCase(c: Case): NDArray | Scalar {
  const base = genBase(c.base)
  const v = viewOf(base, c.view)
  const opts: ReduceOptions = {}
  if (c.opts.axis !== undefined) opts.axis = c.opts.axis
  if (c.opts.keepdims !== undefined) opts.keepdims = c.opts.keepdims
  if (c.opts.dtype !== undefined) opts.dtype = c.opts.dtype
  if (c.opts.ddof !== undefined) opts.ddof = c.opts.ddof
  return reduce(c.op, v, opts)
}

function sameValue(dtype: string, got: Scalar, want: string | number): boolean {
  if (dtype === 'float64' || dtype === 'float32') return typeof got === 'number' && Object.is(got, parseHex(want as string))
  if (dtype === 'bool') return (got === true || got === 1) === (want === 1)
  return BigInt(got as number | bigint) === BigInt(want as string)
}

/** null when the result matches NumPy's, else a description of the first difference. */
export function compare(c: Case, got: NDArray | Scalar): string | null {
  const e = c.result!
  const isArg = c.op === 'argmin' || c.op === 'argmax'
  // NumPy's scalar result of an explicit axis that reduces everything is strided's 0-d NDArray (the result's
  // type follows from the call); compare it as NumPy's 0-d array of the same dtype and value
  const axisGiven = c.opts.axis !== undefined && c.opts.axis !== null
  if (e.scalar && axisGiven) {
    if (!(got instanceof NDArray) || got.ndim !== 0) return `expected a 0-d NDArray (explicit axis), got ${got instanceof NDArray ? `shape (${got.shape.join(', ')})` : typeof got}`
    const want = isArg ? 'int64' : e.dtype
    if (got.dtype !== want) return `dtype ${got.dtype} != ${want}`
    return sameValue(want, got.toFlatArray()[0]!, e.values[0]!) ? null : `value ${fmt(got.toFlatArray()[0]!)} != ${e.values[0]}`
  }
  if (e.scalar) {
    if (got instanceof NDArray) return `expected a scalar, got an NDArray of shape (${got.shape.join(', ')})`
    const big = e.dtype === 'int64' || e.dtype === 'uint64'
    const want = isArg ? 'number' : e.dtype === 'bool' ? 'boolean' : big ? 'bigint' : 'number'
    if (typeof got !== want) return `expected a JS ${want} for dtype ${e.dtype}, got ${typeof got} ${String(got)}`
    if (!sameValue(e.dtype, got, e.values[0]!)) return `value ${fmt(got)} != ${e.values[0]}`
    return null
  }
  if (!(got instanceof NDArray)) return `expected an NDArray, got ${typeof got} ${String(got)}`
  if (got.dtype !== e.dtype) return `dtype ${got.dtype} != ${e.dtype}`
  if (got.shape.length !== e.shape.length || got.shape.some((n, i) => n !== e.shape[i])) return `shape (${got.shape.join(', ')}) != (${e.shape.join(', ')})`
  const vals = got.toFlatArray()
  if (vals.length !== e.values.length) return `size ${vals.length} != ${e.values.length}`
  for (let i = 0; i < vals.length; i++) {
    if (!sameValue(e.dtype, vals[i]!, e.values[i]!)) return `element ${i}: ${fmt(vals[i]!)} != ${e.values[i]}`
  }
  return null
}

function fmt(x: Scalar): string {
  return typeof x === 'number' ? toHex(x) : String(x)
}

export function describeCase(c: Case): string {
  return `${c.group} ${c.op}(${c.base.dtype} view shape=(${c.view.shape.join(',')}) strides=(${c.view.strides.join(',')}) off=${c.view.offset}, ${JSON.stringify(c.opts)})`
}
