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
 *    sum and does not match NumPy's bits, so float sums (sum, mean, var, std) walk the blocks and runs here,
 *    on the calling thread (their job has no units; finish computes them).
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
import { pairwiseSum32, pairwiseSum32Strided, pairwiseSum64, pairwiseSum64Strided } from '../kernels/reduce/pairwise.js'
import { buildDims, iterationPerm, pwBlockSpec, resultLayout } from '../kernels/reduce/reduce-plan.js'
import { NDArray } from '../ndarray.js'
import { fromStored } from '../scalar.js'
import { normalizeAxes, normalizeAxis, broadcastShapeOf } from '../shape.js'
import { mayShareMemory } from '../overlap/index.js'
import { resultType } from './promotion.js'
import { prepareReduction, type PreparedReduction, type ReduceOptions, type ReductionName } from './reductions.js'

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

function defaultSumDtype(dt: DTypeName): DTypeName {
  switch (dt) {
    case 'bool': case 'int8': case 'int16': case 'int32': case 'int64': return 'int64'
    case 'uint8': case 'uint16': case 'uint32': case 'uint64': return 'uint64'
    default: return dt
  }
}

function outLoopDtype(inDt: DTypeName, out: NDArray | undefined): DTypeName | undefined {
  if (out === undefined) return undefined
  const od = DTYPES[out.dtype]
  const id = DTYPES[inDt]
  if (od.kind === 'f' && id.kind === 'f' && od.itemsize >= id.itemsize) return out.dtype
  return undefined
}

/** A job with nothing to run: finish does the work (float sums with where/initial, on the calling thread). */
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
      const mp = floatWalk({ name: 'mean', a, reduced, mask, keepdims: true, out: undefined, scalarResult: false, loop: comp, cls: 'pw', initial: null, post: { ddof: 0, sqrt: false } })
      const m = mp.finish([]) as NDArray
      const xDtype = resultType(inDt, comp)
      const x = squaredDeviations(a, m, xDtype)
      return floatWalk({ ...base, a: x, loop: comp, cls: 'pw', initial: null, post: { ddof, sqrt: name === 'std' } })
    }
    default:
      throw new ValueError(`${name} does not take initial or where`)
  }
}

/** (a − m)² in dtype xd, a fresh array laid out like a (NumPy's arr - arrmean, then x*x in place). */
function squaredDeviations(a: NDArray, m: NDArray, xd: DTypeName): NDArray {
  const x = NDArray.allocLike(a, xd, 'K')
  const nd = a.ndim
  const shape = a.shape
  const size = a.size
  const xa = typedView(a.buffer, a.dtype) as unknown as { [i: number]: number | bigint }
  const xm = typedView(m.buffer, m.dtype) as Float64Array
  const xo = typedView(x.buffer, xd) as Float64Array
  const f32 = xd === 'float32'
  const idx = new Array<number>(nd).fill(0)
  const ms = m.strides.map((s, k) => (m.shape[k] === 1 ? 0 : s))
  for (let t = 0; t < size; t++) {
    let pa = a.offset, pm = m.offset, px = x.offset
    for (let k = 0; k < nd; k++) { pa += idx[k]! * a.strides[k]!; pm += idx[k]! * ms[k]!; px += idx[k]! * x.strides[k]! }
    const av = a.dtype === 'bool' ? Number(xa[pa]) : Number(xa[pa]!)
    let mv = xm[pm]!
    let d: number
    if (f32) { mv = Math.fround(mv); d = Math.fround(Math.fround(av) - mv); d = Math.fround(d * d) } else { d = av - mv; d = d * d }
    xo[px] = d
    for (let k = nd - 1; k >= 0; k--) { if (++idx[k]! < shape[k]!) break; idx[k] = 0 }
  }
  return x
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

let scratch64 = new Float64Array(8192)
let scratch32 = new Float32Array(8192)
let scratchM = new Uint8Array(8192)

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
  return {
    job: emptyJob(c.name),
    finish(): NDArray | Scalar {
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
      const acc = new Float64Array(Math.max(M, 1))
      const cnt = c.post !== null ? new Float64Array(Math.max(M, 1)) : null
      const init = c.initial ?? (c.cls === 'fseq' ? 1 : 0)
      acc.fill(init)
      if (a.size > 0) walk(c, a, mask, dims, q, B, acc, cnt)
      // write: post-processing in float64, then the result dtype's rounding
      const rd = typedView(result.buffer, loop) as Float64Array
      const f32 = loop === 'float32'
      for (let o = 0; o < M; o++) {
        let v = acc[o]!
        if (c.post !== null) {
          v = v / Math.max(cnt![o]! - c.post.ddof, 0)
          if (f32) v = Math.fround(v)
          if (c.post.sqrt) v = Math.sqrt(v)
        }
        rd[result.offset + o] = v
      }
      return deliver(c, result)
    },
  }
}

/** Walk every element in NumPy's iteration order (dims innermost first), folding selected ones into acc. */
function walk(c: { cls: 'pw' | 'fseq'; loop: DTypeName }, a: NDArray, mask: NDArray | null, dims: ReturnType<typeof buildDims>, q: number, B: number, acc: Float64Array, cnt: Float64Array | null): void {
  const n = dims.n, sIn = dims.sIn, sRes = dims.sRes, sM = dims.sIdx
  const nd = n.length
  const f32 = c.loop === 'float32'
  const fr = Math.fround
  const src = typedView(a.buffer, a.dtype) as unknown as { [i: number]: number | bigint }
  const numeric = a.dtype !== 'int64' && a.dtype !== 'uint64'
  const md = mask === null ? null : (typedView(mask.buffer, 'bool') as Uint8Array)
  const conv = (v: number | bigint): number => { const x = numeric ? (v as number) : Number(v); return f32 ? fr(x) : x }
  let slab = 1
  for (let k = 0; k < q; k++) slab *= n[k]!
  let outer = 1
  for (let k = q; k < nd; k++) outer *= n[k]!
  const chunks = q === 0 ? 1 : Math.ceil(slab / B)
  const idx = new Array<number>(nd).fill(0)
  let pin = a.offset, pm = mask === null ? 0 : mask.offset, pr = 0
  for (let p = 0; p < outer; p++) {
    if (q === 0) {
      // one element per step, in iteration order
      if (md === null || md[pm] !== 0) {
        const x = conv(src[pin]!)
        if (c.cls === 'fseq') acc[pr] = f32 ? fr(acc[pr]! * x) : acc[pr]! * x
        else acc[pr] = f32 ? fr(acc[pr]! + x) : acc[pr]! + x
        if (cnt !== null) cnt[pr]!++
      }
    } else if (q === 1 && a.dtype === c.loop) {
      // one strided run per block, read in place: the runs of the mask go straight to PW
      const x = src as unknown as Float64Array
      const s0 = sIn[0]!, m0 = sM[0]!
      for (let ch = 0; ch < chunks; ch++) {
        const c0 = ch * B
        const len = Math.min(slab, c0 + B) - c0
        const e0 = pin + c0 * s0
        if (md === null) {
          const v = f32 ? pairwiseSum32Strided(x as unknown as Float32Array, e0, len, s0) : pairwiseSum64Strided(x, e0, len, s0)
          acc[pr] = f32 ? fr(acc[pr]! + v) : acc[pr]! + v
          if (cnt !== null) cnt[pr]! += len
          continue
        }
        const mm0 = pm + c0 * m0
        let t = 0
        while (t < len) {
          if (md[mm0 + t * m0] === 0) { t++; continue }
          let u = t + 1
          while (u < len && md[mm0 + u * m0] !== 0) u++
          const k = u - t
          let v: number
          if (k < 8) {
            // PW of fewer than 8 elements: in order from -0.0
            v = -0.0
            if (f32) for (let j = t; j < u; j++) v = fr(v + x[e0 + j * s0]!)
            else for (let j = t; j < u; j++) v += x[e0 + j * s0]!
          } else v = f32 ? pairwiseSum32Strided(x as unknown as Float32Array, e0 + t * s0, k, s0) : pairwiseSum64Strided(x, e0 + t * s0, k, s0)
          acc[pr] = f32 ? fr(acc[pr]! + v) : acc[pr]! + v
          if (cnt !== null) cnt[pr]! += k
          t = u
        }
      }
    } else {
      for (let ch = 0; ch < chunks; ch++) {
        const c0 = ch * B
        const len = Math.min(slab, c0 + B) - c0
        if (scratch64.length < len) { scratch64 = new Float64Array(len); scratch32 = new Float32Array(len); scratchM = new Uint8Array(len) }
        // gather the block (values in the loop dtype) and its mask, innermost first
        const sc = f32 ? scratch32 : scratch64
        const sub = new Array<number>(q).fill(0)
        let rem = c0
        for (let k = 0; k < q; k++) { sub[k] = rem % n[k]!; rem = Math.floor(rem / n[k]!) }
        let e = pin, em = pm
        for (let k = 0; k < q; k++) { e += sub[k]! * sIn[k]!; em += sub[k]! * sM[k]! }
        for (let t = 0; t < len; t++) {
          sc[t] = conv(src[e]!)
          scratchM[t] = md === null ? 1 : md[em]!
          // advance the sub-index
          for (let k = 0; k < q; k++) {
            e += sIn[k]!; em += sM[k]!
            if (++sub[k]! < n[k]!) break
            e -= sIn[k]! * n[k]!; em -= sM[k]! * n[k]!
            sub[k] = 0
          }
        }
        // runs of selected elements: acc = acc + PW(run)
        let t = 0
        while (t < len) {
          if (scratchM[t] === 0) { t++; continue }
          let u = t + 1
          while (u < len && scratchM[u] !== 0) u++
          const v = f32 ? pairwiseSum32(scratch32, t, u - t) : pairwiseSum64(scratch64, t, u - t)
          acc[pr] = f32 ? fr(acc[pr]! + v) : acc[pr]! + v
          if (cnt !== null) cnt[pr]! += u - t
          t = u
        }
      }
    }
    // next outer position (dims q.. innermost first)
    for (let k = q; k < nd; k++) {
      pin += sIn[k]!; pm += sM[k]!; pr += sRes[k]!
      if (++idx[k]! < n[k]!) break
      pin -= sIn[k]! * n[k]!; pm -= sM[k]! * n[k]!; pr -= sRes[k]! * n[k]!
      idx[k] = 0
    }
  }
}
