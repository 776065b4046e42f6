/**
 * any / all kernels (order-free). An element is true when it is non-zero (NaN counts as true, as bool(nan)).
 * Rows stop at the first deciding element. acc.f holds 0/1 per output (any starts at 0, all at 1).
 */
import type { TypedArray } from '../../dtype.js'
import { makeWalker, type Walker } from './walk.js'

type NumArray = Float64Array | Float32Array | Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array

function anyRow(x: NumArray, off: number, n: number, s: number): boolean {
  let p = off
  for (let i = 0; i < n; i++) { if (x[p] !== 0) return true; p += s }
  return false
}

function allRow(x: NumArray, off: number, n: number, s: number): boolean {
  let p = off
  for (let i = 0; i < n; i++) { if (x[p] === 0) return false; p += s }
  return true
}

function anyRowBig(x: BigInt64Array, off: number, n: number, s: number): boolean {
  let p = off
  for (let i = 0; i < n; i++) { if (x[p] !== 0n) return true; p += s }
  return false
}

function allRowBig(x: BigInt64Array, off: number, n: number, s: number): boolean {
  let p = off
  for (let i = 0; i < n; i++) { if (x[p] === 0n) return false; p += s }
  return true
}

export function makeLogicWalker(isAny: boolean, big: boolean): Walker<TypedArray> {
  return makeWalker<TypedArray>(
    (x, off, n, s, acc, o) => {
      const cur = acc.f[o]!
      if (isAny ? cur === 1 : cur === 0) return
      const r = big
        ? (isAny ? anyRowBig : allRowBig)(x as BigInt64Array, off, n, s)
        : (isAny ? anyRow : allRow)(x as NumArray, off, n, s)
      acc.f[o] = r ? 1 : 0
    },
    (x, off, n, s, R, rs, acc, o, os) => {
      const a = acc.f
      for (let r = 0; r < R; r++) {
        const b = off + r * rs
        if (big) {
          const v = x as BigInt64Array
          for (let j = 0; j < n; j++) {
            const nz = v[b + j * s] !== 0n
            if (isAny ? nz : !nz) a[o + j * os] = isAny ? 1 : 0
          }
        } else {
          const v = x as NumArray
          for (let j = 0; j < n; j++) {
            const nz = v[b + j * s] !== 0
            if (isAny ? nz : !nz) a[o + j * os] = isAny ? 1 : 0
          }
        }
      }
    },
  )
}
