/**
 * random.choice: NumPy's Generator.choice(a, size=None, replace=True, p=None, axis=0, shuffle=True) on the
 * seeded stream, with NumPy's checks in NumPy's order. Sampling: uniform indices (bounded.ts); with p, the
 * inverse of the normalised cumulative distribution (zero-probability entries are never drawn); without
 * replacement, a partial Fisher–Yates shuffle of the population, or with p, weighted sampling without
 * replacement by exponential keys (Efraimidis–Spirakis: key log(u)/p, the largest keys win, in key order),
 * which has the distribution of drawing one at a time in proportion to the remaining p, as NumPy's does.
 */
import { array, type ArrayData } from '../creation.js'
import { type Scalar } from '../dtype.js'
import { DTypeError, ValueError } from '../errors.js'
import { NDArray } from '../ndarray.js'
import { take } from '../selection.js'
import { shapeSize } from '../shape.js'
import { axisOption, boolOption, generatorFor, parseSize, splitArgs } from './args.js'
import { belowIndex } from './bounded.js'
import type { Xoshiro128 } from './xoshiro.js'

/** Options of `random.choice` (NumPy's keyword arguments, plus the required seed). */
export interface ChoiceOptions {
  /** Integer seed, required (its low 32 bits are used): the same seed gives the same values on every machine. */
  seed: number
  /** Draw with replacement (default `true`); `false`: the sample has distinct positions of the population. */
  replace?: boolean
  /** Probabilities of the population's entries (1-d, as many as the population, non-negative, summing to 1); default uniform. */
  p?: ArrayData | NDArray | null
  /** The axis of an array `a` to choose along (default 0); ignored when `a` is an integer, as NumPy does. */
  axis?: number
  /** NumPy's shuffle flag, accepted for compatibility: samples without replacement always come in random order here. */
  shuffle?: boolean
}

const KEYS = ['seed', 'replace', 'p', 'axis', 'shuffle']
const EPS64 = 2 ** -52

const shapeText = (s: readonly number[]): string => `(${s.join(', ')}${s.length === 1 ? ',' : ''})`

/** The population: an integer n (arange(n)) or an array. */
type Population = { n: number; arr: null } | { n: number; arr: NDArray; axis: number }

function population(a: unknown, opts: Record<string, unknown>, want: number): Population {
  let pop: unknown = a
  if (a instanceof NDArray && a.ndim === 0) pop = a.get()
  else if (Array.isArray(a) || ArrayBuffer.isView(a)) pop = array(a as ArrayData)
  if (pop instanceof NDArray) {
    const axis = axisOption('choice', opts['axis'], pop.ndim)
    const n = pop.shape[axis]!
    if (n === 0 && want !== 0) {
      throw new ValueError(`choice: a cannot be empty unless no samples are taken (a has shape ${shapeText(pop.shape)}, axis ${axis})`)
    }
    return { n, arr: pop, axis }
  }
  let n: number
  if (typeof pop === 'boolean') n = pop ? 1 : 0
  else if (typeof pop === 'bigint') {
    if (pop > BigInt(Number.MAX_SAFE_INTEGER)) throw new ValueError(`choice: a ${pop} is too large a population (at most 2**53 - 1)`)
    n = Number(pop)
  } else if (typeof pop === 'number' && Number.isInteger(pop)) {
    if (pop > Number.MAX_SAFE_INTEGER) throw new ValueError(`choice: a ${pop} is too large a population (at most 2**53 - 1)`)
    n = pop
  } else {
    const what = typeof pop === 'number' ? `the float ${pop}` : pop === null ? 'null' : typeof pop
    throw new ValueError(`choice: a must be a sequence or an integer, not ${what}`)
  }
  if (n <= 0 && want !== 0) throw new ValueError(`choice: a must be a positive integer unless no samples are taken (a ${n})`)
  return { n, arr: null }
}

/** The validated probabilities as float64 numbers, or null. */
function probabilities(p: unknown, n: number): number[] | null {
  if (p === undefined || p === null) return null
  let arr: NDArray
  let atol = Math.sqrt(EPS64)
  if (p instanceof NDArray) {
    arr = p
    // NumPy loosens the tolerance to the given float dtype's precision
    if (p.dtype === 'float32') atol = Math.max(atol, Math.sqrt(2 ** -23))
    if (p.dtype === 'float16') atol = Math.max(atol, Math.sqrt(2 ** -10))
  } else if (Array.isArray(p) || ArrayBuffer.isView(p) || typeof p === 'number' || typeof p === 'bigint' || typeof p === 'boolean') {
    arr = array(p as ArrayData)
  } else {
    throw new DTypeError(`choice: p must be an array of probabilities (a JS array or an NDArray), got ${typeof p}`)
  }
  if (arr.ndim !== 1) throw new ValueError(`choice: p must be 1-dimensional (p has shape ${shapeText(arr.shape)})`)
  if (arr.size !== n) throw new ValueError(`choice: a and p must have same size (p has ${arr.size} entries, the population ${n})`)
  const ps = arr.toFlatArray().map(Number)
  // compensated sum, so rounding in a long p does not trip the tolerance
  let sum = 0
  let c = 0
  for (const v of ps) {
    const y = v - c
    const t = sum + y
    c = (t - sum) - y
    sum = t
  }
  if (Number.isNaN(sum)) throw new ValueError(`choice: Probabilities contain NaN (p sums to ${sum})`)
  const neg = ps.findIndex((v) => v < 0)
  if (neg >= 0) throw new ValueError(`choice: Probabilities are not non-negative (p[${neg}] = ${ps[neg]})`)
  if (Math.abs(sum - 1) > atol) throw new ValueError(`choice: Probabilities do not sum to 1 (they sum to ${sum}; the tolerance is ${atol})`)
  return ps
}

/** k indices drawn with replacement, in proportion to p (inverse CDF: the first cumulative value above u). */
function weightedWithReplacement(rng: Xoshiro128, ps: readonly number[], k: number): number[] {
  const cdf = new Float64Array(ps.length)
  let acc = 0
  for (let i = 0; i < ps.length; i++) { acc += ps[i]!; cdf[i] = acc }
  for (let i = 0; i < ps.length; i++) cdf[i] = cdf[i]! / acc
  const out = new Array<number>(k)
  for (let q = 0; q < k; q++) {
    const u = rng.next()
    let lo = 0
    let hi = ps.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (cdf[mid]! > u) hi = mid
      else lo = mid + 1
    }
    out[q] = lo
  }
  return out
}

/** k distinct indices in [0, n), in random order: the first k steps of a Fisher–Yates shuffle of arange(n). */
function distinct(rng: Xoshiro128, n: number, k: number): number[] {
  const out = new Array<number>(k)
  if (n <= 1 << 24 && n <= 8 * k) {
    const perm = new Int32Array(n)
    for (let i = 0; i < n; i++) perm[i] = i
    for (let i = 0; i < k; i++) {
      const j = i + belowIndex(rng, n - i)
      const t = perm[j]!
      perm[j] = perm[i]!
      perm[i] = t
      out[i] = t
    }
    return out
  }
  // a large population and a small sample: only the moved positions are stored
  const moved = new Map<number, number>()
  for (let i = 0; i < k; i++) {
    const j = i + belowIndex(rng, n - i)
    const vj = moved.get(j) ?? j
    moved.set(j, moved.get(i) ?? i)
    out[i] = vj
  }
  return out
}

/** k distinct indices drawn one at a time in proportion to the remaining p (exponential keys, largest first). */
function weightedDistinct(rng: Xoshiro128, ps: readonly number[], k: number): number[] {
  const keys = new Float64Array(ps.length)
  for (let i = 0; i < ps.length; i++) {
    const u = 1 - rng.next()
    keys[i] = ps[i]! > 0 ? Math.log(u) / ps[i]! : -Infinity
  }
  // the k largest keys through a min-heap (O(n log k)), then in decreasing key order (ties: lower index first)
  const before = (x: number, y: number): boolean => keys[x]! < keys[y]! || (keys[x] === keys[y] && x > y)
  const heap: number[] = []
  const down = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < heap.length && before(heap[l]!, heap[m]!)) m = l
      if (r < heap.length && before(heap[r]!, heap[m]!)) m = r
      if (m === i) return
      const t = heap[i]!; heap[i] = heap[m]!; heap[m] = t
      i = m
    }
  }
  for (let i = 0; i < ps.length && k > 0; i++) {
    if (heap.length < k) {
      heap.push(i)
      for (let c = heap.length - 1; c > 0;) {
        const p = (c - 1) >> 1
        if (!before(heap[c]!, heap[p]!)) break
        const t = heap[c]!; heap[c] = heap[p]!; heap[p] = t
        c = p
      }
    } else if (before(heap[0]!, i)) {
      heap[0] = i
      down(0)
    }
  }
  return heap.sort((x, y) => (before(x, y) ? 1 : before(y, x) ? -1 : 0))
}

/**
 * A random sample from `a` (NumPy's `Generator.choice`) with no size: one draw; see `random.choice`.
 * @param a - an integer n (the population arange(n)), an NDArray or nested JS arrays
 * @param opts - seed (required), replace, p, axis, shuffle
 * @returns for an integer a, the drawn index as a bigint (int64); for a 1-d array, its element; else an NDArray
 *   with the axis removed
 */
export function choice(a: number | bigint | ArrayData | NDArray, opts: ChoiceOptions): Scalar | NDArray
/**
 * A random sample from `a` (NumPy's `Generator.choice`); see `random.choice`.
 * @param a - an integer n (the population arange(n)), an NDArray or nested JS arrays
 * @param size - the sample's shape (an integer for 1-d, `[]` for 0-d); null or undefined: one draw
 * @param opts - seed (required), replace, p, axis, shuffle
 * @returns an NDArray when size is given (int64 for an integer a); else as the form without size
 */
export function choice(a: number | bigint | ArrayData | NDArray, size: number | readonly number[] | null | undefined, opts: ChoiceOptions): Scalar | NDArray
export function choice(a: number | bigint | ArrayData | NDArray, ...rest: unknown[]): Scalar | NDArray {
  const { pos, opts } = splitArgs('choice', [a, ...rest], 2, KEYS)
  const rng = generatorFor('choice', opts)
  const replace = boolOption('choice', opts, 'replace', true)
  boolOption('choice', opts, 'shuffle', true)
  const shape = parseSize('choice', pos[1])
  const k = shape === null ? 1 : shapeSize(shape)
  const pop = population(pos[0], opts, shape === null ? 1 : k)
  const ps = probabilities(opts['p'], pop.n)
  let idx: number[]
  if (replace) {
    if (ps !== null) idx = weightedWithReplacement(rng, ps, k)
    else {
      idx = new Array<number>(k)
      for (let i = 0; i < k; i++) idx[i] = belowIndex(rng, pop.n)
    }
  } else {
    if (k > pop.n) {
      throw new ValueError(`choice: Cannot take a larger sample than population when replace is False (sample size ${k}, population ${pop.n})`)
    }
    if (ps !== null) {
      const nonzero = ps.filter((v) => v > 0).length
      if (nonzero < k) throw new ValueError(`choice: Fewer non-zero entries in p than size (${nonzero} non-zero entries, size ${k})`)
      idx = weightedDistinct(rng, ps, k)
    } else idx = distinct(rng, pop.n, k)
  }
  if (pop.arr === null) {
    if (shape === null) return BigInt(idx[0]!)
    const out = NDArray.alloc(shape, 'int64', 'C', false)
    const d = out.data as BigInt64Array
    for (let i = 0; i < k; i++) d[out.offset + i] = BigInt(idx[i]!)
    return out
  }
  if (shape === null) return pop.arr.ndim === 1 ? pop.arr.get(idx[0]!) : take(pop.arr, idx[0]!, { axis: pop.axis })
  const ia = NDArray.alloc(shape, pop.n <= 2 ** 31 ? 'int32' : 'int64', 'C', false)
  const d = ia.data as unknown as Record<number, number | bigint>
  const big = ia.dtype === 'int64'
  for (let i = 0; i < k; i++) d[ia.offset + i] = big ? BigInt(idx[i]!) : idx[i]!
  return take(pop.arr, ia, { axis: pop.axis })
}
