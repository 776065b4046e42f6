/**
 * NaN-aware reductions and simple statistics: nansum, nanprod, nanmean, nanvar, nanstd, nanmin, nanmax,
 * nanargmin, nanargmax, countNonzero, ptp, average, cov, corrcoef. All are driven ops (ops/driver.ts), so the
 * workers' Runtime has a method of each name.
 */
export { nansum, nanprod, nanmean, nanvar, nanstd, nanmin, nanmax, nanargmin, nanargmax } from './nan-reductions.js'
export { countNonzero, ptp, average, type CountNonzeroOptions, type AverageOptions } from './stats.js'
export { cov, corrcoef, type CovOptions, type CorrcoefOptions, type CovInput } from './cov.js'
