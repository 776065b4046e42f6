/** Stage 1 (worker): standardise each column in place, (x − mean) / std, and hand the same view on. */
import { mean, std, subtract, divide, type NDArray } from '@strided/core'
import { exposeFromWorker } from '@strided/workers/comlink'

exposeFromWorker({
  normalise(x: NDArray): NDArray {
    const m = mean(x, { axis: 0, keepdims: true }) as NDArray
    const s = std(x, { axis: 0, keepdims: true }) as NDArray
    subtract(x, m, { out: x })
    divide(x, s, { out: x })
    return x
  },
})
