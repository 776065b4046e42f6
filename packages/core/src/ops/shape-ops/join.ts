/**
 * Joining arrays: NumPy's concatenate, stack, hstack, vstack, dstack and column_stack. Every result is a new array
 * (or the `out` argument), filled by one block copy per input with the copy kernels. concatenate and stack are
 * driven ops (ops/driver.ts): the Runtime runs their copies across the pool.
 *
 * Result dtype: `dtype` if given, else `out`'s dtype, else np.result_type of the inputs (resultTypeOf); each input
 * must cast to it under `casting` (default 'same_kind'). Result layout: NumPy's, the memory order the inputs share
 * (axes sorted by stride, C order winning ties and conflicts), so F-ordered inputs give an F-ordered result.
 * Unlike NumPy, an `out` that overlaps an input (or itself) is refused with OverlapError before anything is written.
 */
import { dtype as lookupDType, type DTypeName } from '../../dtype.js'
import { DTypeError, OverlapError, ShapeError, ValueError, type AxisError, type ReadOnlyError } from '../../errors.js'
import { NDArray } from '../../ndarray.js'
import { internalOverlapOutcome, overlapOutcome } from '../../overlap/index.js'
import { contiguousStrides, normalizeAxis } from '../../shape.js'
import { canCast, resultTypeOf, type Casting } from '../promotion.js'
import { OVERLAP_MAX_WORK } from '../ufunc.js'
import { ALL, asArray, disjointCopyJob, dtypeRepr, fmtShape, prependOnes, type ArrayInput } from './common.js'
import { arraysIn, defineDrivenOp, runInline, type OpDriver } from '../driver.js'
import type { ArrayDescriptor } from '../../descriptor.js'
import { atleastNd } from './atleast.js'
import { checkOptions } from '../../check-options.js'

/** Options of {@link concatenate}. */
export interface ConcatenateOptions {
  /** The axis to join along (default 0; negative counts from the end); `null` flattens every input first. */
  axis?: number | null
  /** Write the result here: it must have the result's shape, be writeable and share no memory with an input. */
  out?: NDArray
  /** The result dtype (not together with `out`); every input must cast to it under `casting`. */
  dtype?: DTypeName | string
  /** NumPy's casting rule for the inputs: 'no' | 'equiv' | 'safe' | 'same_kind' (default) | 'unsafe'. */
  casting?: Casting
}

/** Options of {@link stack}. */
export interface StackOptions {
  /** Position of the new axis in the result (default 0; negative counts from the end of the result's axes). */
  axis?: number
  /** Write the result here: it must have the result's shape, be writeable and share no memory with an input. */
  out?: NDArray
  /** The result dtype (not together with `out`); every input must cast to it under `casting`. */
  dtype?: DTypeName | string
  /** NumPy's casting rule for the inputs (default 'same_kind'). */
  casting?: Casting
}

/** Options of {@link hstack} and {@link vstack}. */
export interface HVStackOptions {
  /** The result dtype; every input must cast to it under `casting`. */
  dtype?: DTypeName | string
  /** NumPy's casting rule for the inputs (default 'same_kind'). */
  casting?: Casting
}

const JOIN_KEYS = ['axis', 'out', 'dtype', 'casting'] as const
const HV_KEYS = ['dtype', 'casting'] as const

const CASTINGS: readonly Casting[] = ['no', 'equiv', 'safe', 'same_kind', 'unsafe']

interface JoinRequest {
  readonly op: string
  readonly arrays: readonly NDArray[]
  readonly axis: number | null
  readonly out?: NDArray | undefined
  readonly dtype?: DTypeName | string | undefined
  readonly casting?: Casting | undefined
}

/** Option checks NumPy makes while parsing the arguments, before looking at the arrays. */
function checkJoinOptions(op: string, out: unknown, dt: unknown, casting: unknown): Casting {
  if (out !== undefined && dt !== undefined) {
    throw new ValueError(`${op}: takes \`out\` or \`dtype\`, but both were provided (out has dtype ${(out as NDArray).dtype}, dtype is ${String(dt)})`)
  }
  if (out !== undefined && !(out instanceof NDArray)) throw new DTypeError(`${op}: out must be an NDArray, got ${typeof out}`)
  // an unknown dtype name is an argument error, reported before anything about the arrays
  if (dt !== undefined) lookupDType(dt as string)
  const c = (casting ?? 'same_kind') as Casting
  if (!CASTINGS.includes(c)) {
    throw new ValueError(`${op}: casting must be one of ${CASTINGS.map((x) => `'${x}'`).join(', ')} (got ${JSON.stringify(casting)})`)
  }
  return c
}

/**
 * The axis order (outermost first) of a new array laid out like all `arrays` together: an insertion sort of the
 * axes by |stride|, largest first, where a pair of axes is compared only in operands where neither has length 1,
 * the first such operand decides, and any later operand that disagrees keeps C order.
 */
function sharedAxisOrder(arrays: readonly NDArray[], ndim: number): number[] {
  const perm = [...Array(ndim).keys()]
  for (let i = 1; i < ndim; i++) {
    const ax = perm[i]!
    let pos = i
    for (let j = i - 1; j >= 0; j--) {
      const other = perm[j]!
      let decided = false
      let outer = false
      for (const a of arrays) {
        if (a.shape[ax] === 1 || a.shape[other] === 1) continue
        if (Math.abs(a.strides[ax]!) <= Math.abs(a.strides[other]!)) outer = false
        else if (!decided) outer = true
        decided = true
      }
      // undecided (length-1 axes everywhere): keep looking further out
      if (!decided) continue
      if (outer) pos = j
      else break
    }
    if (pos !== i) {
      perm.splice(i, 1)
      perm.splice(pos, 0, ax)
    }
  }
  return perm
}

/** A fresh array of `shape` whose memory order follows the inputs (see sharedAxisOrder). */
function allocJoined(arrays: readonly NDArray[], shape: readonly number[], dt: DTypeName): NDArray {
  let size = 1
  for (const n of shape) size *= n
  // NumPy gives a zero-size result all-zero strides, whatever the order
  if (size === 0 || shape.length <= 1) return NDArray.alloc(shape, dt, 'C', false)
  const perm = sharedAxisOrder(arrays, shape.length)
  if (perm.every((p, i) => p === i)) return NDArray.alloc(shape, dt, 'C', false)
  const strides = new Array<number>(shape.length)
  let s = 1
  for (let i = perm.length - 1; i >= 0; i--) {
    strides[perm[i]!] = s
    s *= shape[perm[i]!]!
  }
  return NDArray.allocStrided(shape, strides, dt, size, false)
}

function resolveDType(req: JoinRequest, casting: Casting): DTypeName {
  const dt = req.out !== undefined ? req.out.dtype : req.dtype !== undefined ? lookupDType(req.dtype).name : resultTypeOf(req.arrays.map((a) => a.dtype))
  req.arrays.forEach((a, i) => {
    if (!canCast(a.dtype, dt, casting)) {
      throw new DTypeError(`${req.op}: Cannot cast array data of array ${i} from ${dtypeRepr(a.dtype)} to ${dtypeRepr(dt)} according to the rule '${casting}'`)
    }
  })
  return dt
}

/** `out` must be writeable and alias neither itself nor any input (checked exactly, before anything is written). */
function checkOut(op: string, out: NDArray, arrays: readonly NDArray[]): void {
  out.assertWriteable(`${op} out`)
  const internal = internalOverlapOutcome(out, OVERLAP_MAX_WORK)
  if (internal !== 'no') {
    throw new OverlapError(`${op}: out (shape ${fmtShape(out.shape)}, strides (${out.strides.join(', ')})) has internal overlap [${internal}]: several of its elements share memory`)
  }
  arrays.forEach((a, i) => {
    const oc = overlapOutcome(out, a, OVERLAP_MAX_WORK)
    if (oc !== 'no') {
      throw new OverlapError(
        `${op}: out (shape ${fmtShape(out.shape)}) shares memory with input array ${i} (shape ${fmtShape(a.shape)}) [${oc}]; ` +
          'nothing was written: pass an out that is disjoint from the inputs, or copy the input first',
      )
    }
  })
}

/** A joined result and the copies that fill it: one block per input, into its slab of the result. */
interface JoinPlan {
  readonly result: NDArray
  readonly pieces: readonly (readonly [ArrayDescriptor, NDArray])[]
}

/**
 * The shared implementation of concatenate and the functions built on it, as a driver: validates and allocates
 * on the calling thread, then yields one copy job per input (split across the pool by the Runtime).
 */
function* joinDriver(req: JoinRequest): OpDriver<NDArray> {
  const plan = req.axis === null ? planFlat(req) : planJoin(req)
  for (const [dst, src] of plan.pieces) {
    const job = disjointCopyJob(dst, src.toDescriptor())
    if (job !== null) yield job
  }
  return plan.result
}

/** join() on the calling thread. */
function join(req: JoinRequest): NDArray {
  return runInline(joinDriver(req))
}

function planJoin(req: JoinRequest): JoinPlan {
  const { op, arrays } = req
  const casting = checkJoinOptions(op, req.out, req.dtype, req.casting)
  if (arrays.length === 0) throw new ValueError(`${op}: need at least one array to concatenate`)
  const first = arrays[0]!
  const ndim = first.ndim
  if (ndim === 0) throw new ValueError(`${op}: zero-dimensional arrays cannot be concatenated (array 0 has shape ())`)
  const axis = normalizeAxis(req.axis!, ndim, `${op}: axis`)
  const shape = [...first.shape]
  for (let i = 1; i < arrays.length; i++) {
    const a = arrays[i]!
    if (a.ndim !== ndim) {
      throw new ShapeError(
        `${op}: all the input arrays must have the same number of dimensions, but array 0 has ${ndim} dimension(s) (shape ` +
          `${fmtShape(first.shape)}) and array ${i} has ${a.ndim} dimension(s) (shape ${fmtShape(a.shape)})`,
      )
    }
    for (let d = 0; d < ndim; d++) {
      if (d === axis) shape[d]! += a.shape[d]!
      else if (a.shape[d] !== first.shape[d]) {
        const expected = `(${first.shape.map((n, k) => (k === axis ? '*' : String(n))).join(', ')}${ndim === 1 ? ',' : ''})`
        throw new ShapeError(
          `${op}: array ${i} has shape ${fmtShape(a.shape)}, expected ${expected} along axis ${axis}: all the input array ` +
            `dimensions except for the concatenation axis must match exactly, but along dimension ${d}, array 0 has size ` +
            `${first.shape[d]} and array ${i} has size ${a.shape[d]}`,
        )
      }
    }
  }
  const out = req.out
  if (out !== undefined) {
    if (out.ndim !== ndim) throw new ShapeError(`${op}: Output array has wrong dimensionality: out has shape ${fmtShape(out.shape)}, the result has shape ${fmtShape(shape)}`)
    if (out.shape.some((n, d) => n !== shape[d])) throw new ShapeError(`${op}: Output array is the wrong shape: out has shape ${fmtShape(out.shape)}, the result has shape ${fmtShape(shape)}`)
  }
  const dt = resolveDType(req, casting)
  if (out !== undefined) checkOut(op, out, arrays)
  const result = out ?? allocJoined(arrays, shape, dt)
  // one block copy per input, into its slab of the result along the axis
  const pieces: [ArrayDescriptor, NDArray][] = []
  let pos = 0
  for (const a of arrays) {
    const n = a.shape[axis]!
    if (n > 0 && a.size > 0) {
      pieces.push([{ buffer: result.buffer, dtype: result.dtype, shape: a.shape, strides: result.strides, offset: result.offset + pos * result.strides[axis]! }, a])
    }
    pos += n
  }
  return { result, pieces }
}

/** concatenate with axis null: every input flattened in C order, one after the other. */
function planFlat(req: JoinRequest): JoinPlan {
  const { op, arrays } = req
  const casting = checkJoinOptions(op, req.out, req.dtype, req.casting)
  if (arrays.length === 0) throw new ValueError(`${op}: need at least one array to concatenate`)
  let total = 0
  for (const a of arrays) total += a.size
  const out = req.out
  if (out !== undefined) {
    if (out.ndim !== 1) throw new ShapeError(`${op}: Output array must be 1D for axis null, got out of shape ${fmtShape(out.shape)}`)
    if (out.size !== total) throw new ShapeError(`${op}: Output array is the wrong size: out has ${out.size} elements, the inputs have ${total}`)
  }
  const dt = resolveDType(req, casting)
  if (out !== undefined) checkOut(op, out, arrays)
  const result = out ?? NDArray.alloc([total], dt, 'C', false)
  const step = result.strides[0] ?? 1
  const pieces: [ArrayDescriptor, NDArray][] = []
  let pos = 0
  for (const a of arrays) {
    if (a.size > 0) {
      // the result's run for this input, seen with the input's shape in C order
      const strides = contiguousStrides(a.shape).map((s) => s * step)
      pieces.push([{ buffer: result.buffer, dtype: result.dtype, shape: a.shape, strides, offset: result.offset + pos * step }, a])
    }
    pos += a.size
  }
  return { result, pieces }
}

/** The inputs as arrays; an NDArray stands for the sequence of its rows, as NumPy iterates it. */
function inputs(op: string, arrays: readonly ArrayInput[] | NDArray): NDArray[] {
  if (arrays instanceof NDArray) {
    if (arrays.ndim === 0) throw new DTypeError(`${op}: arrays must be a sequence of arrays; iteration over a 0-d array is impossible`)
    return Array.from({ length: arrays.shape[0]! }, (_, i) => arrays.slice(i))
  }
  if (!Array.isArray(arrays)) throw new DTypeError(`${op}: arrays must be passed as a JavaScript array of arrays (or an NDArray of them), got ${typeof arrays}`)
  return arrays.map((a, i) => asArray(a, op, `array ${i}`))
}

/**
 * Join arrays along an existing axis (np.concatenate).
 * @param arrays the arrays (an NDArray stands for its rows); all must have the same number of dimensions and the
 *   same shape except along `axis`.
 * @param opts `axis` (default 0, `null` flattens the inputs), `out`, `dtype` (not both), `casting` (default 'same_kind').
 * @returns a new array (C order unless the inputs share another memory order), or `out`.
 * @throws {@link ValueError} for no arrays, 0-d arrays (unless axis is null), both `out` and `dtype`, or a bad casting.
 * @throws {@link AxisError} when `axis` is out of range.
 * @throws {@link ShapeError} when the dimensions differ, or `out` has the wrong shape.
 * @throws {@link DTypeError} when an input cannot be cast to the result dtype under `casting`.
 * @throws {@link ReadOnlyError} when `out` is read-only.
 * @throws {@link OverlapError} when `out` shares memory with an input or with itself; nothing is written.
 */
export const concatenate: (arrays: readonly ArrayInput[] | NDArray, opts?: ConcatenateOptions) => NDArray = defineDrivenOp({
  name: 'concatenate',
  optionsAt: 1,
  *drive(arrays: readonly ArrayInput[] | NDArray, opts: ConcatenateOptions = {}): OpDriver<NDArray> {
    checkOptions('concatenate', opts, JOIN_KEYS)
    const axis = opts.axis === undefined ? 0 : opts.axis
    return yield* joinDriver({ op: 'concatenate', arrays: inputs('concatenate', arrays), axis, out: opts.out, dtype: opts.dtype, casting: opts.casting })
  },
  access: (arrays, opts) => ({ reads: joinReads(arrays), writes: arraysIn(opts?.out) }),
})

/** The arrays a join reads (for the Runtime's hazard ordering): the NDArray inputs, or the NDArray of rows. */
function joinReads(arrays: unknown): NDArray[] {
  if (arrays instanceof NDArray) return [arrays]
  return Array.isArray(arrays) ? arraysIn(...(arrays as unknown[])) : []
}

/**
 * Join arrays of one shape along a new axis (np.stack).
 * @param arrays the arrays, all of the same shape (0-d arrays are allowed; an NDArray stands for its rows).
 * @param opts `axis` of the new dimension in the result (default 0), `out`, `dtype` (not both), `casting`.
 * @returns a new array with one more dimension, or `out`.
 * @throws {@link ValueError} for no arrays, both `out` and `dtype`, or a bad casting.
 * @throws {@link ShapeError} when the shapes differ, or `out` has the wrong shape.
 * @throws {@link AxisError} when `axis` is out of range for the result.
 * @throws {@link DTypeError} when an input cannot be cast under `casting`.
 * @throws {@link OverlapError} when `out` shares memory with an input; nothing is written.
 */
export const stack: (arrays: readonly ArrayInput[] | NDArray, opts?: StackOptions) => NDArray = defineDrivenOp({
  name: 'stack',
  optionsAt: 1,
  drive: stackDriver,
  access: (arrays, opts) => ({ reads: joinReads(arrays), writes: arraysIn(opts?.out) }),
})

function* stackDriver(arrays: readonly ArrayInput[] | NDArray, opts: StackOptions = {}): OpDriver<NDArray> {
  checkOptions('stack', opts, JOIN_KEYS)
  const arrs = inputs('stack', arrays)
  if (arrs.length === 0) throw new ValueError('stack: need at least one array to stack')
  const shape0 = arrs[0]!.shape
  arrs.forEach((a, i) => {
    if (a.ndim !== shape0.length || a.shape.some((n, k) => n !== shape0[k])) {
      throw new ShapeError(`stack: all input arrays must have the same shape, but array 0 has shape ${fmtShape(shape0)} and array ${i} has shape ${fmtShape(a.shape)}`)
    }
  })
  const axis = normalizeAxis(opts.axis ?? 0, shape0.length + 1, 'stack: axis')
  // each input gets a length-1 axis (stride 0) at `axis`, then they are concatenated along it
  const lead = Array<typeof ALL>(axis).fill(ALL)
  const expanded = arrs.map((a) => a.slice(...lead, null))
  return yield* joinDriver({ op: 'stack', arrays: expanded, axis, out: opts.out, dtype: opts.dtype, casting: opts.casting })
}

/**
 * Join arrays column-wise (np.hstack): along axis 1, or axis 0 when the inputs are 1-D; 0-d inputs become 1-D.
 * @param tup the arrays (an NDArray stands for its rows).
 * @param opts `dtype` and `casting` (default 'same_kind').
 * @returns a new array.
 * @throws {@link ValueError} for no arrays; {@link ShapeError} when the shapes do not fit together.
 * @throws {@link DTypeError} when an input cannot be cast under `casting`.
 */
export function hstack(tup: readonly ArrayInput[] | NDArray, opts: HVStackOptions = {}): NDArray {
  checkOptions('hstack', opts, HV_KEYS)
  const arrs = inputs('hstack', tup).map((a) => atleastNd(a, 1))
  const axis = arrs.length > 0 && arrs[0]!.ndim === 1 ? 0 : 1
  return join({ op: 'hstack', arrays: arrs, axis, dtype: opts.dtype, casting: opts.casting })
}

/**
 * Join arrays row-wise (np.vstack): along axis 0 after making every input at least 2-D (1-D (N,) becomes (1, N)).
 * @param tup the arrays (an NDArray stands for its rows).
 * @param opts `dtype` and `casting` (default 'same_kind').
 * @returns a new array with at least 2 dimensions.
 * @throws {@link ValueError} for no arrays; {@link ShapeError} when the shapes do not fit together.
 * @throws {@link DTypeError} when an input cannot be cast under `casting`.
 */
export function vstack(tup: readonly ArrayInput[] | NDArray, opts: HVStackOptions = {}): NDArray {
  checkOptions('vstack', opts, HV_KEYS)
  const arrs = inputs('vstack', tup).map((a) => atleastNd(a, 2))
  return join({ op: 'vstack', arrays: arrs, axis: 0, dtype: opts.dtype, casting: opts.casting })
}

/**
 * Join arrays depth-wise (np.dstack): along axis 2 after making every input at least 3-D ((N,) becomes (1, N, 1),
 * (M, N) becomes (M, N, 1)).
 * @param tup the arrays (an NDArray stands for its rows).
 * @returns a new array with at least 3 dimensions.
 * @throws {@link ValueError} for no arrays; {@link ShapeError} when the shapes do not fit together.
 */
export function dstack(tup: readonly ArrayInput[] | NDArray): NDArray {
  const arrs = inputs('dstack', tup).map((a) => atleastNd(a, 3))
  return join({ op: 'dstack', arrays: arrs, axis: 2 })
}

/**
 * Stack 1-D arrays as the columns of a 2-D array (np.column_stack): inputs with fewer than 2 dimensions become
 * columns ((N,) becomes (N, 1), a 0-d array (1, 1)); 2-D inputs are joined along axis 1 as they are.
 * @param tup the arrays (an NDArray stands for its rows).
 * @returns a new 2-D (or higher) array.
 * @throws {@link ValueError} for no arrays; {@link ShapeError} when the shapes do not fit together.
 */
export function columnStack(tup: readonly ArrayInput[] | NDArray): NDArray {
  const arrs = inputs('columnStack', tup).map((a) => (a.ndim < 2 ? prependOnes(a, 2).transpose() : a))
  return join({ op: 'columnStack', arrays: arrs, axis: 1 })
}

/** concatenate for the other shape functions (diff's prepend/append), with their name in the messages. */
export function concatenateAs(op: string, arrays: readonly NDArray[], axis: number): NDArray {
  return join({ op, arrays, axis })
}
