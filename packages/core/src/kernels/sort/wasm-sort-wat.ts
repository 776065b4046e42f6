/**
 * Generator of the WebAssembly radix-sort module: `sortModuleWat()` returns its WAT text; wasm-sort-build.ts
 * compiles it with wabt into generated/sort-module.ts, and wasm-sort.ts instantiates it once per thread.
 *
 * The algorithm is msd.ts's (read that file first): the highest differing bit, then per level a histogram of the
 * next digit (a digit every key shares costs no scatter), a stable scatter into the other buffer (ping-pong),
 * and the buckets sorted from there; short ranges are insertion-sorted. Ties keep input order, so the result is
 * THE stable order: the same keys and permutation as msd.ts, bit for bit. What differs is only how:
 *  - 64-bit keys are i64 loads, shifts and unsigned compares, so a digit may straddle the two words (msd.ts cuts
 *    digits at bit 32); any digit sequence gives the same stable order.
 *  - Counters hold byte addresses (the scatter stores at the counter and bumps it by the key size), and a level's
 *    counters sit just above its parent's: one stack of at most SORT_COUNTS_BYTES bytes at `cnt`.
 *  - A short bucket is insertion-sorted while it is copied to where its result goes (one pass, not two).
 *
 * ABI: the module imports env.memory (non-shared: each thread has its own, see wasm-sort.ts). Exports
 *   msd32(a, b, lo, hi, inA, top, cnt)            keys: u32 at a + 4i;  scratch b the same size
 *   msd32i(a, b, ia, ib, lo, hi, inA, top, cnt)   and i32 permutation ia (scratch ib) moving with them
 *   msd64(a, b, lo, hi, inA, top, cnt)            keys: u64 at a + 8i (little endian: low word first)
 *   msd64i(a, b, ia, ib, lo, hi, inA, top, cnt)
 * sort [lo, hi) stably, the result in a when inA ≠ 0, else in b (the other buffer is scratch over [lo, hi)).
 * Pointers are byte addresses of element 0, key-aligned; top is the highest differing bit + 1 when the caller
 * knows it, or -1; cnt is the counters' region (SORT_COUNTS_BYTES bytes, 4-aligned, disjoint from the buffers).
 * No buffer may end at the very top of a 4 GiB memory (loops compare addresses with an end address).
 */

/** Ranges up to this length are insertion-sorted (msd.ts: SMALL). */
export const SORT_SMALL = 24
/** At most this many bits per digit; longer ranges than SORT_FAR keys take at most SORT_MAX_DIGIT_FAR. */
export const SORT_MAX_DIGIT = 13
export const SORT_MAX_DIGIT_FAR = 11
export const SORT_FAR = 1 << 18

/**
 * Bytes of counters the deepest recursion needs: a level of d bits takes 2^d counters above its parent's, the
 * digits along a path take at most 64 bits, and 2^d is convex, so the worst path is all widest digits.
 */
export const SORT_COUNTS_BYTES = ((): number => {
  let total = 0
  for (let bits = 64; bits > 0; bits -= SORT_MAX_DIGIT) total += 1 << Math.min(SORT_MAX_DIGIT, bits)
  return 4 * total
})()

/** The four exports and their parameters (all i32). */
export const SORT_EXPORTS = {
  msd32: ['a', 'b', 'lo', 'hi', 'inA', 'top', 'cnt'],
  msd32i: ['a', 'b', 'ia', 'ib', 'lo', 'hi', 'inA', 'top', 'cnt'],
  msd64: ['a', 'b', 'lo', 'hi', 'inA', 'top', 'cnt'],
  msd64i: ['a', 'b', 'ia', 'ib', 'lo', 'hi', 'inA', 'top', 'cnt'],
} as const

/** A variant: key width and whether a permutation moves along. */
interface Variant {
  name: keyof typeof SORT_EXPORTS
  /** Key type. */
  K: 'i32' | 'i64'
  /** Key bits, bytes, log2(bytes). */
  bits: 32 | 64
  kb: 4 | 8
  ks: 2 | 3
  idx: boolean
}

const VARIANTS: readonly Variant[] = [
  { name: 'msd32', K: 'i32', bits: 32, kb: 4, ks: 2, idx: false },
  { name: 'msd32i', K: 'i32', bits: 32, kb: 4, ks: 2, idx: true },
  { name: 'msd64', K: 'i64', bits: 64, kb: 8, ks: 3, idx: false },
  { name: 'msd64i', K: 'i64', bits: 64, kb: 8, ks: 3, idx: true },
]

/** `text` when the variant carries a permutation, else nothing. */
const ix = (v: Variant, text: string): string => (v.idx ? text : '')

/** The digit of key local `k` at local $shift (i64 shift amount $sh for 64-bit keys), masked. */
function digit(v: Variant, k: string): string {
  return v.K === 'i64'
    ? `(i32.and (i32.wrap_i64 (i64.shr_u ${k} (local.get $sh))) (local.get $mask))`
    : `(i32.and (i32.shr_u ${k} (local.get $shift)) (local.get $mask))`
}

/**
 * Insertion sort of n keys read from src into dst (src may equal dst): each key is shifted left past the
 * strictly greater ones already placed (stable), so a copy and a sort are one pass.
 */
function insertionFunc(v: Variant): string {
  const { K, kb, ks } = v
  return `(func $ins_${v.name} (param $src i32) (param $dst i32)${ix(v, ' (param $srci i32) (param $dsti i32)')} (param $n i32)
  (local $i i32) (local $p i32) (local $end i32) (local $x ${K}) (local $v ${K})${ix(v, ' (local $q i32) (local $y i32)')}
  (local.set $end (i32.add (local.get $dst) (i32.shl (local.get $n) (i32.const ${ks}))))
  (local.set $i (local.get $dst))
  (block $done (loop $next
    (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
    (local.set $x (${K}.load (local.get $src)))${ix(v, `
    (local.set $y (i32.load (local.get $srci)))
    (local.set $q (local.get $dsti))`)}
    (local.set $p (local.get $i))
    (block $placed (loop $shift
      (br_if $placed (i32.eq (local.get $p) (local.get $dst)))
      (local.set $v (${K}.load (i32.sub (local.get $p) (i32.const ${kb}))))
      (br_if $placed (${K}.le_u (local.get $v) (local.get $x)))
      (${K}.store (local.get $p) (local.get $v))${ix(v, `
      (i32.store (local.get $q) (i32.load (i32.sub (local.get $q) (i32.const 4))))
      (local.set $q (i32.sub (local.get $q) (i32.const 4)))`)}
      (local.set $p (i32.sub (local.get $p) (i32.const ${kb})))
      (br $shift)))
    (${K}.store (local.get $p) (local.get $x))${ix(v, `
    (i32.store (local.get $q) (local.get $y))
    (local.set $srci (i32.add (local.get $srci) (i32.const 4)))
    (local.set $dsti (i32.add (local.get $dsti) (i32.const 4)))`)}
    (local.set $src (i32.add (local.get $src) (i32.const ${kb})))
    (local.set $i (i32.add (local.get $i) (i32.const ${kb})))
    (br $next)))
)`
}

/** The recursive sort of n keys at a (scratch b; permutation ia, scratch ib), result in a when inA. */
function sortFunc(v: Variant): string {
  const { K, kb, ks, bits } = v
  const ins = (src: string, dst: string, srci: string, dsti: string, n: string): string =>
    `(call $ins_${v.name} ${src} ${dst}${ix(v, ` ${srci} ${dsti}`)} ${n})`
  // the permutation's offset for a key offset (bytes): the same for 32-bit keys, half for 64-bit
  const ioff = (off: string): string => (kb === 8 ? `(i32.shr_u ${off} (i32.const 1))` : off)
  const clz = K === 'i64' ? '(i32.wrap_i64 (i64.clz (local.get $diff)))' : '(i32.clz (local.get $diff))'
  return `(func $sort_${v.name} (param $a i32) (param $b i32)${ix(v, ' (param $ia i32) (param $ib i32)')} (param $n i32) (param $inA i32) (param $top i32) (param $cnt i32)
  (local $end i32) (local $p i32) (local $d i32) (local $shift i32) (local $mask i32) (local $cend i32) (local $x i32)
  (local $sum i32) (local $t i32) (local $c i32) (local $s i32) (local $e i32) (local $m i32) (local $off i32)
  (local $k0 ${K}) (local $diff ${K}) (local $k ${K})${K === 'i64' ? ' (local $sh i64)' : ''}${ix(v, ' (local $pi i32) (local $delta i32)')}
  (if (i32.le_u (local.get $n) (i32.const ${TUNE.small})) (then
    (if (local.get $inA)
      (then ${ins('(local.get $a)', '(local.get $a)', '(local.get $ia)', '(local.get $ia)', '(local.get $n)')})
      (else ${ins('(local.get $a)', '(local.get $b)', '(local.get $ia)', '(local.get $ib)', '(local.get $n)')}))
    (return)))
  (local.set $end (i32.add (local.get $a) (i32.shl (local.get $n) (i32.const ${ks}))))
  ;; the highest bit in which any two keys differ
  (if (i32.lt_s (local.get $top) (i32.const 0)) (then
    (local.set $k0 (${K}.load (local.get $a)))
    (local.set $diff (${K}.const 0))
    (local.set $p (i32.add (local.get $a) (i32.const ${kb})))
    (block $top_done (loop $top_next
      (br_if $top_done (i32.ge_u (local.get $p) (local.get $end)))
      (local.set $diff (${K}.or (local.get $diff) (${K}.xor (${K}.load (local.get $p)) (local.get $k0))))
      (local.set $p (i32.add (local.get $p) (i32.const ${kb})))
      (br $top_next)))
    (local.set $top (i32.sub (i32.const ${bits}) ${clz}))))
  ;; the next digit that splits the range (a digit every key shares costs a histogram, no scatter)
  (block $split (loop $digit
    (if (i32.eqz (local.get $top)) (then
      (if (i32.eqz (local.get $inA)) (then
        (memory.copy (local.get $b) (local.get $a) (i32.shl (local.get $n) (i32.const ${ks})))${ix(v, `
        (memory.copy (local.get $ib) (local.get $ia) (i32.shl (local.get $n) (i32.const 2)))`)}))
      (return)))
    ;; digitBits: about 4 keys per bucket, capped
    (local.set $d (i32.sub (i32.const ${TUNE.want}) (i32.clz (local.get $n))))
    (local.set $t (select (i32.const ${TUNE.far}) (i32.const ${TUNE.maxDigit}) (i32.gt_u (local.get $n) (i32.const ${SORT_FAR}))))
    (if (i32.gt_u (local.get $d) (local.get $t)) (then (local.set $d (local.get $t))))
    (if (i32.gt_u (local.get $d) (local.get $top)) (then (local.set $d (local.get $top))))
    (local.set $shift (i32.sub (local.get $top) (local.get $d)))${K === 'i64' ? `
    (local.set $sh (i64.extend_i32_u (local.get $shift)))` : ''}
    (local.set $mask (i32.sub (i32.shl (i32.const 1) (local.get $d)) (i32.const 1)))
    (local.set $cend (i32.add (local.get $cnt) (i32.shl (i32.const 4) (local.get $d))))
    (memory.fill (local.get $cnt) (i32.const 0) (i32.shl (i32.const 4) (local.get $d)))
    (local.set $p (local.get $a))
    (loop $hist
      (local.set $c (i32.add (local.get $cnt) (i32.shl ${digit(v, `(${K}.load (local.get $p))`)} (i32.const 2))))
      (i32.store (local.get $c) (i32.add (i32.load (local.get $c)) (i32.const 1)))
      (local.set $p (i32.add (local.get $p) (i32.const ${kb})))
      (br_if $hist (i32.lt_u (local.get $p) (local.get $end))))
    (br_if $split (i32.ne (i32.load (i32.add (local.get $cnt) (i32.shl ${digit(v, `(${K}.load (local.get $a))`)} (i32.const 2)))) (local.get $n)))
    (local.set $top (local.get $shift))
    (br $digit)))
  ;; counts → the byte address in b where each bucket starts
  (local.set $sum (local.get $b))
  (local.set $x (local.get $cnt))
  (loop $prefix
    (local.set $t (i32.load (local.get $x)))
    (i32.store (local.get $x) (local.get $sum))
    (local.set $sum (i32.add (local.get $sum) (i32.shl (local.get $t) (i32.const ${ks}))))
    (local.set $x (i32.add (local.get $x) (i32.const 4)))
    (br_if $prefix (i32.lt_u (local.get $x) (local.get $cend))))
  ;; the stable scatter a → b${ix(v, ' (the permutation: ib + (t - b) / (key bytes / 4))')}
  (local.set $p (local.get $a))${ix(v, `
  (local.set $pi (local.get $ia))
  (local.set $delta (i32.sub (local.get $ib) ${ioff('(local.get $b)')}))`)}
  (loop $scatter
    (local.set $k (${K}.load (local.get $p)))
    (local.set $c (i32.add (local.get $cnt) (i32.shl ${digit(v, '(local.get $k)')} (i32.const 2))))
    (local.set $t (i32.load (local.get $c)))
    (${K}.store (local.get $t) (local.get $k))${ix(v, `
    (i32.store (i32.add (local.get $delta) ${ioff('(local.get $t)')}) (i32.load (local.get $pi)))
    (local.set $pi (i32.add (local.get $pi) (i32.const 4)))`)}
    (i32.store (local.get $c) (i32.add (local.get $t) (i32.const ${kb})))
    (local.set $p (i32.add (local.get $p) (i32.const ${kb})))
    (br_if $scatter (i32.lt_u (local.get $p) (local.get $end))))
  ;; now each counter is its bucket's end; sort every bucket from b, its result where ours goes
  (local.set $s (local.get $b))
  (local.set $x (local.get $cnt))
  (loop $bucket
    (local.set $e (i32.load (local.get $x)))
    (local.set $m (i32.shr_u (i32.sub (local.get $e) (local.get $s)) (i32.const ${ks})))
    (local.set $off (i32.sub (local.get $s) (local.get $b)))
    (if (i32.gt_u (local.get $m) (i32.const ${TUNE.small}))
      (then (call $sort_${v.name} (local.get $s) (i32.add (local.get $a) (local.get $off))${ix(v, ` (i32.add (local.get $ib) ${ioff('(local.get $off)')}) (i32.add (local.get $ia) ${ioff('(local.get $off)')})`)}
        (local.get $m) (i32.eqz (local.get $inA)) (local.get $shift) (local.get $cend)))
      (else (if (local.get $inA)
        (then (if (local.get $m) (then ${ins('(local.get $s)', '(i32.add (local.get $a) (local.get $off))', `(i32.add (local.get $ib) ${ioff('(local.get $off)')})`, `(i32.add (local.get $ia) ${ioff('(local.get $off)')})`, '(local.get $m)')})))
        (else (if (i32.gt_u (local.get $m) (i32.const 1)) (then ${ins('(local.get $s)', '(local.get $s)', `(i32.add (local.get $ib) ${ioff('(local.get $off)')})`, `(i32.add (local.get $ib) ${ioff('(local.get $off)')})`, '(local.get $m)')}))))))
    (local.set $s (local.get $e))
    (local.set $x (i32.add (local.get $x) (i32.const 4)))
    (br_if $bucket (i32.lt_u (local.get $x) (local.get $cend))))
)`
}

/** The export: [lo, hi) of the buffers at a, b (ia, ib) to the recursive sort. */
function exportFunc(v: Variant): string {
  const at = (p: string, shift: number): string => `(i32.add (local.get ${p}) (i32.shl (local.get $lo) (i32.const ${shift})))`
  return `(func (export "${v.name}") (param $a i32) (param $b i32)${ix(v, ' (param $ia i32) (param $ib i32)')} (param $lo i32) (param $hi i32) (param $inA i32) (param $top i32) (param $cnt i32)
  (if (i32.gt_s (local.get $hi) (local.get $lo)) (then
    (call $sort_${v.name} ${at('$a', v.ks)} ${at('$b', v.ks)}${ix(v, ` ${at('$ia', 2)} ${at('$ib', 2)}`)}
      (i32.sub (local.get $hi) (local.get $lo)) (local.get $inA) (local.get $top) (local.get $cnt))))
)`
}

/** The module's WAT text. */
export const TUNE = { small: SORT_SMALL, want: 29, maxDigit: SORT_MAX_DIGIT, far: SORT_MAX_DIGIT_FAR }
export function sortModuleWat(): string {
  const parts: string[] = []
  for (const v of VARIANTS) parts.push(insertionFunc(v), sortFunc(v), exportFunc(v))
  return [
    ';; GENERATED by packages/core/src/kernels/sort/wasm-sort-wat.ts (sortModuleWat) — do not edit; see wasm-sort-build.ts.',
    '(module',
    '  ;; the thread\'s own memory: counters at cnt, key and permutation buffers elsewhere (wasm-sort.ts)',
    '  (import "env" "memory" (memory 1))',
    ...parts.map((p) => p.split('\n').map((l) => `  ${l}`).join('\n')),
    ')',
    '',
  ].join('\n')
}
