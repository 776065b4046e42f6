/** Stage 3 (worker): column sums into a new shared array; `mark` writes through a view the caller holds. */
import { sum, type NDArray } from '@strided/core'
import { exposeFromWorker } from '@strided/workers/comlink'

exposeFromWorker({
  columnSums(x: NDArray): NDArray {
    return sum(x, { axis: 0 }) as NDArray
  },
  mark(x: NDArray, value: number): void {
    x.set(...x.shape.map(() => 0), value)
  },
})
