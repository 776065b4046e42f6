/**
 * Run the hot kernels on small arrays of odd and even lengths so V8 optimises them before real work
 * arrives (a cold unrolled loop in a fresh worker ran 3–5x slower: perf-baseline.md). A few ms per thread.
 */
import { add, arange, multiply, sqrt, exp, sum, max, min, type NDArray } from '@strided/core'
import { warmUpReductions } from '@strided/core/internal'

export function warmUpKernels(): void {
  warmUpReductions()
  for (const dtype of ['float64', 'float32'] as const) {
    for (const n of [7, 64, 129, 1000, 4099]) {
      const a = arange(n, { dtype })
      const b = arange(n, { dtype })
      const out = arange(n, { dtype })
      for (let rep = 0; rep < 3; rep++) {
        add(a, b, { out })
        multiply(a, 2, { out })
        sqrt(a, { out })
        exp(a.slice(':50'), { out: out.slice(':50') as NDArray })
        sum(a)
        max(a)
        min(a)
        sum(a.slice('::2'))
      }
    }
  }
}
