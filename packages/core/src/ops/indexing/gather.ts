/**
 * Reading through any index NumPy accepts (NumPy's `a[index]`): basic items give a view, any advanced item
 * (integer index array, boolean mask) a gathered copy.
 */
import { typedView } from '../../dtype.js'
import { NDArray } from '../../ndarray.js'
import { denseMask, forEachSelected, resolveIndex, type AnyIndexItem, type IndexPlan } from './advanced.js'
import { maskGather } from './mask-loops.js'

/** A view of `a` over a basic-index layout (bases collapse to the owner, writeability inherited). */
export function viewFromLayout(a: NDArray, layout: Extract<IndexPlan, { kind: 'view' }>['layout']): NDArray {
  return new NDArray(
    { buffer: a.buffer, dtype: a.dtype, shape: layout.shape, strides: layout.strides, offset: layout.offset },
    { base: a.base ?? a, writeable: a.flags.writeable },
  )
}

/**
 * The elements a mask or fancy plan selects, gathered into a new C-contiguous array that owns its data.
 * @param a the indexed array.
 * @param plan its plan from resolveIndex (not a view plan).
 * @returns a fresh array of a's dtype and the plan's shape.
 */
export function gatherPlan(a: NDArray, plan: Exclude<IndexPlan, { kind: 'view' }>): NDArray {
  if (plan.kind === 'fancy') plan.validate()
  const out = NDArray.alloc(plan.shape, a.dtype, 'C', false)
  const s = a.data as unknown as Record<number, number | bigint>
  const d = typedView(out.buffer, out.dtype) as unknown as Record<number, number | bigint>
  const o0 = out.offset
  const dense = denseMask(plan)
  if (dense !== null) {
    // a mask over a C-ordered array: one pass over the mask
    maskGather(a.data, dense.denseBase, dense.mask, typedView(out.buffer, out.dtype), o0)
    return out
  }
  if (plan.kind === 'fancy' && plan.outer.shape.length === 0 && plan.inner.shape.length === 0) {
    // one broadcast index block and nothing else: a tight gather loop
    const adv = plan.advOffsets
    const base = plan.base
    for (let j = 0; j < adv.length; j++) d[o0 + j] = s[base + adv[j]!]!
    return out
  }
  if (plan.kind === 'fancy' && plan.outer.shape.length === 0 && plan.inner.shape.length === 1) {
    // rows of a 2-d array picked by one index array (a[idx] or a[idx, :]): one strided run per index
    const adv = plan.advOffsets
    const n = plan.inner.shape[0]!
    const st = plan.inner.strides[0]!
    let o = o0
    for (let j = 0; j < adv.length; j++) {
      const b = plan.base + adv[j]!
      for (let k = 0; k < n; k++) d[o++] = s[b + k * st]!
    }
    return out
  }
  forEachSelected(plan, (off, i) => { d[o0 + i] = s[off]! })
  return out
}

/**
 * NumPy's `a[index]` with any index: integers, slice specs, index-expression strings, null (newaxis), '...',
 * integer index arrays and boolean masks. Basic items alone give a view; any advanced item gives a copy.
 * @param a the array to index.
 * @param items the index items.
 * @returns a view (basic items only) or a new array that owns its data.
 * @throws IndexError as NumPy: out-of-range indices, too many indices, malformed items, masks of the wrong shape,
 *   index arrays that do not broadcast together, and non-integer index arrays.
 */
export function getItem(a: NDArray, items: readonly AnyIndexItem[]): NDArray {
  const plan = resolveIndex(a, items)
  if (plan.kind !== 'view') return gatherPlan(a, plan)
  const v = viewFromLayout(a, plan.layout)
  return plan.copy ? v.copy() : v
}
