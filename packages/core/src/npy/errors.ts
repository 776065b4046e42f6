/**
 * Errors of the .npy reader and writer. A malformed file (bad magic, unsupported version, truncated
 * data, an unparsable or invalid header) is an NpyFormatError — NumPy raises ValueError for all of
 * these. A well-formed header whose dtype strided cannot hold (object, structured, complex, long double,
 * strings, ...) is a DTypeError from ../errors.js instead.
 */
import { ValueError } from '../errors.js'

export class NpyFormatError extends ValueError {}
