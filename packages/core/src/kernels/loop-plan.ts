/**
 * Loop plans: how an elementwise job walks its iteration space. A plan is plain data, computed the same way on
 * every thread from the job's operand descriptors, so any worker can run any sub-range [start, end) of it.
 *
 * Construction (makeLoopPlan), for operands that all have the same shape (operand 0 is the output):
 *  1. drop length-1 axes (they do not move any pointer); an empty shape gives size 0;
 *  2. flip every axis on which the output has a negative stride (all operands flip together), so reversed views
 *     are walked forwards in memory and can hit the contiguous kernels;
 *  3. order axes by |output stride| ascending (the innermost loop walks the output's smallest stride), ties by the
 *     inputs' |strides|, then C order (later axes inner);
 *  4. coalesce neighbours (inner d, outer d+1) when stride[d+1] == stride[d]·shape[d] for every operand.
 * The flat iteration index runs over the resulting dimensions with dimension 0 fastest. Chunks [start, end) of it
 * are walked as runs along dimension 0 (Cursor).
 */

export interface LoopPlan {
  /** Number of iteration elements (product of shape). */
  readonly size: number
  /** Loop lengths, innermost first (at least one dimension when size > 0). */
  readonly shape: readonly number[]
  /** strides[k][d]: element stride of operand k along loop dimension d. */
  readonly strides: readonly (readonly number[])[]
  /** Element offset of each operand at iteration index 0. */
  readonly offsets: readonly number[]
}

interface Operand { readonly shape: readonly number[]; readonly strides: readonly number[]; readonly offset: number }

export function makeLoopPlan(operands: readonly Operand[]): LoopPlan {
  const nop = operands.length
  const shape0 = operands[0]!.shape
  const nd = shape0.length
  let size = 1
  for (let d = 0; d < nd; d++) size *= shape0[d]!
  const offsets = operands.map((o) => o.offset)
  if (size === 0) return { size: 0, shape: [0], strides: operands.map(() => [1]), offsets }
  // fast path: every operand C-contiguous or a stride-0 broadcast of one element → one flat dimension
  let flat = true
  for (let k = 0; k < nop && flat; k++) {
    const st = operands[k]!.strides
    let expected = 1
    let zero = true
    let contiguous = true
    for (let d = nd - 1; d >= 0; d--) {
      const n = shape0[d]!
      if (n === 1) continue
      const s = st[d]!
      if (s !== 0) zero = false
      if (s !== expected) contiguous = false
      expected *= n
    }
    flat = contiguous || zero
  }
  if (flat) {
    const strides: number[][] = []
    for (let k = 0; k < nop; k++) {
      const st = operands[k]!.strides
      let zero = size > 1
      for (let d = 0; d < nd && zero; d++) if (shape0[d]! > 1 && st[d] !== 0) zero = false
      strides.push([zero ? 0 : 1])
    }
    return { size, shape: [size], strides, offsets }
  }
  // 1. keep axes longer than 1
  let axes: number[] = []
  for (let d = 0; d < nd; d++) if (shape0[d]! > 1) axes.push(d)
  const st: number[][] = operands.map((o) => [...o.strides])
  // 2. flip axes where the output stride is negative
  for (const d of axes) {
    if (st[0]![d]! < 0) {
      const n1 = shape0[d]! - 1
      for (let k = 0; k < nop; k++) {
        offsets[k] = offsets[k]! + st[k]![d]! * n1
        st[k]![d] = -st[k]![d]!
      }
    }
  }
  // 3. order by |stride| of the output, then of the inputs, then C order (later axes inner)
  axes = axes.sort((x, y) => {
    for (let k = 0; k < nop; k++) {
      const sx = Math.abs(st[k]![x]!)
      const sy = Math.abs(st[k]![y]!)
      if (sx !== sy) return sx - sy
    }
    return y - x
  })
  // 4. coalesce
  const shape: number[] = []
  const strides: number[][] = operands.map(() => [])
  for (const d of axes) {
    const n = shape0[d]!
    const last = shape.length - 1
    if (last >= 0) {
      let ok = true
      for (let k = 0; k < nop; k++) {
        if (st[k]![d] !== strides[k]![last]! * shape[last]!) { ok = false; break }
      }
      if (ok) { shape[last] = shape[last]! * n; continue }
    }
    shape.push(n)
    for (let k = 0; k < nop; k++) strides[k]!.push(st[k]![d]!)
  }
  if (shape.length === 0) {
    // a single element: unit strides let the contiguous kernels take it
    return { size: 1, shape: [1], strides: operands.map(() => [1]), offsets }
  }
  return { size, shape, strides, offsets }
}

/**
 * Walks the runs (stretches along loop dimension 0) of the sub-range [start, end) of a plan. After next() returns
 * a count c > 0, offs[k] is operand k's element offset of the run's first element; the run covers c elements
 * with stride plan.strides[k][0].
 */
export class Cursor {
  readonly offs: number[]
  private readonly idx: number[]
  private readonly rowBase: number[]
  private pos: number
  private readonly end: number
  private readonly plan: LoopPlan

  constructor(plan: LoopPlan, start: number, end: number) {
    this.plan = plan
    this.pos = start
    this.end = Math.min(end, plan.size)
    const nd = plan.shape.length
    const nop = plan.offsets.length
    this.idx = new Array<number>(nd).fill(0)
    let rem = start
    for (let d = 0; d < nd; d++) {
      const n = plan.shape[d]!
      this.idx[d] = rem % n
      rem = Math.floor(rem / n)
    }
    this.rowBase = new Array<number>(nop)
    this.offs = new Array<number>(nop)
    for (let k = 0; k < nop; k++) {
      let o = plan.offsets[k]!
      const s = plan.strides[k]!
      for (let d = 1; d < nd; d++) o += this.idx[d]! * s[d]!
      this.rowBase[k] = o
      this.offs[k] = o + this.idx[0]! * s[0]!
    }
  }

  /** Length of the next run (0 when done); offs holds its start offsets. */
  next(): number {
    if (this.pos >= this.end) return 0
    const plan = this.plan
    const n0 = plan.shape[0]!
    const i0 = this.idx[0]!
    if (i0 === n0) this.advanceRow()
    const j0 = this.idx[0]!
    const cnt = Math.min(n0 - j0, this.end - this.pos)
    const nop = this.offs.length
    for (let k = 0; k < nop; k++) this.offs[k] = this.rowBase[k]! + j0 * plan.strides[k]![0]!
    this.idx[0] = j0 + cnt
    this.pos += cnt
    return cnt
  }

  private advanceRow(): void {
    const plan = this.plan
    const nd = plan.shape.length
    const nop = this.offs.length
    this.idx[0] = 0
    for (let d = 1; d < nd; d++) {
      const i = this.idx[d]! + 1
      if (i < plan.shape[d]!) {
        this.idx[d] = i
        for (let k = 0; k < nop; k++) this.rowBase[k] = this.rowBase[k]! + plan.strides[k]![d]!
        return
      }
      this.idx[d] = 0
      for (let k = 0; k < nop; k++) this.rowBase[k] = this.rowBase[k]! - plan.strides[k]![d]! * (plan.shape[d]! - 1)
    }
  }
}
