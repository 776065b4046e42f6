/**
 * repr(a) and str(a) exactly as NumPy 2.4 prints ndarrays of bool, integer and float dtypes
 * (array_repr / array_str with the current print options), and the str/repr of NumPy scalars.
 */
import type { DTypeName, Scalar } from '../dtype.js'
import type { NDArray } from '../ndarray.js'
import { floatScalarStr } from './element-formatter.js'
import { arrayBody } from './layout.js'
import { getPrintOptions } from './options.js'
import { fromStored } from '../scalar.js'
import { roundToHalf } from '../float16.js'

/** Dtypes whose repr omits `dtype=` (NumPy's _typelessdata: int_, float64, complex128, bool). */
const IMPLIED_DTYPES: ReadonlySet<DTypeName> = new Set<DTypeName>(['float64', 'int64', 'bool'])

/** A shape as Python prints a tuple: (), (3,), (2, 3). */
export function shapeRepr(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`
}

/** NumPy's repr(a): 'array([...])' with dtype= and shape= extras when they cannot be inferred. */
export function repr(a: NDArray): string {
  const opts = getPrintOptions()
  const prefix = 'array('
  const { text } = arrayBody(a, { separator: ', ', prefixLength: prefix.length, width: opts.linewidth - 1 }, opts)
  const extras: string[] = []
  const size = a.size
  if ((size === 0 && !(a.ndim === 1 && a.shape[0] === 0)) || size > opts.threshold) extras.push(`shape=${shapeRepr(a.shape)}`)
  if (!IMPLIED_DTYPES.has(a.dtype) || size === 0) extras.push(`dtype=${a.dtype}`)
  if (extras.length === 0) return prefix + text + ')'
  const arrStr = prefix + text + ','
  const extraStr = extras.join(', ') + ')'
  const lastLineLen = arrStr.length - (arrStr.lastIndexOf('\n') + 1)
  const spacer = lastLineLen + extraStr.length + 1 > opts.linewidth ? '\n' + ' '.repeat(prefix.length) : ' '
  return arrStr + spacer + extraStr
}

/** NumPy's str(a): the bracketed body; a 0-d array prints as the str of its scalar (5.0, True, 3). */
export function str(a: NDArray): string {
  if (a.ndim === 0) return scalarStr(fromStored(a.data[a.offset]!, a.dtype), a.dtype)
  const opts = getPrintOptions()
  return arrayBody(a, { separator: ' ', prefixLength: 0, width: opts.linewidth }, opts).text
}

/** str() of a NumPy scalar of dtype dt (given as its value): 1.0, 0.1 (float32 shortest digits), 1e+16, True, 3. */
export function scalarStr(v: Scalar, dt: DTypeName): string {
  if (dt === 'bool') return v === true || v === 1 || v === 1n ? 'True' : 'False'
  if (dt === 'float32') return floatScalarStr(Math.fround(Number(v)), dt)
  if (dt === 'float16') return floatScalarStr(roundToHalf(Number(v)), dt)
  if (dt === 'float64') return floatScalarStr(Number(v), dt)
  return String(v)
}

/** repr() of a NumPy scalar: np.float64(1.0), np.float32(0.1), np.int8(3), np.True_. */
export function scalarRepr(v: Scalar, dt: DTypeName): string {
  if (dt === 'bool') return scalarStr(v, dt) === 'True' ? 'np.True_' : 'np.False_'
  return `np.${dt}(${scalarStr(v, dt)})`
}
