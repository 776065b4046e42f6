/**
 * Latency of the overlap checker: median ns per overlapOutcome call (exact, max_work −1) for
 * views of one buffer. Run: pnpm exec tsx packages/bench/src/micro/shares-memory.ts
 * Each case is timed in batches; the median over batches is reported.
 */
import { hasInternalOverlap, overlapOutcome, sharedByteCount, solveOverlap } from '../../../core/src/overlap/index.js'
import type { DescriptorLike } from '../../../core/src/overlap/index.js'

const N = 1_000_000
const buf = new SharedArrayBuffer(N * 8)
const view = (shape: number[], strides: number[], offset: number, dtype: DescriptorLike['dtype'] = 'float64'): DescriptorLike =>
  ({ buffer: buf, dtype, shape, strides, offset })

// y: a 1000×1000 float64 matrix over the same buffer
const cases: [string, DescriptorLike, DescriptorLike][] = [
  ['x[0:500000] vs x[500000:] (disjoint halves)', view([500000], [1], 0), view([500000], [1], 500000)],
  ['x[::2] vs x[1::2] (interleaved)', view([500000], [2], 0), view([500000], [2], 1)],
  ['x[:600000] vs x[400000:] (overlapping)', view([600000], [1], 0), view([600000], [1], 400000)],
  ['x vs x[::-1]', view([N], [1], 0), view([N], [-1], N - 1)],
  ['y[:, :500] vs y[:, 500:] (side-by-side blocks)', view([1000, 500], [1000, 1], 0), view([1000, 500], [1000, 1], 500)],
  ['y[::2] vs y[1::2] (interleaved rows)', view([500, 1000], [2000, 1], 0), view([500, 1000], [2000, 1], 1000)],
  ['y vs y.T', view([1000, 1000], [1000, 1], 0), view([1000, 1000], [1, 1000], 0)],
  ['int16 view vs float64 view, interleaved', view([1000], [4], 1, 'int16'), view([500], [2], 1)],
  ['3-D y3[:, ::2, :] vs y3[:, 1::2, :] (100×100×100)', view([100, 50, 100], [10000, 200, 1], 0), view([100, 50, 100], [10000, 200, 1], 100)],
  ['hard: int8 X[:, ::7] vs X[:, 3::3] (spec #23)', view([4, 3], [20, 7], 0, 'int8'), view([4, 6], [20, 3], 3, 'int8')],
]

function timeIt(fn: () => unknown, calls: number, batches = 41): number {
  const samples: number[] = []
  for (let i = 0; i < calls * 2; i++) fn() // warm-up (JIT)
  for (let b = 0; b < batches; b++) {
    const t0 = process.hrtime.bigint()
    for (let i = 0; i < calls; i++) fn()
    samples.push(Number(process.hrtime.bigint() - t0) / calls)
  }
  samples.sort((x, y) => x - y)
  return samples[samples.length >> 1]!
}

let sink = 0
console.log('overlapOutcome (exact), median ns per call:')
for (const [name, a, b] of cases) {
  const expected = overlapOutcome(a, b)
  const ns = timeIt(() => { sink += overlapOutcome(a, b).length }, 20_000)
  console.log(`  ${ns.toFixed(0).padStart(7)} ns  ${name}  -> ${expected}`)
}
console.log('solveOverlap on BigInt-only inputs (general exact path), median ns per call:')
const P = 2n ** 62n
const s24a = { itemsize: 1, shape: [2, 2], byteStrides: [P, P - 1n], byteOffset: 0 }
const s24b = { itemsize: 1, shape: [2, 2], byteStrides: [P - 3n, 3], byteOffset: 1 }
console.log(`  ${timeIt(() => { sink += solveOverlap(s24a, s24b, -1).length }, 2000).toFixed(0).padStart(7)} ns  spec #24 (strides near 2^62) -> ${solveOverlap(s24a, s24b, -1)}`)
const bigA = { itemsize: 8, shape: [3, 3, 3], byteStrides: [2 ** 40 + 7, 2 ** 33 + 5, 2 ** 27 + 3], byteOffset: 0 }
const bigB = { itemsize: 8, shape: [3, 3], byteStrides: [2 ** 40 + 7, 2 ** 33 + 13], byteOffset: 2 ** 27 + 3 }
console.log(`  ${timeIt(() => { sink += solveOverlap(bigA, bigB, -1).length }, 2000).toFixed(0).padStart(7)} ns  3-D strides ~2^40 (moduli too big for the number path) -> ${solveOverlap(bigA, bigB, -1)}`)
const win = view([999_998, 3], [1, 1], 0)
console.log('hasInternalOverlap, median ns per call:')
console.log(`  ${timeIt(() => { sink += hasInternalOverlap(win) ? 1 : 0 }, 20_000).toFixed(0).padStart(7)} ns  sliding windows (999998×3, strides 1,1)`)
const strided = view([1000, 500], [1000, 2], 0)
console.log(`  ${timeIt(() => { sink += hasInternalOverlap(strided) ? 1 : 0 }, 20_000).toFixed(0).padStart(7)} ns  y[:, ::2]`)
console.log('sharedByteCount, median ns per call:')
const [, ya, yb] = cases[5]!
console.log(`  ${timeIt(() => { sink += sharedByteCount(ya, yb) }, 300, 21).toFixed(0).padStart(7)} ns  y[::2] vs y[1::2] (500 runs each)`)
const [, pa, pb] = cases[2]!
console.log(`  ${timeIt(() => { sink += sharedByteCount(pa, pb) }, 2000, 21).toFixed(0).padStart(7)} ns  x[:600000] vs x[400000:] (one run each)`)
if (sink === -1) console.log(sink)
