/** The option types of sort, argsort, ndarray.sort and lexsort (types only: ndarray.ts imports them). */

/**
 * NumPy's sort kinds. NumPy reads only the first letter (q, h, m or s, any case), and so does strided. Every
 * kind runs the same stable sort here (NumPy documents kind as a request): results are kind='stable' results.
 */
export type SortKind = 'quicksort' | 'mergesort' | 'heapsort' | 'stable' | (string & {})

/** Options of `sort`, `argsort` and `NDArray.sort` (NumPy's keyword arguments). */
export interface SortOptions {
  /** The axis to sort along (default -1, the last); null: the flattened array (not for the in-place sort). */
  axis?: number | null
  /** NumPy's sort kind (default 'quicksort'); every kind gives the stable result. */
  kind?: SortKind | null
  /** NumPy's field order for structured arrays: strided has none, so any value but null/undefined is refused. */
  order?: string | readonly string[] | null
}

/** Options of `lexsort`. */
export interface LexsortOptions {
  /** The axis of the keys to sort along (default -1, the last). */
  axis?: number
}
