/**
 * Reductions with NumPy's `initial` and `where` keyword arguments (np.sum(a, where=mask, initial=5)).
 *
 * How NumPy computes them (checked against np.sum / np.prod / np.mean on random masks and layouts):
 *  - the result starts at `initial` (cast to the loop dtype), not at the identity, and every element is
 *    folded in after it: float sums are `acc = acc + PW(block)` from `initial` on, float products
 *    `acc = acc * x` in iteration order;
 *  - `where`: the reduction's inner loop is called once per run of consecutive true mask elements inside each
 *    block of the iteration (masked elements are skipped, never replaced), so a float sum is
 *    `acc = acc + PW(run)` over the runs of every block. Replacing masked elements by 0 regroups the pairwise
 *    sum and does not match NumPy's bits, so float sums (sum, mean, var, std) walk the blocks and runs in
 *    order (kernels/reduce/where-walk.ts: one unit, which the Runtime runs on a worker; var/std: their masked
 *    mean, the deviations and their masked sum, all in that unit).
 *  - order-free reductions (integer sums and products, min/max, any/all) give the same value whichever way
 *    they are grouped: masked elements are replaced by the identity in a temporary and the ordinary
 *    (pool-splittable) reduction runs on it; `initial` is folded into its result.
 *  - min/max with `where` need `initial` (NumPy: they have no identity); min/max of an empty selection with
 *    `initial` give `initial`.
 *  - mean/var/std divide by the number of selected elements of each output (var/std: minus ddof).
 *
 * The block structure is NumPy's iterator's (ops/reductions.ts, kernels/reduce/reduce-plan.ts) with the mask as
 * one more operand that votes in the axis order and must coalesce with the input.
 */
import { DTYPES, dtype as lookupDType, typedView, type DTypeName, type Scalar } from '../dtype.js'
import { AxisError, DTypeError, OverflowError, ShapeError, ValueError } from '../errors.js'
import type { ReductionJob, ReductionPartial } from '../kernels/job.js'
import { copyInto } from '../kernels/copy.js'
import { type WhereWalkPlan } from '../kernels/reduce/where-walk.js'
import { toDescriptor } from '../descriptor.js'
import { buildDims, iterationPerm, pwBlockSpec, resultLayout } from '../kernels/reduce/reduce-plan.js'
import { NDArray } from '../ndarray.js'
import { fromStored } from '../scalar.js'
import { normalizeAxes, normalizeAxis, broadcastShapeOf } from '../shape.js'
import { mayShareMemory } from '../overlap/index.js'
import { resultType } from './promotion.js'
import { defaultSumDtype, outLoopDtype, prepareReduction, type PreparedReduction, type ReduceOptions, type ReductionName } from './reductions.js'

/** Reductions that take `initial`, and those that take `where`. */
export const INITIAL_REDUCTIONS: readonly ReductionName[] = ['sum', 'prod', 'min', 'max']
export const WHERE_REDUCTIONS: readonly ReductionName[] = ['sum', 'prod', 'min', 'max', 'mean', 'var', 'std', 'any', 'all']

/** True when the call uses `initial` or a `where` other than `true` (those go through this module). */
export function usesInitialOrWhere(opts: ReduceOptions | undefined): boolean {
  if (opts === undefined || opts === null) return false
  const w = opts.where
  return (opts.initial !== undefined && opts.initial !== null) || (w !== undefined && w !== null && w !== true)
}

const UFUNC: Record<string, string> = { sum: 'add', prod: 'multiply', min: 'minimum', max: 'maximum', mean: 'add', var: 'add', std: 'add', any: 'logical_or', all: 'logical_and' }

function resolveReduced(name: string, a: NDArray, axis: ReduceOptions['axis']): boolean[] {
  const nd = a.ndim
  if (axis === undefined || axis === null) return new Array<boolean>(nd).fill(true)
  if (typeof axis === 'number') {
    if (nd === 0 && (axis === 0 || axis === -1)) return []
    const k = normalizeAxis(axis, nd)
    return Array.from({ length: nd }, (_, i) => i === k)
  }
  if (!Array.isArray(axis)) throw new AxisError(`${name}: axis must be an integer, an array of integers or null, got ${String(axis)}`)
  const ks = normalizeAxes(axis, nd)
  return Array.from({ length: nd }, (_, i) => ks.includes(i))
}

/** The where= mask broadcast to a's shape, or null for "everything". */
function maskOf(name: string, a: NDArray, where: unknown): NDArray | null {
  if (where === undefined || where === null || where === true) return null
  if (where === false) return NDArray.alloc([], 'bool').broadcastTo(a.shape)
  if (!(where instanceof NDArray)) throw new DTypeError(`${name}: where must be a bool NDArray or a boolean, got ${typeof where}`)
  if (where.dtype !== 'bool') throw new DTypeError(`${name}: cannot cast the where mask from dtype ${where.dtype} to bool according to the rule 'safe'`)
  let shape: number[]
  try {
    shape = broadcastShapeOf([a.shape, where.shape])
  } catch {
    throw new ShapeError(`${name}: the where mask with shape (${where.shape.join(', ')}) does not broadcast to the input's shape (${a.shape.join(', ')})`)
  }
  if (shape.length !== a.ndim || shape.some((n, i) => n !== a.shape[i])) {
    throw new ShapeError(`${name}: the where mask with shape (${where.shape.join(', ')}) does not broadcast to the input's shape (${a.shape.join(', ')})`)
  }
  return where.broadcastTo(a.shape)
}

/** `initial` in the loop dtype's JS form (NumPy casts it; a Python int out of an integer dtype's range is an OverflowError). */
function castInitial(name: string, v: unknown, loop: DTypeName): number | bigint {
  const info = DTYPES[loop]
  if (typeof v === 'boolean') v = v ? 1 : 0
  if (typeof v !== 'number' && typeof v !== 'bigint') throw new DTypeError(`${name}: initial must be a number, bigint or boolean, got ${typeof v}`)
  if (info.kind === 'f') {
    const x = Number(v)
    return loop === 'float32' ? Math.fround(x) : x
  }
  if (info.kind === 'b') return (typeof v === 'bigint' ? v !== 0n : v !== 0) ? 1 : 0
  let b: bigint
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new ValueError(`${name}: cannot convert initial ${v} to integer dtype ${loop}`)
    const intLike = Number.isInteger(v)
    b = BigInt(Math.trunc(v))
    if (!intLike) {
      // a float initial is cast (truncated) as NumPy's unsafe cast does
      const bits = info.itemsize * 8
      b = info.kind === 'u' ? BigInt.asUintN(bits, b) : BigInt.asIntN(bits, b)
    }
  } else b = v
  if (b < BigInt(info.min!) || b > BigInt(info.max!)) throw new OverflowError(`${name}: initial ${String(v)} is out of bounds for ${loop}`)
  return info.bigint ? b : Number(b)
}

/** A job with nothing to run: finish delivers a result already computed (an empty selection's initial). */
function emptyJob(name: string): ReductionJob {
  return { kind: 'reduction', op: name, plan: { mode: 'empty', M: 0 }, units: 0, unitsWriteOutput: true, elementsPerUnit: 0, cost: 0 }
}

/**
 * prepareReduction for a call with `initial` and/or `where` (ops/reductions.ts calls this after checking the
 * option names).
 */
export function prepareMaskedReduction(name: ReductionName, a: NDArray, opts: ReduceOptions): PreparedReduction {
  if (opts.initial !== undefined && opts.initial !== null && !INITIAL_REDUCTIONS.includes(name)) {
    throw new ValueError(`${name} does not take an initial argument`)
  }
  if (opts.where !== undefined && opts.where !== null && !WHERE_REDUCTIONS.includes(name)) {
    throw new ValueError(`${name} does not take a where argument`)
  }
  const reduced = resolveReduced(name, a, opts.axis)
  const mask = maskOf(name, a, opts.where)
  const keepdims = opts.keepdims === true
  const out = opts.out
  if (out !== undefined && !(out instanceof NDArray)) throw new DTypeError(`${name}: out must be an NDArray`)
  const scalarResult = out === undefined && !keepdims && (opts.axis === undefined || opts.axis === null)
  const userDtype = opts.dtype === undefined || opts.dtype === null ? undefined : lookupDType(opts.dtype).name
  const hasInitial = opts.initial !== undefined && opts.initial !== null
  const inDt = a.dtype
  if (inDt === 'float16') throw new DTypeError(`${name}: where/initial are not supported for float16 yet`)
  const kind = DTYPES[inDt].kind
  const base = { name, a, reduced, mask, keepdims, out, scalarResult }
  switch (name) {
    case 'min': case 'max': {
      if (userDtype !== undefined) throw new DTypeError(`${name} does not take a dtype argument (got ${userDtype})`)
      if (!hasInitial) throw new ValueError(`reduction operation '${UFUNC[name]}' does not have an identity, so to use a where mask one has to specify 'initial'`)
      return orderFree({ ...base, loop: inDt, initial: castInitial(name, opts.initial, inDt) })
    }
    case 'any': case 'all':
      if (userDtype !== undefined) throw new DTypeError(`${name} does not take a dtype argument (got ${userDtype})`)
      return orderFree({ ...base, loop: 'bool', initial: null })
    case 'sum': case 'prod': {
      const loop = userDtype ?? outLoopDtype(inDt, out) ?? defaultSumDtype(inDt)
      const initial = hasInitial ? castInitial(name, opts.initial, loop) : null
      if (DTYPES[loop].kind === 'f') {
        return floatWalk({ ...base, loop, cls: name === 'sum' ? 'pw' : 'fseq', initial: initial as number | null, post: null })
      }
      return orderFree({ ...base, loop, initial })
    }
    case 'mean': case 'var': case 'std': {
      const comp = userDtype ?? outLoopDtype(inDt, out) ?? (kind === 'f' ? inDt : 'float64')
      if (DTYPES[comp].kind !== 'f') throw new DTypeError(`${name} with where and dtype ${comp} is not supported (use a float dtype)`)
      if (name === 'mean') return floatWalk({ ...base, loop: comp, cls: 'pw', initial: null, post: { ddof: 0, sqrt: false } })
      const ddof = opts.ddof ?? 0
      if (typeof ddof !== 'number' || !Number.isFinite(ddof)) throw new ValueError(`${name}: ddof must be a finite number, got ${String(ddof)}`)
      // NumPy's _var: the masked mean (keepdims), x = (a − mean)² materialised in a's promoted dtype, its masked sum
      // all three steps are one unit (kernels/reduce/where-walk.ts): the mean's walk, x, the walk over x
      const mp = floatWalk({ name: 'mean', a, reduced, mask, keepdims: true, out: undefined, scalarResult: false, loop: comp, cls: 'pw', initial: null, post: { ddof: 0, sqrt: false } })
      const mean = (mp.job.plan as WhereWalkPlan)
      const xDtype = resultType(inDt, comp)
      const x = NDArray.allocLike(a, xDtype, 'K')
      const vp = floatWalk({ ...base, a: x, loop: comp, cls: 'pw', initial: null, post: { ddof, sqrt: name === 'std' } })
      const plan: WhereWalkPlan = {
        ...(vp.job.plan as WhereWalkPlan),
        deviations: { mean, a: toDescriptor(a), m: mean.resultArray, x: toDescriptor(x), xd: xDtype },
      }
      return { job: { ...vp.job, plan, elementsPerUnit: 3 * Math.max(1, a.size) }, finish: vp.finish }
    }
    default:
      throw new ValueError(`${name} does not take initial or where`)
  }
}


interface Common {
  name: ReductionName
  a: NDArray
  reduced: boolean[]
  mask: NDArray | null
  keepdims: boolean
  out: NDArray | undefined
  scalarResult: boolean
  loop: DTypeName
}

// ------------------------------------------------------------------------------------------------ order-free

/**
 * Integer sum/prod, min/max, any/all: masked elements become the identity in a C-ordered temporary, the plain
 * reduction runs on it (its job is the one the pool splits), and `initial` is folded into the result.
 */
function orderFree(c: Common & { initial: number | bigint | null }): PreparedReduction {
  const { name, a, mask } = c
  let src = a
  if (mask !== null) {
    src = a.copy()
    const m = mask.copy()
    const md = typedView(m.buffer, 'bool') as Uint8Array
    const sd = typedView(src.buffer, src.dtype) as unknown as { [i: number]: number | bigint }
    const id = identityOf(name, c.loop, a.dtype)
    const n = src.size
    for (let i = 0; i < n; i++) if (md[m.offset + i] === 0) sd[src.offset + i] = id
  }
  const axes = c.reduced.flatMap((r, k) => (r ? [k] : []))
  const nd = a.ndim
  // the empty min/max reduction takes initial (the plain one throws)
  let count = 1
  for (let k = 0; k < nd; k++) if (c.reduced[k]) count *= a.shape[k]!
  const innerOpts: ReduceOptions = { axis: nd === 0 ? null : axes, keepdims: c.keepdims }
  if ((name === 'sum' || name === 'prod') && c.loop !== defaultSumDtype(a.dtype)) innerOpts.dtype = c.loop
  if ((name === 'min' || name === 'max') && count === 0) {
    const shape = a.shape.flatMap((n, k) => (c.reduced[k] ? (c.keepdims ? [1] : []) : [n]))
    const r = NDArray.alloc(shape, c.loop)
    fillWith(r, c.initial!)
    return { job: emptyJob(name), finish: () => deliver(c, r) }
  }
  const inner = prepareReduction(name, src, innerOpts)
  return {
    job: inner.job,
    finish(partials: readonly ReductionPartial[]): NDArray | Scalar {
      let r = inner.finish(partials)
      if (!(r instanceof NDArray)) {
        const z = NDArray.alloc([], name === 'any' || name === 'all' ? 'bool' : c.loop)
        ;(typedView(z.buffer, z.dtype) as unknown as { [i: number]: Scalar })[z.offset] = typeof r === 'boolean' ? (r ? 1 : 0) : r
        r = z
      }
      if (c.initial !== null) foldInitial(name, r, c.initial)
      return deliver(c, r)
    }
  }
}

function identityOf(name: string, loop: DTypeName, dt: DTypeName): number | bigint {
  const info = DTYPES[dt]
  const big = info.bigint
  switch (name) {
    case 'sum': case 'any': return big ? 0n : 0
    case 'prod': case 'all': return big ? 1n : 1
    case 'max': return info.kind === 'f' ? -Infinity : info.kind === 'b' ? 0 : (info.min as number | bigint)
    case 'min': return info.kind === 'f' ? Infinity : info.kind === 'b' ? 1 : (info.max as number | bigint)
    default: throw new ValueError(`internal: no identity for ${name} (${loop})`)
  }
}

function fillWith(r: NDArray, v: number | bigint): void {
  const d = typedView(r.buffer, r.dtype) as unknown as { fill(v: number | bigint, s: number, e: number): void }
  d.fill(v, r.offset, r.offset + Math.max(r.size, 1))
}

/** r = op(r, initial), element by element (r is a fresh C-contiguous result). */
function foldInitial(name: string, r: NDArray, init: number | bigint): void {
  const d = typedView(r.buffer, r.dtype) as unknown as { [i: number]: number | bigint }
  const n = r.size
  const o = r.offset
  const big = typeof init === 'bigint'
  for (let i = 0; i < n; i++) {
    const v = d[o + i]!
    switch (name) {
      case 'sum': d[o + i] = big ? (v as bigint) + (init as bigint) : (v as number) + (init as number); break
      case 'prod':
        d[o + i] = big ? (v as bigint) * (init as bigint) : (r.dtype === 'int32' || r.dtype === 'uint32' ? Math.imul(v as number, init as number) : (v as number) * (init as number))
        break
      case 'max': if (v !== v || (init as number) !== (init as number)) d[o + i] = v !== v ? v : init; else if (init > v) d[o + i] = init; break
      case 'min': if (v !== v || (init as number) !== (init as number)) d[o + i] = v !== v ? v : init; else if (init < v) d[o + i] = init; break
    }
  }
}

/** The call's result: into out (cast), a JS scalar, or the array. */
function deliver(c: Common, r: NDArray): NDArray | Scalar {
  if (c.out !== undefined) {
    const out = c.out
    out.assertWriteable('out')
    if (out.ndim !== r.ndim || out.shape.some((n, i) => n !== r.shape[i])) {
      throw new ShapeError(`output parameter for reduction operation ${UFUNC[c.name]} has shape (${out.shape.join(', ')}) but the result has shape (${r.shape.join(', ')})`)
    }
    copyInto(out, r)
    return out
  }
  if (c.scalarResult && r.ndim === 0) return fromStored(typedView(r.buffer, r.dtype)[r.offset]!, r.dtype)
  return r
}

// ------------------------------------------------------------------------------------------------ float walks


/**
 * Float sums (pw) and products (fseq) with initial/where, walking NumPy's iteration: the axis order voted by
 * (out,) input and mask, dims coalesced over all of them, the pairwise blocks of the plain reduction; per block,
 * `acc = acc + PW(run)` for every run of selected elements (products: `acc = acc * x` element by element).
 * `post`: mean/var/std divide each output by its count of selected elements (minus ddof).
 */
function floatWalk(c: Common & { cls: 'pw' | 'fseq'; initial: number | null; post: { ddof: number; sqrt: boolean } | null }): PreparedReduction {
  const { a, mask, reduced, loop } = c
  if (loop !== 'float64' && loop !== 'float32') throw new DTypeError(`${c.name}: dtype ${loop} is not supported with where/initial yet`)
  const out = c.out
  const nd = a.ndim
  const shape = a.shape
  const red = reduced.length === nd ? reduced : new Array<boolean>(nd).fill(true)
  // the result's shape and out's check before anything is computed
  const rshape = shape.flatMap((n, k) => (red[k] ? (c.keepdims ? [1] : []) : [n]))
  if (out !== undefined) {
    out.assertWriteable('out')
    if (out.ndim !== rshape.length || out.shape.some((n, i) => n !== rshape[i])) {
      throw new ShapeError(`output parameter for reduction operation ${UFUNC[c.name]} has shape (${out.shape.join(', ')}) but the result has shape (${rshape.join(', ')})`)
    }
  }
  const inStrides = shape.map((n, k) => (n === 1 ? 0 : a.strides[k]!))
  const mStrides = mask === null ? null : shape.map((n, k) => (n === 1 ? 0 : mask.strides[k]!))
  const direct = out !== undefined && out.dtype === loop && !mayShareMemory(out, a)
  const voters: number[][] = []
  if (direct) {
    const s = new Array<number>(nd).fill(0)
    let j = 0
    for (let k = 0; k < nd; k++) {
      if (!red[k]) { s[k] = shape[k] === 1 ? 0 : out.strides[j]!; j++ } else if (c.keepdims) j++
    }
    voters.push(s)
  }
  voters.push(inStrides)
  if (mStrides !== null) voters.push(mStrides)
  const perm = iterationPerm(nd, voters)
  const lay = resultLayout(shape, perm, red, c.keepdims)
  let M = 1
  for (const n of lay.shape) M *= n
  const result = NDArray.allocStrided(lay.shape, lay.strides, loop, M)
  const dims = buildDims(shape, perm, inStrides, lay.strideOfAxis, mStrides ?? new Array<number>(nd).fill(0), red)
  let q = 0, B = 1
  if (c.cls === 'pw' && dims.red[0] && a.size > 0) ({ q, B } = pwBlockSpec(dims, a.dtype !== loop))
  const plan: WhereWalkPlan = {
    mode: 'whereWalk', cls: c.cls, loop, a: { buffer: a.buffer, dtype: a.dtype, offset: a.offset }, size: a.size,
    mask: mask === null ? null : { buffer: mask.buffer, offset: mask.offset }, dims, q, B, M,
    result: { buffer: result.buffer, offset: result.offset }, init: c.initial ?? (c.cls === 'fseq' ? 1 : 0), post: c.post,
    resultArray: toDescriptor(result), deviations: null,
  }
  const job: ReductionJob = { kind: 'reduction', op: c.name, plan, units: 1, unitsWriteOutput: true, elementsPerUnit: Math.max(1, a.size), cost: 2 }
  return { job, finish: () => deliver(c, result) }
}

