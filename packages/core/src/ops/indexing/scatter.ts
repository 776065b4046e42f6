/**
 * Writing through any index NumPy accepts (NumPy's `a[index] = value`): {@link Indexer}, what NDArray.at returns.
 */
import { array } from '../../creation.js'
import type { Scalar } from '../../dtype.js'
import { DTypeError, ShapeError, ValueError } from '../../errors.js'
import { copyInto } from '../../kernels/copy.js'
import { NDArray, type NestedArray } from '../../ndarray.js'
import { mayShareMemory } from '../../overlap/index.js'
import { toStored } from '../../scalar.js'
import { isCContiguous } from '../../shape.js'
import { denseMask, forEachSelected, resolveIndex, type AnyIndexItem, type IndexPlan } from './advanced.js'
import { getItem, viewFromLayout } from './gather.js'
import { maskFill } from './mask-loops.js'

/** What {@link Indexer.set} assigns: a JS scalar, nested JS arrays of scalars, or an NDArray (broadcast to the indexed shape). */
export type AssignValue = Scalar | NestedArray | NDArray

function fmt(s: readonly number[]): string {
  return `(${s.join(',')}${s.length === 1 ? ',' : ''})`
}

/** `value`'s layout broadcast to `shape` as setitem does (extra leading length-1 axes dropped), or ShapeError. */
function broadcastValue(value: NDArray, shape: readonly number[], fancy: boolean): NDArray {
  let lead = 0
  while (value.ndim - lead > shape.length && value.shape[lead] === 1) lead++
  const vs = value.shape.slice(lead)
  const ok = vs.length <= shape.length && vs.every((n, i) => n === 1 || n === shape[shape.length - vs.length + i])
  if (!ok) {
    throw new ShapeError(
      fancy
        ? `shape mismatch: value array of shape ${fmt(value.shape)} could not be broadcast to indexing result of shape ${fmt(shape)}`
        : `could not broadcast input array from shape ${fmt(value.shape)} into shape ${fmt(shape)}`,
    )
  }
  const strides = new Array<number>(shape.length).fill(0)
  const off = shape.length - vs.length
  vs.forEach((n, i) => { strides[off + i] = n === 1 ? 0 : value.strides[lead + i]! })
  return new NDArray(
    { buffer: value.buffer, dtype: value.dtype, shape, strides, offset: value.offset },
    { base: value.base ?? value, writeable: false },
  )
}

/** NumPy's single element from a list: Python's int()/float() of a list throw, bool() is the list's truth (returns). */
function elementFromList(a: NDArray, value: readonly unknown[]): void {
  void value
  const kind = a.dtypeInfo.kind
  if (kind === 'b') return
  if (kind === 'f') throw new ValueError('setting an array element with a sequence.')
  throw new DTypeError("int() argument must be a string, a bytes-like object or a real number, not 'list'")
}

/**
 * Assign `value` through a resolved plan: NumPy's setitem. Scalars convert with NumPy's Python-scalar rules (an
 * integer must fit the dtype), arrays cast unsafely; the value is read completely (copied first when it may
 * share memory with `a`) before anything is written, and repeated indices leave the last value.
 */
function assignPlan(a: NDArray, plan: IndexPlan, value: AssignValue): void {
  const fancy = plan.kind !== 'view'
  const shape = plan.kind === 'view' ? plan.layout.shape : plan.shape
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
    const v = toStored(value, a.dtype, 'value')
    if (plan.kind === 'fancy') plan.validate()
    if (plan.kind === 'view') { viewFromLayout(a, plan.layout).fill(value); return }
    const d = a.data as unknown as Record<number, number | bigint>
    const dense = denseMask(plan)
    if (dense !== null) { maskFill(a.data, dense.denseBase, dense.mask, v); return }
    forEachSelected(plan, (off) => { d[off] = v })
    return
  }
  if (plan.kind === 'view' && plan.element) {
    // NumPy's single-element assignment takes a scalar or a 0-d array only; a JS array goes through Python's
    // int()/float()/bool() of a list
    if (value instanceof NDArray && value.ndim > 0) {
      // a bool element takes Python's bool() of the array: its one element's truth
      if (a.dtype !== 'bool' || value.size !== 1) throw new ValueError('setting an array element with a sequence.')
      copyInto(viewFromLayout(a, plan.layout), value.reshape([]))
      return
    }
    if (Array.isArray(value)) { elementFromList(a, value); viewFromLayout(a, plan.layout).fill(value.length > 0); return }
  }
  if (plan.kind === 'view' && Array.isArray(value)) {
    // basic assignment converts a nested JS value with at most the target's number of dimensions
    let depth = 0
    for (let x: unknown = value; Array.isArray(x); x = (x as unknown[])[0]) depth++
    if (depth > shape.length) {
      throw new ValueError(`setting an array element with a sequence. The requested array would exceed the maximum number of dimension of ${shape.length}.`)
    }
  }
  if (plan.kind === 'fancy' && plan.shape.length === 0 && Array.isArray(value)) {
    // a 0-d advanced selection (integers and 0-d index arrays) takes a JS array as one element, as above
    elementFromList(a, value)
    plan.validate()
    const d = a.data as unknown as Record<number, number | bigint>
    forEachSelected(plan, (off) => { d[off] = value.length > 0 ? 1 : 0 })
    return
  }
  const src = value instanceof NDArray ? value : array(value, { dtype: a.dtype })
  const maskCount = plan.kind === 'mask' ? (plan.sole ? plan.count : undefined) : plan.kind === 'fancy' ? plan.soleMaskCount : undefined
  if (maskCount !== undefined) {
    // NumPy's boolean-mask assignment (a[mask] = v, mask over every axis) takes a 0-d or 1-d value only
    if (src.ndim > 1) throw new DTypeError(`NumPy boolean array indexing assignment requires a 0 or 1-dimensional input, input has ${src.ndim} dimensions`)
    if (src.ndim === 1 && src.size !== 1 && src.size !== maskCount) {
      throw new ValueError(`NumPy boolean array indexing assignment cannot assign ${src.size} input values to the ${maskCount} output values where the mask is true`)
    }
  }
  const b = broadcastValue(src, shape, fancy)
  if (plan.kind === 'view') {
    // copyInto casts unsafely and copies the source first when it overlaps the destination
    copyInto(viewFromLayout(a, plan.layout), b)
    return
  }
  if (plan.kind === 'fancy') plan.validate()
  // read the whole value before writing: straight from it when it is a C-ordered block of a's dtype that cannot
  // share memory with a, otherwise from a cast copy (NumPy's copy-first)
  let vals = b
  if (!(b.dtype === a.dtype && isCContiguous(b.shape, b.strides) && b.strides.every((s) => s !== 0) && !mayShareMemory(a, b))) {
    vals = NDArray.alloc(shape, a.dtype, 'C', false)
    copyInto(vals, b)
  }
  const s = vals.data as unknown as Record<number, number | bigint>
  const d = a.data as unknown as Record<number, number | bigint>
  const o = vals.offset
  const dense = denseMask(plan)
  if (dense !== null) {
    const m = dense.mask
    const base = dense.denseBase
    let i = o
    for (let j = 0; j < m.length; j++) if (m[j] !== 0) d[base + j] = s[i++]!
    return
  }
  forEachSelected(plan, (off, i) => { d[off] = s[o + i]! })
}

/**
 * The indexer NDArray.at returns: an index held against an array, to assign through (NumPy's `a[index] = value`)
 * or read through (NumPy's `a[index]`). `a.at(mask).set(0)` is NumPy's `a[mask] = 0`; `a.at([0, 2], ':').set(b)`
 * is `a[[0, 2], :] = b`. The index is resolved on every call, against the array's layout at that time.
 */
export class Indexer {
  /** The indexed array. */
  readonly target: NDArray
  /** The index items, as given to NDArray.at. */
  readonly items: readonly AnyIndexItem[]

  /**
   * Hold an index against an array (NDArray.at does this).
   * @param target the array to index.
   * @param items the index items: anything NDArray.slice accepts.
   */
  constructor(target: NDArray, items: readonly AnyIndexItem[]) {
    this.target = target
    this.items = [...items]
  }

  /**
   * NumPy's `a[index] = value`: assign `value`, broadcast to the indexed shape, through any index (basic or
   * advanced). A JS scalar converts as NDArray.set/fill do (NumPy's rule for Python scalars: an integer that does
   * not fit the dtype is an OverflowError, NaN into an integer dtype a ValueError, floats truncate into integers);
   * nested JS arrays convert element by element with the same rule; an NDArray casts unsafely (NumPy's setitem:
   * ints wrap, floats truncate). A value that may share memory with the target is copied first (NumPy does so
   * too, except on its boolean-mask path, a single mask over every axis, whose loop reads the value as it writes:
   * strided always copies first). Repeated indices:
   * the last assignment wins. Nothing is written when anything throws.
   * @param value the value: a scalar, nested JS arrays, or an NDArray.
   * @returns the target array.
   * @throws ReadOnlyError when the target is read-only.
   * @throws IndexError for any bad index (as NDArray.slice).
   * @throws ShapeError when the value does not broadcast to the indexed shape; for a boolean mask over every axis
   *   (NumPy's boolean assignment) DTypeError for a value of more than one dimension and ValueError for a 1-d
   *   value whose length is neither 1 nor the number of true entries.
   * @throws OverflowError for an integer scalar out of the dtype's range; ValueError for NaN into an integer dtype;
   *   DTypeError for a value that is not a number, bigint or boolean.
   */
  set(value: AssignValue): NDArray {
    const a = this.target
    a.assertWriteable('at().set')
    // a scalar value converts after the items are checked and before index arrays broadcast (NumPy's order)
    const scalar = typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean'
    const plan = resolveIndex(a, this.items, scalar ? () => { toStored(value, a.dtype, 'value') } : undefined)
    assignPlan(a, plan, value)
    return a
  }

  /**
   * NumPy's `a[index]`: the same as `a.slice(...items)`.
   * @returns a view when every item is basic, else a new array that owns its data.
   * @throws IndexError for any bad index.
   */
  get(): NDArray {
    return getItem(this.target, this.items)
  }
}

/**
 * NumPy's `a[index] = value` as a function: the same as `a.at(...items).set(value)` (see {@link Indexer.set}).
 * @param a the array to write.
 * @param items the index items.
 * @param value the value to assign.
 * @returns `a`.
 * @throws ReadOnlyError, IndexError, ShapeError, OverflowError, ValueError as {@link Indexer.set}.
 */
export function setItem(a: NDArray, items: readonly AnyIndexItem[], value: AssignValue): NDArray {
  return new Indexer(a, items).set(value)
}
