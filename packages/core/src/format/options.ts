/**
 * Print options, as np.set_printoptions / np.get_printoptions (the subset strided supports).
 * Defaults are NumPy's: precision 8, threshold 1000, edgeitems 3, linewidth 75, suppress false,
 * nanstr 'nan', infstr 'inf' (floatmode is always 'maxprec' and sign always '-').
 */
import { ValueError } from '../errors.js'
import { checkOptions } from '../check-options.js'

/**
 * How {@link repr} and {@link str} print arrays (NumPy's `set_printoptions`); the defaults are NumPy's: precision 8,
 * threshold 1000, edgeitems 3, linewidth 75, suppress false, nanstr 'nan', infstr 'inf'.
 */
export interface PrintOptions {
  /** Maximum number of fraction digits of floats (mantissa fraction digits in exponent mode). */
  precision: number
  /** Arrays with more than this many elements are summarised. */
  threshold: number
  /** Number of items shown at each end of a summarised axis. */
  edgeitems: number
  /** Characters per line before wrapping. */
  linewidth: number
  /** Never switch to exponent mode for small values (tiny values print as 0.). */
  suppress: boolean
  /** Text for NaN. */
  nanstr: string
  /** Text for infinity (with a '-' for -inf). */
  infstr: string
}

export const DEFAULT_PRINT_OPTIONS: Readonly<PrintOptions> = Object.freeze({
  precision: 8,
  threshold: 1000,
  edgeitems: 3,
  linewidth: 75,
  suppress: false,
  nanstr: 'nan',
  infstr: 'inf',
})

const PRINT_KEYS = Object.keys(DEFAULT_PRINT_OPTIONS)

let current: PrintOptions = { ...DEFAULT_PRINT_OPTIONS }

/** A copy of the current print options. */
export function getPrintOptions(): PrintOptions {
  return { ...current }
}

function checkInt(name: string, v: unknown, min: number): void {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) {
    throw new ValueError(`print option ${name} must be an integer >= ${min}, got ${String(v)}`)
  }
}

/**
 * Change some print options (the others keep their values); returns the previous options, so
 * `const old = setPrintOptions({ precision: 3 }); ...; setPrintOptions(old)` restores them.
 */
export function setPrintOptions(opts: Partial<PrintOptions>): PrintOptions {
  // NumPy's set_printoptions raises TypeError for an unknown keyword
  checkOptions('setPrintOptions', opts, PRINT_KEYS)
  const next: PrintOptions = { ...current }
  for (const [k, v] of Object.entries(opts)) {
    if (v === undefined) continue
    switch (k) {
      case 'precision': checkInt(k, v, 0); next.precision = v as number; break
      case 'edgeitems': checkInt(k, v, 0); next.edgeitems = v as number; break
      case 'linewidth': checkInt(k, v, 1); next.linewidth = v as number; break
      case 'threshold':
        if (typeof v !== 'number' || Number.isNaN(v) || v < 0) throw new ValueError(`print option threshold must be a non-negative number (Infinity allowed), got ${String(v)}`)
        next.threshold = v
        break
      case 'suppress':
        if (typeof v !== 'boolean') throw new ValueError(`print option suppress must be a boolean, got ${String(v)}`)
        next.suppress = v
        break
      case 'nanstr':
      case 'infstr':
        if (typeof v !== 'string') throw new ValueError(`print option ${k} must be a string, got ${String(v)}`)
        next[k] = v
        break
      default:
        throw new ValueError(`unknown print option ${JSON.stringify(k)}; expected one of ${Object.keys(DEFAULT_PRINT_OPTIONS).join(', ')}`)
    }
  }
  const prev = current
  current = next
  return { ...prev }
}

/** Restore NumPy's default print options. */
export function resetPrintOptions(): void {
  current = { ...DEFAULT_PRINT_OPTIONS }
}

/** Run fn with some print options changed, restoring the previous ones afterwards (np.printoptions). */
export function withPrintOptions<T>(opts: Partial<PrintOptions>, fn: () => T): T {
  checkOptions('withPrintOptions', opts, PRINT_KEYS)
  const prev = setPrintOptions(opts)
  try {
    return fn()
  } finally {
    current = prev
  }
}
