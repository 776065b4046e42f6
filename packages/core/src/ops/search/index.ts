/**
 * NumPy's searching, counting and set functions: nonzero, flatnonzero, argwhere, extract, choose, select,
 * searchsorted, unique, isin, bincount and histogram. Index results are int64 arrays (bigint elements).
 */
export { nonzero, flatnonzero, argwhere, extract } from './nonzero.js'
export { choose, select, type ChooseMode, type ChooseOptions, type SelectOptions } from './choose.js'
export { searchsorted, type SearchSide, type SearchSortedOptions } from './searchsorted.js'
export { unique, type UniqueOptions, type UniqueResult } from './unique.js'
export { isin, type IsinOptions } from './isin.js'
export { bincount, type BincountOptions } from './bincount.js'
export { histogram, type HistogramOptions, type HistogramResult } from './histogram.js'
export type { SearchInput } from './sort-util.js'
