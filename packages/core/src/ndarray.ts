/**
 * NDArray: a view (dtype, shape, strides, offset) over a SharedArrayBuffer (or a wrapped ArrayBuffer).
 * Every view method returns a new NDArray over the same memory; copying methods always allocate.
 * Layout math lives in shape.ts, indexing.ts and reshape.ts; this class wires it together and keeps
 * NumPy's flags and base ownership.
 */
import type { ArrayDescriptor } from './descriptor.js'
import type { SortOptions } from './ops/sort/options.js'
import { DTYPES, dtype as lookupDType, typedView, type DType, type DTypeName, type Scalar, type TypedArray } from './dtype.js'
import { DTypeError, IndexError, ReadOnlyError, ShapeError, ValueError } from './errors.js'
import { normalizeIndex } from './indexing.js'
import { resolveIndex, type AnyIndexItem } from './ops/indexing/advanced.js'
import { gatherPlan } from './ops/indexing/gather.js'
import { Indexer } from './ops/indexing/scatter.js'
import { forEachOffset } from './iterate.js'
import { copyInto } from './kernels/copy.js'
import { adoptBlock, allocateBytes, type Allocation } from './memory/allocate.js'
import { checkOrder, reshapeStrides, resolveShape } from './reshape.js'
import { fromStored, toStored } from './scalar.js'
import {
  broadcastStrides, checkShape, contiguousStrides, isCContiguous, isFContiguous, keepOrderIterAxes, keepOrderStrides,
  normalizeAxes, normalizeAxis, shapeSize, type Order,
} from './shape.js'
import { checkOptions } from './check-options.js'

/**
 * NumPy's `order` for copies: `'C'` row-major, `'F'` column-major, `'A'` F when the source is F-contiguous and
 * not C-contiguous (else C), `'K'` keep the source's memory order of axes as closely as possible.
 */
export type CopyOrder = 'C' | 'F' | 'A' | 'K'
/** A scalar or nested JavaScript arrays of scalars, one level per axis (what {@link array} takes and NDArray.toArray returns). */
export type NestedArray = Scalar | NestedArray[]
/** What NDArray.toJSON returns: nested arrays of JSON-safe scalars (int64/uint64 beyond 2**53 − 1 as strings). */
export type JsonNested = number | string | boolean | JsonNested[]

const MAX_SAFE_BIG = BigInt(Number.MAX_SAFE_INTEGER)

/** Options of NDArray.reshape. */
export interface ReshapeOptions {
  /** Index order in which elements are read and placed: `'C'` (default), `'F'`, or `'A'` (F when the array is F-contiguous and not C-contiguous, else C). */
  order?: 'C' | 'F' | 'A'
  /** `true`: always copy; `false`: never copy (ValueError if a view is impossible); default: copy only when needed. */
  copy?: boolean
}

/** Split reshape's arguments into the shape and the options (NumPy: a.reshape(6, 4) or a.reshape((6, 4))). */
function reshapeArgs(args: readonly (number | readonly number[] | ReshapeOptions | undefined)[]): [number | readonly number[], ReshapeOptions] {
  let n = args.length
  while (n > 0 && args[n - 1] === undefined) n--
  let opts: ReshapeOptions = {}
  const last = args[n - 1]
  if (n > 0 && typeof last === 'object' && last !== null && !Array.isArray(last)) {
    opts = last as ReshapeOptions
    n--
  }
  const dims = args.slice(0, n)
  const shown = (): string => dims.map((d) => (Array.isArray(d) ? `[${d.join(', ')}]` : String(d))).join(', ')
  if (dims.length === 0) throw new ShapeError('reshape: no shape given (pass integers, one per axis, or one array of them)')
  if (dims.length === 1 && (Array.isArray(dims[0]) || typeof dims[0] === 'number')) return [dims[0] as number | readonly number[], opts]
  if (!dims.every((d) => typeof d === 'number')) {
    throw new ShapeError(`reshape: the shape must be one array or integers one per axis, got (${shown()})`)
  }
  return [dims as number[], opts]
}

/** NumPy's array flags. `writeable` can be changed (with NumPy's rule for turning it back on). */
export interface Flags {
  /** The elements are dense in row-major order (NumPy's C_CONTIGUOUS; length-1 axes are ignored, empty arrays count). */
  readonly cContiguous: boolean
  /** The elements are dense in column-major order (NumPy's F_CONTIGUOUS, same rules). */
  readonly fContiguous: boolean
  /** This array owns its memory: it is not a view of another array nor wrapped external memory (NumPy's OWNDATA). */
  readonly ownData: boolean
  /**
   * Elements may be written (NumPy's WRITEABLE). Assigning `false` makes the view read-only; assigning `true`
   * throws {@link ValueError} when the owner array is read-only.
   */
  writeable: boolean
  /** Always true: offsets and strides are whole elements of the dtype (NumPy's ALIGNED). */
  readonly aligned: boolean
}

interface ViewOptions {
  base?: NDArray | null
  writeable?: boolean
  /** The memory belongs to the caller (fromBuffer): no owner array, but flags.ownData is false, as NumPy's frombuffer. */
  external?: boolean
  /** For a new owner: the allocation it owns (an arena block is freed when this array is collected). */
  allocation?: Allocation
  /**
   * With `allocation`: the memory's lifetime is tied to this object instead (an earlier owner after relayout, or a
   * token that returns a cross-thread reference count when collected); the new array keeps it alive.
   */
  keepAlive?: object
}

/** Hook for printing, installed by format/ to keep this file free of formatting code. */
export const printing: { repr?: (a: NDArray) => string; str?: (a: NDArray) => string } = {}

/** Hook for the in-place sort, installed by ops/sort/ to keep this file free of sorting code. */
export const sorting: { sortInPlace?: (a: NDArray, opts?: SortOptions) => NDArray } = {}

/**
 * An n-dimensional array (NumPy's `ndarray`): a view (dtype, shape, strides, offset) over a SharedArrayBuffer or a
 * wrapped ArrayBuffer. View methods (slice, transpose, reshape when possible, ...) return a new NDArray over the
 * same memory; copying methods (copy, astype, flatten) always allocate. Strides and offset are in elements, not
 * bytes; see {@link NDArray.byteStrides} for NumPy's byte strides.
 */
export class NDArray implements ArrayDescriptor {
  // buffer, data and base reach memory beyond this view's elements (the whole buffer, often the shared arena), so
  // they are private fields behind prototype getters: not own enumerable properties, hence absent from
  // Object.keys, {...a} and structuredClone(a). JSON.stringify uses toJSON (this view's values only).
  readonly #buffer: SharedArrayBuffer | ArrayBuffer
  readonly #base: NDArray | null
  readonly #data: TypedArray
  /** The element type's name (NumPy's `a.dtype.name`); {@link NDArray.dtypeInfo} gives the full {@link DType}. */
  readonly dtype: DTypeName
  /** Length of each axis (NumPy's `a.shape`), frozen. */
  readonly shape: readonly number[]
  /** Strides in elements of dtype (may be negative or zero). */
  readonly strides: readonly number[]
  /** Offset of element [0, ..., 0] in elements of dtype from the start of the buffer. */
  readonly offset: number
  #writeable: boolean
  readonly #external: boolean
  /** Owners only: the bytes this array may address, [start, end) of the buffer (an arena block, or all of it). */
  readonly #extent: { readonly start: number; readonly end: number; readonly block: number; readonly arenaId: number } | null
  /** Owners of arena blocks: an ArrayBuffer that makes the garbage collector feel the block's size (allocate.ts). */
  readonly #ballast: ArrayBuffer | null
  /** What this owner's allocation lifetime is tied to when it is not the array itself (see ViewOptions). */
  readonly #keep: object | null
  #flags: { c: boolean; f: boolean } | undefined

  /** Wrap a descriptor as-is (no bounds validation: use fromBuffer/asStrided for untrusted input). */
  constructor(desc: ArrayDescriptor, opts: ViewOptions = {}) {
    this.#buffer = desc.buffer
    this.dtype = desc.dtype
    this.shape = Object.freeze([...desc.shape])
    // `+ 0` turns -0 (from negating a zero stride in flip / negative-step slices) into 0, as NumPy reports it
    this.strides = Object.freeze(desc.strides.map((s) => s + 0))
    this.offset = desc.offset
    this.#base = opts.base ?? null
    this.#data = typedView(desc.buffer, desc.dtype)
    this.#writeable = opts.writeable ?? true
    this.#external = opts.external ?? false
    const al = opts.allocation
    this.#extent = al === undefined ? null : { start: al.byteOffset, end: al.byteOffset + al.bytes, block: al.block, arenaId: al.arenaId }
    this.#keep = opts.keepAlive ?? null
    this.#ballast = al === undefined || this.#keep !== null ? null : adoptBlock(this, al)
  }

  /** The memory this view lies in (the whole buffer: for arena arrays, the arena shared by many arrays). */
  get buffer(): SharedArrayBuffer | ArrayBuffer { return this.#buffer }
  /** The array that owns the memory (collapsed as NumPy does); null when this array is the owner. */
  get base(): NDArray | null { return this.#base }
  /** A typed array of dtype over the whole buffer; element i of the view is data[offset + Σ i_k·strides[k]]. */
  get data(): TypedArray { return this.#data }

  /** A fresh owner over new memory (zero-filled unless `zero` is false: the caller writes every element). */
  static #fresh(dt: DTypeName, shape: readonly number[], strides: readonly number[], bytes: number, zero: boolean): NDArray {
    const al = allocateBytes(bytes, zero)
    return new NDArray({ buffer: al.buffer, dtype: dt, shape, strides, offset: al.byteOffset / DTYPES[dt].itemsize }, { allocation: al })
  }

  /**
   * A fresh owner array, contiguous in `order`, zero-filled unless `zero` is false (then the caller must write
   * every element). Larger arrays live in the thread's arena (memory/), where the WASM kernels reach them.
   */
  static alloc(shape: readonly number[], dt: DTypeName = 'float64', order: Order = 'C', zero = true): NDArray {
    const s = checkShape(shape)
    const size = shapeSize(s)
    // NumPy gives a freshly allocated zero-size array all-zero strides (np.zeros((0, 3)).strides == (0, 0))
    const strides = size === 0 ? s.map(() => 0) : contiguousStrides(s, order)
    return NDArray.#fresh(dt, s, strides, Math.max(size, 1) * DTYPES[dt].itemsize, zero)
  }

  /**
   * A fresh owner with explicit element strides (each ≥ 0, laid out densely by the caller) over
   * `elements` elements; zero-filled unless `zero` is false.
   */
  static allocStrided(shape: readonly number[], strides: readonly number[], dt: DTypeName, elements: number, zero = true): NDArray {
    return NDArray.#fresh(dt, [...shape], [...strides], Math.max(elements, 1) * DTYPES[dt].itemsize, zero)
  }

  /**
   * This owner's memory under another dense layout of the same elements, as a new owner (flatten, allocLike);
   * `this` must be a fresh owner nobody else holds: the memory's lifetime moves to the result.
   */
  #relayout(shape: readonly number[], strides: readonly number[]): NDArray {
    const e = this.#extent
    const allocation: Allocation | undefined = e === null ? undefined : { buffer: this.buffer as SharedArrayBuffer, byteOffset: e.start, block: e.block, bytes: e.end - e.start, arenaId: e.arenaId }
    // an arena block stays registered to `this`, which the new owner keeps alive
    return new NDArray({ buffer: this.buffer, dtype: this.dtype, shape, strides, offset: this.offset }, { allocation, keepAlive: this })
  }

  /**
   * The bytes of the buffer this view may address: its owner's allocation (an arena block, or the whole
   * buffer). Bounds checks (asStrided) use it, so a view never reaches a neighbouring array in the arena.
   */
  get memoryExtent(): {
    /** First byte of the owner's allocation in the buffer. */
    readonly start: number
    /** One past the last byte of the owner's allocation in the buffer. */
    readonly end: number
  } {
    const owner = this.base ?? this
    return owner.#extent ?? { start: 0, end: this.buffer.byteLength }
  }

  /** Arena block handle of the owner's memory, or -1 (plain SharedArrayBuffer / external memory). */
  get arenaBlock(): number {
    return (this.base ?? this).#extent?.block ?? -1
  }

  /** Id of the arena holding the owner's memory, or 0. */
  get arenaId(): number {
    return (this.base ?? this).#extent?.arenaId ?? 0
  }

  /**
   * A fresh zero-filled owner shaped like `proto`, laid out as NumPy's new-like-array does for `order`
   * (copy, astype, *_like): 'K' keeps the prototype's memory order of axes (sorted by |stride|).
   */
  static allocLike(proto: NDArray, dt: DTypeName, order: CopyOrder, zero = true): NDArray {
    const { cContiguous: c, fContiguous: f } = proto.flags
    if (order === 'A') return NDArray.alloc(proto.shape, dt, f && !c ? 'F' : 'C', zero)
    if (order !== 'K' || c || proto.ndim <= 1) return NDArray.alloc(proto.shape, dt, order === 'F' ? 'F' : 'C', zero)
    if (f) return NDArray.alloc(proto.shape, dt, 'F', zero)
    const out = NDArray.alloc(proto.shape, dt, 'C', zero)
    return out.#relayout(proto.shape, keepOrderStrides(proto.shape, proto.strides))
  }

  /** Number of axes (NumPy's `a.ndim`). */
  get ndim(): number { return this.shape.length }
  /** Number of elements, the product of the shape (NumPy's `a.size`; 1 for a 0-d array). */
  get size(): number { return shapeSize(this.shape) }
  /** Bytes per element (NumPy's `a.itemsize`). */
  get itemsize(): number { return DTYPES[this.dtype].itemsize }
  /** Bytes the elements take, `size * itemsize` (NumPy's `a.nbytes`; not the extent a strided view spans). */
  get nbytes(): number { return this.size * this.itemsize }
  /** The full description of the dtype (NumPy's `a.dtype` object). */
  get dtypeInfo(): DType { return DTYPES[this.dtype] }
  /** Strides in bytes (NumPy's `a.strides`), a fresh array. */
  get byteStrides(): number[] { return this.strides.map((s) => s * this.itemsize) }
  /** Byte position of element [0, ..., 0] from the start of the buffer. */
  get byteOffset(): number { return this.offset * this.itemsize }
  /** The transpose (all axes reversed), a view. */
  get T(): NDArray { return this.transpose() }

  /** NumPy's `a.flags`: contiguity, ownership, writeability (the only settable flag) and alignment. */
  get flags(): Flags {
    if (this.#flags === undefined) this.#flags = { c: isCContiguous(this.shape, this.strides), f: isFContiguous(this.shape, this.strides) }
    const self = this
    const { c, f } = this.#flags
    return {
      cContiguous: c,
      fContiguous: f,
      ownData: this.base === null && !this.#external,
      // every view is element-aligned: offsets and strides are whole elements of its dtype
      aligned: true,
      get writeable() { return self.#writeable },
      set writeable(v: boolean) { self.setWriteable(v) },
      // console.log shows the values, not the accessor
      [Symbol.for('nodejs.util.inspect.custom')]() {
        return { cContiguous: c, fContiguous: f, ownData: self.base === null && !self.#external, writeable: self.#writeable, aligned: true }
      },
    } as Flags
  }

  /** NumPy's rule: a view may become writeable again only if its owner is writeable. */
  setWriteable(v: boolean): void {
    // NumPy checks the owner on every request for True, even when this view is already writeable (a view made
    // before its owner became read-only cannot be re-marked writeable).
    if (v && this.base !== null && !this.base.#writeable) {
      throw new ValueError('cannot set WRITEABLE flag to True of this array: its base array is read-only')
    }
    this.#writeable = v
  }

  /** A new view of this array's memory with another layout; base collapses to the owner. */
  protected viewOf(shape: readonly number[], strides: readonly number[], offset: number, dt: DTypeName = this.dtype, writeable = this.#writeable): NDArray {
    return new NDArray({ buffer: this.buffer, dtype: dt, shape, strides, offset }, { base: this.base ?? this, writeable })
  }

  /** Throw ReadOnlyError if this view cannot be written; `what` names the operand. */
  assertWriteable(what = 'array'): void {
    if (!this.#writeable) throw new ReadOnlyError(`assignment destination is read-only (${what} with shape (${this.shape.join(', ')}), dtype ${this.dtype})`)
  }

  // ---------------------------------------------------------------- element access

  private elementOffset(idx: readonly number[], op: string): number {
    if (idx.length !== this.ndim) {
      throw new IndexError(`${op} needs ${this.ndim} indices for an array of shape (${this.shape.join(', ')}), got ${idx.length}: (${idx.join(', ')})`)
    }
    let off = this.offset
    for (let k = 0; k < idx.length; k++) off += normalizeIndex(idx[k]!, this.shape[k]!, k) * this.strides[k]!
    return off
  }

  /** The element at an integer index (negative counts from the end). */
  get(...idx: number[]): Scalar {
    return fromStored(this.data[this.elementOffset(idx, 'get')]!, this.dtype)
  }

  /** Write one element: set(i, j, value). Integer values must fit the dtype (OverflowError otherwise). */
  set(...args: [...number[], Scalar]): void {
    this.assertWriteable('set')
    const value = args[args.length - 1] as Scalar
    const idx = args.slice(0, -1) as number[]
    const off = this.elementOffset(idx, 'set')
    ;(this.data as unknown as Record<number, number | bigint>)[off] = toStored(value, this.dtype, 'value')
  }

  /** Fill every element with a value (in place). */
  fill(value: Scalar): this {
    this.assertWriteable('fill')
    const v = toStored(value, this.dtype, 'fill value')
    const d = this.data as unknown as Record<number, number | bigint>
    forEachOffset(this.shape, this.strides, this.offset, (o) => { d[o] = v })
    return this
  }

  /**
   * Sort in place along an axis (NumPy's `a.sort()`): NumPy's order (NaNs last, -0 equal to +0), stable for
   * every kind, as the `sort` function.
   * @param opts - axis (default -1; null is refused, as NumPy), kind (NumPy's names); `order` is refused
   * @returns this array, sorted
   * @throws ReadOnlyError for a read-only view; OverlapError for a view with internal overlap; AxisError,
   *   ValueError or DTypeError for bad options; nothing is written when it throws
   */
  sort(opts?: SortOptions): this {
    if (sorting.sortInPlace === undefined) throw new ValueError('sort: the sorting module is not loaded (import @strided/core)')
    sorting.sortInPlace(this, opts)
    return this
  }

  /** Nested JavaScript arrays of the elements in logical order (a scalar for 0-d). */
  toArray(): NestedArray {
    const d = this.data
    const dt = this.dtype
    const rec = (axis: number, off: number): NestedArray => {
      if (axis === this.ndim) return fromStored(d[off]!, dt)
      const n = this.shape[axis]!
      const s = this.strides[axis]!
      const out: NestedArray[] = new Array(n)
      for (let i = 0; i < n; i++) out[i] = rec(axis + 1, off + i * s)
      return out
    }
    return rec(0, this.offset)
  }

  /**
   * NumPy's `a.tolist()`: the elements as nested JavaScript arrays in logical order (the same as toArray()).
   * @returns nested arrays (ndim levels deep) of numbers (float, int8..uint32), bigints (int64, uint64) and
   *   booleans (bool); a 0-d array gives its scalar, as NumPy does.
   */
  tolist(): NestedArray {
    return this.toArray()
  }

  /**
   * What `JSON.stringify(a)` writes: this view's own elements as nested lists, like tolist() (a 0-d array gives
   * a scalar). Never the backing buffer, which may hold other arrays (the shared arena).
   *
   * JSON has no bigint (JSON.stringify throws on one), so int64/uint64 elements become numbers when they are
   * safe integers (|v| ≤ 2**53 − 1, so every such number reads back as exactly one integer) and decimal strings
   * otherwise: `[1, "9007199254740993"]`. Read them back with `BigInt(v)` for either form. Float NaN, Infinity
   * and -Infinity become `null` and -0 becomes `0` (JSON.stringify's rules for numbers); bool gives true/false.
   * @param _key the property name JSON.stringify passes (unused).
   * @returns nested arrays of number | string | boolean, or one such value for a 0-d array.
   */
  toJSON(_key?: string): JsonNested {
    const big = DTYPES[this.dtype].bigint
    const tree = this.toArray()
    if (!big) return tree as JsonNested
    const conv = (x: NestedArray): JsonNested => {
      if (Array.isArray(x)) return x.map(conv)
      const v = x as bigint
      return v >= -MAX_SAFE_BIG && v <= MAX_SAFE_BIG ? Number(v) : v.toString()
    }
    return conv(tree)
  }

  /** The elements in C order as a flat JavaScript array. */
  toFlatArray(): Scalar[] {
    const out: Scalar[] = []
    const d = this.data
    forEachOffset(this.shape, this.strides, this.offset, (o) => out.push(fromStored(d[o]!, this.dtype)))
    return out
  }

  // ---------------------------------------------------------------- basic indexing (views)

  /**
   * NumPy's `a[index]`. Basic indexing gives a view: `a.slice('1:5:2, ..., None, ::-1, 3')` or programmatic items
   * (numbers, { start, stop, step }, null for newaxis, '...'); strings may be mixed with items. Indexing every
   * axis with an integer gives a 0-d view (use get() for a scalar). Advanced indexing gives a copy that owns its
   * data: integer index arrays (JS arrays, nested JS arrays, integer NDArrays of any dtype) and boolean masks
   * (bool NDArrays, nested JS booleans, `true`/`false`), mixed freely with basic items, with NumPy's rules
   * (index arrays broadcast together; adjacent advanced items are replaced in place by their broadcast shape,
   * separated ones put it first; negative indices count from the end). `a.slice([0, 2], ':')` is `a[[0, 2], :]`,
   * `a.slice(mask)` is `a[mask]`.
   * @param items the index items.
   * @returns a view when every item is basic, else a new C-contiguous array.
   * @throws IndexError for an out-of-range or malformed index (NumPy's messages), too many indices, a mask of the
   *   wrong shape, index arrays that do not broadcast, a non-integer index array, and any other kind of item.
   */
  slice(...items: AnyIndexItem[]): NDArray {
    const plan = resolveIndex(this, items)
    if (plan.kind !== 'view') return gatherPlan(this, plan)
    const v = plan.layout
    const view = this.viewOf(v.shape, v.strides, v.offset)
    // a 0-d integer NDArray among basic items: NumPy copies the view
    return plan.copy ? view.copy() : view
  }

  /**
   * An {@link Indexer} over this array: `a.at(...items).set(value)` is NumPy's `a[index] = value` for any index
   * (basic or advanced), e.g. `a.at(mask).set(0)` is `a[mask] = 0`; `a.at(...items).get()` is `a.slice(...items)`.
   * @param items the index items, as {@link NDArray.slice} takes them.
   * @returns the indexer (the index is checked when it is used).
   */
  at(...items: AnyIndexItem[]): Indexer {
    return new Indexer(this, items)
  }

  // ---------------------------------------------------------------- shape manipulation (views)

  /** Permute axes (default: reverse them). */
  transpose(axes?: readonly number[]): NDArray {
    const nd = this.ndim
    // only a missing argument means "reverse"; NumPy checks the count before the axis values, and an empty
    // list does not match an array with ndim > 0
    if (axes !== undefined && axes.length !== nd) throw new ValueError(`axes (${axes.join(', ')}) don't match array of dimension ${nd}`)
    const perm = axes === undefined ? [...Array(nd).keys()].reverse() : normalizeAxes(axes, nd, 'axes')
    return this.viewOf(perm.map((p) => this.shape[p]!), perm.map((p) => this.strides[p]!), this.offset)
  }

  /**
   * Interchange two axes, a view (NumPy's `a.swapaxes`).
   * @param a1 - the first axis (negative counts from the end).
   * @param a2 - the second axis.
   * @returns a view with axes `a1` and `a2` exchanged.
   * @throws {@link AxisError} when an axis is out of range.
   */
  swapaxes(a1: number, a2: number): NDArray {
    const i = normalizeAxis(a1, this.ndim, 'axis1')
    const j = normalizeAxis(a2, this.ndim, 'axis2')
    const perm = [...Array(this.ndim).keys()]
    perm[i] = j
    perm[j] = i
    return this.transpose(perm)
  }

  /** Move axes to new positions, keeping the order of the others (np.moveaxis). */
  moveaxis(source: number | readonly number[], destination: number | readonly number[]): NDArray {
    const src = normalizeAxes(typeof source === 'number' ? [source] : source, this.ndim, 'source')
    const dst = normalizeAxes(typeof destination === 'number' ? [destination] : destination, this.ndim, 'destination')
    if (src.length !== dst.length) throw new ValueError(`moveaxis: source (${src.join(', ')}) and destination (${dst.join(', ')}) must have the same number of elements`)
    const order = [...Array(this.ndim).keys()].filter((k) => !src.includes(k))
    const pairs = dst.map((d, i) => [d, src[i]!] as const).sort((x, y) => x[0] - y[0])
    for (const [d, s] of pairs) order.splice(d, 0, s)
    return this.transpose(order)
  }

  /** Remove length-1 axes (all, or the given ones; selecting a longer axis is an error). */
  squeeze(axis?: number | readonly number[]): NDArray {
    let drop: number[]
    if (axis === undefined) drop = this.shape.flatMap((n, i) => (n === 1 ? [i] : []))
    // NumPy lets a single axis 0 or -1 through on a 0-d array (PyArray_ConvertMultiAxis, for backwards
    // compatibility); a list of axes gets no such exception
    else if (this.ndim === 0 && (axis === 0 || axis === -1)) drop = []
    else {
      drop = normalizeAxes(typeof axis === 'number' ? [axis] : axis, this.ndim)
      for (const k of drop) {
        if (this.shape[k] !== 1) throw new ShapeError(`cannot select an axis to squeeze out which has size not equal to one (axis ${k} has size ${this.shape[k]})`)
      }
    }
    // NumPy returns the array itself when there is nothing to squeeze out (a.squeeze() is a)
    if (drop.length === 0) return this
    const keep = [...Array(this.ndim).keys()].filter((k) => !drop.includes(k))
    return this.viewOf(keep.map((k) => this.shape[k]!), keep.map((k) => this.strides[k]!), this.offset)
  }

  /** Insert length-1 axes at the given positions of the result (np.expand_dims, via reshape). */
  expandDims(axis: number | readonly number[]): NDArray {
    const axes = typeof axis === 'number' ? [axis] : [...axis]
    const nd = this.ndim + axes.length
    const pos = normalizeAxes(axes, nd)
    const shape: number[] = []
    let j = 0
    for (let k = 0; k < nd; k++) shape.push(pos.includes(k) ? 1 : this.shape[j++]!)
    return this.reshape(shape)
  }

  /** Reverse the order of elements along the given axes (all by default): negative strides, a view. */
  flip(axis?: number | readonly number[]): NDArray {
    const axes = axis === undefined ? [...Array(this.ndim).keys()] : normalizeAxes(typeof axis === 'number' ? [axis] : axis, this.ndim)
    const strides = [...this.strides]
    let off = this.offset
    for (const k of axes) {
      // like a[::-1]: an empty axis keeps its stride and the pointer stays put
      if (this.shape[k]! === 0) continue
      off += (this.shape[k]! - 1) * strides[k]!
      strides[k] = -strides[k]!
    }
    return this.viewOf(this.shape, strides, off)
  }

  /**
   * Give a new shape (one entry may be -1), as NumPy's `a.reshape([6, 4])`. A view exactly when NumPy's reshape
   * is a view; otherwise a view of a hidden copy in `order` (so flags.ownData is false, as in NumPy).
   * @param shape - the new shape as one array, or one integer for a 1-D result.
   * @param opts - the index order and whether to copy ({@link ReshapeOptions}).
   * @returns the reshaped array.
   * @throws {@link ShapeError} when an entry is not an integer, more than one is negative, or the sizes differ.
   * @throws {@link ValueError} when `copy: false` and a copy is needed, or `order` is not 'C', 'F' or 'A'.
   */
  reshape(shape: number | readonly number[], opts?: ReshapeOptions): NDArray
  /**
   * Give a new shape as integers one per axis, then the options, as NumPy's `a.reshape(6, 4, order='F')`.
   * @param args - the new dimensions (one may be -1), then a {@link ReshapeOptions} object last.
   * @returns the reshaped array (a view when NumPy's would be).
   * @throws {@link ShapeError} when no shape is given, an entry is not an integer, or the sizes differ.
   * @throws {@link ValueError} when `copy: false` and a copy is needed, or `order` is not 'C', 'F' or 'A'.
   */
  reshape(...args: [...shape: number[], opts: ReshapeOptions]): NDArray
  /**
   * Give a new shape as integers one per axis, as NumPy's `a.reshape(6, 4)` (one may be -1).
   * @param shape - the new dimensions.
   * @returns the reshaped array (a view when NumPy's would be).
   * @throws {@link ShapeError} when no shape is given, an entry is not an integer, or the sizes differ.
   */
  reshape(...shape: number[]): NDArray
  reshape(...args: (number | readonly number[] | ReshapeOptions | undefined)[]): NDArray {
    const [shape, opts] = reshapeArgs(args)
    checkOptions('reshape', opts, ['order', 'copy'])
    let order = checkOrder(opts.order, ['C', 'F', 'A'], 'reshape') as 'C' | 'F' | 'A'
    if (order === 'A') order = this.flags.fContiguous && !this.flags.cContiguous ? 'F' : 'C'
    const requested = typeof shape === 'number' ? [shape] : shape
    // NumPy's shortcut: the requested shape (before resolving -1) equals the current one → a plain view that
    // keeps every stride, including those of length-1 axes (x[:, None].reshape(3, 1) keeps stride 0)
    if (opts.copy !== true && requested.length === this.ndim && requested.every((n, i) => n === this.shape[i])) {
      return this.viewOf(this.shape, this.strides, this.offset)
    }
    const target = resolveShape(this.size, requested)
    if (opts.copy !== true) {
      const strides = reshapeStrides(this.shape, this.strides, target, order)
      if (strides !== null) return this.viewOf(target, strides, this.offset)
      if (opts.copy === false) throw new ValueError(`Unable to avoid creating a copy while reshaping (${this.shape.join(', ')}) into (${target.join(', ')})`)
    }
    // a view of a hidden copy, with the natural strides of `order` (the copy may be empty: zero strides)
    const hidden = this.copy(order)
    return hidden.viewOf(target, contiguousStrides(target, order), hidden.offset)
  }

  /** A 1-D view when NumPy's ravel is a view (contiguous in `order`), otherwise a copy. */
  ravel(order: CopyOrder = 'C'): NDArray {
    const o = checkOrder(order, ['C', 'F', 'A', 'K'], 'ravel') as CopyOrder
    const { cContiguous: c, fContiguous: f } = this.flags
    const eff = o === 'A' ? (f && !c ? 'F' : 'C') : o
    if (eff === 'C' && c) return this.viewOf([this.size], [1], this.offset)
    if (eff === 'F' && f) return this.viewOf([this.size], [1], this.offset)
    if (eff === 'K') {
      if (c || f) return this.viewOf([this.size], [1], this.offset)
      const axes = [...Array(this.ndim).keys()].filter((k) => this.shape[k] !== 1).sort((x, y) => this.strides[y]! - this.strides[x]!)
      let expected = 1
      let dense = true
      for (let i = axes.length - 1; i >= 0; i--) {
        const k = axes[i]!
        if (this.strides[k] !== expected) { dense = false; break }
        expected *= this.shape[k]!
      }
      if (dense) return this.viewOf([this.size], [1], this.offset)
    }
    return this.flatten(eff)
  }

  /** A 1-D copy, always. 'K' reads the elements in memory order, as NumPy's nditer does (strides not negated). */
  flatten(order: CopyOrder = 'C'): NDArray {
    const o = checkOrder(order, ['C', 'F', 'A', 'K'], 'flatten') as CopyOrder
    const c = o === 'K' ? this.transpose(keepOrderIterAxes(this.shape, this.strides)).copy('C') : this.copy(o)
    // a fresh zero-size array has stride 0 in NumPy
    return c.#relayout([c.size], [c.size === 0 ? 0 : 1])
  }

  /**
   * Reinterpret the memory as another dtype (np.ndarray.view(dtype)). With a different itemsize the last
   * axis must be contiguous and its byte length divisible; other byte strides and the byte offset must be
   * multiples of the new itemsize (strided views are element-aligned).
   */
  view(dt?: DTypeName | string): NDArray {
    if (dt === undefined) return this.viewOf(this.shape, this.strides, this.offset)
    const to = lookupDType(dt)
    const from = this.itemsize
    const bytesStrides = this.byteStrides
    let shape = [...this.shape]
    let byteOffset = this.byteOffset
    if (to.itemsize !== from) {
      if (this.ndim === 0) throw new DTypeError(`Changing the dtype of a 0d array is only supported if the itemsize is unchanged (${this.dtype} → ${to.name})`)
      const last = this.ndim - 1
      // NumPy exempts zero-size arrays from the contiguity rule (their strides are often 0)
      if (this.shape[last]! > 1 && this.size !== 0 && this.strides[last] !== 1) {
        throw new DTypeError(`To change to a dtype of a different size (${this.dtype} → ${to.name}), the last axis must be contiguous; its stride is ${bytesStrides[last]} bytes`)
      }
      const lastBytes = this.shape[last]! * from
      if (lastBytes % to.itemsize !== 0) {
        throw new DTypeError(`When changing to a ${to.itemsize > from ? 'larger' : 'smaller'} dtype (${this.dtype} → ${to.name}), the last axis (${lastBytes} bytes) must be divisible by the new itemsize ${to.itemsize}`)
      }
      shape[last] = lastBytes / to.itemsize
      bytesStrides[last] = to.itemsize
    }
    const strides = bytesStrides.map((b, k) => {
      if (shape[k]! > 1 && b % to.itemsize !== 0) throw new DTypeError(`cannot view as ${to.name}: byte stride ${b} on axis ${k} is not a multiple of itemsize ${to.itemsize}`)
      return shape[k]! > 1 ? b / to.itemsize : Math.trunc(b / to.itemsize)
    })
    if (byteOffset % to.itemsize !== 0) throw new DTypeError(`cannot view as ${to.name}: byte offset ${byteOffset} is not a multiple of itemsize ${to.itemsize}`)
    shape = shape.map((n) => n)
    return this.viewOf(shape, strides, byteOffset / to.itemsize, to.name)
  }

  // ---------------------------------------------------------------- copies

  /** A copy that owns its data, laid out in `order` (default 'C', like ndarray.copy). */
  copy(order: CopyOrder = 'C'): NDArray {
    const o = checkOrder(order, ['C', 'F', 'A', 'K'], 'copy') as CopyOrder
    const out = NDArray.allocLike(this, this.dtype, o, false)
    copyInto(out, this)
    return out
  }

  /** A copy converted to another dtype (C-style casts: floats truncate into ints, ints wrap). */
  astype(dt: DTypeName | string, opts: { copy?: boolean; order?: CopyOrder } = {}): NDArray {
    checkOptions('astype', opts, ['copy', 'order'])
    const to = lookupDType(dt).name
    if (opts.copy === false && to === this.dtype) return this
    const out = NDArray.allocLike(this, to, checkOrder(opts.order ?? 'K', ['C', 'F', 'A', 'K'], 'astype') as CopyOrder, false)
    copyInto(out, this)
    return out
  }

  /** Assign from another array or scalar, broadcasting it to this shape (dst[...] = src, copy-first). */
  assign(src: NDArray | Scalar): this {
    this.assertWriteable('assign')
    if (!(src instanceof NDArray)) return this.fill(src)
    // like NumPy's setitem, leading length-1 axes of the value beyond this array's ndim are dropped
    let lead = 0
    while (src.ndim - lead > this.ndim && src.shape[lead] === 1) lead++
    const strides = broadcastStrides(src.shape.slice(lead), src.strides.slice(lead), this.shape, 'value')
    copyInto(this, { buffer: src.buffer, dtype: src.dtype, shape: this.shape, strides, offset: src.offset })
    return this
  }

  /** Read-only broadcast view with stride 0 along stretched axes (np.broadcast_to). */
  broadcastTo(shape: readonly number[]): NDArray {
    const target = checkShape(shape, 'broadcast shape')
    const strides = broadcastStrides(this.shape, this.strides, target, 'array')
    return this.viewOf(target, strides, this.offset, this.dtype, false)
  }

  /**
   * This view's layout as a plain object (buffer, dtype, shape, strides, offset), safe to postMessage to a worker.
   * @returns a fresh {@link ArrayDescriptor} sharing this array's buffer.
   */
  toDescriptor(): ArrayDescriptor {
    return { buffer: this.buffer, dtype: this.dtype, shape: [...this.shape], strides: [...this.strides], offset: this.offset }
  }

  /** NumPy's str(a). */
  toString(): string {
    return printing.str ? printing.str(this) : `NDArray(${this.dtype}, shape=(${this.shape.join(', ')}))`
  }

  /** NumPy's repr(a), used by console.log / util.inspect. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return printing.repr ? printing.repr(this) : this.toString()
  }
}
