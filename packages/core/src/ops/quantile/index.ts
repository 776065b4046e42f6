/**
 * Selection and order statistics: partition, argpartition, median, quantile, percentile and their nan- forms,
 * each a driven op (also a Runtime method running on the pool).
 */
export { partition, argpartition, type PartitionOptions } from './partition.js'
export { median, nanmedian } from './median.js'
export { quantile, percentile } from './quantile.js'
export { nanquantile, nanpercentile } from './nan-quantile.js'
export { QUANTILE_METHODS, type QuantileMethod, type QuantileInput, type QuantileOptions, type MedianOptions } from './common.js'
