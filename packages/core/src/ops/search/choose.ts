/**
 * np.choose and np.select: build an array by picking, element by element, from a list of choice arrays.
 */
import { type DTypeName, type Scalar } from '../../dtype.js'
import { DTypeError, ValueError } from '../../errors.js'
import { checkOptions } from '../../check-options.js'
import { forEachOffset } from '../../iterate.js'
import { NDArray } from '../../ndarray.js'
import { broadcastShapeOf, broadcastStrides } from '../../shape.js'
import { promoteOperands, type PromotionOperand } from '../promotion.js'
import { castStored, toStored } from '../../scalar.js'
import { asArray, fresh, safeIntpError, safeToIntp, shapeStr, truthy, type SearchInput, type Stored } from './sort-util.js'

/** NumPy's choose `mode`: out-of-range indices raise ValueError, wrap around modulo n, or clip to [0, n-1]. */
export type ChooseMode = 'raise' | 'wrap' | 'clip'

/** Options of {@link choose}. */
export interface ChooseOptions {
  /** How indices outside [0, n) are handled: 'raise' (default, ValueError), 'wrap' or 'clip'. */
  mode?: ChooseMode
  /** An array of the broadcast shape to write the result into (cast to its dtype, NumPy's forced cast). */
  out?: NDArray
}

/** Options of {@link select}. */
export interface SelectOptions {
  /**
   * The value where no condition holds (default 0). A JS number or bigint is a weak scalar (NEP 50), as NumPy
   * treats a Python int or float default; an NDArray takes part in the result dtype as an array.
   */
  default?: NDArray | Scalar
}

/** The elements of `x` broadcast to `shape`, read in C order through `fn(stored, flatIndex)`. */
function each(x: NDArray, shape: readonly number[], fn: (v: Stored, i: number) => void): void {
  const strides = broadcastStrides(x.shape, x.strides, shape, 'operand')
  const d = x.data as unknown as ArrayLike<Stored>
  forEachOffset(shape, strides, x.offset, (off, i) => fn(d[off]!, i))
}

/** A scalar choice as a 0-d array of its promoted dtype. */
function scalarArray(v: Scalar, dt: DTypeName, what: string): NDArray {
  const { out, d, off } = fresh([], dt)
  d[off] = toStored(v, dt, what)
  return out
}

/**
 * NumPy's `choose`: `out[i] = choices[a[i]][i]`, with `a` and every choice broadcast together.
 * The result dtype is the common dtype of the choices (JS numbers among them are weak scalars, NEP 50).
 * @param a integer indices into `choices` (bool and integer dtypes that cast safely to int64; not uint64).
 * @param choices the arrays (or scalars) to choose from, at least one; or one array, whose sub-arrays along
 *   the first axis are the choices.
 * @param opts `mode` ('raise' | 'wrap' | 'clip') and `out`.
 * @returns a new array of the broadcast shape, or `out`.
 * @throws ValueError for an index out of range in 'raise' mode ("invalid entry in choice array"), an empty
 *   `choices` or an unknown mode; DTypeError for float or uint64 indices and for an `out` of the wrong shape
 *   (NumPy's TypeError "invalid shape for output array"); ShapeError when the operands do not broadcast;
 *   ReadOnlyError for a read-only `out`.
 */
export function choose(a: NDArray | SearchInput, choices: readonly (NDArray | Scalar)[] | NDArray, opts: ChooseOptions = {}): NDArray {
  checkOptions('choose', opts, ['mode', 'out'])
  const mode = opts.mode ?? 'raise'
  if (mode !== 'raise' && mode !== 'wrap' && mode !== 'clip') {
    throw new ValueError(`choose: clipmode must be one of 'clip', 'raise', or 'wrap' (got ${JSON.stringify(mode)})`)
  }
  const idx = asArray(a, 'choose: a')
  if (!safeToIntp(idx.dtype)) throw safeIntpError('choose: a', idx.dtype)
  if (choices instanceof NDArray) {
    // an array stands for the sequence of its sub-arrays along the first axis, as in NumPy
    if (choices.ndim === 0) throw new ValueError('choose: choices must be a sequence of arrays or an array with at least one dimension, got a 0-d array')
    const c = choices
    choices = Array.from({ length: c.shape[0]! }, (_, i) => c.slice(i))
  }
  if (!Array.isArray(choices) || choices.length === 0) throw new ValueError('choose: choices is a 0-length sequence.')
  const dt = promoteOperands(choices as PromotionOperand[])
  const arrs = choices.map((c, k) => (c instanceof NDArray ? c : scalarArray(c, dt, `choose: choices[${k}]`)))
  const shape = broadcastShapeOf([idx.shape, ...arrs.map((c) => c.shape)], 'choose')
  if (opts.out !== undefined) {
    if (opts.out.ndim !== shape.length || opts.out.shape.some((n, k) => n !== shape[k])) {
      throw new DTypeError(`choose: invalid shape for output array: out has shape ${shapeStr(opts.out.shape)}, the result ${shapeStr(shape)}`)
    }
    opts.out.assertWriteable('choose out')
  }
  const n = arrs.length
  const picks = new Int32Array(shape.reduce((p, q) => p * q, 1))
  each(idx, shape, (v, i) => {
    let k = Number(v)
    if (k < 0 || k >= n) {
      if (mode === 'raise') throw new ValueError(`choose: invalid entry in choice array: index ${String(v)} at flat position ${i} is outside [0, ${n})`)
      k = mode === 'wrap' ? ((k % n) + n) % n : k < 0 ? 0 : n - 1
    }
    picks[i] = k
  })
  const { out, d, off } = fresh(shape, dt)
  arrs.forEach((c, k) => {
    const from = c.dtype
    each(c, shape, (v, i) => { if (picks[i] === k) d[off + i] = from === dt ? v : castStored(v, from, dt) })
  })
  if (opts.out !== undefined) { opts.out.assign(out); return opts.out }
  return out
}

/**
 * NumPy's `select`: where `condlist[0]` holds take `choicelist[0]`, else where `condlist[1]` holds take
 * `choicelist[1]`, ..., else `default`. The result dtype is `np.result_type(*choicelist, default)` (JS scalars weak).
 * @param condlist boolean arrays (bool dtype only, as NumPy), broadcast together with the choices.
 * @param choicelist arrays (or scalars: weak, as NEP 50), as many as conditions.
 * @param opts `default` (0 unless given).
 * @returns a new array of the broadcast shape.
 * @throws ValueError for an empty condlist or lists of different lengths; DTypeError for a non-bool
 *   condition ("invalid entry i in condlist: should be boolean ndarray"); ShapeError when shapes do not broadcast.
 */
export function select(condlist: readonly (NDArray | SearchInput)[], choicelist: readonly (NDArray | Scalar)[], opts: SelectOptions = {}): NDArray {
  checkOptions('select', opts, ['default'])
  if (condlist.length !== choicelist.length) {
    throw new ValueError(`select: list of cases must be same length as list of conditions (${choicelist.length} choices, ${condlist.length} conditions)`)
  }
  if (condlist.length === 0) throw new ValueError('select: select with an empty condition list is not possible')
  const conds = condlist.map((c, i) => {
    const x = asArray(c, `select: condlist[${i}]`)
    if (x.dtype !== 'bool') throw new DTypeError(`select: invalid entry ${i} in condlist: should be boolean ndarray (got dtype ${x.dtype})`)
    return x
  })
  const def = opts.default ?? 0
  const dt = promoteOperands([...choicelist, def] as PromotionOperand[])
  const defArr = def instanceof NDArray ? def : scalarArray(def, dt, 'select: default')
  const choices = choicelist.map((c, k) => (c instanceof NDArray ? c : scalarArray(c, dt, `select: choicelist[${k}]`)))
  const shape = broadcastShapeOf([...conds.map((c) => c.shape), ...choices.map((c) => c.shape), defArr.shape], 'select')
  const { out, d, off } = fresh(shape, dt)
  const cast = (v: Stored, from: DTypeName): Stored => (from === dt ? v : castStored(v, from, dt))
  each(defArr, shape, (v, i) => { d[off + i] = cast(v, defArr.dtype) })
  const done = new Uint8Array(out.size)
  conds.forEach((c, k) => {
    const mask = new Uint8Array(out.size)
    each(c, shape, (v, i) => { if (truthy(v) && done[i] === 0) { mask[i] = 1; done[i] = 1 } })
    const ch = choices[k]!
    each(ch, shape, (v, i) => { if (mask[i] === 1) d[off + i] = cast(v, ch.dtype) })
  })
  return out
}
