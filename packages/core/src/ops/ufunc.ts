/**
 * prepareUfunc: everything an elementwise operation does on the calling thread before its loop runs —
 * validation, NEP 50 promotion (promotion.ts), broadcasting, output allocation in NumPy's 'K' layout, `out`
 * checks, the overlap rule, NumPy's copy-first temporaries — producing a plain ElementwiseJob that
 * runElementwise (kernels/elementwise.ts) executes inline or a worker pool splits, and a `finish` for write-backs.
 *
 * Overlap rule (the runtime's safety net). Before anything is written, `out` is checked against every array
 * input with overlapOutcome(out, input, OVERLAP_MAX_WORK) and for internal overlap:
 *  - an input that is exactly the same view as `out` (same buffer, dtype, shape, strides, offset) is allowed when
 *    `out` has no internal overlap: each element is read and written by the same iteration, under any partition;
 *  - any other 'yes', 'too-hard' or 'overflow', or an `out` with internal overlap (a stride-0 broadcast view,
 *    sliding windows), throws OverlapError naming the operands; nothing is written.
 *  - with { overlap: 'copy' } NumPy's behaviour instead: overlapping inputs are copied first, and an internally
 *    overlapping `out` is computed into a temporary and written back in NumPy's order (last write wins).
 * OVERLAP_MAX_WORK = 4096 solver nodes: enough to decide exactly every pair of slices of one parent met in
 * practice (NumPy itself uses 1 and treats "too hard" as overlap; a larger budget only turns more "don't know"s
 * into exact "no"s); 'too-hard' still counts as overlap.
 *
 * The dtype option is NumPy's `dtype=` (the loop's dtype): array inputs must be castable to it under
 * 'same_kind', Python-int-like scalars must fit it; it is accepted by arithmetic, bitwise and unary math ops and
 * clip. Comparisons and logical ops only accept dtype 'bool' (their output); where accepts none.
 *
 * where= (every ufunc): the mask takes part in broadcasting and in the overlap rule (as an input); the job gets it as
 * its last operand with params.where, and runElementwise computes only the true elements (kernels/elementwise.ts).
 * A fresh result is zero-filled first; a temporary for out (cast or internal overlap) is written back masked.
 */
import type { ArrayDescriptor } from '../descriptor.js'
import { DTYPES, dtype as lookupDType, typedView, type DTypeName, type Scalar } from '../dtype.js'
import { DTypeError, OverlapError, ShapeError, ValueError } from '../errors.js'
import { copyInto, orderedCopy } from '../kernels/copy.js'
import { Cursor, makeLoopPlan } from '../kernels/loop-plan.js'
import { keepAliveWith, type ElementwiseJob } from '../kernels/job.js'
import { hasLoop } from '../kernels/registry.js'
import { NDArray } from '../ndarray.js'
import { internalOverlapOutcome, overlapOutcome } from '../overlap/index.js'
import { broadcastShapeOf, broadcastStrides } from '../shape.js'
import {
  canCast, checkPythonInt, promoteOperands, pythonIntOutOfRange, scalarBigInt, scalarKind, weakScalarValue, type PromotionOperand,
} from './promotion.js'
import { sameMemory } from '../memory/arena.js'
import { powerOfTen } from '../kernels/scalar-math.js'
import { checkOptions } from '../check-options.js'

/** An input of an elementwise operation: an array, or a JS scalar that promotes weakly, as a Python scalar does in NumPy (NEP 50). */
export type Operand = NDArray | Scalar

/** Keyword options of the elementwise operations (NumPy's ufunc `out=` and `dtype=`, plus the overlap policy). */
export interface UfuncOptions {
  /** Write the result here (same_kind-castable dtype, writeable). The inputs broadcast to its shape, as in NumPy; out itself never broadcasts. */
  out?: NDArray
  /** 'error' (default): reject any overlap between out and the inputs; 'copy': NumPy's copy-first semantics. */
  overlap?: 'error' | 'copy'
  /**
   * The loop's dtype (NumPy's `dtype=`): array inputs must cast to it under 'same_kind' and integer scalars must fit
   * it. Comparisons and logical ops accept only 'bool'; `where` accepts none.
   */
  dtype?: DTypeName | string
  /**
   * NumPy's `where=`: a bool array (or a JS boolean / number, taken by its truth) broadcast with the inputs (it may
   * widen the result's shape, as in NumPy). Where it is false the result keeps `out`'s previous value; without `out`
   * those elements are uninitialised in NumPy, and here they are always zero (false for bool results). A mask of
   * another dtype throws DTypeError (NumPy: "Cannot cast array data ... according to the rule 'safe'").
   */
  where?: NDArray | boolean | number
}

/** Options of {@link round}: NumPy's `decimals` (an integer, default 0; negative rounds to tens, hundreds, ...). */
export interface RoundOptions extends Omit<UfuncOptions, 'dtype'> {
  /** Decimal places (default 0); negative values round to the left of the decimal point, as NumPy. */
  decimals?: number
}

export interface PreparedUfunc {
  /** The loop to run: runElementwise(job, 0, job.size), or split into chunks at multiples of job.grain. */
  readonly job: ElementwiseJob
  /** The result array (the `out` argument when given). Valid after the job has run and finish() was called. */
  readonly result: NDArray
  /** Write-backs (into `out` from a temporary); call once after the whole job has run. */
  finish(): void
}

const UFUNC_KEYS = ['out', 'overlap', 'dtype', 'where'] as const
const ROUND_KEYS = [...UFUNC_KEYS, 'decimals'] as const

/** Solver budget of the overlap checks (see the module comment). */
export const OVERLAP_MAX_WORK = 4096

type Kind =
  | 'arith' | 'subtract' | 'intdiv' | 'divide' | 'bitwise' | 'compare' | 'logical'
  | 'ufloat' | 'usame' | 'negative' | 'sign' | 'square' | 'lnot' | 'where' | 'clip'
  | 'shift' | 'bfloat' | 'fpow' | 'round' | 'roundint' | 'roundx'

/** alias: the kernel op this name runs (remainder → mod). */
interface OpSpec { readonly nin: number; readonly kind: Kind; readonly numpy: string; readonly cost: number; readonly alias?: string }

const SPECS: Record<string, OpSpec> = {
  add: { nin: 2, kind: 'arith', numpy: 'add', cost: 1 },
  subtract: { nin: 2, kind: 'subtract', numpy: 'subtract', cost: 1 },
  multiply: { nin: 2, kind: 'arith', numpy: 'multiply', cost: 1 },
  divide: { nin: 2, kind: 'divide', numpy: 'divide', cost: 2 },
  floorDivide: { nin: 2, kind: 'intdiv', numpy: 'floor_divide', cost: 6 },
  mod: { nin: 2, kind: 'intdiv', numpy: 'remainder', cost: 6 },
  power: { nin: 2, kind: 'intdiv', numpy: 'power', cost: 20 },
  maximum: { nin: 2, kind: 'arith', numpy: 'maximum', cost: 1 },
  minimum: { nin: 2, kind: 'arith', numpy: 'minimum', cost: 1 },
  bitwiseAnd: { nin: 2, kind: 'bitwise', numpy: 'bitwise_and', cost: 1 },
  bitwiseOr: { nin: 2, kind: 'bitwise', numpy: 'bitwise_or', cost: 1 },
  bitwiseXor: { nin: 2, kind: 'bitwise', numpy: 'bitwise_xor', cost: 1 },
  equal: { nin: 2, kind: 'compare', numpy: 'equal', cost: 1 },
  notEqual: { nin: 2, kind: 'compare', numpy: 'not_equal', cost: 1 },
  less: { nin: 2, kind: 'compare', numpy: 'less', cost: 1 },
  lessEqual: { nin: 2, kind: 'compare', numpy: 'less_equal', cost: 1 },
  greater: { nin: 2, kind: 'compare', numpy: 'greater', cost: 1 },
  greaterEqual: { nin: 2, kind: 'compare', numpy: 'greater_equal', cost: 1 },
  logicalAnd: { nin: 2, kind: 'logical', numpy: 'logical_and', cost: 1 },
  logicalOr: { nin: 2, kind: 'logical', numpy: 'logical_or', cost: 1 },
  negative: { nin: 1, kind: 'negative', numpy: 'negative', cost: 1 },
  abs: { nin: 1, kind: 'usame', numpy: 'absolute', cost: 1 },
  sqrt: { nin: 1, kind: 'ufloat', numpy: 'sqrt', cost: 3 },
  square: { nin: 1, kind: 'square', numpy: 'square', cost: 1 },
  exp: { nin: 1, kind: 'ufloat', numpy: 'exp', cost: 15 },
  expm1: { nin: 1, kind: 'ufloat', numpy: 'expm1', cost: 20 },
  log: { nin: 1, kind: 'ufloat', numpy: 'log', cost: 15 },
  log1p: { nin: 1, kind: 'ufloat', numpy: 'log1p', cost: 20 },
  sin: { nin: 1, kind: 'ufloat', numpy: 'sin', cost: 20 },
  cos: { nin: 1, kind: 'ufloat', numpy: 'cos', cost: 20 },
  tan: { nin: 1, kind: 'ufloat', numpy: 'tan', cost: 25 },
  tanh: { nin: 1, kind: 'ufloat', numpy: 'tanh', cost: 25 },
  floor: { nin: 1, kind: 'usame', numpy: 'floor', cost: 1 },
  ceil: { nin: 1, kind: 'usame', numpy: 'ceil', cost: 1 },
  rint: { nin: 1, kind: 'ufloat', numpy: 'rint', cost: 2 },
  sign: { nin: 1, kind: 'sign', numpy: 'sign', cost: 1 },
  logicalNot: { nin: 1, kind: 'lnot', numpy: 'logical_not', cost: 1 },
  where: { nin: 3, kind: 'where', numpy: 'where', cost: 1 },
  clip: { nin: 3, kind: 'clip', numpy: 'clip', cost: 2 },
  // second batch
  isnan: { nin: 1, kind: 'lnot', numpy: 'isnan', cost: 1 },
  isinf: { nin: 1, kind: 'lnot', numpy: 'isinf', cost: 1 },
  isfinite: { nin: 1, kind: 'lnot', numpy: 'isfinite', cost: 1 },
  signbit: { nin: 1, kind: 'lnot', numpy: 'signbit', cost: 2 },
  trunc: { nin: 1, kind: 'usame', numpy: 'trunc', cost: 1 },
  fix: { nin: 1, kind: 'usame', numpy: 'fix', cost: 1 },
  reciprocal: { nin: 1, kind: 'square', numpy: 'reciprocal', cost: 2 },
  conjugate: { nin: 1, kind: 'square', numpy: 'conjugate', cost: 1 },
  positive: { nin: 1, kind: 'usame', numpy: 'positive', cost: 1 },
  invert: { nin: 1, kind: 'bitwise', numpy: 'invert', cost: 1 },
  round: { nin: 1, kind: 'round', numpy: 'round', cost: 4 },
  roundMul: { nin: 2, kind: 'round', numpy: 'round', cost: 4 },
  roundDiv: { nin: 2, kind: 'round', numpy: 'round', cost: 4 },
  roundDivInt: { nin: 2, kind: 'roundint', numpy: 'round', cost: 4, alias: 'roundDiv' },
  roundMulX: { nin: 2, kind: 'roundx', numpy: 'round', cost: 4 },
  roundDivX: { nin: 2, kind: 'roundx', numpy: 'round', cost: 4 },
  sinh: { nin: 1, kind: 'ufloat', numpy: 'sinh', cost: 25 },
  cosh: { nin: 1, kind: 'ufloat', numpy: 'cosh', cost: 25 },
  arcsin: { nin: 1, kind: 'ufloat', numpy: 'arcsin', cost: 20 },
  arccos: { nin: 1, kind: 'ufloat', numpy: 'arccos', cost: 20 },
  arctan: { nin: 1, kind: 'ufloat', numpy: 'arctan', cost: 20 },
  arcsinh: { nin: 1, kind: 'ufloat', numpy: 'arcsinh', cost: 25 },
  arccosh: { nin: 1, kind: 'ufloat', numpy: 'arccosh', cost: 25 },
  arctanh: { nin: 1, kind: 'ufloat', numpy: 'arctanh', cost: 25 },
  exp2: { nin: 1, kind: 'ufloat', numpy: 'exp2', cost: 15 },
  log2: { nin: 1, kind: 'ufloat', numpy: 'log2', cost: 15 },
  log10: { nin: 1, kind: 'ufloat', numpy: 'log10', cost: 15 },
  cbrt: { nin: 1, kind: 'ufloat', numpy: 'cbrt', cost: 15 },
  deg2rad: { nin: 1, kind: 'ufloat', numpy: 'deg2rad', cost: 1 },
  rad2deg: { nin: 1, kind: 'ufloat', numpy: 'rad2deg', cost: 1 },
  leftShift: { nin: 2, kind: 'shift', numpy: 'left_shift', cost: 1 },
  rightShift: { nin: 2, kind: 'shift', numpy: 'right_shift', cost: 1 },
  arctan2: { nin: 2, kind: 'bfloat', numpy: 'arctan2', cost: 25 },
  hypot: { nin: 2, kind: 'bfloat', numpy: 'hypot', cost: 5 },
  fmod: { nin: 2, kind: 'intdiv', numpy: 'fmod', cost: 4 },
  remainder: { nin: 2, kind: 'intdiv', numpy: 'remainder', cost: 6, alias: 'mod' },
  copysign: { nin: 2, kind: 'bfloat', numpy: 'copysign', cost: 2 },
  nextafter: { nin: 2, kind: 'bfloat', numpy: 'nextafter', cost: 4 },
  logaddexp: { nin: 2, kind: 'bfloat', numpy: 'logaddexp', cost: 40 },
  logaddexp2: { nin: 2, kind: 'bfloat', numpy: 'logaddexp2', cost: 40 },
  heaviside: { nin: 2, kind: 'bfloat', numpy: 'heaviside', cost: 1 },
  floatPower: { nin: 2, kind: 'fpow', numpy: 'float_power', cost: 20 },
}

/** Internal kernel-level names (np.round's steps), not public operations. */
const INTERNAL_OPS = new Set(['roundMul', 'roundDiv', 'roundDivInt', 'roundMulX', 'roundDivX'])

/** Names accepted by prepareUfunc. */
export const UFUNC_NAMES: readonly string[] = Object.freeze(Object.keys(SPECS).filter((k) => !INTERNAL_OPS.has(k)))

const BIGINT_COST = 40

// ------------------------------------------------------------------------------------------------ helpers

const isArray = (x: unknown): x is NDArray => x instanceof NDArray
const fmtShape = (s: readonly number[]): string => `(${s.join(',')}${s.length === 1 ? ',' : ''})`
const fmtShapeSp = (s: readonly number[]): string => `(${s.join(', ')}${s.length === 1 ? ',' : ''})`
const dtypeRepr = (d: DTypeName): string => `dtype('${d}')`

function describe(a: ArrayDescriptor): string {
  return `shape ${fmtShapeSp(a.shape)}, strides (${a.strides.join(', ')}), offset ${a.offset}, dtype ${a.dtype}`
}

function checkOperand(x: unknown, i: number, op: string): void {
  if (isArray(x) || typeof x === 'number' || typeof x === 'bigint' || typeof x === 'boolean') return
  throw new DTypeError(`${op}: input ${i} (x${i + 1}) must be an NDArray, number, bigint or boolean, got ${x === null ? 'null' : typeof x}`)
}

/** Allocate an owner array whose axes are laid out in `perm` order (perm[0] outermost), positive strides; zero-filled when `zero`. */
function allocPerm(shape: readonly number[], dt: DTypeName, perm: readonly number[], zero = false): NDArray {
  const nd = shape.length
  const strides = new Array<number>(nd).fill(0)
  let s = 1
  for (let i = nd - 1; i >= 0; i--) {
    const d = perm[i]!
    strides[d] = s
    s *= Math.max(shape[d]!, 1)
  }
  let size = 1
  for (const n of shape) size *= n
  // every element is written by the ufunc loop (unless a where= mask skips some: then zero-filled)
  return NDArray.allocStrided(shape, strides, dt, size, zero)
}

/**
 * NumPy's 'K' axis order for a new output (nditer's find_best_axis_ordering): a stable insertion sort of the axes
 * by the operands' |strides| (length-1 axes count as stride 0 and never decide); where operands disagree C order
 * wins. Returns the axes outermost first.
 */
export function kOrder(shape: readonly number[], operandStrides: readonly (readonly number[])[]): number[] {
  const nd = shape.length
  // NumPy works on reversed axes (innermost first) and sorts smallest stride first
  const perm = [...Array(nd).keys()].reverse()
  const st = (op: readonly number[], ax: number): number => (shape[ax]! === 1 ? 0 : op[ax]!)
  for (let i0 = 1; i0 < nd; i0++) {
    const ax0 = perm[i0]!
    let ipos = i0
    for (let i1 = i0 - 1; i1 >= 0; i1--) {
      const ax1 = perm[i1]!
      let ambig = true
      let shouldSwap = false
      for (const op of operandStrides) {
        const s0 = st(op, ax0)
        const s1 = st(op, ax1)
        if (s0 !== 0 && s1 !== 0) {
          if (Math.abs(s1) <= Math.abs(s0)) shouldSwap = false
          else if (ambig) shouldSwap = true
          ambig = false
        }
      }
      if (!ambig) {
        if (shouldSwap) ipos = i1
        else break
      }
    }
    if (ipos !== i0) {
      for (let i1 = i0; i1 > ipos; i1--) perm[i1] = perm[i1 - 1]!
      perm[ipos] = ax0
    }
  }
  return perm.reverse()
}

/** A fresh array with a's shape and dtype dt, laid out in a's memory order (for cast/copy temporaries). */
function allocLike(a: ArrayDescriptor, dt: DTypeName): NDArray {
  return allocPerm(a.shape, dt, kOrder(a.shape, [a.strides]))
}

const EMPTY: readonly number[] = Object.freeze([])
const NOOP = (): void => {}
const SCALAR_CACHE = new Map<string, ArrayDescriptor>()

/**
 * A 0-d descriptor holding a scalar input, in its own small buffer. Buffers are cached by (dtype, value) and are
 * only ever read (inputs), so reusing them across calls and threads is safe.
 */
function scalarDescriptor(value: number | bigint, dt: DTypeName): ArrayDescriptor {
  const key = `${dt}|${typeof value === 'number' && value === 0 && 1 / value < 0 ? '-0' : String(value)}`
  let d = SCALAR_CACHE.get(key)
  if (d === undefined) {
    if (SCALAR_CACHE.size >= 512) SCALAR_CACHE.clear()
    const buffer = new SharedArrayBuffer(8)
    ;(typedView(buffer, dt) as unknown as Record<number, number | bigint>)[0] = value
    d = Object.freeze({ buffer, dtype: dt, shape: EMPTY, strides: EMPTY, offset: 0 })
    SCALAR_CACHE.set(key, d)
  }
  return d
}

function sameView(a: ArrayDescriptor, b: ArrayDescriptor): boolean {
  if (!sameMemory(a.buffer, b.buffer) || a.dtype !== b.dtype || a.offset !== b.offset || a.shape.length !== b.shape.length) return false
  for (let i = 0; i < a.shape.length; i++) {
    if (a.shape[i] !== b.shape[i]) return false
    if (a.shape[i]! > 1 && a.strides[i] !== b.strides[i]) return false
  }
  return true
}

/** Values read by a loop of dtype `loop` from an array of dtype `from` without a cast pass (exact as JS numbers). */
function exactRead(from: DTypeName, loop: DTypeName): boolean {
  return !DTYPES[from].bigint && !DTYPES[loop].bigint && canCast(from, loop, 'safe')
}

function noLoop(op: string, what: string): never {
  throw new DTypeError(`ufunc '${op}' ${what}`)
}

/** Any element < 0 in an array (used to reject negative integer powers before anything is written). */
function anyNegative(a: NDArray): boolean {
  const d = a.data as unknown as ArrayLike<number | bigint>
  const plan = makeLoopPlan([a])
  const cur = new Cursor(plan, 0, plan.size)
  const s = plan.strides[0]![0]!
  let c: number
  while ((c = cur.next()) > 0) {
    const off = cur.offs[0]!
    for (let i = 0; i < c; i++) if (d[off + i * s]! < 0) return true
  }
  return false
}

// ------------------------------------------------------------------------------------------------ type resolution

interface Resolution {
  /** Kernel op (registry key) and loop dtype. */
  op: string
  loop: DTypeName
  /** Result dtype. */
  result: DTypeName
  /** Per input: the dtype the loop reads it as (arrays of another dtype are cast or read exactly). */
  inputTypes: DTypeName[]
  /** Per input: whether a differing array may be read without a cast pass. */
  allowExact: boolean[]
  /** np.where converts scalars C-style. */
  unsafeScalars?: boolean
  /** The whole result is this constant (comparisons with out-of-range Python ints). */
  constant?: boolean
  /** The result array's dtype when it differs from `result` (np.round of integers: computed in float64, cast back). */
  final?: DTypeName
}

function promo(xs: readonly Operand[]): DTypeName {
  // an NDArray is a { dtype } operand as it stands
  return promoteOperands(xs as readonly PromotionOperand[])
}

function sameRes(op: string, nin: number, dt: DTypeName, result: DTypeName = dt): Resolution {
  const inputTypes = new Array<DTypeName>(nin).fill(dt)
  const allowExact = new Array<boolean>(nin).fill(true)
  return { op, loop: dt, result, inputTypes, allowExact }
}

/** NumPy's dtype= : array inputs must cast to dt under same_kind; a Python float cannot go into an int loop. */
function withDTypeRes(op: string, spec: OpSpec, ops: readonly Operand[], dt: DTypeName, result: DTypeName = dt): Resolution {
  for (let i = 0; i < ops.length; i++) {
    const x = ops[i]!
    if (isArray(x)) {
      if (!canCast(x.dtype, dt, 'same_kind')) {
        throw new DTypeError(`Cannot cast ufunc '${spec.numpy}' input ${i} from ${dtypeRepr(x.dtype)} to ${dtypeRepr(dt)} with casting rule 'same_kind'`)
      }
    } else if (scalarKind(x) === 'float' && DTYPES[dt].kind !== 'f') {
      throw new DTypeError(`Cannot cast ufunc '${spec.numpy}' input ${i} from ${dtypeRepr('float64')} to ${dtypeRepr(dt)} with casting rule 'same_kind'`)
    }
  }
  return sameRes(op, ops.length, dt, result)
}

function noSignature(spec: OpSpec): never {
  return noLoop(spec.numpy, 'has no loop matching the specified signature and casting (dtype option)')
}

/** The loop of a float-only op for a promoted non-float dtype (NumPy's first safe float loop). */
function floatLoopFor(dt: DTypeName): DTypeName {
  switch (dt) {
    case 'bool': case 'int8': case 'uint8': case 'float16': return 'float16'
    case 'int16': case 'uint16': case 'float32': return 'float32'
    default: return 'float64'
  }
}

function resolve(op: string, spec: OpSpec, inputs: readonly (Operand | null)[], dtOpt: DTypeName | undefined): Resolution {
  const ops = inputs as Operand[]
  const n = ops.length
  if (spec.alias !== undefined && spec.kind !== 'roundint') {
    const r = resolve(spec.alias, SPECS[spec.alias]!, inputs, dtOpt)
    return r
  }
  switch (spec.kind) {
    case 'shift': {
      if (dtOpt !== undefined) {
        if (!hasLoop(op, dtOpt)) noSignature(spec)
        return withDTypeRes(op, spec, ops, dtOpt)
      }
      let loop = promo(ops)
      if (loop === 'bool') loop = 'int8'
      if (DTYPES[loop].kind === 'f') {
        noLoop(spec.numpy, "not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''")
      }
      return sameRes(op, n, loop)
    }
    case 'bfloat': {
      if (dtOpt !== undefined) {
        if (DTYPES[dtOpt].kind !== 'f') noSignature(spec)
        return withDTypeRes(op, spec, ops, dtOpt)
      }
      const p = promo(ops)
      if (DTYPES[p].kind === 'f') return sameRes(op, n, p)
      // NumPy takes the first float loop every array input casts to safely (not the promoted integer's loop):
      // int8 with uint8 is float16, int8 with uint16 float32
      const arrs = ops.filter(isArray)
      if (arrs.length === 0) return sameRes(op, n, floatLoopFor(p))
      const rank = (d: DTypeName): number => (d === 'bool' || d === 'int8' || d === 'uint8' ? 0 : d === 'int16' || d === 'uint16' ? 1 : 2)
      // a Python int with only bool arrays is int64 (NEP 50), so float64
      const weakIntWithBools = arrs.every((a) => a.dtype === 'bool') && ops.some((x) => !isArray(x) && scalarKind(x) === 'int')
      const worst = weakIntWithBools ? 2 : arrs.reduce((m, a) => Math.max(m, rank(a.dtype)), 0)
      return sameRes(op, n, floatLoopFor(worst === 0 ? 'int8' : worst === 1 ? 'int16' : 'int64'))
    }
    case 'fpow': {
      if (dtOpt !== undefined && dtOpt !== 'float64') noSignature(spec)
      promo(ops) // validates the operands
      return sameRes(op, n, 'float64')
    }
    case 'round': {
      const x = ops[0]!
      const dt = isArray(x) ? x.dtype : promo([x])
      return sameRes(op, n, dt)
    }
    case 'roundx': {
      // loop (and result) dtype: the float out's; the input is read in its own precision, the factor as float64
      const x = ops[0]! as NDArray
      const outDt: DTypeName = x.dtype === 'float32' ? 'float64' : 'float32'
      return { op, loop: outDt, result: outDt, inputTypes: [DTYPES[x.dtype].kind === 'f' ? x.dtype : 'float64', 'float64'], allowExact: [true, true] }
    }
    case 'roundint': {
      const x = ops[0]!
      const dt = isArray(x) ? x.dtype : promo([x])
      return { op: spec.alias!, loop: 'float64', result: 'float64', inputTypes: ['float64', 'float64'], allowExact: [true, true], final: dt }
    }
    case 'arith':
    case 'subtract':
    case 'intdiv':
    case 'divide':
    case 'bitwise': {
      let loop: DTypeName
      if (dtOpt !== undefined) {
        loop = dtOpt
        if (!hasLoop(op, loop)) noSignature(spec)
        return withDTypeRes(op, spec, ops, loop)
      }
      loop = promo(ops)
      if (spec.kind === 'subtract' && loop === 'bool') {
        throw new DTypeError('numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.')
      }
      if (spec.kind === 'intdiv' && loop === 'bool') loop = 'int8'
      if (spec.kind === 'divide' && DTYPES[loop].kind !== 'f') loop = 'float64'
      if (spec.kind === 'bitwise' && DTYPES[loop].kind === 'f') {
        noLoop(spec.numpy, "not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''")
      }
      return sameRes(op, n, loop)
    }
    case 'compare': {
      if (dtOpt !== undefined && dtOpt !== 'bool') noSignature(spec)
      const loop = promo(ops)
      const arrs = ops.filter(isArray)
      // int64 vs uint64 (and any signed int vs uint64): NumPy's exact 'qQ' comparison loops
      if (arrs.length === 2 && DTYPES[loop].kind === 'f') {
        const [x, y] = arrs as [NDArray, NDArray]
        const kx = DTYPES[x.dtype].kind
        const ky = DTYPES[y.dtype].kind
        if ((kx === 'i' || kx === 'u') && (ky === 'i' || ky === 'u')) {
          const types = ops.map((a) => (DTYPES[(a as NDArray).dtype].kind === 'u' && (a as NDArray).dtype === 'uint64' ? 'uint64' : 'int64') as DTypeName)
          return { op, loop: 'int64', result: 'bool', inputTypes: types, allowExact: [true, true] }
        }
      }
      const r = sameRes(op, n, loop, 'bool')
      // NumPy 2 compares Python ints with integer arrays exactly (no OverflowError); bool arrays go through int64
      const intArrays = arrs.length > 0 && arrs.every((a) => DTYPES[(a as NDArray).dtype].kind === 'i' || DTYPES[(a as NDArray).dtype].kind === 'u')
      if (intArrays && (DTYPES[loop].kind === 'i' || DTYPES[loop].kind === 'u')) {
        if (ops.some((x) => !isArray(x) && scalarKind(x) === 'int' && pythonIntOutOfRange(x, loop) !== null)) r.constant = true
      }
      return r
    }
    case 'logical': {
      if (dtOpt !== undefined && dtOpt !== 'bool') noSignature(spec)
      const arrs = ops.filter(isArray) as NDArray[]
      let loop: DTypeName
      if (arrs.length === 0) loop = 'bool'
      else if (arrs.every((a) => a.dtype === arrs[0]!.dtype)) loop = arrs[0]!.dtype
      else if (arrs.every((a) => !DTYPES[a.dtype].bigint)) loop = 'float64'
      else loop = 'bool'
      return sameRes(op, n, loop, 'bool')
    }
    case 'ufloat': {
      const x = ops[0]!
      const inDt = isArray(x) ? x.dtype : promo([x])
      if (dtOpt !== undefined) {
        if (DTYPES[dtOpt].kind !== 'f') noSignature(spec)
        return withDTypeRes(op, spec, ops, dtOpt)
      }
      return sameRes(op, n, floatLoopFor(inDt))
    }
    case 'usame':
    case 'negative':
    case 'sign':
    case 'square':
    case 'lnot': {
      const x = ops[0]!
      const inDt = isArray(x) ? x.dtype : promo([x])
      if (spec.kind === 'lnot') {
        if (dtOpt !== undefined && dtOpt !== 'bool') noSignature(spec)
        return sameRes(op, n, inDt, 'bool')
      }
      if (dtOpt !== undefined) {
        if (!hasLoop(op, dtOpt)) noSignature(spec)
        return withDTypeRes(op, spec, ops, dtOpt)
      }
      if (inDt === 'bool') {
        if (spec.kind === 'negative') {
          throw new DTypeError('The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.')
        }
        if (spec.kind === 'sign') noLoop('sign', 'did not contain a loop with signature matching types bool')
        if (spec.kind === 'square') return sameRes(op, n, 'int8')
      }
      return sameRes(op, n, inDt)
    }
    case 'where': {
      if (dtOpt !== undefined) throw new ValueError("where: the dtype option is not supported (np.where has none); cast the result with astype")
      const [, x, y] = ops as [Operand, Operand, Operand]
      const loop = promo([x, y])
      return { op, loop, result: loop, inputTypes: ['bool', loop, loop], allowExact: [false, true, true], unsafeScalars: true }
    }
    case 'clip': {
      const present = ops.filter((x) => x !== null)
      if (dtOpt !== undefined) {
        if (!hasLoop(op, dtOpt)) noSignature(spec)
        return withDTypeRes(op, spec, ops, dtOpt)
      }
      return sameRes(op, n, promo(present))
    }
  }
}

// ------------------------------------------------------------------------------------------------ prepare

/**
 * Validate, promote, broadcast and allocate an elementwise operation, returning its job. `op` is one of
 * UFUNC_NAMES ('add', 'sqrt', 'where' (inputs [cond, x, y]), 'clip' (inputs [a, lo, hi]; lo/hi may be null),
 * ...). Throws before anything is written: ShapeError (broadcasting, out shape), DTypeError (no loop, casting),
 * OverflowError (Python-int scalar out of range), ReadOnlyError (out), OverlapError (see the module comment),
 * ValueError (negative integer powers, bad options).
 */
export function prepareUfunc(op: string, inputs: readonly (Operand | null)[], opts: UfuncOptions & { decimals?: number } = {}): PreparedUfunc {
  const spec = INTERNAL_OPS.has(op) ? undefined : SPECS[op]
  if (spec === undefined) throw new ValueError(`unknown elementwise operation '${op}'; expected one of ${UFUNC_NAMES.join(', ')}`)
  if (inputs.length !== spec.nin) throw new ValueError(`${op} takes ${spec.nin} input${spec.nin === 1 ? '' : 's'}, got ${inputs.length}`)
  // round and where read dtype only to refuse it with their own message
  checkOptions(op, opts, op === 'round' ? ROUND_KEYS : UFUNC_KEYS)
  const overlapMode = opts.overlap ?? 'error'
  if (overlapMode !== 'error' && overlapMode !== 'copy') throw new ValueError(`${op}: overlap must be 'error' or 'copy', got ${JSON.stringify(overlapMode)}`)
  let out = opts.out
  if (out !== undefined && !isArray(out)) throw new DTypeError(`${op}: out must be an NDArray`)
  const dtOpt = opts.dtype === undefined ? undefined : lookupDType(opts.dtype).name
  const mask = whereMask(op, opts.where)

  let ins: (Operand | null)[] = inputs as (Operand | null)[]
  let kop = op
  if (op === 'clip') {
    ;[kop, ins] = clipInputs([...inputs])
  } else if (op === 'round') {
    if (dtOpt !== undefined) throw new ValueError('round: the dtype option is not supported (np.round has none); cast the result with astype')
    ;[kop, ins] = roundInputs(inputs[0] as Operand, opts.decimals, isArray(out) ? out.dtype : undefined)
  } else {
    for (let i = 0; i < ins.length; i++) checkOperand(ins[i], i, op)
  }
  const kspec = SPECS[kop] ?? spec
  // the inputs that take part (clip may drop bounds), with their argument positions
  const pOps: Operand[] = []
  const pIdx: number[] = []
  const shapes: (readonly number[])[] = []
  for (let i = 0; i < ins.length; i++) {
    const x = ins[i]
    if (x === null || x === undefined) continue
    pOps.push(x)
    pIdx.push(i)
    shapes.push(isArray(x) ? x.shape : EMPTY)
  }
  // the where= mask broadcasts with the inputs (and may widen the result, as in NumPy)
  if (mask !== null && mask !== 'none') shapes.push(mask.shape)

  // 1. broadcasting: as NumPy, the inputs broadcast against `out` too, but `out` itself never stretches
  const shape = broadcastShapeOf(out === undefined ? shapes : [...shapes, out.shape], op)
  if (out !== undefined) {
    let ok = out.shape.length === shape.length
    for (let i = 0; ok && i < shape.length; i++) ok = out.shape[i] === shape[i]
    if (!ok) {
      throw new ShapeError(`${op}: non-broadcastable output operand with shape ${fmtShape(out.shape)} doesn't match the broadcast shape ${fmtShape(shape)}`)
    }
  }

  // 2. types
  let res: Resolution
  if (kop === 'positive') {
    const a = ins[0] as Operand
    const dt = dtOpt ?? (isArray(a) ? a.dtype : promoteOperands([a]))
    if (dt === 'bool') {
      noLoop('positive', `did not contain a loop with signature matching types bool${op === 'clip' ? ' (clip of a bool array without bounds)' : ''}`)
    }
    if (dtOpt !== undefined) withDTypeRes(kop, SPECS['positive']!, ins as Operand[], dtOpt)
    res = { op: 'positive', loop: dt, result: dt, inputTypes: [dt], allowExact: [true] }
  } else {
    res = resolve(kop, kspec, ins, dtOpt)
  }
  // np.round of integers with decimals < 0 computes in float64 and casts back: a fresh result of the input dtype
  let freshOut = false
  if (res.final !== undefined && out === undefined) {
    const a = ins[0]
    const fOrder = isArray(a) && a.flags.fContiguous && !a.flags.cContiguous ? 'F' : 'C'
    out = NDArray.alloc(shape, res.final, fOrder, mask !== null)
    freshOut = true
  }
  if (out !== undefined && !freshOut) {
    out.assertWriteable('out')
    if (!canCast(res.result, out.dtype, 'same_kind')) {
      throw new DTypeError(`Cannot cast ufunc '${spec.numpy}' output from ${dtypeRepr(res.result)} to ${dtypeRepr(out.dtype)} with casting rule 'same_kind'`)
    }
  }

  // scalar values (range checks happen here, before anything is written)
  const scalarDescs: (ArrayDescriptor | undefined)[] = []
  let constantValue: number | undefined
  if (res.constant) constantValue = constantComparison(kop, ins as Operand[], res.loop)
  else {
    for (let k = 0; k < pOps.length; k++) {
      const x = pOps[k]!
      const i = pIdx[k]!
      if (isArray(x)) continue
      let v: number | bigint
      if (kspec.kind === 'logical') {
        // only truthiness matters, but NumPy still converts a Python int through C long
        if (scalarKind(x) === 'int' && typeof x !== 'boolean') checkPythonInt(x, 'int64')
        v = DTYPES[res.inputTypes[i]!].bigint ? (truthy(x) ? 1n : 0n) : truthy(x) ? 1 : 0
      }
      else v = weakScalarValue(x, res.inputTypes[i]!, res.unsafeScalars === true)
      scalarDescs[i] = scalarDescriptor(v, res.inputTypes[i]!)
    }
  }

  // integer powers: negative exponents are an error (NumPy checks too; here before any write)
  if (kop === 'power' && (DTYPES[res.loop].kind === 'i' || DTYPES[res.loop].kind === 'u')) {
    const e = ins[1] as Operand
    const neg = isArray(e) ? DTYPES[e.dtype].kind === 'i' && anyNegative(e) : scalarBigInt(e as Scalar) < 0n
    if (neg) throw new ValueError('Integers to negative integer powers are not allowed.')
  }

  // 3. overlap rule
  let outTempForOverlap = false
  const copyInput = new Set<number>()
  let maskArr: NDArray | null = mask === null || mask === 'none' ? null : mask
  if (out !== undefined && !freshOut) {
    const internal = internalOverlapOutcome(out, OVERLAP_MAX_WORK)
    if (internal !== 'no') {
      if (overlapMode === 'error') {
        throw new OverlapError(
          `${op}: out has internal overlap (${internal}): ${describe(out)}; several output elements share memory, ` +
            `so the result would depend on the write order (pass { overlap: 'copy' } for NumPy's write-back semantics)`,
        )
      }
      outTempForOverlap = true
    }
    for (let k = 0; k < pOps.length; k++) {
      const x = pOps[k]!
      const i = pIdx[k]!
      if (!isArray(x) || !sameMemory(x.buffer, out.buffer)) continue
      const xb: ArrayDescriptor = { buffer: x.buffer, dtype: x.dtype, shape, strides: broadcastStrides(x.shape, x.strides, shape), offset: x.offset }
      if (internal === 'no' && sameView(out, xb)) continue
      const oc = overlapOutcome(out, x, OVERLAP_MAX_WORK)
      if (oc === 'no') continue
      if (overlapMode === 'error') {
        throw new OverlapError(
          `${op}: out overlaps input ${i} (x${i + 1}) [${oc}]: out ${describe(out)}; input ${describe(x)}. ` +
            `Only the exact same view may be both read and written; pass { overlap: 'copy' } to compute from a copy`,
        )
      }
      copyInput.add(i)
    }
    if (maskArr !== null && sameMemory(maskArr.buffer, out.buffer)) {
      const oc = overlapOutcome(out, maskArr, OVERLAP_MAX_WORK)
      if (oc !== 'no') {
        if (overlapMode === 'error') {
          throw new OverlapError(
            `${op}: out overlaps the where= mask [${oc}]: out ${describe(out)}; mask ${describe(maskArr)}. ` +
              `pass { overlap: 'copy' } to read the mask from a copy`,
          )
        }
        const t = allocLike(maskArr, 'bool')
        copyInto(t, maskArr)
        maskArr = t
      }
    }
  }

  // 4. operands as the loop reads them (inputs overlapping `out` need no copy when the loop writes a temporary)
  const needOutTemp = out !== undefined && (outTempForOverlap || out.dtype !== res.result)
  const finalInputs: ArrayDescriptor[] = []
  const temps: NDArray[] = []
  const inputStridesForK: (readonly number[])[] = []
  for (let k = 0; k < pOps.length; k++) {
    const x = pOps[k]!
    const i = pIdx[k]!
    if (isArray(x)) inputStridesForK.push(broadcastStrides(x.shape, x.strides, shape))
    if (constantValue !== undefined) continue
    let a: ArrayDescriptor
    if (!isArray(x)) a = scalarDescs[i]!
    else {
      const want = res.inputTypes[i]!
      if (x.dtype === want || (res.allowExact[i] && exactRead(x.dtype, res.loop))) {
        if (copyInput.has(i) && !needOutTemp) {
          const t = allocLike(x, x.dtype)
          copyInto(t, x)
          temps.push(t)
          a = t
        } else a = x
      } else {
        const t = allocLike(x, want)
        copyInto(t, x)
        temps.push(t)
        a = t
      }
    }
    finalInputs.push({ buffer: a.buffer, dtype: a.dtype, shape, strides: broadcastStrides(a.shape, a.strides, shape), offset: a.offset })
  }

  // 5. the output the loop writes
  let target: NDArray
  let finish: () => void = NOOP
  const result = res.result
  const masked = mask !== null
  let maskDesc: ArrayDescriptor | null = null
  if (maskArr !== null) {
    maskDesc = { buffer: maskArr.buffer, dtype: 'bool', shape, strides: broadcastStrides(maskArr.shape, maskArr.strides, shape), offset: maskArr.offset }
  } else if (mask === 'none') {
    // where=False: nothing is computed
    const z = scalarDescriptor(0, 'bool')
    maskDesc = { ...z, shape, strides: shape.map(() => 0) }
  }
  if (out === undefined) {
    const trivial = kop === 'where' ? null : trivialOrder(pOps, pIdx, res)
    // masked-off elements of a fresh result are zero (NumPy leaves them uninitialised)
    target = trivial !== null ? NDArray.alloc(shape, result, trivial, masked) : allocPerm(shape, result, kOrder(shape, inputStridesForK), masked)
  } else if (outTempForOverlap || out.dtype !== result) {
    target = allocPerm(shape, result, kOrder(shape, [out.strides]))
    const t = target
    const o = out
    // np.round of integers casts float64 back as C does on x86-64 (out-of-range int32/int64 → the minimum)
    const cast = freshOut ? cCastFromFloat64 : copyInto
    if (maskDesc !== null) {
      const md = maskDesc
      finish = () => maskedWriteBack(o, t, md, cast)
    } else finish = outTempForOverlap ? () => orderedCopy(o, t) : () => cast(o, t)
  } else target = out

  const targetDesc: ArrayDescriptor = { buffer: target.buffer, dtype: target.dtype, shape: [...shape], strides: [...target.strides], offset: target.offset }
  let size = 1
  for (const n of shape) size *= n
  // grain: one 64-byte line of output elements. The loop plan walks a contiguous output in memory order, so chunk
  // edges at multiples of the grain fall on line boundaries whenever the output's first element does (fresh large
  // allocations); otherwise an edge shares at most one line — a speed cost, never a correctness one.
  const grain = Math.max(1, 64 / DTYPES[target.dtype].itemsize)
  const cost = DTYPES[res.loop].bigint ? BIGINT_COST : kspec.cost
  let job: ElementwiseJob
  const maskOps: ArrayDescriptor[] = maskDesc === null ? [] : [maskDesc]
  const maskParam: Record<string, boolean> = maskDesc === null ? {} : { where: true }
  if (constantValue !== undefined) {
    job = { kind: 'elementwise', op: 'fill', operands: [targetDesc, ...maskOps], params: { value: constantValue, ...maskParam }, size, grain, cost: 1 }
  } else {
    job = { kind: 'elementwise', op: res.op, operands: [targetDesc, ...finalInputs, ...maskOps], params: { dtype: res.loop, ...maskParam }, size, grain, cost }
  }
  if (maskArr !== null) temps.push(maskArr)
  keepAliveWith(job, temps)
  return { job, result: out ?? target, finish }
}

/**
 * NumPy's "trivial loop" fast path (ufunc_object.c, try_trivial_single_output_loop): when every array input already
 * has the loop's dtype and all N-d inputs have one identical shape and are all C- (→ C) or all F-contiguous (→ F),
 * the output is allocated C or F contiguous directly (natural strides even for length-1 axes). Otherwise the
 * iterator's 'K' order (kOrder) decides. Returns null when the fast path does not apply.
 */
function trivialOrder(pOps: readonly Operand[], pIdx: readonly number[], res: Resolution): 'C' | 'F' | null {
  let shape: readonly number[] | null = null
  let c = true
  let f = true
  for (let k = 0; k < pOps.length; k++) {
    const x = pOps[k]!
    const i = pIdx[k]!
    if (!isArray(x)) continue
    if (x.dtype !== res.inputTypes[i]) return null
    if (x.ndim === 0) continue
    if (shape === null) shape = x.shape
    else if (shape.length !== x.ndim || shape.some((n, k) => n !== x.shape[k])) return null
    if (x.ndim === 1) continue
    const fl = x.flags
    c &&= fl.cContiguous
    f &&= fl.fContiguous
  }
  if (c) return 'C'
  if (f) return 'F'
  return null
}

function truthy(x: Scalar): boolean {
  if (typeof x === 'bigint') return x !== 0n
  if (typeof x === 'boolean') return x
  return x !== 0
}

/**
 * NumPy's Python-level clip wrapper: for an integer array, a Python-int bound beyond the dtype's range is dropped;
 * no bound → positive (a copy), one bound → maximum/minimum, two → clip.
 */
function clipInputs(ins: (Operand | null)[]): [string, (Operand | null)[]] {
  let [a, lo, hi] = ins as [Operand | null, Operand | null | undefined, Operand | null | undefined]
  if (a === null || a === undefined) throw new DTypeError('clip: the array argument must be an NDArray or a scalar, got null')
  checkOperand(a, 0, 'clip')
  if (lo === undefined) lo = null
  if (hi === undefined) hi = null
  if (lo !== null) checkOperand(lo, 1, 'clip')
  if (hi !== null) checkOperand(hi, 2, 'clip')
  const adt = isArray(a) ? a.dtype : null
  if (adt !== null && (DTYPES[adt].kind === 'i' || DTYPES[adt].kind === 'u')) {
    const d = DTYPES[adt]
    const pyInt = (v: Operand | null): v is number | bigint => v !== null && !isArray(v) && typeof v !== 'boolean' && scalarKind(v) === 'int'
    if (pyInt(lo) && scalarBigInt(lo) <= BigInt(d.min!)) lo = null
    if (pyInt(hi) && scalarBigInt(hi) >= BigInt(d.max!)) hi = null
  }
  if (lo === null && hi === null) return ['positive', [a]]
  if (lo === null) return ['minimum', [a, hi]]
  if (hi === null) return ['maximum', [a, lo]]
  return ['clip', [a, lo, hi]]
}

/** Constant result (0/1) of a comparison involving a Python int outside the integer loop dtype's range. */
function constantComparison(op: string, ins: readonly Operand[], loop: DTypeName): number {
  // stand-ins ordered like the true values: in-range array elements sit strictly between 'below' and 'above'
  const val = (x: Operand): number | bigint => {
    if (isArray(x)) return 0
    const r = pythonIntOutOfRange(x, loop)
    if (r === 'above') return Infinity
    if (r === 'below') return -Infinity
    return isArray(ins[0]) || isArray(ins[1]) ? 0 : scalarBigInt(x)
  }
  let x = val(ins[0]!)
  let y = val(ins[1]!)
  if (typeof x !== typeof y) {
    // both scalars, one in range: compare exactly as bigints/infinities
    if (typeof x === 'bigint') x = Number(x)
    if (typeof y === 'bigint') y = Number(y)
  }
  switch (op) {
    case 'equal': return x === y ? 1 : 0
    case 'notEqual': return x !== y ? 1 : 0
    case 'less': return x < y ? 1 : 0
    case 'lessEqual': return x <= y ? 1 : 0
    case 'greater': return x > y ? 1 : 0
    default: return x >= y ? 1 : 0
  }
}

/**
 * The where= option: null (absent, or a true scalar: every element), 'none' (a false scalar: no element), or the
 * bool mask array. Other dtypes throw DTypeError as NumPy's TypeError.
 */
function whereMask(op: string, w: unknown): NDArray | 'none' | null {
  if (w === undefined || w === null) return null
  if (isArray(w)) {
    if (w.dtype !== 'bool') throw new DTypeError(`${op}: Cannot cast array data from ${dtypeRepr(w.dtype)} to dtype('bool') according to the rule 'safe' (where= must be a bool array)`)
    return w
  }
  if (typeof w === 'boolean') return w ? null : 'none'
  if (typeof w === 'number') return w !== 0 ? null : 'none'
  if (typeof w === 'bigint') return w !== 0n ? null : 'none'
  throw new DTypeError(`${op}: where must be a bool NDArray or a boolean, got ${typeof w}`)
}

/** out[mask] = t, with t cast to out's dtype; C order over the shape (a masked write-back from a temporary). */
function maskedWriteBack(out: NDArray, t: NDArray, mask: ArrayDescriptor, cast: (dst: NDArray, src: NDArray) => void = copyInto): void {
  let src: NDArray = t
  if (t.dtype !== out.dtype) {
    src = allocLike(t, out.dtype)
    cast(src, t)
  }
  const shape = out.shape
  const nd = shape.length
  let size = 1
  for (const n of shape) size *= n
  if (size === 0) return
  const o = out.data as unknown as Record<number, number | bigint>
  const s = src.data as unknown as ArrayLike<number | bigint>
  const m = typedView(mask.buffer, 'bool') as Uint8Array
  const idx = new Array<number>(nd).fill(0)
  let po = out.offset
  let ps = src.offset
  let pm = mask.offset
  for (let k = 0; k < size; k++) {
    if (m[pm] !== 0) o[po] = s[ps]!
    for (let d = nd - 1; d >= 0; d--) {
      idx[d]!++
      po += out.strides[d]!
      ps += src.strides[d]!
      pm += mask.strides[d]!
      if (idx[d]! < shape[d]!) break
      po -= out.strides[d]! * shape[d]!
      ps -= src.strides[d]! * shape[d]!
      pm -= mask.strides[d]! * shape[d]!
      idx[d] = 0
    }
  }
}

/**
 * np.round(a, decimals) as NumPy's PyArray_Round builds it: integers with decimals >= 0 are a copy; decimals 0 is
 * rint; otherwise multiply by (decimals > 0) or divide by (decimals < 0) the Python float 10**|decimals|, rint, and
 * undo, each step in the array's float dtype (integers: in float64, then cast back). bool is float16 in NumPy.
 */
function roundInputs(a: Operand, decimals: number | undefined, outDt: DTypeName | undefined): [string, Operand[]] {
  checkOperand(a, 0, 'round')
  const d = decimals ?? 0
  if (typeof d !== 'number' || !Number.isSafeInteger(d)) throw new DTypeError(`round: decimals must be an integer, got ${String(d)}`)
  const dt = isArray(a) ? a.dtype : promoteOperands([a])
  const kind = DTYPES[dt].kind
  if (kind === 'b') {
    throw new DTypeError(
      `round of a bool input computes in float16 in NumPy (decimals=0; other decimals are a casting error there), which strided does not support; cast the input first`,
    )
  }
  // NumPy runs the steps as ufuncs into out: only the first one is in the input's precision
  if (kind !== 'f') {
    if (d >= 0) return ['positive', [a]]
    if (outDt === 'float32' && isArray(a)) return ['roundDivX', [a, powerOfTen(-d)]]
    return ['roundDivInt', [a, powerOfTen(-d)]]
  }
  if (d === 0) return ['rint', [a]]
  const mixed = isArray(a) && (outDt === 'float32' || outDt === 'float64') && outDt !== dt
  if (d > 0) return [mixed ? 'roundMulX' : 'roundMul', [a, powerOfTen(d)]]
  return [mixed ? 'roundDivX' : 'roundDiv', [a, powerOfTen(-d)]]
}

/**
 * dst = src (float64 → an integer dtype) as C's conversion compiles on x86-64 (cvttsd2si): int32 and int64 values
 * out of range become the minimum; int8/int16/uint8/uint16 go through int32 and keep the low bits (0 beyond int32);
 * uint32 through int64. Used for np.round's cast back of integer inputs.
 */
function cCastFromFloat64(dst: NDArray, src: NDArray): void {
  const dt = dst.dtype
  const shape = dst.shape
  const nd = shape.length
  let size = 1
  for (const n of shape) size *= n
  if (size === 0) return
  const o = dst.data as unknown as Record<number, number | bigint>
  const s = src.data as unknown as ArrayLike<number>
  const idx = new Array<number>(nd).fill(0)
  let po = dst.offset
  let ps = src.offset
  for (let k = 0; k < size; k++) {
    const v = Math.trunc(s[ps]!)
    if (dt === 'int64') o[po] = v >= -(2 ** 63) && v < 2 ** 63 ? BigInt(v) : -(2n ** 63n)
    else if (dt === 'uint64') o[po] = v >= 0 && v < 2 ** 64 ? BigInt(v) : v < 0 && v >= -(2 ** 63) ? BigInt.asUintN(64, BigInt(v)) : 0n
    else if (dt === 'uint32') o[po] = v >= -(2 ** 63) && v < 2 ** 63 ? Number(BigInt.asUintN(32, BigInt(v))) : 0
    else if (dt === 'int32') o[po] = v >= -(2 ** 31) && v < 2 ** 31 ? v : -(2 ** 31)
    else o[po] = v >= -(2 ** 31) && v < 2 ** 31 ? v : 0
    for (let d = nd - 1; d >= 0; d--) {
      idx[d]!++
      po += dst.strides[d]!
      ps += src.strides[d]!
      if (idx[d]! < shape[d]!) break
      po -= dst.strides[d]! * shape[d]!
      ps -= src.strides[d]! * shape[d]!
      idx[d] = 0
    }
  }
}
