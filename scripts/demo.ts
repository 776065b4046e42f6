/**
 * A short tour of strided's views and the overlap checker (the README's first command runs the benchmark;
 * `pnpm demo` runs this).
 */
import { arange, sharesMemory, mayShareMemory } from '@strided/core'

const x = arange(12).reshape([3, 4])
console.log('x =', x.toArray())
const col = x.slice(':, 1')
console.log('x[:, 1] is a view: strides', col.byteStrides, 'base is x.base:', col.base === x.base)
const evens = x.ravel().slice('::2')
const odds = x.ravel().slice('1::2')
console.log('x.ravel()[::2] vs [1::2]: mayShareMemory', mayShareMemory(evens, odds), 'sharesMemory', sharesMemory(evens, odds))
console.log('x vs x.T: sharesMemory', sharesMemory(x, x.T))
