import { random, sort, argsort, setWasmEnabled } from '@strided/core'
const cases: [string, () => any, any?][] = [
  ['1e7 float64', () => random.uniform([1e7], { seed: 1 })],
  ['1e7 int32', () => random.uniform([1e7], { seed: 2, low: -2e9, high: 2e9 }).astype('int32')],
  ['1e6 float64', () => random.uniform([1e6], { seed: 3 })],
  ['1e6 int32', () => random.uniform([1e6], { seed: 4, low: -2e9, high: 2e9 }).astype('int32')],
  ['4000x4000 f64 axis1', () => random.uniform([4000, 4000], { seed: 5 })],
  ['1e7 normal f64', () => random.normal([1e7], { seed: 6 })],
]
const which = process.argv[2] ?? 'both'
for (const [name, make] of cases) {
  const x = make()
  const res: string[] = []
  for (const on of which === 'both' ? [false, true] : [which === 'wasm']) {
    setWasmEnabled(on)
    let best = Infinity, bestA = Infinity
    for (let r = 0; r < 3; r++) {
      let t0 = performance.now(); sort(x, { axis: -1 }); best = Math.min(best, performance.now() - t0)
      t0 = performance.now(); argsort(x, { axis: -1 }); bestA = Math.min(bestA, performance.now() - t0)
    }
    res.push(`${on ? 'wasm' : 'js  '} sort ${best.toFixed(0)} ms argsort ${bestA.toFixed(0)} ms`)
  }
  setWasmEnabled(true)
  console.log(name.padEnd(22), res.join(' | '))
}
