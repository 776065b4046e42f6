/**
 * A three-stage pipeline over comlink: normalise → filter → reduce, each stage its own worker thread.
 * Arrays cross as descriptors over one SharedArrayBuffer; no stage copies its input.
 * Run: pnpm exec tsx examples/pipeline/pipeline.ts
 */
import { random, sharesMemory, type NDArray } from '@strided/core'
import { startWorker, wrapWorker, type Remote } from '@strided/workers/comlink'

export interface Stages {
  normalise: { normalise(x: NDArray): NDArray }
  filter: { filter(x: NDArray, limit: number, rows: number): NDArray }
  reduce: { columnSums(x: NDArray): NDArray; mark(x: NDArray, value: number): void }
}

export interface Pipeline {
  normalise: Remote<Stages['normalise']>
  filter: Remote<Stages['filter']>
  reduce: Remote<Stages['reduce']>
  close(): Promise<unknown>
}

export function startPipeline(): Pipeline {
  const workers = ['normalise', 'filter', 'reduce'].map((name) => startWorker(new URL(`./${name}.ts`, import.meta.url)))
  const [n, f, r] = workers
  return {
    normalise: wrapWorker<Stages['normalise']>(n!),
    filter: wrapWorker<Stages['filter']>(f!),
    reduce: wrapWorker<Stages['reduce']>(r!),
    close: () => Promise.all(workers.map((w) => w.terminate())),
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const p = startPipeline()
  const x = random.normal([1000, 4], { seed: 1, loc: 5, scale: 3 })
  const a = await p.normalise.normalise(x)
  const b = await p.filter.filter(a, 2, 900)
  const sums = await p.reduce.columnSums(b)
  console.log('column sums of the first 900 clipped rows:', sums.toArray())
  console.log('stages returned views of the input:', sharesMemory(a, x), sharesMemory(b, x))
  await p.close()
}
