/**
 * The reduction kernel registry, keyed by (kernel class, op, dtypes, layout class). Every key gets its own
 * walker instance (its own closures), so each one stays monomorphic in V8: the float64 sum kernels never see an
 * Int32Array, and so on. Kernels are created lazily and live for the life of the thread.
 *
 * Layout classes: 'blocks' (pairwise float sums over the plan's block grid: no walker, see sum.ts) and 'rows'
 * (everything else: one walker handles inner-reduced rows and outer-axis row accumulation).
 */
import type { DTypeName, TypedArray } from '../../dtype.js'
import { makeArgWalker, makeArgWalkerBig } from './arg.js'
import { makeLogicWalker } from './logical.js'
import { makeMinMaxWalker, makeMinMaxWalkerBig } from './minmax.js'
import { makeFloatProdWalker, makeFloatProdWalkerHalves, makeIntProdWalker } from './prod.js'
import type { KernelClass, ReduceOp } from './reduce-plan.js'
import { makeDevRowsWalker, makeIntSumWalker, makeSeqSumWalker, makeSeqSumWalkerHalves } from './sum.js'
import type { Walker } from './walk.js'

const walkers = new Map<string, Walker<TypedArray>>()

function cached(key: string, make: () => Walker<TypedArray>): Walker<TypedArray> {
  let w = walkers.get(key)
  if (w === undefined) { w = make(); walkers.set(key, w) }
  return w
}

function isBig(dt: DTypeName): boolean { return dt === 'int64' || dt === 'uint64' }

/**
 * The row walker for a plan's (class, op, input dtype, loop dtype). For int64/uint64 inputs the "halves"
 * kernels expect x to be a Uint32Array over the buffer and read the high words from `halves.hi` (walk.ts); the integer
 * sum over int64 runs the 'isum' walker twice over 32-bit views instead (see index.ts).
 */
export function rowWalker(cls: KernelClass, op: ReduceOp, inDtype: DTypeName, loopDtype: DTypeName, dev: { x32: boolean } | null = null, half = false): Walker<TypedArray> {
  const loop32 = loopDtype === 'float32'
  const big = isBig(inDtype)
  if (dev !== null) return cached(`var-rows-${dev.x32}-${loop32}-${big ? 'halves' : inDtype}`, () => makeDevRowsWalker(dev.x32, loop32, big))
  switch (cls) {
    case 'pw':
      if (big) return cached(`pw-rows-halves-${loop32}`, () => makeSeqSumWalkerHalves(loop32))
      if (half) return cached('pw-rows-half', () => makeSeqSumWalker(true, true))
      return cached(`pw-rows-${loop32}-${inDtype}`, () => makeSeqSumWalker(loop32))
    case 'fseq':
      if (big) return cached(`fseq-halves-${loop32}`, () => makeFloatProdWalkerHalves(loop32))
      if (half) return cached('fseq-half', () => makeFloatProdWalker(true, true))
      return cached(`fseq-${loop32}-${inDtype}`, () => makeFloatProdWalker(loop32))
    case 'isum':
      return cached(`isum-${inDtype}`, () => makeIntSumWalker())
    case 'iprod':
      if (big) return cached('iprod-halves', () => makeIntProdWalker(true))
      return cached(`iprod-${inDtype}`, () => makeIntProdWalker(false))
    case 'minmax':
      if (big) return cached(`${op}-big-${inDtype}`, () => makeMinMaxWalkerBig(op === 'max'))
      return cached(`${op}-${inDtype}`, () => makeMinMaxWalker(op === 'max', inDtype === 'float32' || inDtype === 'float64'))
    case 'logic':
      return cached(`${op}-${big ? 'big-' : ''}${inDtype}`, () => makeLogicWalker(op === 'any', big))
    case 'arg':
      if (big) return cached(`${op}-big-${inDtype}`, () => makeArgWalkerBig(op === 'argmax'))
      return cached(`${op}-${inDtype}`, () => makeArgWalker(op === 'argmax', inDtype === 'float32' || inDtype === 'float64'))
  }
}

