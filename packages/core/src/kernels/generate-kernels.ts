/**
 * Code generator for the elementwise loops in kernels/generated/*.ts.
 *
 *   pnpm exec tsx packages/core/src/kernels/generate-kernels.ts
 *
 * Why generated source: V8 keeps one type-feedback vector per function *literal* (closures made by a factory share
 * it), so a loop shared by several typed-array classes turns megamorphic and runs 10–30× slower. Every (op, dtype,
 * layout) therefore gets its own function literal. No `new Function`/eval at run time.
 *
 * Layout variants (see registry.ts for the calling conventions):
 *   contiguous  every operand has unit stride; unrolled ×8 over subarray views, all loads before the stores, with
 *               an in-place branch (output is input 1) and a plain loop below 64 elements
 *   scalar-1/2  (binary) one input has stride 0 and is read once; the others are contiguous
 *   scalar-23   (clip) both bounds have stride 0
 *   strided     any strides (including 0 and negative); unrolled ×4
 *   mixed       like strided (not unrolled), but inputs may be any number-typed array (exact reads: int8 into a
 *               float64 loop...); a separate literal so the hot same-type loops stay monomorphic
 * int64/uint64 loops (BigInt) only get `strided` (also registered as `mixed`): BigInt arithmetic dominates there.
 */
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

type DT = 'bool' | 'int8' | 'uint8' | 'int16' | 'uint16' | 'int32' | 'uint32' | 'int64' | 'uint64' | 'float32' | 'float64'
const ALL: DT[] = ['bool', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float32', 'float64']
const TA: Record<DT, string> = {
  bool: 'Uint8Array', int8: 'Int8Array', uint8: 'Uint8Array', int16: 'Int16Array', uint16: 'Uint16Array', int32: 'Int32Array',
  uint32: 'Uint32Array', int64: 'BigInt64Array', uint64: 'BigUint64Array', float32: 'Float32Array', float64: 'Float64Array',
}
const isBig = (d: DT): boolean => d === 'int64' || d === 'uint64'
const isFloat = (d: DT): boolean => d === 'float32' || d === 'float64'
const isSmallInt = (d: DT): boolean => ['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32'].includes(d)
const NUMS: DT[] = ALL.filter((d) => !isBig(d))
const INTS_NUM: DT[] = ALL.filter(isSmallInt)
const NONBOOL: DT[] = ALL.filter((d) => d !== 'bool')
const FLOATS: DT[] = ['float32', 'float64']
const NUM_ARR = 'NumArray'
const BIG_ARR = 'BigArray'

type Expr2 = (x: string, y: string, dt: DT) => string
type Expr1 = (x: string, dt: DT) => string
type Expr3 = (x: string, y: string, z: string, dt: DT) => string

/**
 * swap: the runtime may serve a scalar-first layout with the scalar-2 kernel of `swap` with operands exchanged
 * (exact: IEEE + and * commute, a < b ⇔ b > a); such ops get no scalar-1 kernel. heavy: the body is a helper call
 * that dominates the cost, so loops are not unrolled (smaller code, same speed).
 */
interface BinOp { name: string; dtypes: DT[]; expr: Expr2; bool?: boolean; swap?: string; heavy?: boolean }
interface UnOp { name: string; dtypes: DT[]; expr: Expr1; bool?: boolean }
interface TerOp { name: string; dtypes: DT[]; expr: Expr3; outTA?: (dt: DT) => string; inTA?: (dt: DT, k: number) => string }

const BITS: Record<DT, number> = { bool: 8, int8: 8, uint8: 8, int16: 16, uint16: 16, int32: 32, uint32: 32, int64: 64, uint64: 64, float32: 32, float64: 64 }
const cmp = (op: string): Expr2 => (x, y) => `+(${x} ${op} ${y})`
const zero = (dt: DT): string => (isBig(dt) ? '0n' : '0')

const BINARY: BinOp[] = [
  { name: 'add', dtypes: ALL, expr: (x, y, dt) => (dt === 'bool' ? `${x} | ${y}` : `${x} + ${y}`), swap: 'add' },
  { name: 'subtract', dtypes: NONBOOL, expr: (x, y) => `${x} - ${y}` },
  {
    name: 'multiply', dtypes: ALL,
    expr: (x, y, dt) => (dt === 'bool' ? `${x} & ${y}` : dt === 'int32' || dt === 'uint32' ? `Math.imul(${x}, ${y})` : `${x} * ${y}`),
    swap: 'multiply',
  },
  { name: 'divide', dtypes: FLOATS, expr: (x, y) => `${x} / ${y}` },
  {
    name: 'floorDivide', dtypes: NONBOOL, heavy: true,
    expr: (x, y, dt) => (dt === 'float64' ? `floorDivF64(${x}, ${y})` : dt === 'float32' ? `floorDivF32(${x}, ${y})` : isBig(dt) ? `floorDivBig(${x}, ${y})` : `floorDivInt(${x}, ${y})`),
  },
  {
    name: 'mod', dtypes: NONBOOL, heavy: true,
    expr: (x, y, dt) => (dt === 'float64' ? `modF64(${x}, ${y})` : dt === 'float32' ? `modF32(${x}, ${y})` : isBig(dt) ? `modBig(${x}, ${y})` : `modInt(${x}, ${y})`),
  },
  {
    name: 'power', dtypes: NONBOOL, heavy: true,
    expr: (x, y, dt) => (isFloat(dt) ? `powF64(${x}, ${y})` : isBig(dt) ? `powBig(${x}, ${y})` : `powInt(${x}, ${y})`),
  },
  {
    name: 'maximum', dtypes: ALL,
    expr: (x, y, dt) => (isFloat(dt) ? `(${x} > ${y} || ${x} !== ${x} ? ${x} : ${y})` : `(${x} > ${y} ? ${x} : ${y})`),
  },
  {
    name: 'minimum', dtypes: ALL,
    expr: (x, y, dt) => (isFloat(dt) ? `(${x} < ${y} || ${x} !== ${x} ? ${x} : ${y})` : `(${x} < ${y} ? ${x} : ${y})`),
  },
  { name: 'bitwiseAnd', dtypes: ALL.filter((d) => !isFloat(d)), expr: (x, y) => `${x} & ${y}`, swap: 'bitwiseAnd' },
  { name: 'bitwiseOr', dtypes: ALL.filter((d) => !isFloat(d)), expr: (x, y) => `${x} | ${y}`, swap: 'bitwiseOr' },
  { name: 'bitwiseXor', dtypes: ALL.filter((d) => !isFloat(d)), expr: (x, y) => `${x} ^ ${y}`, swap: 'bitwiseXor' },
  { name: 'equal', dtypes: ALL, expr: cmp('==='), bool: true, swap: 'equal' },
  { name: 'notEqual', dtypes: ALL, expr: cmp('!=='), bool: true, swap: 'notEqual' },
  { name: 'less', dtypes: ALL, expr: cmp('<'), bool: true, swap: 'greater' },
  { name: 'lessEqual', dtypes: ALL, expr: cmp('<='), bool: true, swap: 'greaterEqual' },
  { name: 'greater', dtypes: ALL, expr: cmp('>'), bool: true, swap: 'less' },
  { name: 'greaterEqual', dtypes: ALL, expr: cmp('>='), bool: true, swap: 'lessEqual' },
  { name: 'logicalAnd', dtypes: ALL, expr: (x, y, dt) => `(${x} !== ${zero(dt)} && ${y} !== ${zero(dt)} ? 1 : 0)`, bool: true, swap: 'logicalAnd' },
  { name: 'logicalOr', dtypes: ALL, expr: (x, y, dt) => `(${x} !== ${zero(dt)} || ${y} !== ${zero(dt)} ? 1 : 0)`, bool: true, swap: 'logicalOr' },
  // NumPy's npy_lshift/npy_rshift: a shift count outside [0, bits) gives 0 (right shift of a negative value: -1)
  {
    name: 'leftShift', dtypes: ALL.filter((d) => d !== 'bool' && !isFloat(d)),
    expr: (x, y, dt) => (isBig(dt) ? `(${y} >= 0n && ${y} < 64n ? ${x} << ${y} : 0n)` : `(${y} >= 0 && ${y} < ${BITS[dt]} ? ${x} << ${y} : 0)`),
  },
  {
    name: 'rightShift', dtypes: ALL.filter((d) => d !== 'bool' && !isFloat(d)),
    expr: (x, y, dt) => (dt === 'int64' ? `(${y} >= 0n && ${y} < 64n ? ${x} >> ${y} : ${x} < 0n ? -1n : 0n)`
      : dt === 'uint64' ? `(${y} < 64n ? ${x} >> ${y} : 0n)`
        : dt === 'uint32' ? `(${y} < 32 ? ${x} >>> ${y} : 0)`
          : `(${y} >= 0 && ${y} < ${BITS[dt]} ? ${x} >> ${y} : ${x} < 0 ? -1 : 0)`),
  },
  { name: 'arctan2', dtypes: FLOATS, heavy: true, expr: (x, y) => `Math.atan2(${x}, ${y})` },
  { name: 'hypot', dtypes: FLOATS, heavy: true, expr: (x, y, dt) => (dt === 'float64' ? `hypotF64(${x}, ${y})` : `hypotF32(${x}, ${y})`) },
  {
    name: 'fmod', dtypes: NONBOOL, heavy: true,
    expr: (x, y, dt) => (isFloat(dt) ? `${x} % ${y}` : isBig(dt) ? `(${y} === 0n ? 0n : ${x} % ${y})` : `(${y} === 0 ? 0 : ${x} % ${y})`),
  },
  { name: 'copysign', dtypes: FLOATS, expr: (x, y) => `copysign(${x}, ${y})` },
  { name: 'nextafter', dtypes: FLOATS, heavy: true, expr: (x, y, dt) => (dt === 'float64' ? `nextafterF64(${x}, ${y})` : `nextafterF32(${x}, ${y})`) },
  { name: 'heaviside', dtypes: FLOATS, expr: (x, y) => `(${x} !== ${x} ? NaN : ${x} === 0 ? ${y} : ${x} < 0 ? 0 : 1)` },
  { name: 'logaddexp', dtypes: FLOATS, heavy: true, expr: (x, y, dt) => (dt === 'float64' ? `logaddexpF64(${x}, ${y})` : `logaddexpF32(${x}, ${y})`) },
  { name: 'logaddexp2', dtypes: FLOATS, heavy: true, expr: (x, y, dt) => (dt === 'float64' ? `logaddexp2F64(${x}, ${y})` : `logaddexp2F32(${x}, ${y})`) },
  { name: 'floatPower', dtypes: ['float64'], heavy: true, expr: (x, y) => `powF64(${x}, ${y})` },
  // np.round's steps (multiply by / divide by 10**|decimals|, rint, undo) with every step in the loop dtype
  { name: 'roundMul', dtypes: FLOATS, heavy: true, expr: (x, y, dt) => (dt === 'float64' ? `roundMulF64(${x}, ${y})` : `roundMulF32(${x}, ${y})`) },
  { name: 'roundDiv', dtypes: FLOATS, heavy: true, expr: (x, y, dt) => (dt === 'float64' ? `roundDivF64(${x}, ${y})` : `roundDivF32(${x}, ${y})`) },
  // np.round into an out of the other float dtype: the first step in the input's precision, rint and undo in out's
  // (the loop dtype); y is the float64 factor
  { name: 'roundMulX', dtypes: FLOATS, heavy: true, expr: (x, y, dt) => (dt === 'float64' ? `roundMulX64(${x}, ${y})` : `roundMulX32(${x}, ${y})`) },
  { name: 'roundDivX', dtypes: FLOATS, heavy: true, expr: (x, y, dt) => (dt === 'float64' ? `roundDivX64(${x}, ${y})` : `roundDivX32(${x}, ${y})`) },
]

const FLOAT_MATH = ['sqrt', 'exp', 'expm1', 'log', 'log1p', 'sin', 'cos', 'tan', 'tanh']
/** NumPy name → JS Math function of the float-only unary ops added with the second ufunc batch. */
const FLOAT_MATH2: Record<string, string> = {
  sinh: 'Math.sinh', cosh: 'Math.cosh', arcsin: 'Math.asin', arccos: 'Math.acos', arctan: 'Math.atan', arcsinh: 'Math.asinh',
  arccosh: 'Math.acosh', arctanh: 'Math.atanh', exp2: 'exp2', log2: 'Math.log2', log10: 'Math.log10', cbrt: 'Math.cbrt',
}
/** Unary ops whose math call dominates the loop: not unrolled. */
const HEAVY_UNARY = new Set(['exp', 'expm1', 'log', 'log1p', 'sin', 'cos', 'tan', 'tanh', ...Object.keys(FLOAT_MATH2)])
const INT_RECIPROCAL_AT_0: Record<DT, string> = {
  bool: '0', int8: '0', uint8: '0', int16: '0', uint16: '0', int32: '-2147483648', uint32: '0', int64: '-9223372036854775808n', uint64: '0n', float32: '', float64: '',
}
const UNARY: UnOp[] = [
  { name: 'negative', dtypes: NONBOOL, expr: (x) => `-${x}` },
  { name: 'abs', dtypes: ALL, expr: (x, dt) => (dt === 'bool' ? x : isBig(dt) ? `(${x} < 0n ? -${x} : ${x})` : `Math.abs(${x})`) },
  ...FLOAT_MATH.map((f): UnOp => ({ name: f, dtypes: FLOATS, expr: (x) => `Math.${f}(${x})` })),
  { name: 'square', dtypes: NONBOOL, expr: (x, dt) => (dt === 'int32' || dt === 'uint32' ? `Math.imul(${x}, ${x})` : `${x} * ${x}`) },
  { name: 'floor', dtypes: ALL, expr: (x, dt) => (isFloat(dt) ? `Math.floor(${x})` : x) },
  { name: 'ceil', dtypes: ALL, expr: (x, dt) => (isFloat(dt) ? `Math.ceil(${x})` : x) },
  { name: 'rint', dtypes: FLOATS, expr: (x) => `rint(${x})` },
  {
    name: 'sign', dtypes: NONBOOL,
    expr: (x, dt) => (isFloat(dt) ? `(${x} > 0 ? 1 : ${x} < 0 ? -1 : ${x} === 0 ? 0 : ${x})` : isBig(dt) ? `(${x} > 0n ? 1n : ${x} < 0n ? -1n : 0n)` : `(${x} > 0 ? 1 : ${x} < 0 ? -1 : 0)`),
  },
  { name: 'logicalNot', dtypes: ALL, expr: (x, dt) => `(${x} === ${zero(dt)} ? 1 : 0)`, bool: true },
  ...Object.entries(FLOAT_MATH2).map(([f, js]): UnOp => ({ name: f, dtypes: FLOATS, expr: (x) => `${js}(${x})` })),
  // isnan/isinf/isfinite: integer and bool loops are constants, as in NumPy (x !== x is false for them)
  { name: 'isnan', dtypes: ALL, expr: (x) => `(${x} !== ${x} ? 1 : 0)`, bool: true },
  { name: 'isinf', dtypes: ALL, expr: (x, dt) => (isFloat(dt) ? `(${x} === Infinity || ${x} === -Infinity ? 1 : 0)` : `(${x} !== ${x} ? 1 : 0)`), bool: true },
  { name: 'isfinite', dtypes: ALL, expr: (x, dt) => (isFloat(dt) ? `(${x} - ${x} === 0 ? 1 : 0)` : `(${x} === ${x} ? 1 : 0)`), bool: true },
  { name: 'signbit', dtypes: ALL, expr: (x, dt) => (isFloat(dt) ? `signbit(${x})` : `(${x} < ${zero(dt)} ? 1 : 0)`), bool: true },
  { name: 'trunc', dtypes: ALL, expr: (x, dt) => (isFloat(dt) ? `Math.trunc(${x})` : x) },
  { name: 'fix', dtypes: ALL, expr: (x, dt) => (isFloat(dt) ? `Math.trunc(${x})` : x) },
  {
    // NumPy's integer loop is `1.0 / x` converted to the integer type: 0 for |x| > 1; x = 0 gives inf → C's cast
    name: 'reciprocal', dtypes: NONBOOL,
    expr: (x, dt) => (isFloat(dt) ? `1 / ${x}`
      : dt === 'uint64' ? `(${x} === 1n ? 1n : 0n)`
        : isBig(dt) ? `(${x} === 0n ? ${INT_RECIPROCAL_AT_0[dt]} : ${x} === 1n ? 1n : ${x} === -1n ? -1n : 0n)`
          : `(${x} === 0 ? ${INT_RECIPROCAL_AT_0[dt]} : ${x} === 1 ? 1 : ${x} === -1 ? -1 : 0)`),
  },
  { name: 'invert', dtypes: ALL.filter((d) => !isFloat(d)), expr: (x, dt) => (dt === 'bool' ? `${x} ^ 1` : `~${x}`) },
  { name: 'deg2rad', dtypes: FLOATS, expr: (x, dt) => (dt === 'float64' ? `${x} * DEG2RAD_F64` : `${x} * DEG2RAD_F32`) },
  { name: 'rad2deg', dtypes: FLOATS, expr: (x, dt) => (dt === 'float64' ? `${x} * RAD2DEG_F64` : `${x} * RAD2DEG_F32`) },
  { name: 'positive', dtypes: NONBOOL, expr: (x) => x },
  { name: 'conjugate', dtypes: NONBOOL, expr: (x) => x },
]

const TERNARY: TerOp[] = [
  // where(cond, x, y): operand 1 is always a bool (Uint8Array) condition
  { name: 'where', dtypes: ALL, expr: (c, x, y) => `(${c} !== 0 ? ${x} : ${y})`, inTA: (dt, k) => (k === 0 ? 'Uint8Array' : TA[dt]) },
  {
    name: 'clip', dtypes: ALL,
    expr: (x, lo, hi, dt) => (isFloat(dt) ? `clipF(${x}, ${lo}, ${hi})` : isBig(dt) ? `clipBig(${x}, ${lo}, ${hi})` : `clipI(${x}, ${lo}, ${hi})`),
  },
]

// ------------------------------------------------------------------------------------------------ emitters

const lines: string[] = []
const table: string[] = []
const emit = (s: string): void => { lines.push(s) }
const reg = (op: string, dt: DT, layout: string, fn: string): void => { table.push(`  '${op}/${dt}/${layout}': ${fn} as Kernel,`) }

function range(n: number): number[] { return [...Array(n).keys()] }
const plus = (base: string, k: number): string => (k === 0 ? base : `${base} + ${k}`)
/** Swap table exported for the runtime: scalar-first layouts of these ops run the scalar-2 kernel of the partner. */
export const SWAP: Record<string, string> = {}
const times = (s: string, k: number): string => (k === 0 ? '' : k === 1 ? ` + ${s}` : ` + ${k} * ${s}`)

/** Below this many elements a contiguous kernel runs a plain offset loop (subarray views cost ~0.1 µs each). */
const SMALL = 64

/**
 * Body of an unrolled contiguous loop over subarray views (indices from 0 let V8 drop most index arithmetic).
 * `ins` are [arrayName, isScalar]; scalar inputs are plain locals.
 */
function subLoop(U: number, out: string, ins: [string, boolean][], e: (...xs: string[]) => string, indent: string): string[] {
  const L: string[] = []
  L.push(`${indent}let i = 0`)
  L.push(`${indent}for (const m = n - ${U - 1}; i < m; i += ${U}) {`)
  for (const [nm, sc] of ins) if (!sc) L.push(`${indent}  const ${range(U).map((k) => `${nm.toLowerCase()}${k} = ${nm}[${plus('i', k)}]`).join(', ')}`)
  L.push(`${indent}  ${range(U).map((k) => `${out}[${plus('i', k)}] = ${e(...ins.map(([nm, sc]) => (sc ? nm.toLowerCase() : `${nm.toLowerCase()}${k}`)))}`).join('; ')}`)
  L.push(`${indent}}`)
  L.push(`${indent}for (; i < n; i++) { ${ins.filter(([, sc]) => !sc).map(([nm]) => `const ${nm.toLowerCase()}_ = ${nm}[i]`).join('; ')}; ${out}[i] = ${e(...ins.map(([nm, sc]) => (sc ? nm.toLowerCase() : `${nm.toLowerCase()}_`)))} }`)
  return L
}

function binary(op: BinOp, dt: DT): void {
  const o = op.bool ? 'Uint8Array' : TA[dt]
  const t = TA[dt]
  const e = (x: string, y: string): string => op.expr(x, y, dt)
  const base = `${op.name}_${dt}`
  if (!isBig(dt) && !op.heavy) {
    const U = 8
    const sig = `(n: number, o: ${o}, oo: number, a: ${t}, ao: number, b: ${t}, bo: number): void {`
    // contiguous: small loop; in place (o is a, or o is b); general
    emit(`function ${base}_c${sig}`)
    emit(`  if (n < ${SMALL}) { for (let i = 0; i < n; i++) { const x = a[ao + i], y = b[bo + i]; o[oo + i] = ${e('x', 'y')} } return }`)
    if (!op.bool) {
      emit(`  if (o === a && oo === ao) {`)
      emit(`    const A = a.subarray(ao, ao + n), B = b.subarray(bo, bo + n)`)
      lines.push(...subLoop(U, 'A', [['A', false], ['B', false]], e, '    '))
      emit(`    return`)
      emit(`  }`)
    }
    emit(`  const O = o.subarray(oo, oo + n), A = a.subarray(ao, ao + n), B = b.subarray(bo, bo + n)`)
    lines.push(...subLoop(U, 'O', [['A', false], ['B', false]], e, '  '))
    emit(`}`)
    reg(op.name, dt, 'contiguous', `${base}_c`)
    // scalar second operand
    emit(`function ${base}_s2${sig}`)
    emit(`  const y = b[bo]`)
    emit(`  if (n < ${SMALL}) { for (let i = 0; i < n; i++) { const x = a[ao + i]; o[oo + i] = ${e('x', 'y')} } return }`)
    if (!op.bool) {
      emit(`  if (o === a && oo === ao) {`)
      emit(`    const A = a.subarray(ao, ao + n)`)
      lines.push(...subLoop(U, 'A', [['A', false], ['Y', true]], e, '    '))
      emit(`    return`)
      emit(`  }`)
    }
    emit(`  const O = o.subarray(oo, oo + n), A = a.subarray(ao, ao + n)`)
    lines.push(...subLoop(U, 'O', [['A', false], ['Y', true]], e, '  '))
    emit(`}`)
    reg(op.name, dt, 'scalar-2', `${base}_s2`)
    if (op.swap === undefined) {
      emit(`function ${base}_s1${sig}`)
      emit(`  const x = a[ao]`)
      emit(`  if (n < ${SMALL}) { for (let i = 0; i < n; i++) { const y = b[bo + i]; o[oo + i] = ${e('x', 'y')} } return }`)
      emit(`  const O = o.subarray(oo, oo + n), B = b.subarray(bo, bo + n)`)
      lines.push(...subLoop(U, 'O', [['X', true], ['B', false]], e, '  '))
      emit(`}`)
      reg(op.name, dt, 'scalar-1', `${base}_s1`)
    }
  } else if (!isBig(dt)) {
    const U = 1
    // contiguous
    emit(`function ${base}_c(n: number, o: ${o}, oo: number, a: ${t}, ao: number, b: ${t}, bo: number): void {`)
    emit(`  let i = 0`)
    emit(`  for (const m = n - ${U - 1}; i < m; i += ${U}) {`)
    emit(`    const p = ao + i, q = bo + i, r = oo + i`)
    emit(`    const ${range(U).map((k) => `a${k} = a[${plus('p', k)}]`).join(', ')}`)
    emit(`    const ${range(U).map((k) => `b${k} = b[${plus('q', k)}]`).join(', ')}`)
    emit(`    ${range(U).map((k) => `o[${plus('r', k)}] = ${e(`a${k}`, `b${k}`)}`).join('; ')}`)
    emit(`  }`)
    emit(`  for (; i < n; i++) { const x = a[ao + i], y = b[bo + i]; o[oo + i] = ${e('x', 'y')} }`)
    emit(`}`)
    reg(op.name, dt, 'contiguous', `${base}_c`)
    // scalar second operand
    emit(`function ${base}_s2(n: number, o: ${o}, oo: number, a: ${t}, ao: number, b: ${t}, bo: number): void {`)
    emit(`  const y = b[bo]`)
    emit(`  let i = 0`)
    emit(`  for (const m = n - ${U - 1}; i < m; i += ${U}) {`)
    emit(`    const p = ao + i, r = oo + i`)
    emit(`    const ${range(U).map((k) => `a${k} = a[${plus('p', k)}]`).join(', ')}`)
    emit(`    ${range(U).map((k) => `o[${plus('r', k)}] = ${e(`a${k}`, 'y')}`).join('; ')}`)
    emit(`  }`)
    emit(`  for (; i < n; i++) { const x = a[ao + i]; o[oo + i] = ${e('x', 'y')} }`)
    emit(`}`)
    reg(op.name, dt, 'scalar-2', `${base}_s2`)
  }
  if (!isBig(dt) && op.heavy && op.swap === undefined) {
    const U = 1
    // scalar first operand
    emit(`function ${base}_s1(n: number, o: ${o}, oo: number, a: ${t}, ao: number, b: ${t}, bo: number): void {`)
    emit(`  const x = a[ao]`)
    emit(`  let i = 0`)
    emit(`  for (const m = n - ${U - 1}; i < m; i += ${U}) {`)
    emit(`    const q = bo + i, r = oo + i`)
    emit(`    const ${range(U).map((k) => `b${k} = b[${plus('q', k)}]`).join(', ')}`)
    emit(`    ${range(U).map((k) => `o[${plus('r', k)}] = ${e('x', `b${k}`)}`).join('; ')}`)
    emit(`  }`)
    emit(`  for (; i < n; i++) { const y = b[bo + i]; o[oo + i] = ${e('x', 'y')} }`)
    emit(`}`)
    reg(op.name, dt, 'scalar-1', `${base}_s1`)
  }
  // strided (and mixed)
  const variants: [string, string, string][] = isBig(dt) ? [['_s', BIG_ARR, 'strided']] : [['_s', t, 'strided'], ['_x', NUM_ARR, 'mixed']]
  for (const [suffix, it, layout] of variants) {
    const U = 4
    emit(`function ${base}${suffix}(n: number, o: ${o}, oo: number, os: number, a: ${it}, ao: number, as: number, b: ${it}, bo: number, bs: number): void {`)
    emit(`  let i = 0, p = ao, q = bo, r = oo`)
    if (!isBig(dt) && !op.heavy && layout === 'strided') {
      emit(`  for (const m = n - ${U - 1}; i < m; i += ${U}) {`)
      emit(`    const ${range(U).map((k) => `a${k} = a[p${times('as', k)}]`).join(', ')}`)
      emit(`    const ${range(U).map((k) => `b${k} = b[q${times('bs', k)}]`).join(', ')}`)
      emit(`    ${range(U).map((k) => `o[r${times('os', k)}] = ${e(`a${k}`, `b${k}`)}`).join('; ')}`)
      emit(`    p += ${U} * as; q += ${U} * bs; r += ${U} * os`)
      emit(`  }`)
    }
    emit(`  for (; i < n; i++) { const x = a[p], y = b[q]; o[r] = ${e('x', 'y')}; p += as; q += bs; r += os }`)
    emit(`}`)
    reg(op.name, dt, layout, `${base}${suffix}`)
    if (isBig(dt)) reg(op.name, dt, 'mixed', `${base}${suffix}`)
  }
}

function unary(op: UnOp, dt: DT): void {
  const o = op.bool ? 'Uint8Array' : TA[dt]
  const t = TA[dt]
  const e = (x: string): string => op.expr(x, dt)
  const base = `${op.name}_${dt}`
  if (!isBig(dt) && !HEAVY_UNARY.has(op.name)) {
    const U = 8
    emit(`function ${base}_c(n: number, o: ${o}, oo: number, a: ${t}, ao: number): void {`)
    emit(`  if (n < ${SMALL}) { for (let i = 0; i < n; i++) { const x = a[ao + i]; o[oo + i] = ${e('x')} } return }`)
    if (!op.bool) {
      emit(`  if (o === a && oo === ao) {`)
      emit(`    const A = a.subarray(ao, ao + n)`)
      lines.push(...subLoop(U, 'A', [['A', false]], e, '    '))
      emit(`    return`)
      emit(`  }`)
    }
    emit(`  const O = o.subarray(oo, oo + n), A = a.subarray(ao, ao + n)`)
    lines.push(...subLoop(U, 'O', [['A', false]], e, '  '))
    emit(`}`)
    reg(op.name, dt, 'contiguous', `${base}_c`)
  } else if (!isBig(dt)) {
    // the math call dominates: a plain loop
    emit(`function ${base}_c(n: number, o: ${o}, oo: number, a: ${t}, ao: number): void {`)
    emit(`  for (let i = 0; i < n; i++) { const x = a[ao + i]; o[oo + i] = ${e('x')} }`)
    emit(`}`)
    reg(op.name, dt, 'contiguous', `${base}_c`)
  }
  const variants: [string, string, string][] = isBig(dt) ? [['_s', BIG_ARR, 'strided']] : [['_s', t, 'strided'], ['_x', NUM_ARR, 'mixed']]
  for (const [suffix, it, layout] of variants) {
    const U = 4
    emit(`function ${base}${suffix}(n: number, o: ${o}, oo: number, os: number, a: ${it}, ao: number, as: number): void {`)
    emit(`  let i = 0, p = ao, r = oo`)
    if (!isBig(dt) && !HEAVY_UNARY.has(op.name) && layout === 'strided') {
      emit(`  for (const m = n - ${U - 1}; i < m; i += ${U}) {`)
      emit(`    const ${range(U).map((k) => `a${k} = a[p${times('as', k)}]`).join(', ')}`)
      emit(`    ${range(U).map((k) => `o[r${times('os', k)}] = ${e(`a${k}`)}`).join('; ')}`)
      emit(`    p += ${U} * as; r += ${U} * os`)
      emit(`  }`)
    }
    emit(`  for (; i < n; i++) { const x = a[p]; o[r] = ${e('x')}; p += as; r += os }`)
    emit(`}`)
    reg(op.name, dt, layout, `${base}${suffix}`)
    if (isBig(dt)) reg(op.name, dt, 'mixed', `${base}${suffix}`)
  }
}

function ternary(op: TerOp, dt: DT): void {
  const o = TA[dt]
  const inT = (k: number, generic: boolean): string => {
    const fixed = op.inTA ? op.inTA(dt, k) : TA[dt]
    if (!generic || fixed === 'Uint8Array' && op.name === 'where' && k === 0) return fixed
    return isBig(dt) ? BIG_ARR : NUM_ARR
  }
  const e = (x: string, y: string, z: string): string => op.expr(x, y, z, dt)
  const base = `${op.name}_${dt}`
  if (!isBig(dt)) {
    const U = 4
    emit(`function ${base}_c(n: number, o: ${o}, oo: number, a: ${inT(0, false)}, ao: number, b: ${inT(1, false)}, bo: number, c: ${inT(2, false)}, co: number): void {`)
    emit(`  let i = 0`)
    emit(`  for (const m = n - ${U - 1}; i < m; i += ${U}) {`)
    emit(`    const p = ao + i, q = bo + i, s = co + i, r = oo + i`)
    emit(`    const ${range(U).map((k) => `a${k} = a[${plus('p', k)}]`).join(', ')}`)
    emit(`    const ${range(U).map((k) => `b${k} = b[${plus('q', k)}]`).join(', ')}`)
    emit(`    const ${range(U).map((k) => `c${k} = c[${plus('s', k)}]`).join(', ')}`)
    emit(`    ${range(U).map((k) => `o[${plus('r', k)}] = ${e(`a${k}`, `b${k}`, `c${k}`)}`).join('; ')}`)
    emit(`  }`)
    emit(`  for (; i < n; i++) { const x = a[ao + i], y = b[bo + i], z = c[co + i]; o[oo + i] = ${e('x', 'y', 'z')} }`)
    emit(`}`)
    reg(op.name, dt, 'contiguous', `${base}_c`)
    if (op.name === 'clip') {
      emit(`function ${base}_s23(n: number, o: ${o}, oo: number, a: ${inT(0, false)}, ao: number, b: ${inT(1, false)}, bo: number, c: ${inT(2, false)}, co: number): void {`)
      emit(`  const y = b[bo], z = c[co]`)
      emit(`  let i = 0`)
      emit(`  for (const m = n - 7; i < m; i += 8) {`)
      emit(`    const p = ao + i, r = oo + i`)
      emit(`    const ${range(8).map((k) => `a${k} = a[${plus('p', k)}]`).join(', ')}`)
      emit(`    ${range(8).map((k) => `o[${plus('r', k)}] = ${e(`a${k}`, 'y', 'z')}`).join('; ')}`)
      emit(`  }`)
      emit(`  for (; i < n; i++) { const x = a[ao + i]; o[oo + i] = ${e('x', 'y', 'z')} }`)
      emit(`}`)
      reg(op.name, dt, 'scalar-23', `${base}_s23`)
    }
  }
  const variants: [string, boolean, string][] = isBig(dt) ? [['_s', true, 'strided']] : [['_s', false, 'strided'], ['_x', true, 'mixed']]
  for (const [suffix, generic, layout] of variants) {
    emit(`function ${base}${suffix}(n: number, o: ${o}, oo: number, os: number, a: ${inT(0, generic)}, ao: number, as: number, b: ${inT(1, generic)}, bo: number, bs: number, c: ${inT(2, generic)}, co: number, cs: number): void {`)
    emit(`  let p = ao, q = bo, s = co, r = oo`)
    emit(`  for (let i = 0; i < n; i++) { const x = a[p], y = b[q], z = c[s]; o[r] = ${e('x', 'y', 'z')}; p += as; q += bs; s += cs; r += os }`)
    emit(`}`)
    reg(op.name, dt, layout, `${base}${suffix}`)
    if (isBig(dt)) reg(op.name, dt, 'mixed', `${base}${suffix}`)
  }
}

// ------------------------------------------------------------------------------------------------ copy kernels

const CLASSES = ['Float64Array', 'Float32Array', 'Int8Array', 'Uint8Array', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'BigInt64Array', 'BigUint64Array']
const copyLines: string[] = []
const copyTable: string[] = []
function copyKernels(): void {
  const c = (s: string): void => { copyLines.push(s) }
  for (const T of CLASSES) {
    const name = T.replace('Array', '')
    // strided same-class move, unrolled ×4
    c(`function copy_${name}_s(n: number, d: ${T}, dO: number, dS: number, s: ${T}, sO: number, sS: number): void {`)
    c(`  let i = 0, p = sO, r = dO`)
    c(`  for (const m = n - 3; i < m; i += 4) {`)
    c(`    const v0 = s[p], v1 = s[p + sS], v2 = s[p + 2 * sS], v3 = s[p + 3 * sS]`)
    c(`    d[r] = v0; d[r + dS] = v1; d[r + 2 * dS] = v2; d[r + 3 * dS] = v3`)
    c(`    p += 4 * sS; r += 4 * dS`)
    c(`  }`)
    c(`  for (; i < n; i++) { d[r] = s[p]; p += sS; r += dS }`)
    c(`}`)
    // blocked transpose tile: w columns along dim 0, rows [i0, i1) along dim 1; tiles of 32 rows, 4 columns at a time
    c(`function copy_${name}_t(w: number, i0: number, i1: number, d: ${T}, dB: number, d0: number, d1: number, s: ${T}, sB: number, s0: number, s1: number): void {`)
    c(`  for (let ib = i0; ib < i1; ib += 32) {`)
    c(`    const ie = ib + 32 < i1 ? ib + 32 : i1`)
    c(`    let j = 0`)
    c(`    for (; j + 3 < w; j += 4) {`)
    c(`      let p = sB + j * s0 + ib * s1, r = dB + j * d0 + ib * d1`)
    c(`      for (let i = ib; i < ie; i++) {`)
    c(`        const v0 = s[p], v1 = s[p + s0], v2 = s[p + 2 * s0], v3 = s[p + 3 * s0]`)
    c(`        d[r] = v0; d[r + d0] = v1; d[r + 2 * d0] = v2; d[r + 3 * d0] = v3`)
    c(`        p += s1; r += d1`)
    c(`      }`)
    c(`    }`)
    c(`    for (; j < w; j++) {`)
    c(`      let p = sB + j * s0 + ib * s1, r = dB + j * d0 + ib * d1`)
    c(`      for (let i = ib; i < ie; i++) { d[r] = s[p]; p += s1; r += d1 }`)
    c(`    }`)
    c(`  }`)
    c(`}`)
    copyTable.push(`  ${T}: { strided: copy_${name}_s as Kernel, tile: copy_${name}_t as Kernel },`)
  }
  // casts between number-typed arrays: a typed-array store converts exactly like NumPy's C cast (ToInt8 wraps,
  // float → int truncates, float64 → float32 rounds); casts to bool normalise non-zero (and NaN) to 1.
  const NUMC = CLASSES.slice(0, 8)
  const castTable: string[] = []
  for (const S of NUMC) {
    for (const D of [...NUMC, 'bool']) {
      if (S === D) continue
      const sn = S.replace('Array', '')
      const dn = D === 'bool' ? 'Bool' : D.replace('Array', '')
      const DT_ = D === 'bool' ? 'Uint8Array' : D
      const conv = (v: string): string => (D === 'bool' ? `(${v} !== 0 ? 1 : 0)` : v)
      c(`function cast_${sn}_${dn}(n: number, d: ${DT_}, dO: number, dS: number, s: ${S}, sO: number, sS: number): void {`)
      c(`  let p = sO, r = dO`)
      c(`  if (dS === 1 && sS === 1) { for (let i = 0; i < n; i++) d[dO + i] = ${conv('s[sO + i]')}; return }`)
      c(`  for (let i = 0; i < n; i++) { d[r] = ${conv('s[p]')}; p += sS; r += dS }`)
      c(`}`)
      castTable.push(`  '${S}>${D}': cast_${sn}_${dn} as Kernel,`)
    }
  }
  copyLines.push('')
  copyLines.push('/** Same-class moves by typed-array class name: strided (n, d, dO, dS, s, sO, sS) and the transpose tile. */')
  copyLines.push('export const MOVE_KERNELS: Record<string, { strided: Kernel; tile: Kernel }> = {')
  copyLines.push(...copyTable)
  copyLines.push('}')
  copyLines.push('')
  copyLines.push("/** Number-to-number casts keyed 'SrcClass>DstClass' (or 'SrcClass>bool'): (n, d, dO, dS, s, sO, sS). */")
  copyLines.push('export const CAST_KERNELS: Record<string, Kernel> = {')
  copyLines.push(...castTable)
  copyLines.push('}')
}

// ------------------------------------------------------------------------------------------------ write

const HEADER = `// GENERATED by packages/core/src/kernels/generate-kernels.ts — do not edit by hand.
/* eslint-disable */
`
const here = dirname(fileURLToPath(import.meta.url))

function writeModule(file: string, body: string[], exportsName: string, tbl: string[], imports: string): void {
  const text = [
    HEADER,
    imports,
    `type NumArray = Float64Array | Float32Array | Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array`,
    `type BigArray = BigInt64Array | BigUint64Array`,
    `type Kernel = (...args: never[]) => void`,
    `void (0 as unknown as NumArray | BigArray)`,
    '',
    ...body,
    '',
    `export const ${exportsName}: Record<string, Kernel> = {`,
    ...tbl,
    '}',
    '',
  ].join('\n')
  writeFileSync(join(here, 'generated', file), text)
}

const helperImport = (names: string[]): string => `import { ${names.join(', ')} } from '../scalar-math.js'\n`

for (const op of BINARY) for (const dt of op.dtypes) binary(op, dt)
for (const op of BINARY) if (op.swap !== undefined) SWAP[op.name] = op.swap
lines.push('', '/** Ops whose scalar-first layout runs the scalar-2 kernel of the partner op with the operands exchanged. */')
lines.push(`export const BINARY_SWAP: Record<string, string> = ${JSON.stringify(SWAP)}`)
writeModule('binary.ts', lines.splice(0), 'BINARY_KERNELS', table.splice(0), helperImport([
  'floorDivF64', 'floorDivF32', 'floorDivInt', 'floorDivBig', 'modF64', 'modF32', 'modInt', 'modBig', 'powF64', 'powInt', 'powBig',
  'hypotF64', 'hypotF32', 'copysign', 'nextafterF64', 'nextafterF32', 'logaddexpF64', 'logaddexpF32', 'logaddexp2F64', 'logaddexp2F32',
  'roundMulF64', 'roundMulF32', 'roundDivF64', 'roundDivF32', 'roundMulX64', 'roundMulX32', 'roundDivX64', 'roundDivX32',
]))
for (const op of UNARY) for (const dt of op.dtypes) unary(op, dt)
writeModule('unary.ts', lines.splice(0), 'UNARY_KERNELS', table.splice(0), helperImport(['rint', 'exp2', 'signbit', 'DEG2RAD_F64', 'DEG2RAD_F32', 'RAD2DEG_F64', 'RAD2DEG_F32']))
for (const op of TERNARY) for (const dt of op.dtypes) ternary(op, dt)
writeModule('ternary.ts', lines.splice(0), 'TERNARY_KERNELS', table.splice(0), helperImport(['clipF', 'clipI', 'clipBig']))
copyKernels()
writeFileSync(join(here, 'generated', 'copy.ts'), [HEADER, 'type Kernel = (...args: never[]) => void', '', ...copyLines, ''].join('\n'))
void INTS_NUM; void NUMS
console.log('kernels written to', join(here, 'generated'))
