/** Stage 2 (worker): clip outliers to ±limit in place and pass a view of the rows that survive the cut. */
import { clip, type NDArray } from '@strided/core'
import { exposeFromWorker } from '@strided/workers/comlink'

exposeFromWorker({
  filter(x: NDArray, limit: number, rows: number): NDArray {
    clip(x, -limit, limit, { out: x })
    return x.slice(`:${rows}`)
  },
})
