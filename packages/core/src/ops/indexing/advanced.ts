/**
 * NumPy's advanced indexing, the layout half: turning index items (basic ones, integer index arrays, boolean
 * masks) into an {@link IndexPlan}: either a plain view (basic items only) or a view plus the broadcast,
 * normalised integer arrays that select from it, with NumPy 2's result-shape rule. Never touches array memory
 * (only the index arrays' own values are read).
 */
import { DTYPES } from '../../dtype.js'
import { IndexError } from '../../errors.js'
import { applyBasicIndex, checkIndexItem, parseIndexExpression, type IndexItem, type ViewLayout } from '../../indexing.js'
import { forEachOffset } from '../../iterate.js'
import { NDArray } from '../../ndarray.js'
import { isCContiguous, shapeSize } from '../../shape.js'
import { maskOf } from './mask-loops.js'

/** Nested JS arrays of integers (numbers or bigints) or of booleans (a boolean mask), any depth. */
export type NestedIndexArray = readonly (number | bigint | boolean | NestedIndexArray)[]
/**
 * An advanced index item: an integer or boolean NDArray (any integer dtype, int64/uint64 included), nested JS
 * arrays of integers (an index array) or of booleans (a mask), or a scalar boolean (a 0-d mask).
 */
export type AdvancedIndexItem = NDArray | NestedIndexArray | boolean
/** Any item NDArray.slice and NDArray.at take: a basic item, an index expression string, or an advanced item. */
export type AnyIndexItem = IndexItem | string | AdvancedIndexItem

/** One integer index array after normalisation: its shape, its values, the view axis it selects on. */
interface IndexArray {
  shape: number[]
  values: ArrayLike<number>
  /** Exact values where a number could not hold them (|v| > 2**53), for error messages. */
  exact: Map<number, bigint> | null
  /** Axis of the intermediate view it indexes, and the source array's axis (for messages; -1: a 0-d bool axis). */
  viewAxis: number
  srcAxis: number
  /** Whether NumPy names its shape in a broadcast error (integers do not appear there). */
  listed: boolean
}

/** The result of resolving an index: a view, or a view plus the selection (see {@link resolveIndex}). */
export type IndexPlan =
  | {
    kind: 'view'
    layout: ViewLayout
    /** every axis is indexed by an integer (a single element: NumPy's scalar assignment path) */
    element: boolean
    /** a 0-d integer NDArray was among the items: NumPy's result is a copy of the view */
    copy: boolean
  }
  | {
    kind: 'mask'
    /** a is indexed by one mask over its first `k` axes: mask values (C order) and the rest of a's layout. */
    mask: Uint8Array
    count: number
    lead: { shape: number[]; strides: number[]; offset: number }
    rest: { shape: number[]; strides: number[] }
    shape: number[]
    /** the mask is the only item and covers every axis (NumPy's boolean-assignment rules apply) */
    sole: boolean
  }
  | {
    kind: 'fancy'
    /** the result shape */
    shape: number[]
    /** element offset (in a's buffer) of every selected broadcast index tuple, before the outer/inner axes */
    advOffsets: Float64Array
    outer: { shape: number[]; strides: number[] }
    inner: { shape: number[]; strides: number[] }
    base: number
    /** NumPy's bounds check of the index arrays (run before any element is read or written) */
    validate: () => void
    /** a 0-d array indexed by one 0-d boolean: NumPy's boolean-assignment rules apply, with this many true entries */
    soleMaskCount?: number
  }

type Item =
  | { t: 'basic'; v: IndexItem }
  | { t: 'int'; v: number }
  | { t: 'arr'; shape: number[]; values: ArrayLike<number>; exact: Map<number, bigint> | null }
  | { t: 'mask'; shape: number[]; values: Uint8Array; count?: number }
  | { t: 'bool0'; v: boolean }

const FULL: IndexItem = { start: null }
const INT64_MIN = -(2n ** 63n)
const INT64_MAX = 2n ** 63n - 1n
const NOT_VALID = 'only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices'

function tooBig(v: bigint | number): never {
  throw new IndexError(`index ${String(v)} is too large to convert to an index (int64, C long)`)
}

/** Read an NDArray index: an integer array (values as numbers; exact bigints kept aside) or a bool mask. */
function fromNDArray(x: NDArray, pos: number): Item {
  const kind = x.dtypeInfo.kind
  if (kind === 'b') {
    if (x.ndim === 0) return { t: 'bool0', v: x.data[x.offset] !== 0 }
    const d = x.data
    // the common case, a mask computed by a comparison: one monomorphic pass
    if (isCContiguous(x.shape, x.strides)) return { t: 'mask', shape: [...x.shape], ...maskOf(d as Uint8Array, x.offset, x.size) }
    const m = new Uint8Array(x.size)
    forEachOffset(x.shape, x.strides, x.offset, (o, i) => { m[i] = d[o] ? 1 : 0 })
    return { t: 'mask', shape: [...x.shape], values: m }
  }
  if (kind !== 'i' && kind !== 'u') {
    throw new IndexError(`arrays used as indices must be of integer (or boolean) type (index item ${pos} has dtype ${x.dtype})`)
  }
  if (x.ndim === 0) {
    // NumPy treats a 0-d integer array as an integer (checked at once), but the index stays advanced (a copy)
    const v = x.data[x.offset]!
    const b = typeof v === 'bigint' ? (x.dtype === 'uint64' ? BigInt.asIntN(64, v) : v) : v
    return { t: 'int', v: Number(b) }
  }
  const vals = new Float64Array(x.size)
  let exact: Map<number, bigint> | null = null
  const d = x.data
  if (DTYPES[x.dtype].bigint) {
    const u = x.dtype === 'uint64'
    forEachOffset(x.shape, x.strides, x.offset, (o, i) => {
      // uint64 goes through intp as NumPy's same_kind cast does: values ≥ 2**63 wrap to negative
      const b = u ? BigInt.asIntN(64, d[o] as bigint) : (d[o] as bigint)
      const n = Number(b)
      vals[i] = n
      if (!Number.isSafeInteger(n)) (exact ??= new Map()).set(i, b)
    })
  } else if (x.ndim === 1) {
    // the common case, a 1-d index array: one strided loop
    const st = x.strides[0]!
    const n = x.shape[0]!
    const dn = d as unknown as ArrayLike<number>
    for (let i = 0, o = x.offset; i < n; i++, o += st) vals[i] = dn[o]!
  } else {
    forEachOffset(x.shape, x.strides, x.offset, (o, i) => { vals[i] = d[o] as number })
  }
  return { t: 'arr', shape: [...x.shape], values: vals, exact }
}

/** Read nested JS arrays: all-boolean leaves make a mask, otherwise integers (booleans count as 0/1). */
function fromNested(x: NestedIndexArray, pos: number): Item {
  const shape: number[] = []
  for (let y: unknown = x; Array.isArray(y); y = (y as unknown[])[0]) {
    shape.push(y.length)
    if (y.length === 0) break
  }
  const leaves: unknown[] = []
  const walk = (y: unknown, depth: number): void => {
    if (depth < shape.length) {
      if (!Array.isArray(y) || y.length !== shape[depth]) {
        throw new IndexError(`index item ${pos} is an inhomogeneous nested array (expected shape (${shape.join(', ')})): ${NOT_VALID}`)
      }
      for (const z of y) walk(z, depth + 1)
      return
    }
    if (Array.isArray(y)) throw new IndexError(`index item ${pos} is an inhomogeneous nested array (expected shape (${shape.join(', ')})): ${NOT_VALID}`)
    leaves.push(y)
  }
  walk(x, 0)
  if (leaves.length > 0 && leaves.every((v) => typeof v === 'boolean')) {
    return { t: 'mask', shape, values: Uint8Array.from(leaves as boolean[], (b) => (b ? 1 : 0)) }
  }
  const vals = new Float64Array(leaves.length)
  let exact: Map<number, bigint> | null = null
  leaves.forEach((v, i) => {
    if (typeof v === 'boolean') vals[i] = v ? 1 : 0
    else if (typeof v === 'bigint') {
      if (v < INT64_MIN || v > INT64_MAX) tooBig(v)
      vals[i] = Number(v)
      if (!Number.isSafeInteger(vals[i])) (exact ??= new Map()).set(i, v)
    } else if (typeof v === 'number' && Number.isInteger(v)) {
      if (v >= 2 ** 63 || v < -(2 ** 63)) tooBig(v)
      vals[i] = v
    } else {
      throw new IndexError(`${NOT_VALID} (index item ${pos} holds ${typeof v === 'number' ? String(v) : typeof v})`)
    }
  })
  return { t: 'arr', shape, values: vals, exact }
}

function isAdvanced(it: unknown): boolean {
  return it instanceof NDArray || Array.isArray(it) || typeof it === 'boolean'
}

/**
 * Resolve index items against an array's layout: NumPy's indexing rules (basic and advanced), without reading or
 * writing the array's elements.
 * @param a the indexed array (only its shape, strides and offset are used).
 * @param items index items as NDArray.slice takes them.
 * @param prepared called once the items themselves are checked, before the index arrays are broadcast and
 *   bounds-checked (NumPy's setitem converts a scalar value at that point).
 * @returns a view plan when every item is basic, else a mask or fancy plan whose selection is a copy (a fancy
 *   plan's validate() checks the index arrays' bounds: call it before using the plan).
 * @throws IndexError for malformed items, too many indices, out-of-range indices, masks of the wrong shape,
 *   index arrays that do not broadcast, and non-integer index arrays.
 */
export function resolveIndex(a: NDArray, items: readonly AnyIndexItem[], prepared?: () => void): IndexPlan {
  // strings expand to basic items; anything else is kept as is
  const flat: unknown[] = []
  for (const it of items) {
    if (typeof it === 'string' && it !== '...') flat.push(...parseIndexExpression(it))
    else flat.push(it)
  }
  // a 0-d integer NDArray is an integer (NumPy's HAS_SCALAR_ARRAY): basic indexing whose result is copied, unless
  // a real index array or mask makes the whole index advanced
  const scalarArray = (it: unknown): it is NDArray => it instanceof NDArray && it.ndim === 0 && (it.dtypeInfo.kind === 'i' || it.dtypeInfo.kind === 'u')
  if (!flat.some((it) => isAdvanced(it) && !scalarArray(it))) {
    const copy = flat.some(scalarArray)
    const basicItems = flat.map((it, pos) => (scalarArray(it) ? (fromNDArray(it, pos) as { v: number }).v : it))
    const element = basicItems.length === a.ndim && basicItems.every((it) => typeof it === 'number')
    const layout = applyBasicIndex(a.shape, a.strides, a.offset, basicItems as IndexItem[])
    prepared?.()
    return { kind: 'view', layout, element, copy }
  }
  // classify (in order, so the first bad item is the one reported)
  const parsed: Item[] = flat.map((it, pos): Item => {
    if (it instanceof NDArray) return fromNDArray(it, pos)
    if (Array.isArray(it)) return fromNested(it as NestedIndexArray, pos)
    if (typeof it === 'boolean') return { t: 'bool0', v: it }
    checkIndexItem(it, pos)
    if (typeof it === 'number') {
      if (!Number.isInteger(it)) throw new IndexError(`${NOT_VALID} (got ${it})`)
      return { t: 'int', v: it }
    }
    return { t: 'basic', v: it as IndexItem }
  })
  const nd = a.ndim
  let consumed = 0
  let ellipses = 0
  for (const p of parsed) {
    if (p.t === 'int' || p.t === 'arr') consumed++
    else if (p.t === 'mask') consumed += p.shape.length
    else if (p.t === 'basic') {
      if (p.v === '...') ellipses++
      else if (p.v !== null) consumed++
    }
  }
  if (ellipses > 1) throw new IndexError("an index can only have a single ellipsis ('...')")
  if (consumed > nd) throw new IndexError(`too many indices for array: array is ${nd}-dimensional, but ${consumed} were indexed`)

  // fast path: one mask over the leading axes (optionally followed by '...')
  const first = parsed[0]!
  if (first.t === 'mask' && (parsed.length === 1 || (parsed.length === 2 && parsed[1]!.t === 'basic' && parsed[1]!.v === '...'))) {
    const k = first.shape.length
    checkMaskShape(a, first.shape, 0)
    prepared?.()
    let count = first.count ?? 0
    if (first.count === undefined) for (let i = 0; i < first.values.length; i++) count += first.values[i]!
    const rest = { shape: a.shape.slice(k), strides: a.strides.slice(k) }
    return {
      kind: 'mask', mask: first.values, count,
      lead: { shape: a.shape.slice(0, k), strides: a.strides.slice(0, k), offset: a.offset },
      rest, shape: [count, ...rest.shape], sole: parsed.length === 1 && k === nd,
    }
  }

  // the intermediate view keeps every advanced axis whole; record which view axis each index array selects
  const basic: IndexItem[] = []
  const arrays: IndexArray[] = []
  let viewAxis = 0
  let srcAxis = 0
  let firstFancy = -1
  let lastFancy = -1
  let brokenRun = false
  // NumPy checks every mask's shape before the integers' bounds
  const intChecks: (() => void)[] = []
  const fancyAt = (pos: number): void => {
    if (firstFancy >= 0 && lastFancy !== pos - 1) brokenRun = true
    if (firstFancy < 0) firstFancy = pos
    lastFancy = pos
  }
  parsed.forEach((p, pos) => {
    switch (p.t) {
      case 'basic':
        basic.push(p.v)
        if (p.v === '...') {
          const fill = nd - consumed
          viewAxis += fill
          srcAxis += fill
        } else if (p.v === null) viewAxis++
        else { viewAxis++; srcAxis++ }
        return
      case 'int': {
        // with any advanced item present, an integer is a 0-d index array (it takes part in the shape rule); NumPy
        // still checks it at once, even when the broadcast selection is empty
        const n = a.shape[srcAxis]!
        const v = p.v
        const ax = srcAxis
        if (v < -n || v >= n) intChecks.push(() => { throw new IndexError(`index ${v} is out of bounds for axis ${ax} with size ${n}`) })
        basic.push(FULL)
        arrays.push({ shape: [], values: [p.v], exact: null, viewAxis, srcAxis, listed: false })
        viewAxis++; srcAxis++
        fancyAt(pos)
        return
      }
      case 'arr':
        basic.push(FULL)
        arrays.push({ shape: p.shape, values: p.values, exact: p.exact, viewAxis, srcAxis, listed: true })
        viewAxis++; srcAxis++
        fancyAt(pos)
        return
      case 'bool0':
        // NumPy: a new axis of length 1, indexed by [0] (True) or [] (False)
        basic.push(null)
        arrays.push({ shape: [p.v ? 1 : 0], values: p.v ? [0] : [], exact: null, viewAxis, srcAxis: -1, listed: true })
        viewAxis++
        fancyAt(pos)
        return
      case 'mask': {
        checkMaskShape(a, p.shape, srcAxis)
        const nz = maskNonzero(p.values, p.shape)
        for (let j = 0; j < p.shape.length; j++) {
          basic.push(FULL)
          arrays.push({ shape: [nz[j]!.length], values: nz[j]!, exact: null, viewAxis, srcAxis, listed: true })
          viewAxis++; srcAxis++
        }
        fancyAt(pos)
        return
      }
    }
  })
  for (const check of intChecks) check()
  const view = applyBasicIndex(a.shape, a.strides, a.offset, basic)
  // NumPy's prepare_index ends here (setitem converts the value now); broadcasting and bounds come later
  prepared?.()
  const B = broadcastIndexShapes(arrays)
  const bsize = shapeSize(B)
  // NumPy checks the indices only when the broadcast selection is not empty, after the value's shape on assignment
  const validate = (): void => { if (bsize > 0) for (const ix of arrays) checkBounds(ix, view.shape[ix.viewAxis]!) }
  const advOffsets = new Float64Array(bsize)
  for (const ix of arrays) {
    const n = view.shape[ix.viewAxis]!
    const st = view.strides[ix.viewAxis]!
    const vals = ix.values
    if (ix.shape.length === B.length && ix.shape.every((d, k) => d === B[k])) {
      for (let j = 0; j < bsize; j++) { const v = vals[j]!; advOffsets[j]! += (v < 0 ? v + n : v) * st }
    } else {
      const ist = broadcastFlatStrides(ix.shape, B)
      forEachOffset(B, ist, 0, (o, j) => { const v = vals[o]!; advOffsets[j]! += (v < 0 ? v + n : v) * st })
    }
  }
  const advAxes = new Set(arrays.map((ix) => ix.viewAxis))
  const restAxes = [...view.shape.keys()].filter((k) => !advAxes.has(k))
  const pick = (ks: number[]): { shape: number[]; strides: number[] } => ({ shape: ks.map((k) => view.shape[k]!), strides: ks.map((k) => view.strides[k]!) })
  if (!brokenRun) {
    // adjacent advanced indices: their broadcast shape replaces them in place
    const p = arrays[0]!.viewAxis
    const outer = pick(restAxes.filter((k) => k < p))
    const inner = pick(restAxes.filter((k) => k > p))
    const plan: IndexPlan = { kind: 'fancy', shape: [...outer.shape, ...B, ...inner.shape], advOffsets, outer, inner, base: view.offset, validate }
    if (nd === 0 && parsed.length === 1 && first.t === 'bool0') plan.soleMaskCount = first.v ? 1 : 0
    return plan
  }
  // separated by a basic item: the broadcast shape goes first (NumPy's transposition rule)
  const inner = pick(restAxes)
  return { kind: 'fancy', shape: [...B, ...inner.shape], advOffsets, outer: { shape: [], strides: [] }, inner, base: view.offset, validate }
}

function checkMaskShape(a: NDArray, mshape: readonly number[], from: number): void {
  for (let j = 0; j < mshape.length; j++) {
    const n = a.shape[from + j]!
    // as NumPy, a mask axis of length 0 is not checked against the axis it covers
    if (mshape[j] !== 0 && mshape[j] !== n) {
      throw new IndexError(
        `boolean index did not match indexed array along axis ${from + j}; size of axis is ${n} but size of corresponding boolean axis is ${mshape[j]}`,
      )
    }
  }
}

/** nonzero() of a C-order mask: one Float64Array of coordinates per axis. */
function maskNonzero(m: Uint8Array, shape: readonly number[]): Float64Array[] {
  let count = 0
  for (let i = 0; i < m.length; i++) count += m[i]!
  const k = shape.length
  const out = shape.map(() => new Float64Array(count))
  const idx = new Array<number>(k).fill(0)
  let c = 0
  for (let i = 0; i < m.length; i++) {
    if (m[i]) {
      for (let j = 0; j < k; j++) out[j]![c] = idx[j]!
      c++
    }
    for (let j = k - 1; j >= 0; j--) {
      if (++idx[j]! < shape[j]!) break
      idx[j] = 0
    }
  }
  return out
}

function fmtShape(s: readonly number[]): string {
  return `(${s.join(',')}${s.length === 1 ? ',' : ''})`
}

function broadcastIndexShapes(arrays: readonly IndexArray[]): number[] {
  const nd = Math.max(0, ...arrays.map((x) => x.shape.length))
  const out = new Array<number>(nd).fill(1)
  for (const x of arrays) {
    const lead = nd - x.shape.length
    for (let i = 0; i < x.shape.length; i++) {
      const n = x.shape[i]!
      const t = out[lead + i]!
      if (n === t || n === 1) continue
      if (t === 1) { out[lead + i] = n; continue }
      const shown = arrays.filter((y) => y.listed).map((y) => fmtShape(y.shape)).join(' ')
      throw new IndexError(`shape mismatch: indexing arrays could not be broadcast together with shapes ${shown} `)
    }
  }
  return out
}

/** C-order strides of a flat array of `shape`, broadcast (stride 0) to `target`. */
function broadcastFlatStrides(shape: readonly number[], target: readonly number[]): number[] {
  const out = new Array<number>(target.length).fill(0)
  const lead = target.length - shape.length
  let s = 1
  for (let i = shape.length - 1; i >= 0; i--) {
    out[lead + i] = shape[i] === 1 ? 0 : s
    s *= shape[i]!
  }
  return out
}

function checkBounds(ix: IndexArray, n: number): void {
  const vals = ix.values
  for (let j = 0; j < vals.length; j++) {
    const v = vals[j]!
    if (v < -n || v >= n) {
      const shown = ix.exact?.get(j) ?? v
      throw new IndexError(`index ${String(shown)} is out of bounds for axis ${ix.srcAxis < 0 ? 0 : ix.srcAxis} with size ${n}`)
    }
  }
}

/** A mask plan whose mask covers a C-contiguous block (every axis of a C-ordered array): element j is at base + j. */
export type DenseMaskPlan = Extract<IndexPlan, { kind: 'mask' }> & { readonly denseBase: number }

/**
 * The fast path of a[mask] and a[mask] = v: when the mask covers every axis of a C-contiguous layout, element j
 * of the mask is element base + j of the buffer, so a plain loop replaces the per-element callbacks.
 * @param plan a plan from {@link resolveIndex}.
 * @returns the plan with its base offset, or null when the layout is not that simple.
 */
export function denseMask(plan: IndexPlan): DenseMaskPlan | null {
  if (plan.kind !== 'mask' || plan.rest.shape.length !== 0 || !isCContiguous(plan.lead.shape, plan.lead.strides)) return null
  return { ...plan, denseBase: plan.lead.offset }
}

/**
 * Call fn(elementOffset, i) for every element a mask or fancy plan selects, i counting in the result's C order.
 * @param plan a plan from {@link resolveIndex} that is not a view.
 * @param fn the callback.
 */
export function forEachSelected(plan: Exclude<IndexPlan, { kind: 'view' }>, fn: (off: number, i: number) => void): void {
  let i = 0
  if (plan.kind === 'mask') {
    const m = plan.mask
    const { shape: rs, strides: rt } = plan.rest
    const scalar = rs.length === 0
    forEachOffset(plan.lead.shape, plan.lead.strides, plan.lead.offset, (o, j) => {
      if (!m[j]) return
      if (scalar) fn(o, i++)
      else forEachOffset(rs, rt, o, (p) => fn(p, i++))
    })
    return
  }
  const adv = plan.advOffsets
  const nb = adv.length
  const { shape: is, strides: it } = plan.inner
  const noInner = is.length === 0
  forEachOffset(plan.outer.shape, plan.outer.strides, plan.base, (o1) => {
    if (noInner) {
      for (let j = 0; j < nb; j++) fn(o1 + adv[j]!, i++)
      return
    }
    for (let j = 0; j < nb; j++) forEachOffset(is, it, o1 + adv[j]!, (o) => fn(o, i++))
  })
}
