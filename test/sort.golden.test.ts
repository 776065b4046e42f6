/**
 * Golden replay of NumPy's sorting functions (test/fixtures/sort.json, written by scripts/gen_sort_fixtures.py with
 * NumPy 2.4.6): sort, argsort, ndarray.sort and lexsort over every dtype and the layout matrix (contiguous,
 * negative strides, non-contiguous, F order, broadcast, empty, 0-d), ties, NaN-heavy, sorted and reversed inputs,
 * long lanes that take the runs-and-merge path (stored as samples), NumPy's kind names and errors.
 * Stable kinds compare exactly (Object.is: -0 and +0 differ); kind='quicksort' cases compare by value (NumPy's
 * unstable sort may put -0/+0 in another order), argsort ones through the values the indices gather.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { check, type Fixture } from './support/sort-cases.js'

const FILE = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'sort.json')

const fixture = JSON.parse(readFileSync(FILE, 'utf8')) as Fixture

describe(`NumPy ${fixture.numpy} golden: sorting`, () => {
  for (const fn of ['sort', 'argsort', 'ndsort', 'lexsort'] as const) {
    const cases = fixture.cases.filter((c) => c.fn === fn)
    it(`${fn}: ${cases.length} cases`, () => {
      expect(cases.length).toBeGreaterThan(0)
      for (const c of cases) check(c)
    })
  }
})
