/**
 * Golden replay of NumPy's scans (test/fixtures/scan.json, written by scripts/gen_scan_fixtures.py): cumsum,
 * cumprod, nancumsum, nancumprod over every dtype, every axis and the layout matrix (contiguous, negative
 * strides, stepped, F order, transposed, broadcast, empty, 0-d, long lanes), NaN-heavy inputs for the nan*
 * variants, dtype= and out= casts, np.<ufunc>.accumulate for every supported ufunc, float32 rounding at every
 * step, 64-bit wrapping, and NumPy's errors. Values are compared exactly (-0 ≠ +0).
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, it } from 'vitest'
import { replayScan, type ScanCase, type ScanFixture } from './scan.helpers.js'

const fx = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'scan.json'), 'utf8')) as ScanFixture

describe(`scan golden (numpy ${fx.numpy})`, () => {
  const byFn = new Map<string, ScanCase[]>()
  for (const c of fx.cases) {
    const key = c.fn === 'accumulate' ? `accumulate(${c.ufunc})` : c.fn
    byFn.set(key, [...(byFn.get(key) ?? []), c])
  }
  for (const [fn, cases] of byFn) it(`${fn}: ${cases.length} cases`, () => { replayScan(cases, 'scan.json') })
})
