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
 * lanes are split into at most 32 runs of fixed length ('sortRuns'), then merged pairwise in rounds
 * ('sortMerge'), each unit making one fixed-size chunk of a lane's output; the last round writes the result.
 * Unit counts depend only on the shape, never on the thread count, and every unit's output is exact, so the
 * pool's result is the inline result bit for bit.
 */
import { checkOptions } from '../../check-options.js'
import { DTypeError, OverlapError, ValueError } from '../../errors.js'
import type { UnitsJob } from '../../kernels/job.js'
import { prepareCopy } from '../../kernels/copy.js'
import type { SortLanesPlan, SortMergePlan, SortMode, SortRunsPlan } from '../../kernels/sort/index.js'
import { assertSortable } from '../../kernels/sort/radix.js'
import { toDescriptor } from '../../descriptor.js'
import { NDArray, sorting } from '../../ndarray.js'
import { internalOverlapOutcome } from '../../overlap/index.js'
import { normalizeAxis } from '../../shape.js'
import { arraysIn, defineDrivenOp, type OpAccess, type OpDriver } from '../driver.js'
import { OVERLAP_MAX_WORK } from '../ufunc.js'
import type { SortKind, SortOptions } from './options.js'

/** Lanes at least this long, in fewer than MANY_LANES lanes, are split into runs and merged. */
export const MIN_RUN = 1 << 16
const MANY_LANES = 64
/** At most this many runs per lane (enough units for 16 threads, at most 5 merge rounds). */
const MAX_RUNS = 32
/** Output elements per merge unit. */
const MERGE_CHUNK = 1 << 16
/** Elements per 'sortLanes' unit, roughly (whole lanes). */
const LANE_UNIT = 1 << 14
/** Relative costs per element (a float64 add is 1), for the Runtime's inline-vs-pool decision. */
const SORT_COST = 12
const MERGE_COST = 3

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
  if (L < 2 * MIN_RUN || nLanes >= MANY_LANES) {
    const lanesPerUnit = Math.max(1, Math.ceil(LANE_UNIT / L))
    const plan: SortLanesPlan = { src: toDescriptor(src), dst: toDescriptor(dst), axis, mode, nLanes, lanesPerUnit }
    const job: UnitsJob = { kind: 'units', op: 'sortLanes', plan, units: Math.ceil(nLanes / lanesPerUnit), elementsPerUnit: lanesPerUnit * L, cost: SORT_COST }
    yield job
    return
  }
  const runs = Math.min(MAX_RUNS, Math.ceil(L / MIN_RUN))
  const run = Math.ceil(L / runs)
  const runsPerLane = Math.ceil(L / run)
  const total = nLanes * L
  const withIdx = mode === 'indices'
  let vals = NDArray.alloc([total], src.dtype, 'C', false)
  let idx = withIdx ? NDArray.alloc([total], 'int32', 'C', false) : null
  const runsPlan: SortRunsPlan = {
    src: toDescriptor(src), axis, nLanes, runsPerLane, run, vals: toDescriptor(vals), idx: idx === null ? null : toDescriptor(idx),
  }
  yield { kind: 'units', op: 'sortRuns', plan: runsPlan, units: nLanes * runsPerLane, elementsPerUnit: run, cost: SORT_COST } satisfies UnitsJob
  const rounds = Math.ceil(Math.log2(runsPerLane))
  let nextVals = rounds > 1 ? NDArray.alloc([total], src.dtype, 'C', false) : null
  let nextIdx = rounds > 1 && withIdx ? NDArray.alloc([total], 'int32', 'C', false) : null
  const chunksPerLane = Math.ceil(L / MERGE_CHUNK)
  for (let width = run; width < L; width *= 2) {
    const last = 2 * width >= L
    const plan: SortMergePlan = {
      vals: toDescriptor(vals), idx: idx === null ? null : toDescriptor(idx), L, width, chunk: MERGE_CHUNK, chunksPerLane,
      outVals: last ? null : toDescriptor(nextVals!), outIdx: last || nextIdx === null ? null : toDescriptor(nextIdx),
      final: last ? { dst: toDescriptor(dst), axis, mode } : null,
    }
    yield { kind: 'units', op: 'sortMerge', plan, units: nLanes * chunksPerLane, elementsPerUnit: MERGE_CHUNK, cost: MERGE_COST } satisfies UnitsJob
    if (!last) {
      const tv = vals; vals = nextVals!; nextVals = tv
      const ti = idx; idx = nextIdx; nextIdx = ti
    }
  }
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
 * @param a - the array (any dtype but float16, any layout)
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
 * @param a - the array (any dtype but float16, any layout)
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
