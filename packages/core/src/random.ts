/**
 * Seeded random arrays for tests and benchmarks (not NumPy's bit stream: a xoshiro128** generator).
 * Same seed, same values, on every machine and thread.
 */
import { dtype as lookupDType, type DTypeName } from './dtype.js'
import { ValueError } from './errors.js'
import { NDArray } from './ndarray.js'
import { checkShape } from './shape.js'
import { checkOptions } from './check-options.js'

/** xoshiro128** seeded through splitmix32; next() returns a float in [0, 1) with 53 random bits. */
export class Xoshiro128 {
  #s = new Uint32Array(4)
  constructor(seed: number) {
    if (!Number.isInteger(seed)) throw new ValueError(`random seed must be an integer, got ${seed}`)
    let x = seed >>> 0
    for (let i = 0; i < 4; i++) {
      x = (x + 0x9e3779b9) >>> 0
      let z = x
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
      this.#s[i] = (z ^ (z >>> 16)) >>> 0
    }
  }
  nextUint32(): number {
    const s = this.#s
    const r = Math.imul(rotl(Math.imul(s[1]!, 5) >>> 0, 7), 9) >>> 0
    const t = (s[1]! << 9) >>> 0
    s[2]! ^= s[0]!
    s[3]! ^= s[1]!
    s[1]! ^= s[2]!
    s[0]! ^= s[3]!
    s[2]! ^= t
    s[3] = rotl(s[3]!, 11)
    return r
  }
  next(): number {
    const hi = this.nextUint32() >>> 5
    const lo = this.nextUint32() >>> 6
    return (hi * 67108864 + lo) / 9007199254740992
  }
}

function rotl(x: number, k: number): number { return ((x << k) | (x >>> (32 - k))) >>> 0 }

/** Options of the random generators: the seed is required, so every draw is reproducible. */
export interface RandomOptions {
  /** Integer seed, required (only its low 32 bits are used): the same seed gives the same values. */
  seed: number
  /** Element type, `'float32'` or `'float64'` (default); any other dtype throws {@link ValueError}. */
  dtype?: 'float32' | 'float64' | DTypeName
}

function alloc(shape: number | readonly number[], opts: RandomOptions): NDArray {
  const dt = lookupDType(opts.dtype ?? 'float64').name
  if (dt !== 'float32' && dt !== 'float64') throw new ValueError(`random arrays are float32 or float64, got dtype ${dt}`)
  return NDArray.alloc(checkShape(typeof shape === 'number' ? [shape] : shape), dt)
}

/** Uniform samples in [low, high) (default [0, 1)). */
export function uniform(shape: number | readonly number[], opts: RandomOptions & { low?: number; high?: number }): NDArray {
  checkOptions('uniform', opts, ['seed', 'dtype', 'low', 'high'])
  const out = alloc(shape, opts)
  const rng = new Xoshiro128(opts.seed)
  const lo = opts.low ?? 0
  const span = (opts.high ?? 1) - lo
  const d = (out.data as Float64Array).subarray(out.offset, out.offset + out.size)
  for (let i = 0; i < out.size; i++) d[i] = lo + span * rng.next()
  return out
}

/** Normal samples (Box–Muller), mean `loc` (0) and standard deviation `scale` (1). */
export function normal(shape: number | readonly number[], opts: RandomOptions & { loc?: number; scale?: number }): NDArray {
  checkOptions('normal', opts, ['seed', 'dtype', 'loc', 'scale'])
  const out = alloc(shape, opts)
  const rng = new Xoshiro128(opts.seed)
  const loc = opts.loc ?? 0
  const scale = opts.scale ?? 1
  const d = (out.data as Float64Array).subarray(out.offset, out.offset + out.size)
  for (let i = 0; i < out.size; i += 2) {
    const u = 1 - rng.next()
    const v = rng.next()
    const r = Math.sqrt(-2 * Math.log(u))
    d[i] = loc + scale * r * Math.cos(2 * Math.PI * v)
    if (i + 1 < out.size) d[i + 1] = loc + scale * r * Math.sin(2 * Math.PI * v)
  }
  return out
}

/**
 * Seeded random arrays, for tests and benchmarks. The generator is xoshiro128**, not NumPy's bit stream: the same
 * seed gives the same values on every machine and thread, but not the values NumPy would draw.
 */
export const random = {
  /**
   * Uniform samples in [low, high), default [0, 1) (like NumPy's `random.uniform`).
   * @param shape - the shape, or one integer for a 1-D array.
   * @param opts - `seed` (required), `dtype` (float64 default, or float32), `low` (0) and `high` (1).
   * @returns a new array of samples.
   * @throws {@link ValueError} for a non-integer seed or a dtype other than float32/float64.
   */
  uniform,
  /**
   * Normal (Gaussian) samples by Box–Muller (like NumPy's `random.normal`).
   * @param shape - the shape, or one integer for a 1-D array.
   * @param opts - `seed` (required), `dtype` (float64 default, or float32), mean `loc` (0) and standard deviation `scale` (1).
   * @returns a new array of samples.
   * @throws {@link ValueError} for a non-integer seed or a dtype other than float32/float64.
   */
  normal,
}
