/**
 * np.sort, np.argsort and ndarray.sort as driven ops (ops/driver.ts): the inline functions here, and Runtime
 * methods of the same names that run the jobs on the pool.
 *
 * Every kind runs one algorithm, a stable LSD radix sort on order-preserving key bits (kernels/sort/radix.ts),
 * so every result is NumPy's kind='stable' result: NaNs last (in their input order, payloads kept), -0 and +0
 * equal (in their input order). NumPy documents `kind` as a request, and for kind='quicksort'/'heapsort' its
 * results can differ from this one only in the order of equal elements (the sign of zeros, NaN payloads, the
 * indices of ties in argsort).
 *
 * Jobs: many lanes (or short ones) are one 'sortLanes' units job, each unit a fixed group of lanes. A few long
 * lanes are sorted one after another, each in five steps split across the pool (kernels/sort/long.ts): keys,
 * a histogram of the top digit, a stable scatter into buckets, then groups of buckets sorted in cache and
 * written out. Every step is exact and stable, so the pool's result is the inline result bit for bit.
 */
import { checkOptions } from '../../check-options.js'
import { DTypeError, OverlapError, ValueError } from '../../errors.js'
import type { UnitsJob } from '../../kernels/job.js'
import { prepareCopy } from '../../kernels/copy.js'
import type { SortLanesPlan, SortMode } from '../../kernels/sort/index.js'
import type { LongBucketsPlan, LongDigitPlan, LongKeysPlan, LongSortPlan, LongSpecialsPlan } from '../../kernels/sort/long.js'
import { assertSortable, makeKeys, twoWords } from '../../kernels/sort/keys.js'
import { laneOffset } from '../../kernels/sort/radix.js'
import { KEY_HIST_BITS, keys32Kind } from '../../kernels/sort/wasm-sort.js'
import { toDescriptor } from '../../descriptor.js'
import { DTYPES } from '../../dtype.js'
import { NDArray, sorting } from '../../ndarray.js'
import { internalOverlapOutcome } from '../../overlap/index.js'
import { normalizeAxis } from '../../shape.js'
import { arraysIn, defineDrivenOp, type OpAccess, type OpDriver } from '../driver.js'
import { OVERLAP_MAX_WORK } from '../ufunc.js'
import type { SortKind, SortOptions } from './options.js'

/** Lanes at least this long, in fewer than MANY_LANES lanes, are sorted by the long-lane steps (one lane at a time). */
export const MIN_LONG = 1 << 17
const MANY_LANES = 64
/** Elements per chunk of a long lane (the unit of its keys, histogram and scatter steps). */
const CHUNK = 1 << 16
/** Bits of a long lane's top digit (2^11 buckets: cache- and TLB-friendly scatters), widened up to WIDE_BITS for
 * skewed keys; the bucket-count table (buckets × chunks) stays within TABLE entries. */
const TOP_BITS = 11
const WIDE_BITS = KEY_HIST_BITS
const SKEW = 32
const TABLE = 1 << 21
/** A long lane's buckets are grouped into units of about L / BUCKET_UNITS elements (at least MIN_GROUP). */
const BUCKET_UNITS = 64
const MIN_GROUP = 1 << 15
/** Elements per 'sortLanes' unit, roughly (whole lanes). */
const LANE_UNIT = 1 << 14
/** Relative costs per element (a float64 add is 1), for the Runtime's inline-vs-pool decision. */
const SORT_COST = 12

const KEYS = ['axis', 'kind', 'order']

/** NumPy's kind names: anything starting with q, h, m or s (any case), as NumPy's converter. */
export function checkKind(fn: string, kind: unknown): void {
  if (kind === undefined || kind === null) return
  if (typeof kind !== 'string') throw new DTypeError(`${fn}: sort kind must be str, not ${typeof kind} (got ${String(kind)})`)
  const c = kind.charAt(0).toLowerCase()
  if (c !== 'q' && c !== 'h' && c !== 'm' && c !== 's') {
    throw new ValueError(`${fn}: sort kind must be one of 'quick', 'heap', or 'stable' (got ${JSON.stringify(kind)})`)
  }
}

/** The options every sort takes: known keys, kind, no structured `order`. */
function checkSortOptions(fn: string, opts: SortOptions | undefined): void {
  checkOptions(fn, opts, KEYS)
  checkKind(fn, opts?.kind)
  if (opts?.order !== undefined && opts.order !== null) {
    throw new ValueError(`${fn}: Cannot specify order when the array has no fields (got order=${JSON.stringify(opts.order)}); strided has no structured dtypes`)
  }
}

function checkInput(fn: string, a: unknown): NDArray {
  if (!(a instanceof NDArray)) throw new DTypeError(`${fn}: the input must be an NDArray, got ${a === null ? 'null' : typeof a}`)
  assertSortable(fn, a.dtype)
  return a
}

/**
 * Yield the jobs that sort `src` along `axis` into `dst` (the same shape; values of src's dtype, or int64
 * indices; dst may be src itself for the in-place sort).
 */
export function* sortJobs(src: NDArray, axis: number, dst: NDArray, mode: SortMode): OpDriver<void> {
  const L = src.shape[axis]!
  const nLanes = L === 0 ? 0 : src.size / L
  if (nLanes === 0) return
  if (L < MIN_LONG || nLanes >= MANY_LANES) {
    const lanesPerUnit = Math.max(1, Math.ceil(LANE_UNIT / L))
    const plan: SortLanesPlan = { src: toDescriptor(src), dst: toDescriptor(dst), axis, mode, nLanes, lanesPerUnit }
    const job: UnitsJob = { kind: 'units', op: 'sortLanes', plan, units: Math.ceil(nLanes / lanesPerUnit), elementsPerUnit: lanesPerUnit * L, cost: SORT_COST }
    yield job
    return
  }
  const two = twoWords(src.dtype)
  const keyType = two ? 'float64' : 'int32'
  const withIdx = mode === 'indices'
  // contiguous float64/float32/int32/uint32 keys are made again where needed instead of stored (80 MB less of
  // fresh memory for 1e7 float64)
  const stored = !((src.dtype === 'float64' || keys32Kind(src.dtype) >= 0) && src.strides[axis] === 1)
  // the bucketed keys may live in the destination's lane itself (each bucket unit reads its stretch before it
  // writes the sorted values there): a fresh, contiguous destination of the keys' width
  const inDst = dst !== src && dst.strides[axis] === 1 && DTYPES[dst.dtype].itemsize === (two ? 8 : 4)
  const scratch: LongScratch = {
    keysA: stored ? NDArray.alloc([L], keyType, 'C', false) : null, keysB: inDst ? null : NDArray.alloc([L], keyType, 'C', false),
    idxB: withIdx ? NDArray.alloc([L], 'int32', 'C', false) : null,
  }
  for (let lane = 0; lane < nLanes; lane++) yield* longLaneJobs(src, axis, lane, dst, mode, scratch)
}

/**
 * The top digit (key word, shift in it, bits) below the highest differing bit `top`, at most `want` bits (never
 * across bit 32).
 */
function topDigit(top: number, two: boolean, want: number): { word: number; shift: number; bits: number } {
  let bits = Math.min(want, top)
  let shift = top - bits
  if (two && top > 32 && shift < 32) { shift = 32; bits = top - 32 }
  const word = two && shift >= 32 ? 1 : 0
  return { word, shift: word === 1 ? shift - 32 : shift, bits }
}

/**
 * How many bits the top digit takes: TOP_BITS, widened (up to WIDE_BITS) while the sample's largest bucket holds
 * more than 1/SKEW of it. Skewed keys (floats whose top bits are mostly the exponent, as normal or
 * integer-valued data) would otherwise leave one bucket with most of the lane: one unit's work, out of cache.
 */
function digitWidth(sample: Sample, top: number, two: boolean): number {
  let want = TOP_BITS
  for (; want < WIDE_BITS; want++) {
    const d = topDigit(top, two, want)
    if (d.bits < want) break
    const seen = new Map<number, number>()
    let most = 0
    for (let j = 0; j < sample.m; j++) {
      const w = two ? sample.keys[2 * j + d.word]! : sample.keys[j]!
      const b = (w >>> d.shift) & ((1 << d.bits) - 1)
      const c = (seen.get(b) ?? 0) + 1
      seen.set(b, c)
      if (c > most) most = c
    }
    if (most * SKEW <= sample.m) break
  }
  return want
}

/** Keys sampled per lane for the guessed digit (a lower bound of the lane's highest differing bit). */
const SAMPLE = 4096

/** SAMPLE evenly spaced keys of a lane (as makeKeys lays them out) and their highest differing bit + 1. */
interface Sample { keys: Int32Array; m: number; top: number }

function sampleKeys(src: NDArray, axis: number, lane: number, two: boolean): Sample {
  const L = src.shape[axis]!
  const ss = src.strides[axis]!
  const base = laneOffset(src.shape, src.strides, src.offset, axis, lane)
  const m = Math.min(SAMPLE, L)
  const keys = new Int32Array(two ? 2 * m : m)
  for (let j = 0; j < m; j++) makeKeys(src.data, base + Math.floor((j * L) / m) * ss, 1, 1, src.dtype, keys, j)
  let dh = 0
  let dl = 0
  for (let j = 1; j < m; j++) {
    if (two) { dh |= keys[2 * j + 1]! ^ keys[1]!; dl |= keys[2 * j]! ^ keys[0]! } else dh |= keys[j]! ^ keys[0]!
  }
  const top = two ? (dh !== 0 ? 64 - Math.clz32(dh) : 32 - Math.clz32(dl)) : 32 - Math.clz32(dh)
  return { keys, m, top }
}

/** The long steps' buffers; keysB null: in the destination's lanes. */
interface LongScratch { keysA: NDArray | null; keysB: NDArray | null; idxB: NDArray | null }

/** The five steps of one long lane (kernels/sort/long.ts). */
function* longLaneJobs(src: NDArray, axis: number, lane: number, dst: NDArray, mode: SortMode, s: LongScratch): OpDriver<void> {
  const L = src.shape[axis]!
  const two = twoWords(src.dtype)
  // the top digit a sample of the keys implies (step 1 counts its buckets while the keys are in cache), and its
  // width; wide digits take longer chunks, so that the bucket-count table stays small
  const sample = sampleKeys(src, axis, lane, two)
  const guessTop = sample.top
  const want = digitWidth(sample, guessTop, two)
  const chunk = Math.max(CHUNK, Math.ceil(L / Math.max(1, Math.floor(TABLE / (1 << want)))))
  const U = Math.ceil(L / chunk)
  const base: LongSortPlan = {
    src: toDescriptor(src), axis, lane, L, chunk, two,
    keysA: s.keysA === null ? null : toDescriptor(s.keysA),
    keysB: s.keysB !== null ? toDescriptor(s.keysB)
      : { buffer: dst.buffer, dtype: two ? 'float64' : 'int32', shape: [L], strides: [1], offset: laneOffset(dst.shape, dst.strides, dst.offset, axis, lane) },
    idxB: s.idxB === null ? null : toDescriptor(s.idxB),
  }
  const unitJob = (op: string, plan: unknown, units: number, perUnit: number, cost: number): UnitsJob =>
    ({ kind: 'units', op, plan, units, elementsPerUnit: perUnit, cost })
  const guess = topDigit(guessTop, two, want)
  const guessCounts = NDArray.alloc([(1 << guess.bits) * U], 'int32', 'C', false)
  const keysPlan: LongKeysPlan = { ...base, guess: { ...guess, counts: toDescriptor(guessCounts) } }
  // 1. keys; the highest bit in which any two keys differ; the specials
  const parts = (yield unitJob('sortLongKeys', keysPlan, U, chunk, 3)) as (readonly number[])[]
  const [h0, l0] = parts[0]!
  let dh = 0
  let dl = 0
  let specials = 0
  for (const q of parts) { dh |= q[2]! | (q[0]! ^ h0!); dl |= q[3]! | (q[1]! ^ l0!); specials += q[4]! }
  const top = two ? (dh !== 0 ? 64 - Math.clz32(dh) : 32 - Math.clz32(dl)) : 32 - Math.clz32(dh)
  // 2. per-chunk bucket counts (step 1's, when the sample saw the top bit); 3. their running sum (bucket-major)
  // is every chunk's scatter offsets
  let counts = guessCounts
  let d = guess
  if (top !== guessTop) {
    d = topDigit(top, two, want)
    counts = NDArray.alloc([(1 << d.bits) * U], 'int32', 'C', false)
  }
  const { word, shift, bits } = d
  const B = 1 << bits
  const digit: LongDigitPlan = { ...base, word, shift, bits, counts: toDescriptor(counts) }
  if (top !== guessTop) yield unitJob('sortLongHist', digit, U, chunk, 1)
  const table = counts.data as Int32Array
  const t0 = counts.offset
  const starts: number[] = new Array<number>(B + 1)
  let sum = 0
  for (let b = 0; b < B; b++) {
    starts[b] = sum
    for (let u = 0; u < U; u++) { const i = t0 + b * U + u; const c = table[i]!; table[i] = sum; sum += c }
  }
  starts[B] = L
  yield unitJob('sortLongScatter', digit, U, chunk, 2)
  // 4. the specials, when any
  let sp: LongBucketsPlan['specials'] = null
  if (specials > 0 && mode === 'values') {
    const zeros = NDArray.alloc([L], src.dtype, 'C', false)
    const nans = NDArray.alloc([L], src.dtype, 'C', false)
    const plan: LongSpecialsPlan = { ...base, zeros: toDescriptor(zeros), nans: toDescriptor(nans) }
    const got = (yield unitJob('sortLongSpecials', plan, U, chunk, 1)) as (readonly number[])[]
    sp = { zeros: plan.zeros, nans: plan.nans, zeroCounts: got.map((g) => g[0]!), nanCounts: got.map((g) => g[1]!) }
  }
  // 5. groups of whole buckets of about equal size, each sorted in cache and written out
  const target = Math.max(MIN_GROUP, Math.ceil(L / BUCKET_UNITS))
  const groups = [0]
  let acc = 0
  for (let b = 0; b < B; b++) {
    acc += starts[b + 1]! - starts[b]!
    if (acc >= target) { groups.push(b + 1); acc = 0 }
  }
  if (groups[groups.length - 1] !== B) groups.push(B)
  const plan: LongBucketsPlan = { ...base, starts, groups, dst: toDescriptor(dst), mode, specials: sp }
  yield unitJob('sortLongBuckets', plan, groups.length - 1, target, SORT_COST)
}

/** The array to sort and its axis: flattened (C order) for axis null, as NumPy; a contiguous copy is a copy job. */
function* resolve(a: NDArray, axis: number | null | undefined, zeroDimAsOne: boolean): OpDriver<{ x: NDArray; axis: number }> {
  if (axis === null) {
    if (a.flags.cContiguous) return { x: a.reshape([a.size]), axis: 0 }
    const tmp = NDArray.alloc(a.shape, a.dtype, 'C', false)
    const p = prepareCopy(tmp, a)
    yield p.job
    p.finish()
    return { x: tmp.reshape([a.size]), axis: 0 }
  }
  const ax = axis ?? -1
  if (a.ndim === 0 && zeroDimAsOne) {
    // np.argsort treats a 0-d array as 1-d
    normalizeAxis(ax, 1)
    return { x: a.reshape([1]), axis: 0 }
  }
  return { x: a, axis: normalizeAxis(ax, a.ndim) }
}

function* sortDrive(a: NDArray, opts?: SortOptions): OpDriver<NDArray> {
  const x0 = checkInput('sort', a)
  checkSortOptions('sort', opts)
  const { x, axis } = yield* resolve(x0, opts?.axis, false)
  const out = NDArray.alloc(x.shape, x.dtype, 'C', false)
  yield* sortJobs(x, axis, out, 'values')
  return out
}

function* argsortDrive(a: NDArray, opts?: SortOptions): OpDriver<NDArray> {
  const x0 = checkInput('argsort', a)
  checkSortOptions('argsort', opts)
  const { x, axis } = yield* resolve(x0, opts?.axis, true)
  const out = NDArray.alloc(x.shape, 'int64', 'C', true)
  yield* sortJobs(x, axis, out, 'indices')
  return out
}

function* sortInPlaceDrive(a: NDArray, opts?: SortOptions): OpDriver<NDArray> {
  const x = checkInput('sort', a)
  checkSortOptions('sort', opts)
  if (opts?.axis === null) throw new DTypeError(`sort: an in-place sort needs an integer axis, got null ('NoneType' object cannot be interpreted as an integer); use the sort function for a flattened sort`)
  const axis = normalizeAxis(opts?.axis ?? -1, x.ndim)
  x.assertWriteable('sort')
  const internal = internalOverlapOutcome(x, OVERLAP_MAX_WORK)
  if (internal !== 'no') {
    throw new OverlapError(`sort: the array (shape (${x.shape.join(', ')}), strides (${x.strides.join(', ')})) has internal overlap [${internal}]: several of its elements share memory, so it cannot be sorted in place; sort a copy`)
  }
  yield* sortJobs(x, axis, x, 'values')
  return x
}

function access(a: NDArray): OpAccess {
  return { reads: arraysIn(a), writes: [] }
}

/**
 * A sorted copy of an array (NumPy's `sort`), along `axis` (default -1, the last; null: the flattened array).
 * The order is NumPy's: NaNs last, -0 equal to +0. Every `kind` runs the same stable radix sort, so the result
 * is NumPy's kind='stable' result (equal elements, the zeros' signs and NaN payloads included, keep their input
 * order); NumPy treats `kind` as a request, and its other kinds may order equal elements differently.
 *
 * @param a - the array (any dtype, float16 included; any layout)
 * @param opts - axis, kind ('quicksort' | 'stable' | 'mergesort' | 'heapsort', NumPy's names); `order` (for
 *   structured arrays) is refused
 * @returns a new C-contiguous array of a's dtype (1-d with axis null)
 * @throws AxisError for an axis out of range (a 0-d array has none: use axis null); ValueError for an unknown
 *   kind or a given `order`; DTypeError for a non-string kind or an unsupported dtype
 */
export const sort: (a: NDArray, opts?: SortOptions) => NDArray = defineDrivenOp({
  name: 'sort', optionsAt: 1, access, drive: sortDrive,
})

/**
 * The indices that sort an array along `axis` (NumPy's `argsort`, default axis -1; null: the flattened array),
 * as int64. Ties keep their input order (every kind runs the same stable sort; see {@link sort}), so the
 * result is NumPy's kind='stable' result; NumPy's other kinds may order the indices of equal elements
 * differently. A 0-d array counts as 1-d, as NumPy.
 *
 * @param a - the array (any dtype, float16 included; any layout)
 * @param opts - axis, kind (see {@link sort}); `order` is refused
 * @returns a new C-contiguous int64 array of a's shape (1-d with axis null or for a 0-d input)
 * @throws AxisError, ValueError, DTypeError as {@link sort}
 */
export const argsort: (a: NDArray, opts?: SortOptions) => NDArray = defineDrivenOp({
  name: 'argsort', optionsAt: 1, access, drive: argsortDrive,
})

/**
 * Sort an array in place along `axis` (NumPy's `ndarray.sort`, default axis -1; axis null is refused, as NumPy);
 * the same order and stability as {@link sort}. The method form is `a.sort(opts)`.
 *
 * @param a - a writeable array without internal overlap
 * @param opts - axis, kind (see {@link sort}); `order` is refused
 * @returns `a`, sorted
 * @throws ReadOnlyError for a read-only array; OverlapError for an array with internal overlap (e.g. a writeable
 *   broadcast view); AxisError, ValueError, DTypeError as {@link sort} (DTypeError for axis null); nothing is
 *   written when it throws
 */
export const sortInPlace: (a: NDArray, opts?: SortOptions) => NDArray = defineDrivenOp({
  name: 'sortInPlace', optionsAt: 1,
  access: (a: NDArray) => ({ reads: arraysIn(a), writes: arraysIn(a) }),
  drive: sortInPlaceDrive,
})

sorting.sortInPlace = sortInPlace

export type { SortKind, SortOptions }
