/**
 * Replay of one NumPy partition/argpartition fixture case (quantile.json, float16-stats.json): the result's dtype
 * (the input's for partition, int64 for argpartition) and shape, and NumPy's guarantee checked lane by lane
 * against NumPy's sorted lanes (partition-check.ts), plus the kth values NumPy reported.
 */
import { expect } from 'vitest'
import * as S from '@strided/core'
import { array } from '@strided/core'
import { decode, encode } from './fixtures.js'
import { lanes, laneProblems, partitionProblems, takeLanes } from './partition-check.js'
import { build, type Enc, type QCase } from './quantile-replay.js'

export function replayPartition(c: QCase): void {
  const a = build(c.a)
  const axis = (c.opts?.axis === undefined ? -1 : c.opts.axis) as number | null
  const opts = c.opts?.axis === undefined ? {} : { axis }
  const e = c.expect as { sorted?: Enc; kthValues?: Enc; kth: number[] }
  const ref = e.sorted === undefined ? undefined : lanes(array(e.sorted.values.map((v) => decode(v, e.sorted!.dtype)) as number[], { dtype: e.sorted.dtype }).reshape(e.sorted.shape), axis)
  if (c.fn === 'partition') {
    const r = S.partition(a, c.kth!, opts)
    expect(r.dtype).toBe(a.dtype)
    expect([...r.shape]).toEqual(axis === null ? [a.size] : [...a.shape])
    expect(partitionProblems(a, r, e.kth, axis, ref)).toEqual([])
    if (e.kthValues !== undefined) {
      const flat = r.toFlatArray()
      expect(e.kth.map((k) => encode(flat[k]!))).toEqual(e.kthValues.values)
    }
  } else {
    const idx = S.argpartition(a, c.kth!, opts)
    expect(idx.dtype).toBe('int64')
    expect([...idx.shape]).toEqual(axis === null ? [a.size] : [...a.shape])
    const { values, problems } = takeLanes(a, idx, axis)
    expect(problems).toEqual([])
    expect(laneProblems(lanes(a, axis), values, e.kth, ref)).toEqual([])
  }
}

