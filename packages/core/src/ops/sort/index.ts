/**
 * Sorting: sort, argsort, the in-place sort (ndarray.sort, `sortInPlace` on the Runtime) and lexsort, as driven
 * ops: each is also a Runtime method that runs its jobs on the worker pool.
 */
export { sort, argsort, sortInPlace } from './sort.js'
export { lexsort, type LexsortKeys } from './lexsort.js'
export type { SortKind, SortOptions, LexsortOptions } from './options.js'
