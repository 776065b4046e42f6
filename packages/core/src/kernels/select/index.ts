/**
 * The selection kernels (partition, argpartition, median, quantile): importing this module registers their unit
 * kernels (kernels/units.ts).
 */
import './lanes.js'
import './radix.js'
export {}
