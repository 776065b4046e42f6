/**
 * np.lexsort as a driven op: the indices that sort by several keys, the LAST key primary. Each lane is sorted by
 * stable sorts on every key in turn, least significant first (kernels/sort/index.ts 'lexsortLanes'); units
 * are fixed groups of lanes, so the pool's result is the inline result bit for bit.
 */
import { checkOptions } from '../../check-options.js'
import { toDescriptor, type ArrayDescriptor } from '../../descriptor.js'
import { AxisError, DTypeError, ValueError } from '../../errors.js'
import type { UnitsJob } from '../../kernels/job.js'
import type { LexsortLanesPlan } from '../../kernels/sort/index.js'
import { assertSortable } from '../../kernels/sort/radix.js'
import { NDArray } from '../../ndarray.js'
import { normalizeAxis } from '../../shape.js'
import { arraysIn, defineDrivenOp, type OpAccess, type OpDriver } from '../driver.js'
import type { LexsortOptions } from './options.js'

/** The keys of {@link lexsort}: an array whose first axis enumerates the keys, or a JS array of equal-shaped arrays. */
export type LexsortKeys = NDArray | readonly NDArray[]

const LANE_UNIT = 1 << 13
const COST = 12

function keyList(keys: unknown): ArrayDescriptor[] {
  const none = (): DTypeError => new DTypeError('lexsort: need sequence of keys with len > 0 in lexsort')
  let list: ArrayDescriptor[]
  if (keys instanceof NDArray) {
    if (keys.ndim === 0 || keys.shape[0] === 0) throw none()
    const shape = keys.shape.slice(1)
    const strides = keys.strides.slice(1)
    list = Array.from({ length: keys.shape[0]! }, (_, k) => ({
      buffer: keys.buffer, dtype: keys.dtype, shape, strides, offset: keys.offset + k * keys.strides[0]!,
    }))
  } else if (Array.isArray(keys)) {
    if (keys.length === 0) throw none()
    keys.forEach((k, i) => {
      if (!(k instanceof NDArray)) throw new DTypeError(`lexsort: key ${i} must be an NDArray, got ${k === null ? 'null' : typeof k}`)
    })
    list = (keys as NDArray[]).map(toDescriptor)
    const s0 = list[0]!.shape
    list.forEach((k, i) => {
      if (k.shape.length !== s0.length || k.shape.some((n, d) => n !== s0[d])) {
        throw new ValueError(`lexsort: all keys need to be the same shape: key 0 has shape (${s0.join(', ')}), key ${i} has shape (${k.shape.join(', ')})`)
      }
    })
  } else {
    throw new DTypeError(`lexsort: keys must be an NDArray or a JS array of NDArrays, got ${keys === null ? 'null' : typeof keys}`)
  }
  list.forEach((k) => assertSortable('lexsort', k.dtype))
  return list
}

function* lexsortDrive(keys: LexsortKeys, opts?: LexsortOptions): OpDriver<NDArray> {
  checkOptions('lexsort', opts, ['axis'])
  const list = keyList(keys)
  const axisOpt = opts?.axis as unknown
  if (axisOpt === null) throw new DTypeError("lexsort: axis must be an integer, got null ('NoneType' object cannot be interpreted as an integer)")
  const axis0 = (axisOpt ?? -1) as number
  const shape = list[0]!.shape
  if (shape.length === 0) {
    // NumPy: 0-d keys sort to the 0-d index 0 under the default axis
    if (axis0 !== -1 && axis0 !== 0) throw new AxisError(`lexsort: axis ${String(axis0)} is out of bounds for array of dimension 0`)
    const out = NDArray.alloc([], 'int64', 'C', true)
    return out
  }
  const axis = normalizeAxis(axis0, shape.length)
  const out = NDArray.alloc(shape, 'int64', 'C', false)
  const L = shape[axis]!
  const nLanes = L === 0 ? 0 : out.size / L
  if (nLanes === 0) return out
  const lanesPerUnit = Math.max(1, Math.ceil(LANE_UNIT / L))
  const plan: LexsortLanesPlan = { keys: list, dst: toDescriptor(out), axis, nLanes, lanesPerUnit }
  yield { kind: 'units', op: 'lexsortLanes', plan, units: Math.ceil(nLanes / lanesPerUnit), elementsPerUnit: lanesPerUnit * L * list.length, cost: COST } satisfies UnitsJob
  return out
}

function access(keys: LexsortKeys): OpAccess {
  return { reads: keys instanceof NDArray ? [keys] : Array.isArray(keys) ? arraysIn(...keys) : [], writes: [] }
}

/**
 * Indirect stable sort by several keys (NumPy's `lexsort`): the int64 indices that sort along `axis` by the last
 * key, ties broken by the one before it, and so on; ties in every key keep their input order. Each key is
 * compared in its own dtype in NumPy's order (NaNs last, -0 equal to +0).
 *
 * @param keys - an array whose first axis enumerates the keys (`keys[k]` is key k), or a JS array of arrays of
 *   one shape; the LAST key is the primary one, as NumPy
 * @param opts - axis (default -1)
 * @returns a new int64 array of the keys' shape (0-d for 0-d keys)
 * @throws DTypeError for no keys, a key that is not an NDArray, axis null or an unsupported dtype; ValueError for
 *   keys of different shapes; AxisError for an axis out of range
 */
export const lexsort: (keys: LexsortKeys, opts?: LexsortOptions) => NDArray = defineDrivenOp({
  name: 'lexsort', optionsAt: 1, access, drive: lexsortDrive,
})

export type { LexsortOptions }
