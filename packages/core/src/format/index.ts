/**
 * NumPy-exact printing of NDArrays: repr(a), str(a) and the print options.
 * Importing this module installs repr/str into NDArray's printing hook, so `String(a)` gives str(a) and
 * console.log / util.inspect give repr(a).
 */
import { printing } from '../ndarray.js'
import { repr, str } from './repr.js'

export { repr, str, scalarStr, scalarRepr, shapeRepr } from './repr.js'
export {
  getPrintOptions, setPrintOptions, resetPrintOptions, withPrintOptions, DEFAULT_PRINT_OPTIONS, type PrintOptions,
} from './options.js'
export {
  shortestDigits, cutDigits, roundFraction, roundSignificant, type Decimal, type FloatKind,
} from './float-digits.js'

printing.repr = repr
printing.str = str
