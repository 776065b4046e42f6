/**
 * NumPy's advanced indexing and its function forms: reading (NDArray.slice, {@link getItem}), writing
 * (NDArray.at, {@link Indexer}, {@link setItem}), {@link put}, {@link putmask}, {@link place},
 * {@link takeAlongAxis} and {@link putAlongAxis}.
 */
export type { AdvancedIndexItem, AnyIndexItem, NestedIndexArray } from './advanced.js'
export { getItem } from './gather.js'
export { Indexer, setItem, type AssignValue } from './scatter.js'
export { put, putmask, place, type PutMode, type PutOptions } from './put.js'
export type { FillValues } from './values.js'
export { takeAlongAxis, putAlongAxis, type TakeAlongAxisOptions, type PutAlongAxisOptions } from './along-axis.js'
