/**
 * Fancy and boolean selection (np.take, np.compress). Both always return copies that own their data.
 */
import { typedView, type Scalar } from './dtype.js'
import { DTypeError, IndexError } from './errors.js'
import { forEachOffset } from './iterate.js'
import { NDArray } from './ndarray.js'
import { normalizeAxis } from './shape.js'

type IndexInput = readonly (number | bigint)[] | NDArray

function indexList(indices: IndexInput, what: string): { values: number[]; shape: number[] } {
  if (indices instanceof NDArray) {
    if (indices.dtypeInfo.kind !== 'i' && indices.dtypeInfo.kind !== 'u') {
      throw new DTypeError(`${what}: indices must be an integer array, got dtype ${indices.dtype}`)
    }
    return { values: indices.toFlatArray().map(Number), shape: [...indices.shape] }
  }
  return { values: indices.map((v) => { if (typeof v === 'number' && !Number.isInteger(v)) throw new DTypeError(`${what}: indices must be integers, got ${v}`); return Number(v) }), shape: [indices.length] }
}

/** Elements of `a` at `indices` along `axis` (flattened `a` when axis is undefined). A copy. */
export function take(a: NDArray, indices: IndexInput, opts: { axis?: number } = {}): NDArray {
  const src = opts.axis === undefined ? a.ravel() : a
  const axis = opts.axis === undefined ? 0 : normalizeAxis(opts.axis, a.ndim)
  const { values, shape: ishape } = indexList(indices, 'take')
  const n = src.shape[axis]!
  const norm = values.map((i) => {
    const j = i < 0 ? i + n : i
    if (j < 0 || j >= n) throw new IndexError(`take: index ${i} is out of bounds for axis ${axis} with size ${n}`)
    return j
  })
  const outShape = [...src.shape.slice(0, axis), ...ishape, ...src.shape.slice(axis + 1)]
  const out = NDArray.alloc(outShape, a.dtype)
  gather(src, axis, norm, out, ishape.length)
  return out
}

/** Elements of `a` where `condition` is true along `axis` (flattened when undefined). A copy. */
export function compress(condition: readonly (boolean | number)[] | NDArray, a: NDArray, opts: { axis?: number } = {}): NDArray {
  const src = opts.axis === undefined ? a.ravel() : a
  const axis = opts.axis === undefined ? 0 : normalizeAxis(opts.axis, a.ndim)
  const cond: Scalar[] = condition instanceof NDArray ? condition.toFlatArray() : [...condition]
  const n = src.shape[axis]!
  const picked: number[] = []
  cond.forEach((c, i) => {
    if (c === true || (typeof c === 'number' && c !== 0) || (typeof c === 'bigint' && c !== 0n)) {
      if (i >= n) throw new IndexError(`compress: condition has a true value at index ${i}, out of bounds for axis ${axis} with size ${n}`)
      picked.push(i)
    }
  })
  const outShape = [...src.shape]
  outShape[axis] = picked.length
  const out = NDArray.alloc(outShape, a.dtype)
  gather(src, axis, picked, out, 1)
  return out
}

/** out[..., j..., ...] = src[..., idx[j], ...] where the index block occupies `idxDims` axes of out. */
function gather(src: NDArray, axis: number, idx: readonly number[], out: NDArray, idxDims: number): void {
  const s = src.data as unknown as Record<number, number | bigint>
  const d = typedView(out.buffer, out.dtype).subarray(out.offset, out.offset + out.size) as unknown as Record<number, number | bigint>
  const outer = src.shape.slice(0, axis)
  const inner = src.shape.slice(axis + 1)
  const innerStrides = src.strides.slice(axis + 1)
  let o = 0
  forEachOffset(outer, src.strides.slice(0, axis), src.offset, (base) => {
    for (let j = 0; j < idx.length; j++) {
      forEachOffset(inner, innerStrides, base + idx[j]! * src.strides[axis]!, (off) => { d[o++] = s[off]! })
    }
  })
  void idxDims
}
