/**
 * Argument handling shared by the seeded random functions: NumPy's optional positional arguments followed by a
 * trailing options object, the required seed, and NumPy's `size` (None, an integer or a sequence of them).
 */
import { checkOptions } from '../check-options.js'
import { AxisError, DTypeError, ValueError } from '../errors.js'
import { NDArray } from '../ndarray.js'
import { Xoshiro128 } from './xoshiro.js'

/** A plain options object: not null, not an array, not an NDArray or typed array (those are positional data). */
export function isOptionsObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && !(x instanceof NDArray) && !ArrayBuffer.isView(x)
}

/**
 * Split `args` into at most `maxPositional` positional arguments and the options object, which is the last
 * argument when it is a plain object (trailing undefineds are dropped first).
 */
export function splitArgs(fn: string, args: readonly unknown[], maxPositional: number, known: readonly string[]): { pos: unknown[]; opts: Record<string, unknown> } {
  let n = args.length
  while (n > 0 && args[n - 1] === undefined) n--
  let opts: Record<string, unknown> = {}
  if (n > 0 && isOptionsObject(args[n - 1])) opts = args[--n] as Record<string, unknown>
  if (n > maxPositional) throw new ValueError(`${fn}: takes at most ${maxPositional} positional arguments before the options, got ${n}`)
  checkOptions(fn, opts, known)
  return { pos: args.slice(0, n), opts }
}

/** Outputs discarded after seeding. */
const WARM_UP = 16

/** The generator for a call: the seed option is required, so every draw is reproducible. */
export function generatorFor(fn: string, opts: Record<string, unknown>): Xoshiro128 {
  const seed = opts['seed']
  if (typeof seed !== 'number' || !Number.isInteger(seed)) {
    throw new ValueError(`${fn}: the seed option must be an integer (every draw is seeded and reproducible: pass { seed: 1 }), got ${seed === undefined ? 'no seed' : typeof seed === 'string' ? JSON.stringify(seed) : String(seed)}`)
  }
  const rng = new Xoshiro128(seed)
  // the first outputs after seeding still show the seed's structure (runs of zero low bits); skip past them
  for (let i = 0; i < WARM_UP; i++) rng.nextUint32()
  return rng
}

/** A boolean option (NumPy takes any truthy value; strided asks for a boolean, so a typo is not silently true). */
export function boolOption(fn: string, opts: Record<string, unknown>, key: string, dflt: boolean): boolean {
  const v = opts[key]
  if (v === undefined) return dflt
  if (typeof v !== 'boolean') throw new DTypeError(`${fn}: ${key} must be a boolean, got ${typeof v === 'string' ? JSON.stringify(v) : String(v)}`)
  return v
}

/**
 * NumPy's `size`: undefined/null (one draw, NumPy's None), an integer (a 1-d result) or an array of integers
 * (`[]` is a 0-d result). A non-integer is NumPy's TypeError (DTypeError); a negative dimension its ValueError.
 */
export function parseSize(fn: string, size: unknown): number[] | null {
  if (size === undefined || size === null) return null
  const dims = typeof size === 'number' || typeof size === 'bigint' ? [size] : size
  if (!Array.isArray(dims)) {
    throw new DTypeError(`${fn}: size: expected a sequence of integers or a single integer, got ${typeof size === 'object' ? 'an object' : `${typeof size} ${String(size)}`}`)
  }
  const shown = `(${dims.map((d) => String(d)).join(', ')})`
  const out: number[] = []
  for (const d of dims as unknown[]) {
    const v = typeof d === 'bigint' && d >= BigInt(Number.MIN_SAFE_INTEGER) && d <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(d) : d
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) {
      throw new DTypeError(`${fn}: size ${shown}: expected a sequence of integers or a single integer, got '${String(d)}'`)
    }
    if (v < 0) throw new ValueError(`${fn}: negative dimensions are not allowed (size ${shown})`)
    out.push(v)
  }
  if (!Number.isSafeInteger(out.reduce((p, d) => p * d, 1))) throw new ValueError(`${fn}: size ${shown} has too many elements`)
  return out
}

/** The `axis` option normalised against `ndim` (default 0): DTypeError for a non-integer, AxisError out of range. */
export function axisOption(fn: string, axis: unknown, ndim: number): number {
  if (axis === undefined) axis = 0
  if (typeof axis !== 'number' || !Number.isInteger(axis)) {
    throw new DTypeError(`${fn}: axis must be an integer, got ${typeof axis === 'string' ? JSON.stringify(axis) : String(axis)}`)
  }
  if (axis < -ndim || axis >= ndim) throw new AxisError(`${fn}: axis ${axis} is out of bounds for array of dimension ${ndim}`)
  return axis < 0 ? axis + ndim : axis
}
