/**
 * numpy-ts peer (single thread, WASM kernels). Its arrays live in one WebAssembly.Memory: inputs are copied
 * in once, outside the timing, and every result is disposed right away so the heap never fills (a full heap
 * silently falls back to slow JS arrays). numpy-ts has no out= and no in-place ufuncs: its add/scale/sqrt/exp
 * allocate a result per call (noted in the results).
 */
import type { OpName } from '../schema.js'

type Np = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
type Arr = { dispose?: () => void; data: Float64Array; [k: string]: any } // eslint-disable-line @typescript-eslint/no-explicit-any

/** numpy-ts 1.7 mis-handles WASM heaps of 2 GiB or more (negative offsets); stay just below. */
export const NUMPY_TS_MAX_MEMORY = 2 ** 31 - 2 ** 24

export class NumpyTsPeer {
  readonly np: Np
  #live: Arr[] = []
  private constructor(np: Np) { this.np = np }

  static async load(maxMemory = NUMPY_TS_MAX_MEMORY): Promise<NumpyTsPeer | string> {
    let np: Np
    try {
      np = (await import('numpy-ts')) as Np
    } catch (e) {
      return `numpy-ts could not be loaded (${(e as Error).message.split('\n')[0]}): peer skipped`
    }
    try {
      np.configureWasm?.({ maxMemory })
      if (np.wasmMemoryConfig) np.wasmMemoryConfig.warnOnHeapExhaustion = false
    } catch { /* already initialised: keep its defaults */ }
    return new NumpyTsPeer(np)
  }

  /** A WASM-backed float64 copy of `src` with `shape` (C order). */
  array(src: ArrayLike<number>, shape: number[]): Arr {
    const a = this.np.zeros(shape, 'float64') as Arr
    a.data.set(src as ArrayLike<number>)
    this.#live.push(a)
    return a
  }

  /** Heap allocations that fell back to JS because the WASM heap was full (0 when healthy). */
  get heapExhausted(): number { return Number(this.np.wasmMemoryConfig?.heapExhaustedCount ?? 0) }

  static unsupported(op: OpName, layout: 'C' | 'F'): string | null {
    if (layout === 'F') return 'numpy-ts 1.7 asfortranarray returns a C-contiguous array: F-order inputs are not available'
    return null
  }

  static note(op: OpName): string | null {
    if (op === 'add' || op === 'sqrt' || op === 'exp') return 'allocates its result (numpy-ts has no out=)'
    if (op === 'scale') return 'multiply(a, 2) allocates a new array (numpy-ts has no in-place/out=)'
    if (op === 'transpose_copy') return 'copy(transpose(m)) allocates (no copyto into a preallocated out)'
    return null
  }

  /** The timed call for `op` over inputs a, b (1-D) or a (2-D); returns null when numpy-ts lacks the op. */
  fn(op: OpName, a: Arr, b: Arr | null): (() => unknown) | null {
    const np = this.np
    const drop = (r: unknown): unknown => { (r as Arr | undefined)?.dispose?.(); return r }
    switch (op) {
      case 'sum': return typeof np.sum === 'function' ? () => np.sum(a) : null
      case 'sum_axis0': return typeof np.sum === 'function' ? () => drop(np.sum(a, 0)) : null
      case 'sum_axis1': return typeof np.sum === 'function' ? () => drop(np.sum(a, 1)) : null
      case 'add': return typeof np.add === 'function' && b ? () => drop(np.add(a, b)) : null
      case 'scale': return typeof np.multiply === 'function' ? () => drop(np.multiply(a, 2)) : null
      case 'sqrt': return typeof np.sqrt === 'function' ? () => drop(np.sqrt(a)) : null
      case 'exp': return typeof np.exp === 'function' ? () => drop(np.exp(a)) : null
      case 'transpose_copy': {
        if (typeof np.copy !== 'function' || typeof np.transpose !== 'function') return null
        const t = np.transpose(a) as Arr
        this.#live.push(t)
        return () => drop(np.copy(t))
      }
      case 'sort': return typeof np.sort === 'function' ? () => drop(np.sort(a)) : null
    }
  }

  /** Whether np.sort(a) of numpy-ts has exactly the elements of `want` (checked once, before the timing). */
  sortMatches(a: Arr, want: Float64Array): boolean {
    const r = this.np.sort(a) as Arr
    try {
      const got = r.data
      if (!(got instanceof Float64Array) || got.length !== want.length) return false
      for (let i = 0; i < want.length; i++) if (!Object.is(got[i], want[i])) return false
      return true
    } finally {
      r.dispose?.()
    }
  }

  /** Free every array this peer created. */
  release(): void {
    for (const a of this.#live.splice(0)) a.dispose?.()
  }
}
