/**
 * NumPy's reshape decision: the new strides when the reshape can be a view, or null when it needs a copy.
 * Pure layout math over element strides (spec §2).
 */
import { ShapeError, ValueError } from './errors.js'
import { isCContiguous, isFContiguous, contiguousStrides, shapeSize, type Order } from './shape.js'

/** Resolve one negative ("unknown") entry of a new shape, with NumPy's errors. */
export function resolveShape(size: number, newShape: readonly number[]): number[] {
  const out = [...newShape]
  let unknown = -1
  let known = 1
  for (let i = 0; i < out.length; i++) {
    const n = out[i]!
    if (!Number.isInteger(n)) throw new ShapeError(`reshape dimensions must be integers, got ${String(n)} in (${newShape.join(', ')})`)
    if (n < 0) {
      if (unknown >= 0) throw new ShapeError(`can only specify one unknown dimension in (${newShape.join(', ')})`)
      unknown = i
    } else known *= n
  }
  const shown = out.map((n, i) => (i === unknown ? 'newaxis' : String(n))).join(', ')
  if (unknown >= 0) {
    if (known === 0 || size % known !== 0) throw new ShapeError(`cannot reshape array of size ${size} into shape (${shown}${out.length === 1 ? ',' : ''})`)
    out[unknown] = size / known
  } else if (known !== size) {
    throw new ShapeError(`cannot reshape array of size ${size} into shape (${shown}${out.length === 1 ? ',' : ''})`)
  }
  return out
}

/**
 * Strides for viewing (shape, strides) as newShape without copying, or null if impossible.
 * newShape must already be resolved and have the same size.
 */
export function reshapeStrides(shape: readonly number[], strides: readonly number[], newShape: readonly number[], order: Order): number[] | null {
  if (order === 'C' ? isCContiguous(shape, strides) : isFContiguous(shape, strides)) {
    return contiguousStrides(newShape, order)
  }
  // old size-1 axes are irrelevant
  const od: number[] = []
  const os: number[] = []
  for (let i = 0; i < shape.length; i++) if (shape[i] !== 1) { od.push(shape[i]!); os.push(strides[i]!) }
  const nn = newShape.length
  const ns = new Array<number>(nn).fill(0)
  let oi = 0, oj = 1, ni = 0, nj = 1
  while (ni < nn && oi < od.length) {
    let np = newShape[ni]!
    let op = od[oi]!
    while (np !== op) {
      if (np < op) np *= newShape[nj++]!
      else op *= od[oj++]!
    }
    for (let ok = oi; ok < oj - 1; ok++) {
      if (order === 'C') { if (os[ok] !== od[ok + 1]! * os[ok + 1]!) return null } else if (os[ok + 1] !== od[ok]! * os[ok]!) return null
    }
    if (order === 'C') {
      ns[nj - 1] = os[oj - 1]!
      for (let nk = nj - 1; nk > ni; nk--) ns[nk - 1] = ns[nk]! * newShape[nk]!
    } else {
      ns[ni] = os[oi]!
      for (let nk = ni + 1; nk < nj; nk++) ns[nk] = ns[nk - 1]! * newShape[nk - 1]!
    }
    ni = nj++
    oi = oj++
  }
  // trailing new size-1 axes take the last stride (times the last length for F)
  let last = ni > 0 ? ns[ni - 1]! : 1
  if (order === 'F' && ni > 0) last *= newShape[ni - 1]!
  for (let nk = ni; nk < nn; nk++) ns[nk] = last
  return ns
}

export function checkOrder(order: string | undefined, allowed: readonly string[], what: string): string {
  const o = order ?? 'C'
  if (!allowed.includes(o)) throw new ValueError(`${what}: order must be one of ${allowed.map((x) => `'${x}'`).join(', ')}, got ${JSON.stringify(order)}`)
  return o
}

export { shapeSize }
