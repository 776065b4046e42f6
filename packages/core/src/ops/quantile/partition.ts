/**
 * np.partition / np.argpartition as driven ops (ops/driver.ts): one 'partitionLanes' job whose units are fixed
 * groups of lanes along the axis (kernels/select/lanes.ts), so the Runtime splits the lanes across its pool.
 */
import { DTypeError, ValueError } from '../../errors.js'
import type { UnitsJob } from '../../kernels/job.js'
import { NDArray } from '../../ndarray.js'
import { normalizeAxis } from '../../shape.js'
import { checkOptions } from '../../check-options.js'
import { arraysIn, defineDrivenOp, type OpAccess, type OpDriver } from '../driver.js'
import { checkSelectDtype, type PartitionPlan } from '../../kernels/select/lanes.js'
import { RADIX_DTYPES } from '../../kernels/select/radix.js'
import { RADIX_MIN } from './common.js'
import { backToHalf, halfAsFloat } from '../search/half-input.js'
import { flatLanes, radixCandidates, radixHistogram, radixScatter } from './radix-driver.js'

/** NumPy's keyword arguments of {@link partition} and {@link argpartition}. */
export interface PartitionOptions {
  /** The axis along which to partition (default -1); null partitions the flattened array. */
  axis?: number | null
  /** Selection algorithm: only NumPy's 'introselect' (the default). */
  kind?: 'introselect'
}

const LANE_GRAIN = 8192

function* drivePartition(fn: 'partition' | 'argpartition', a: NDArray, kth: number | readonly number[], opts: PartitionOptions | undefined): OpDriver<NDArray> {
  checkOptions(fn, opts, ['axis', 'kind'])
  if (!(a instanceof NDArray)) throw new DTypeError(`${fn}: a must be an NDArray, got ${a === null ? 'null' : typeof a}`)
  checkSelectDtype(fn, a.dtype)
  if (a.dtype === 'float16') {
    // float16 halves order as their float32 values (exact, NaNs last): select a float32 shadow, then back to half
    const r = yield* drivePartition(fn, halfAsFloat(a), kth, opts)
    return fn === 'partition' ? backToHalf(r) : r
  }
  const o = opts ?? {}
  if (o.kind !== undefined && o.kind !== 'introselect') throw new ValueError(`${fn}: select kind must be 'introselect' (got ${JSON.stringify(o.kind)})`)
  const ks = typeof kth === 'number' ? [kth] : Array.isArray(kth) ? [...(kth as readonly number[])] : null
  if (ks === null || ks.length === 0 || ks.some((k) => typeof k !== 'number' || !Number.isInteger(k))) {
    throw new DTypeError(`${fn}: Partition index must be integer (got kth=${Array.isArray(kth) ? `[${kth.join(', ')}]` : String(kth)})`)
  }
  // the lanes: along one axis of a, or the whole array in C order (axis null)
  const flat = o.axis === null
  const axis = flat ? -1 : normalizeAxis(o.axis ?? -1, a.ndim)
  const outShape = flat ? [a.size] : [...a.shape]
  const n = flat ? a.size : a.shape[axis]!
  const outerShape: number[] = []
  const outerStrides: number[] = []
  const res = NDArray.alloc(outShape, fn === 'partition' ? a.dtype : 'int64', 'C', false)
  const dstOuterStrides: number[] = []
  if (!flat) {
    for (let k = 0; k < a.ndim; k++) {
      if (k === axis) continue
      outerShape.push(a.shape[k]!); outerStrides.push(a.strides[k]!); dstOuterStrides.push(res.strides[k]!)
    }
  }
  const M = outerShape.reduce((p, q) => p * q, 1)
  if (a.size === 0) return res
  const norm = ks.map((k) => {
    const kk = k < 0 ? k + n : k
    if (kk < 0 || kk >= n) throw new ValueError(`${fn}: kth(=${kk}) out of bounds (${n})`)
    return kk
  })
  const sorted = [...new Set(norm)].sort((x, y) => x - y)
  if (fn === 'partition' && n >= RADIX_MIN && M <= 4 && RADIX_DTYPES.includes(a.dtype)) {
    // a few long lanes: the parallel radix select, then a scatter job writes each partitioned lane
    const laneShape = flat ? [...a.shape] : [n]
    const laneStrides = flat ? [...a.strides] : [a.strides[axis]!]
    const lanesOf = yield* flatLanes(a, outerShape, outerStrides, laneShape, laneStrides)
    const outStride = flat ? 1 : res.strides[axis]!
    for (let l = 0; l < M; l++) {
      const lane = lanesOf(l)
      const st = yield* radixHistogram(lane)
      const nv = n - st.nanCount
      const c = yield* radixCandidates(lane, st, sorted.filter((k) => k < nv))
      let off = res.offset
      let q = l
      for (let k = outerShape.length - 1; k >= 0; k--) { off += (q % outerShape[k]!) * dstOuterStrides[k]!; q = Math.floor(q / outerShape[k]!) }
      yield* radixScatter(lane, st, c, res, off, outStride)
    }
    return res
  }
  const lanesPerUnit = Math.max(1, Math.ceil(LANE_GRAIN / n))
  const plan: PartitionPlan = {
    src: { buffer: a.buffer, dtype: a.dtype }, offset: a.offset, outerShape, outerStrides,
    laneShape: flat ? [...a.shape] : [n], laneStrides: flat ? [...a.strides] : [a.strides[axis]!], n, M, lanesPerUnit,
    kth: sorted, dst: { buffer: res.buffer, dtype: res.dtype }, dstOffset: res.offset, dstOuterStrides,
    dstStride: flat ? 1 : res.strides[axis]!, arg: fn === 'argpartition',
  }
  const job: UnitsJob = { kind: 'units', op: 'partitionLanes', plan, units: Math.ceil(M / lanesPerUnit), elementsPerUnit: lanesPerUnit * n, cost: fn === 'partition' ? 3 : 6 }
  yield job
  return res
}

function partitionAccess(a: NDArray): OpAccess {
  return { reads: arraysIn(a), writes: [] }
}

const partitionOp = defineDrivenOp({
  name: 'partition', optionsAt: 2,
  drive: (a: NDArray, kth: number | readonly number[], opts?: PartitionOptions) => drivePartition('partition', a, kth, opts),
  access: partitionAccess,
})

const argpartitionOp = defineDrivenOp({
  name: 'argpartition', optionsAt: 2,
  drive: (a: NDArray, kth: number | readonly number[], opts?: PartitionOptions) => drivePartition('argpartition', a, kth, opts),
  access: partitionAccess,
})

/**
 * A partitioned copy of `a` (NumPy's `partition`): along `axis`, each element at a position in `kth` is the value
 * a full sort would put there, every element before it is ≤ it and every element after it ≥ it (NaNs sort last).
 * The order inside the pieces is unspecified (it may differ from NumPy's). A fresh C-contiguous array.
 *
 * @param a - the input (any dtype, float16 included; any layout)
 * @param kth - a rank or list of ranks (negative counts from the end)
 * @param opts - axis (default -1; null: the flattened array), kind ('introselect' only)
 * @returns the partitioned array, of a's shape (1-d with axis null) and dtype
 * @throws ValueError for a kth out of range (`kth(=k) out of bounds (n)`) or an unknown kind; DTypeError for a
 *   non-integer or empty kth; AxisError for a bad axis
 */
export function partition(a: NDArray, kth: number | readonly number[], opts?: PartitionOptions): NDArray {
  return partitionOp(a, kth, opts)
}

/**
 * The indices that would partition `a` (NumPy's `argpartition`): int64, of a's shape, such that taking `a` along
 * `axis` at them gives a {@link partition} of `a`. Tie order may differ from NumPy's.
 *
 * @param a - the input (any dtype, float16 included; any layout)
 * @param kth - a rank or list of ranks (negative counts from the end)
 * @param opts - axis (default -1; null: indices into the flattened array), kind ('introselect' only)
 * @returns int64 indices
 * @throws as {@link partition}
 */
export function argpartition(a: NDArray, kth: number | readonly number[], opts?: PartitionOptions): NDArray {
  return argpartitionOp(a, kth, opts)
}
