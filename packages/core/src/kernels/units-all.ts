/**
 * Imports every module that defines unit kernels (kernels/units.ts), so that importing this one makes every
 * units job runnable: the inline path (ops/driver.ts) and the worker module both import it.
 */
export {}
