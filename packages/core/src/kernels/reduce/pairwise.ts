/**
 * NumPy's pairwise summation (PW), bit-exact for float64 and float32 (spec §7.1):
 *
 *   PW(x[0..n)):  n < 8    → r = -0.0; r += x[i] in order
 *                 n ≤ 128  → 8 partial sums p[k] = x[k] + x[8+k] + …, then ((p0+p1)+(p2+p3))+((p4+p5)+(p6+p7)),
 *                            then the 0..7 leftover elements one by one
 *                 n > 128  → m = ⌊n/2⌋ − (⌊n/2⌋ mod 8);  PW(x[0..m)) + PW(x[m..n))
 *
 * float32 arithmetic is emulated with Math.fround after every add (fround(a+b) is exactly the float32 sum of
 * two float32 values).
 *
 * Speed: the recursion itself costs more than the adds in V8 (a call per 64–128 elements), so nodes of at most
 * PROGRAM_MAX elements are evaluated by a flat loop over a cached postfix "program" of that node's tree (leaf
 * sizes, 0 for "add the top two values", and for float64 a fused op for two sibling leaves); only nodes above
 * PROGRAM_MAX recurse. The leaf is the 8-way unrolled block loop, which is naturally multi-accumulator.
 *
 * The tree helpers at the end (pwSplit, pwLeaves, pwCombine) let a long run be cut into independent units at
 * nodes of this very tree and recombined later, bit-identically to PW over the whole run.
 */

import { inKernelArena, wasmReduce } from '../wasm/backend.js'

/** Runs at least this long over arena memory go to the WASM SIMD kernel (same tree, same bits). */
const WASM_MIN = 64

/** Nodes up to this size run from a cached program instead of recursing. */
const PROGRAM_MAX = 4096

const programs: (Int32Array | undefined)[] = []
/** Evaluation stack for programs (depth ≤ log2(4096/64) + 2). Module-level: one per thread. */
const stack = new Float64Array(64)

/** The left child's size of a PW node of n > 128 elements. */
export function pwSplit(n: number): number {
  const h = Math.floor(n / 2)
  return h - (h % 8)
}

function buildProgram(n: number): Int32Array {
  const out: number[] = []
  const rec = (k: number): void => {
    if (k <= 128) { out.push(k); return }
    const m = pwSplit(k)
    rec(m)
    rec(k - m)
    out.push(0)
  }
  rec(n)
  return Int32Array.from(out)
}

/** Like buildProgram, but a node whose two children are both leaves is one op: −left, right. */
function buildPairProgram(n: number): Int32Array {
  const out: number[] = []
  const rec = (k: number): void => {
    if (k <= 128) { out.push(k); return }
    const m = pwSplit(k)
    if (k - m <= 128) { out.push(-m, k - m); return }
    rec(m)
    rec(k - m)
    out.push(0)
  }
  rec(n)
  return Int32Array.from(out)
}

const pairPrograms: (Int32Array | undefined)[] = []
function pairProgramFor(n: number): Int32Array {
  let p = pairPrograms[n]
  if (p === undefined) { p = buildPairProgram(n); pairPrograms[n] = p }
  return p
}

function programFor(n: number): Int32Array {
  let p = programs[n]
  if (p === undefined) { p = buildProgram(n); programs[n] = p }
  return p
}

// ------------------------------------------------------------------------------------------------ float64

/** PW over x[off], x[off+1], …, x[off+n-1]. */
export function pairwiseSum64(x: Float64Array, off: number, n: number): number {
  if (n >= WASM_MIN && inKernelArena(x.buffer)) {
    const k = wasmReduce('sum', 'f64')
    if (k !== undefined) return k(x.byteOffset + off * 8, n)
  }
  if (n <= PROGRAM_MAX) return node64(x, off, n)
  const m = pwSplit(n)
  return pairwiseSum64(x, off, m) + pairwiseSum64(x, off + m, n - m)
}

function node64(x: Float64Array, off: number, n: number): number {
  if (n < 8) {
    let r = -0.0
    for (let i = 0; i < n; i++) r += x[off + i]!
    return r
  }
  if (n <= 128) return leaf64(x, off, n)
  // ops: k > 0 a leaf of k; −a, b two sibling leaves added at once; 0 add the top two stack values
  const prog = pairProgramFor(n)
  const len = prog.length
  let sp = 0
  let o = off
  for (let k = 0; k < len; k++) {
    const sz = prog[k]!
    if (sz === 0) {
      sp--
      stack[sp - 1] = stack[sp - 1]! + stack[sp]!
      continue
    }
    if (sz < 0) {
      const a = -sz, b = prog[++k]!
      const ra = leaf64(x, o, a)
      const rb = leaf64(x, o + a, b)
      stack[sp++] = ra + rb
      o += a + b
      continue
    }
    stack[sp++] = leaf64(x, o, sz)
    o += sz
  }
  return stack[0]!
}

function leaf64(x: Float64Array, off: number, n: number): number {
  let p0 = x[off]!, p1 = x[off + 1]!, p2 = x[off + 2]!, p3 = x[off + 3]!, p4 = x[off + 4]!, p5 = x[off + 5]!, p6 = x[off + 6]!, p7 = x[off + 7]!
  const end = off + (n - (n & 7))
  let i = off + 8
  for (; i < end; i += 8) {
    p0 += x[i]!; p1 += x[i + 1]!; p2 += x[i + 2]!; p3 += x[i + 3]!
    p4 += x[i + 4]!; p5 += x[i + 5]!; p6 += x[i + 6]!; p7 += x[i + 7]!
  }
  let r = ((p0 + p1) + (p2 + p3)) + ((p4 + p5) + (p6 + p7))
  const stop = off + n
  for (; i < stop; i++) r += x[i]!
  return r
}

/** PW over x[off + i·s], i = 0..n-1 (any non-zero stride, negative included). */
export function pairwiseSum64Strided(x: Float64Array, off: number, n: number, s: number): number {
  if (s === 1) return pairwiseSum64(x, off, n)
  if (n <= PROGRAM_MAX) return node64s(x, off, n, s)
  const m = pwSplit(n)
  return pairwiseSum64Strided(x, off, m, s) + pairwiseSum64Strided(x, off + m * s, n - m, s)
}

function node64s(x: Float64Array, off: number, n: number, s: number): number {
  if (n < 8) {
    let r = -0.0
    for (let i = 0; i < n; i++) r += x[off + i * s]!
    return r
  }
  const s2 = 2 * s, s3 = 3 * s, s4 = 4 * s, s5 = 5 * s, s6 = 6 * s, s7 = 7 * s, s8 = 8 * s
  const prog: Int32Array = n <= 128 ? single(n) : programFor(n)
  const len = prog.length
  let sp = 0
  let o = off
  for (let k = 0; k < len; k++) {
    const sz = prog[k]!
    if (sz === 0) {
      sp--
      stack[sp - 1] = stack[sp - 1]! + stack[sp]!
      continue
    }
    let p0 = x[o]!, p1 = x[o + s]!, p2 = x[o + s2]!, p3 = x[o + s3]!, p4 = x[o + s4]!, p5 = x[o + s5]!, p6 = x[o + s6]!, p7 = x[o + s7]!
    let i = o + s8
    const groups = (sz >> 3) - 1
    for (let g = 0; g < groups; g++) {
      p0 += x[i]!; p1 += x[i + s]!; p2 += x[i + s2]!; p3 += x[i + s3]!
      p4 += x[i + s4]!; p5 += x[i + s5]!; p6 += x[i + s6]!; p7 += x[i + s7]!
      i += s8
    }
    let r = ((p0 + p1) + (p2 + p3)) + ((p4 + p5) + (p6 + p7))
    for (let t = sz & 7; t > 0; t--) { r += x[i]!; i += s }
    stack[sp++] = r
    o += sz * s
  }
  return stack[0]!
}

const singles: Int32Array[] = []
function single(n: number): Int32Array {
  let p = singles[n]
  if (p === undefined) { p = Int32Array.of(n); singles[n] = p }
  return p
}

// ------------------------------------------------------------------------------------------------ float32

const f = Math.fround

/** PW in float32 arithmetic over x[off..off+n). */
export function pairwiseSum32(x: Float32Array, off: number, n: number): number {
  if (n >= WASM_MIN && inKernelArena(x.buffer)) {
    const k = wasmReduce('sum', 'f32')
    if (k !== undefined) return k(x.byteOffset + off * 4, n)
  }
  if (n <= PROGRAM_MAX) return node32(x, off, n)
  const m = pwSplit(n)
  return f(pairwiseSum32(x, off, m) + pairwiseSum32(x, off + m, n - m))
}

function node32(x: Float32Array, off: number, n: number): number {
  if (n < 8) {
    let r = -0.0
    for (let i = 0; i < n; i++) r = f(r + x[off + i]!)
    return r
  }
  const prog: Int32Array = n <= 128 ? single(n) : programFor(n)
  const len = prog.length
  let sp = 0
  let o = off
  for (let k = 0; k < len; k++) {
    const sz = prog[k]!
    if (sz === 0) {
      sp--
      stack[sp - 1] = f(stack[sp - 1]! + stack[sp]!)
      continue
    }
    let p0 = x[o]!, p1 = x[o + 1]!, p2 = x[o + 2]!, p3 = x[o + 3]!, p4 = x[o + 4]!, p5 = x[o + 5]!, p6 = x[o + 6]!, p7 = x[o + 7]!
    const end = o + (sz - (sz & 7))
    let i = o + 8
    for (; i < end; i += 8) {
      p0 = f(p0 + x[i]!); p1 = f(p1 + x[i + 1]!); p2 = f(p2 + x[i + 2]!); p3 = f(p3 + x[i + 3]!)
      p4 = f(p4 + x[i + 4]!); p5 = f(p5 + x[i + 5]!); p6 = f(p6 + x[i + 6]!); p7 = f(p7 + x[i + 7]!)
    }
    let r = f(f(f(p0 + p1) + f(p2 + p3)) + f(f(p4 + p5) + f(p6 + p7)))
    const stop = o + sz
    for (; i < stop; i++) r = f(r + x[i]!)
    stack[sp++] = r
    o = stop
  }
  return stack[0]!
}

/** PW in float32 arithmetic over x[off + i·s]. */
export function pairwiseSum32Strided(x: Float32Array, off: number, n: number, s: number): number {
  if (s === 1) return pairwiseSum32(x, off, n)
  if (n <= PROGRAM_MAX) return node32s(x, off, n, s)
  const m = pwSplit(n)
  return f(pairwiseSum32Strided(x, off, m, s) + pairwiseSum32Strided(x, off + m * s, n - m, s))
}

function node32s(x: Float32Array, off: number, n: number, s: number): number {
  if (n < 8) {
    let r = -0.0
    for (let i = 0; i < n; i++) r = f(r + x[off + i * s]!)
    return r
  }
  const s2 = 2 * s, s3 = 3 * s, s4 = 4 * s, s5 = 5 * s, s6 = 6 * s, s7 = 7 * s, s8 = 8 * s
  const prog: Int32Array = n <= 128 ? single(n) : programFor(n)
  const len = prog.length
  let sp = 0
  let o = off
  for (let k = 0; k < len; k++) {
    const sz = prog[k]!
    if (sz === 0) {
      sp--
      stack[sp - 1] = f(stack[sp - 1]! + stack[sp]!)
      continue
    }
    let p0 = x[o]!, p1 = x[o + s]!, p2 = x[o + s2]!, p3 = x[o + s3]!, p4 = x[o + s4]!, p5 = x[o + s5]!, p6 = x[o + s6]!, p7 = x[o + s7]!
    let i = o + s8
    const groups = (sz >> 3) - 1
    for (let g = 0; g < groups; g++) {
      p0 = f(p0 + x[i]!); p1 = f(p1 + x[i + s]!); p2 = f(p2 + x[i + s2]!); p3 = f(p3 + x[i + s3]!)
      p4 = f(p4 + x[i + s4]!); p5 = f(p5 + x[i + s5]!); p6 = f(p6 + x[i + s6]!); p7 = f(p7 + x[i + s7]!)
      i += s8
    }
    let r = f(f(f(p0 + p1) + f(p2 + p3)) + f(f(p4 + p5) + f(p6 + p7)))
    for (let t = sz & 7; t > 0; t--) { r = f(r + x[i]!); i += s }
    stack[sp++] = r
    o += sz * s
  }
  return stack[0]!
}

// ------------------------------------------------------------------------------------------------ virtual runs

/** Fills dst[0..len) with elements [start, start+len) of a virtual run (values computed on the fly). */
export type Fill<T> = (dst: T, start: number, len: number) => void

const vscratch64 = new Float64Array(PROGRAM_MAX)
const vscratch32 = new Float32Array(PROGRAM_MAX)

/**
 * PW over a run of n values that are produced by `fill` (e.g. squared deviations computed from another array):
 * the recursion is PW's own; every node of at most PROGRAM_MAX elements is filled into a small buffer and
 * summed from there, so no temporary of the run's length is needed. Bit-identical to PW over the materialised run.
 */
export function pairwiseVirtual64(fill: Fill<Float64Array>, start: number, n: number): number {
  if (n <= PROGRAM_MAX) {
    fill(vscratch64, start, n)
    return node64(vscratch64, 0, n)
  }
  const m = pwSplit(n)
  return pairwiseVirtual64(fill, start, m) + pairwiseVirtual64(fill, start + m, n - m)
}

export function pairwiseVirtual32(fill: Fill<Float32Array>, start: number, n: number): number {
  if (n <= PROGRAM_MAX) {
    fill(vscratch32, start, n)
    return node32(vscratch32, 0, n)
  }
  const m = pwSplit(n)
  return f(pairwiseVirtual32(fill, start, m) + pairwiseVirtual32(fill, start + m, n - m))
}

// ------------------------------------------------------------------------------------------------ the tree

/**
 * Lengths of the nodes of PW's tree over n elements that are "leaves" for splitting: a node is split (at
 * pwSplit) while it is longer than maxLeaf. maxLeaf must be ≥ 128, so every split is one PW itself makes.
 */
export function pwLeaves(n: number, maxLeaf: number): number[] {
  const out: number[] = []
  const rec = (k: number): void => {
    if (k <= maxLeaf) { out.push(k); return }
    const m = pwSplit(k)
    rec(m)
    rec(k - m)
  }
  rec(n)
  return out
}

/** Number of leaves of pwLeaves(n, maxLeaf), without building the list. */
export function pwLeafCount(n: number, maxLeaf: number): number {
  if (n <= maxLeaf) return 1
  const m = pwSplit(n)
  return pwLeafCount(m, maxLeaf) + pwLeafCount(n - m, maxLeaf)
}

/**
 * Recombine the PW values of the leaves of pwLeaves(n, maxLeaf), read from values[start…], following the tree:
 * the result equals PW over all n elements bit for bit. Returns the value; `pos.next` is set past the last
 * leaf used.
 */
export function pwCombine(n: number, maxLeaf: number, values: ArrayLike<number>, pos: { next: number }, f32: boolean): number {
  if (n <= maxLeaf) return values[pos.next++]!
  const m = pwSplit(n)
  const a = pwCombine(m, maxLeaf, values, pos, f32)
  const b = pwCombine(n - m, maxLeaf, values, pos, f32)
  return f32 ? f(a + b) : a + b
}
