/**
 * Property tests of the reduction job contract (kernels/job.ts): running the units of a job in any split
 * [0,k₁), [k₁,k₂), … (in any execution order, on structured-cloned jobs, as the worker pool does) and finishing
 * with the partials in unit order gives exactly the inline result; integer results do not depend on the layout.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NDArray, type DTypeName, type Scalar } from '../packages/core/src/index.js'
import { finishReduction, prepareReduction, reduce, runReductionUnits, type ReduceOptions } from '../packages/core/src/ops/reductions.js'
import type { ReductionPartial } from '../packages/core/src/kernels/job.js'
import type { ReducePlan } from '../packages/core/src/kernels/reduce/reduce-plan.js'
import { genBase } from './reduce.helpers.js'

const SHAPES: number[][] = [[300001], [1000, 300], [4, 100000], [100000, 3], [3, 300, 400], [60, 70, 80], [2, 150001], [7, 50]]
const DTYPES: DTypeName[] = ['float64', 'float32', 'int32', 'int64', 'uint8', 'bool']
const OPS = ['sum', 'prod', 'min', 'max', 'mean', 'var', 'std', 'argmin', 'argmax', 'any', 'all'] as const

const bases = new Map<string, NDArray>()
function baseFor(dtype: DTypeName, n: number, seed: number): NDArray {
  const key = `${dtype}/${n}/${seed}`
  let b = bases.get(key)
  if (b === undefined) {
    b = genBase({ dtype, n, seed, kind: dtype === 'float64' || dtype === 'float32' ? 'normal' : 'small' })
    bases.set(key, b)
  }
  return b
}

function makeView(dtype: DTypeName, shape: number[], transform: number, seed: number): NDArray {
  let size = 1
  for (const n of shape) size *= n
  const nd = shape.length
  // sliced views need twice the elements along the last axis
  const sliced = transform === 3
  const baseShape = sliced ? [...shape.slice(0, -1), 2 * shape[nd - 1]!] : shape
  const b = baseFor(dtype, sliced ? 2 * size : size, seed).reshape(baseShape)
  switch (transform) {
    case 0: return b
    case 1: return b.flip(0)
    case 2: return b.transpose()
    case 3: return b.slice(nd === 1 ? '::2' : `..., ::2`)
    default: return b.flip().transpose()
  }
}

function same(a: NDArray | Scalar, b: NDArray | Scalar): string | null {
  if (a instanceof NDArray || b instanceof NDArray) {
    if (!(a instanceof NDArray && b instanceof NDArray)) return 'one is an array, the other not'
    if (a.dtype !== b.dtype) return `dtype ${a.dtype} vs ${b.dtype}`
    if (a.shape.join() !== b.shape.join()) return `shape ${a.shape.join()} vs ${b.shape.join()}`
    const x = a.toFlatArray(), y = b.toFlatArray()
    for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) return `element ${i}: ${String(x[i])} vs ${String(y[i])}`
    return null
  }
  return Object.is(a, b) ? null : `${String(a)} vs ${String(b)}`
}

const caseArb = fc.record({
  dtype: fc.constantFrom(...DTYPES),
  shape: fc.constantFrom(...SHAPES),
  transform: fc.integer({ min: 0, max: 4 }),
  op: fc.constantFrom(...OPS),
  axisPick: fc.integer({ min: -1, max: 5 }),
  keepdims: fc.boolean(),
  seed: fc.integer({ min: 1, max: 3 }),
  cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 5 }),
  reverse: fc.boolean(),
})

function axisFor(op: string, nd: number, pick: number): ReduceOptions['axis'] {
  if (pick < 0) return null
  if (op === 'argmin' || op === 'argmax' || pick < nd) return pick % nd
  // pairs of axes
  return nd >= 2 ? [pick % nd, (pick + 1) % nd].sort() : null
}

describe('reduction units', () => {
  it('any split of [0, units) in any order, on cloned jobs, finishes bit-identically to the inline path', () => {
    const modes = new Set<string>()
    fc.assert(
      fc.property(caseArb, (c) => {
        const v = makeView(c.dtype, c.shape, c.transform, c.seed)
        const opts: ReduceOptions = { axis: axisFor(c.op, v.ndim, c.axisPick), keepdims: c.keepdims }
        const inline = reduce(c.op, v, opts)
        const p = prepareReduction(c.op, v, opts)
        const units = p.job.units
        modes.add((p.job.plan as ReducePlan).mode)
        const cuts = [...new Set(c.cuts.map((f) => Math.floor(f * units)))].sort((x, y) => x - y)
        const edges = [0, ...cuts.filter((k) => k > 0 && k < units), units]
        const ranges: [number, number][] = []
        for (let i = 0; i + 1 < edges.length; i++) ranges.push([edges[i]!, edges[i + 1]!])
        // each range runs on a structured clone of the job, as a worker would receive it
        const results = new Map<number, ReductionPartial[]>()
        const order = c.reverse ? [...ranges].reverse() : ranges
        for (const [s, e] of order) results.set(s, structuredClone(runReductionUnits(structuredClone(p.job), s, e)))
        const partials: ReductionPartial[] = []
        for (const [s, e] of ranges) {
          const part = results.get(s)!
          expect(part.length).toBe(e - s)
          partials.push(...part)
        }
        const split = p.finish(partials)
        const diff = same(split, inline)
        if (diff !== null) throw new Error(`${c.op} ${c.dtype} (${v.shape.join(',')}) ${JSON.stringify(opts)} units=${units} ranges=${JSON.stringify(ranges)}: ${diff}`)
      }),
      { numRuns: 60, seed: 20261122 },
    )
    // the sizes above must exercise every kind of unit layout
    expect([...modes].sort()).toEqual(['output', 'partials', 'pwGroups', 'pwLeaves'])
  })

  it('finishReduction with the partials of the whole range equals the public function', () => {
    const v = makeView('float64', [300001], 0, 1)
    const p = prepareReduction('sum', v)
    expect(p.job.units).toBeGreaterThan(1)
    expect(p.job.unitsWriteOutput).toBe(false)
    const partials = runReductionUnits(p.job, 0, p.job.units)
    expect(partials.every((x) => typeof x === 'number')).toBe(true)
    finishReduction(p.job, partials)
    expect(p.finish(partials)).toBe(reduce('sum', v))
  })

  it('plans are plain data: elementsPerUnit, cost and units are set', () => {
    const v = makeView('float64', [1000, 300], 0, 1)
    for (const [op, axis] of [['sum', 0], ['sum', 1], ['max', null], ['argmax', 1]] as const) {
      const p = prepareReduction(op, v, { axis })
      expect(p.job.kind).toBe('reduction')
      expect(p.job.units).toBeGreaterThanOrEqual(1)
      expect(p.job.elementsPerUnit * p.job.units).toBeCloseTo(300000, -1)
      expect(p.job.cost).toBeGreaterThan(0)
      expect(structuredClone(p.job.plan)).toEqual(p.job.plan)
    }
  })
})

describe('integer results do not depend on the layout', () => {
  const intOps = ['sum', 'prod', 'min', 'max', 'argmin', 'argmax', 'any', 'all'] as const
  it('C copy, F copy and a flipped transposed copy give identical results', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<DTypeName>('int8', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'bool'),
        fc.constantFrom([6, 7], [3, 4, 5], [50, 41], [2, 3, 4, 5]),
        fc.constantFrom(...intOps),
        fc.integer({ min: -1, max: 3 }),
        fc.integer({ min: 1, max: 1000 }),
        (dtype, shape, op, axisPick, seed) => {
          let size = 1
          for (const n of shape) size *= n
          const v = genBase({ dtype, n: size, seed }).reshape(shape)
          const f = v.copy('F')
          const rev = NDArray.alloc([...shape].reverse(), dtype).transpose().flip()
          rev.assign(v)
          const axis = axisPick < 0 ? null : axisPick % shape.length
          const r0 = reduce(op, v, { axis })
          for (const w of [f, rev]) {
            const diff = same(reduce(op, w, { axis }), r0)
            if (diff !== null) throw new Error(`${op} ${dtype} (${shape.join(',')}) axis=${String(axis)}: ${diff}`)
          }
        },
      ),
      { numRuns: 150, seed: 7 },
    )
  })
})
