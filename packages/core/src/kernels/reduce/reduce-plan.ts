/**
 * Reduction plans: how NumPy 2.4's reduction iterator walks an array (spec §7.2/§7.3), ported so float sums
 * group their pairwise-summation runs exactly as np.add.reduce does, plus the thread-count-independent unit
 * decomposition that lets the worker pool split the work.
 *
 * The model (checked against np.sum on thousands of random views, casts included):
 *  1. Axis order: NumPy's stable insertion sort by |stride| (smallest innermost), over the result operand (only
 *     when the caller gives `out`; an allocated result does not vote) and the input. Zero strides (length-1 or
 *     broadcast axes) are "ambiguous" and never constrain the order. Negative strides are never flipped.
 *  2. The result is allocated contiguous over the kept axes in that order.
 *  3. Neighbouring dims coalesce when s_inner·n_inner == s_outer for the input and the result (signed).
 *  4. npyiter_find_buffering_setup's cost model picks the "outer" dim, the core size and the buffer size.
 *  5. Then every inner-loop call either reduces a block of elements into one output (float add: acc += PW(block))
 *     or adds elements one by one into a row of outputs (the innermost dim is kept: sequential accumulation).
 *     Blocks lie inside "slabs" (the q innermost dims, all reduced) and are consecutive cuts of B elements of
 *     the slab; the last cut of a slab is shorter.
 *
 * Everything here is pure arithmetic on shapes and strides (in elements).
 */
import type { ArrayDescriptor } from '../../descriptor.js'
import type { DTypeName } from '../../dtype.js'
import { pwLeafCount } from './pairwise.js'

/** NumPy's default ufunc buffer size (np.getbufsize()). */
export const BUFSIZE = 8192
/** Target number of elements read by one unit (~0.05–0.2 ms of work per unit on one core). */
export const UNIT_TARGET = 131072
/** Longest PW node a unit evaluates on its own; longer runs are cut at PW's own tree. */
export const PW_LEAF = 131072

export type ReduceOp = 'sum' | 'prod' | 'min' | 'max' | 'argmin' | 'argmax' | 'any' | 'all'

/**
 * Kernel classes (the registry's first key):
 *  - pw:     float add-reduce with NumPy's pairwise blocks (sum, mean, var, std), loop dtype float64/float32
 *  - fseq:   float multiply-reduce, strictly sequential per output in iteration order
 *  - isum:   integer add-reduce, wrapping (order-free)
 *  - iprod:  integer multiply-reduce, wrapping (order-free)
 *  - minmax: min/max in the input dtype, NaN propagates (order-free)
 *  - logic:  any/all (order-free)
 *  - arg:    argmin/argmax, first index wins, first NaN wins (order-free with index tie-breaking)
 */
export type KernelClass = 'pw' | 'fseq' | 'isum' | 'iprod' | 'minmax' | 'logic' | 'arg'

/**
 * How units are laid out:
 *  - output:   unit u owns indices [u·splitBlock, (u+1)·splitBlock) of kept dim splitDim (or everything when
 *              splitDim = -1): it computes those outputs completely and writes them. No partials.
 *  - partials: unit u owns indices [u·splitBlock, …) of reduced dim splitDim and returns partial results for
 *              all M outputs; finish combines them (order-free ops only).
 *  - pwGroups: unit u owns PW blocks [u·group, (u+1)·group) of the block grid and returns their PW values.
 *  - pwLeaves: every PW block is cut into the nodes of its PW tree no longer than PW_LEAF; unit u is one such
 *              leaf and returns its PW value. finish recombines leaves along the tree.
 *  - empty:    no elements to read (N = 0 or M = 0); finish writes identities (units = 0).
 */
export type UnitMode = 'output' | 'partials' | 'pwGroups' | 'pwLeaves' | 'empty'

/** Post-processing of each output value, applied where outputs are written. */
export interface PostOp {
  /** Divide by this (in float64, then cast to the result dtype), as NumPy's mean/var do with an intp count. */
  readonly divide: number | null
  /** Square root after the division (std). */
  readonly sqrt: boolean
}

/** Everything a kernel needs, plain data (postable). Dims are innermost first, strides in elements. */
export interface ReducePlan {
  readonly op: ReduceOp
  readonly cls: KernelClass
  /** Input memory and dtype; elements at inOffset + Σ i_d·sIn[d]. */
  readonly input: { readonly buffer: SharedArrayBuffer | ArrayBuffer; readonly dtype: DTypeName }
  readonly inOffset: number
  /** Accumulation dtype (float64/float32 for pw/fseq, int64/uint64 for isum/iprod, the input dtype otherwise). */
  readonly loopDtype: DTypeName
  /** Where the final values go (the allocated result, the caller's `out`, or a temporary). */
  readonly result: ArrayDescriptor
  readonly resOffset: number
  readonly n: readonly number[]
  readonly sIn: readonly number[]
  readonly sRes: readonly number[]
  /**
   * Index contribution per dim (arg ops: flat C index for axis=None, position along the axis otherwise); for a
   * fused variance sum, the mean array's strides (0 on reduced dims), starting at idxOffset.
   */
  readonly sIdx: readonly number[]
  readonly idxOffset: number
  /** Fused variance: sum (input − mean)² with the mean array here, the deviations computed in float32 if x32. */
  readonly dev: { readonly buffer: SharedArrayBuffer | ArrayBuffer; readonly dtype: DTypeName; readonly x32: boolean } | null
  /**
   * float16 sums (ops/reduce-half.ts): the input is a float32 shadow of a float16 array and the float32 loop stands
   * for NumPy's float16 loop, whose accumulators round to half after each block added and each row step.
   */
  readonly halfAcc?: boolean
  readonly red: readonly boolean[]
  /** PW block spec: q innermost (reduced) dims form a slab, cut into blocks of B; q = 0: sequential accumulation. */
  readonly q: number
  readonly B: number
  /** Number of elements and of outputs. */
  readonly N: number
  readonly M: number
  readonly post: PostOp
  readonly mode: UnitMode
  readonly splitDim: number
  readonly splitBlock: number
  /** pwGroups / pwLeaves: slab size, blocks per slab, slabs (outer positions) and blocks per unit. */
  readonly slab: number
  readonly chunks: number
  readonly outer: number
  readonly group: number
  /** pwLeaves: leaves of a full block and of the last (shorter) block of a slab. */
  readonly leavesFull: number
  readonly leavesLast: number
}

// ------------------------------------------------------------------------------------------------ axis order

/**
 * NumPy's npyiter_find_best_axis_ordering: a stable insertion sort, innermost first, starting from reversed C
 * order. `ops` are per-axis stride arrays of the voting operands, in operand order (result first); length-1
 * axes must already have stride 0. An axis moves inward past another only when every operand with non-zero
 * strides on both agrees; zero strides are ambiguous and skipped.
 */
export function iterationPerm(ndim: number, ops: readonly (readonly number[])[]): number[] {
  const perm: number[] = []
  for (let a = ndim - 1; a >= 0; a--) perm.push(a)
  for (let i0 = 1; i0 < ndim; i0++) {
    let ipos = i0
    const j0 = perm[i0]!
    for (let i1 = i0 - 1; i1 >= 0; i1--) {
      const j1 = perm[i1]!
      let ambig = true
      let swap = false
      for (const st of ops) {
        const s0 = st[j0]!
        const s1 = st[j1]!
        if (s0 !== 0 && s1 !== 0) {
          if (Math.abs(s1) <= Math.abs(s0)) swap = false
          else if (ambig) swap = true
          ambig = false
        }
      }
      if (!ambig) {
        if (swap) ipos = i1
        else break
      }
    }
    if (ipos !== i0) {
      for (let i1 = i0; i1 > ipos; i1--) perm[i1] = perm[i1 - 1]!
      perm[ipos] = j0
    }
  }
  return perm
}

/**
 * Strides (elements) of a result allocated the way NumPy's iterator allocates it: contiguous over the kept axes
 * in iteration order. `keepdims` keeps reduced axes as length 1 (their stride is the running product there).
 */
export function resultLayout(shape: readonly number[], perm: readonly number[], reduced: readonly boolean[], keepdims: boolean): { shape: number[]; strides: number[]; strideOfAxis: number[] } {
  const nd = shape.length
  const strideOfAxis = new Array<number>(nd).fill(0)
  let st = 1
  for (const a of perm) {
    if (reduced[a]) { strideOfAxis[a] = st; continue }
    strideOfAxis[a] = st
    st *= Math.max(shape[a]!, 1)
  }
  const rshape: number[] = []
  const rstrides: number[] = []
  for (let a = 0; a < nd; a++) {
    if (reduced[a]) {
      if (keepdims) { rshape.push(1); rstrides.push(strideOfAxis[a]!) }
    } else {
      rshape.push(shape[a]!)
      rstrides.push(strideOfAxis[a]!)
    }
  }
  for (let a = 0; a < nd; a++) if (reduced[a] || shape[a] === 1) strideOfAxis[a] = 0
  return { shape: rshape, strides: rstrides, strideOfAxis }
}

// ------------------------------------------------------------------------------------------------ dims

export interface Dims {
  n: number[]
  sIn: number[]
  sRes: number[]
  sIdx: number[]
  red: boolean[]
}

/**
 * Build the iteration dims (innermost first) for axes in `perm`, then coalesce as npyiter_coalesce_axes does.
 * Length-1 axes are dropped (they always coalesce away). An empty result stands for a single element. `also`:
 * per-axis strides of further operands that must coalesce too (not kept).
 */
export function buildDims(shape: readonly number[], perm: readonly number[], sIn: readonly number[], sRes: readonly number[], sIdx: readonly number[], reduced: readonly boolean[], also: readonly (readonly number[])[] = []): Dims {
  const d: Dims = { n: [], sIn: [], sRes: [], sIdx: [], red: [] }
  const extra: number[][] = also.map(() => [])
  for (const a of perm) {
    const n = shape[a]!
    if (n === 1) continue
    const si = sIn[a]!, sr = reduced[a] ? 0 : sRes[a]!, sx = sIdx[a]!
    const k = d.n.length - 1
    if (k >= 0 && d.red[k] === reduced[a]
      && d.sIn[k]! * d.n[k]! === si && d.sRes[k]! * d.n[k]! === sr && d.sIdx[k]! * d.n[k]! === sx
      && also.every((st, j) => extra[j]![k]! * d.n[k]! === st[a]!)) {
      d.n[k] = d.n[k]! * n
      continue
    }
    d.n.push(n); d.sIn.push(si); d.sRes.push(sr); d.sIdx.push(sx); d.red.push(reduced[a]!)
    also.forEach((st, j) => extra[j]!.push(st[a]!))
  }
  if (d.n.length === 0) { d.n.push(1); d.sIn.push(0); d.sRes.push(0); d.sIdx.push(0); d.red.push(true) }
  return d
}

// ------------------------------------------------------------------------------------------------ buffering

export interface BufferingSetup {
  bestDim: number
  coresize: number
  bufsize: number
  usingReduce: boolean
}

/**
 * A port of npyiter_find_buffering_setup for the two reduction operands (result first, then input). `cast`:
 * the input is converted to the loop dtype, so it is always buffered. Dims are the coalesced iteration dims;
 * the result's strides are sRes (0 on reduced dims).
 */
export function bufferingSetup(d: Dims, cast: boolean): BufferingSetup {
  const nd = d.n.length
  const strides = [d.sRes, d.sIn]
  let cost = 1 + (cast ? 1 : 0)
  const single = [1, 1]
  const reduceOuter = [0, 0]
  let outerReduceDim = 0
  let size = d.n[0]!
  let bestDim = 0, bestCost = cost, bestSize = size, bestCoresize = 1
  for (let idim = 1; idim < nd; idim++) {
    if (outerReduceDim !== 0) break
    if (size >= BUFSIZE && cost > 1) break
    for (let iop = 0; iop < 2; iop++) {
      const st = strides[iop]!
      if (single[iop] === idim) {
        if (st[idim - 1]! * d.n[idim - 1]! === st[idim]!) { single[iop]!++; continue }
        if (!(iop === 1 && cast)) cost += 1
      }
      if (iop === 0 && (st[idim] === 0 || st[idim - 1] === 0)) {
        reduceOuter[0] = idim
        outerReduceDim = idim
      }
    }
    const coresize = size
    size *= d.n[idim]!
    if (size === 0) break
    let bufsize = size
    if (size > BUFSIZE && cost > 1) bufsize = BUFSIZE
    if (cost * bestSize <= bestCost * bufsize) {
      bestCost = cost; bestCoresize = coresize; bestSize = size; bestDim = idim
    }
  }
  const usingReduce = outerReduceDim !== 0 && bestDim === outerReduceDim
  const isReduceOp = (iop: number, buffered: boolean): boolean => {
    if (!usingReduce) return false
    if (reduceOuter[iop] === bestDim) return true
    if (single[iop] === bestDim && !buffered) return true
    return strides[iop]![outerReduceDim] === 0 && single[iop]! <= bestDim
  }
  const inRed = isReduceOp(1, cast)
  const inBuffered = cast || !(single[1]! + (inRed ? 1 : 0) > bestDim)
  const outRed = isReduceOp(0, false)
  const outBuffered = !(single[0]! + (outRed ? 1 : 0) > bestDim)
  if ((inBuffered || outBuffered) && BUFSIZE < bestSize) bestSize = bestCoresize * Math.floor(BUFSIZE / bestCoresize)
  return { bestDim, coresize: bestCoresize, bufsize: bestSize, usingReduce }
}

/**
 * The PW block structure (§7.2/§7.3): q = number of innermost dims forming a slab (all reduced), B = block
 * length; q = 0 when the innermost dim is kept (every element is added on its own, in iteration order).
 */
export function pwBlockSpec(d: Dims, cast: boolean): { q: number; B: number } {
  if (!d.red[0]) return { q: 0, B: 1 }
  const b = bufferingSetup(d, cast)
  let q: number, B: number
  if (b.usingReduce) { q = b.bestDim; B = b.coresize } else { q = b.bestDim + 1; B = b.bufsize }
  // q ≤ number of innermost reduced dims always holds for NumPy's setups; clamp defensively
  let r = 0
  while (r < d.n.length && d.red[r]) r++
  if (q > r) q = r
  if (q < 1) q = 1
  let slab = 1
  for (let k = 0; k < q; k++) slab *= d.n[k]!
  if (B > slab || B < 1) B = slab
  return { q, B }
}

// ------------------------------------------------------------------------------------------------ units

export interface Decomposition {
  mode: UnitMode
  units: number
  splitDim: number
  splitBlock: number
  slab: number
  chunks: number
  outer: number
  group: number
  leavesFull: number
  leavesLast: number
}

/**
 * The unit decomposition, a function of the plan only (never of the thread count):
 *  (a) mode 'output' when the outputs can be cut into blocks of ~UNIT_TARGET elements (or the op cannot be
 *      split otherwise): blocks along a kept dim;
 *  (b) otherwise the reduced data is split: PW runs along their own tree (pwLeaves) or in groups of whole
 *      blocks (pwGroups), order-free ops along a reduced dim (partials).
 */
export function decompose(d: Dims, cls: KernelClass, q: number, B: number, N: number, M: number): Decomposition {
  const none: Decomposition = { mode: 'empty', units: 0, splitDim: -1, splitBlock: 0, slab: 0, chunks: 0, outer: 0, group: 0, leavesFull: 0, leavesLast: 0 }
  if (N === 0 || M === 0) return none
  if (N <= UNIT_TARGET) return { ...none, mode: 'output', units: 1 }
  const nd = d.n.length
  const wanted = Math.ceil(N / UNIT_TARGET)
  // (a) blocks of outputs along a kept dim
  let D = -1
  for (let k = nd - 1; k >= 0; k--) if (!d.red[k] && d.n[k]! >= wanted) { D = k; break }
  if (D < 0) {
    let best = 1
    for (let k = nd - 1; k >= 0; k--) if (!d.red[k] && d.n[k]! > best) { best = d.n[k]!; D = k }
  }
  let outputUnits = 0, outputBlock = 0
  if (D >= 0) {
    const perIndex = N / d.n[D]!
    outputBlock = Math.max(1, Math.floor(UNIT_TARGET / perIndex))
    outputUnits = Math.ceil(d.n[D]! / outputBlock)
  }
  const splittable = cls !== 'fseq' && !(cls === 'pw' && q === 0)
  if (D >= 0 && (N / outputUnits <= 4 * UNIT_TARGET || !splittable)) {
    return { ...none, mode: 'output', units: outputUnits, splitDim: D, splitBlock: outputBlock }
  }
  if (!splittable) return { ...none, mode: 'output', units: 1 }
  if (cls === 'pw') {
    let slab = 1
    for (let k = 0; k < q; k++) slab *= d.n[k]!
    const chunks = Math.ceil(slab / B)
    const outer = N / slab
    const last = slab - (chunks - 1) * B
    if (B <= PW_LEAF) {
      const group = Math.max(1, Math.floor(UNIT_TARGET / B))
      return { ...none, mode: 'pwGroups', units: Math.ceil((outer * chunks) / group), slab, chunks, outer, group }
    }
    const leavesFull = pwLeafCount(B, PW_LEAF)
    const leavesLast = pwLeafCount(last, PW_LEAF)
    return { ...none, mode: 'pwLeaves', units: outer * ((chunks - 1) * leavesFull + leavesLast), slab, chunks, outer, leavesFull, leavesLast }
  }
  // order-free: split the largest reduced dim (ties: the outermost)
  let R = -1, rn = 0
  for (let k = nd - 1; k >= 0; k--) if (d.red[k] && d.n[k]! > rn) { rn = d.n[k]!; R = k }
  if (R < 0) return { ...none, mode: 'output', units: 1 }
  const perIndex = N / rn
  const block = Math.max(1, Math.floor(UNIT_TARGET / perIndex))
  return { ...none, mode: 'partials', units: Math.ceil(rn / block), splitDim: R, splitBlock: block }
}
