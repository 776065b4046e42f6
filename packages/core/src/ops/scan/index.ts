/**
 * Scans: cumsum, cumprod, nancumsum, nancumprod and accumulate (NumPy's ufunc.accumulate), as driven ops (each
 * is also a Runtime method that splits the lanes, or integer blocks, across the pool).
 */
export { cumsum, cumprod, nancumsum, nancumprod, type CumulativeOptions } from './cumsum.js'
export { accumulate, ACCUMULATE_UFUNCS, type AccumulateUfunc, type AccumulateOptions } from './accumulate.js'
