/**
 * Imports every module that defines unit kernels (kernels/units.ts), so that importing this one makes every
 * units job runnable: the inline path (ops/driver.ts) and the worker module both import it.
 */
import './scan/scan.js'
import './select/index.js'
import './nan/cov-dot.js'
import './nan/nan-dense.js'
import './sort/index.js'
export {}
