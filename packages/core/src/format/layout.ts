/**
 * NumPy's array2string layout: summarisation (threshold / edgeitems), recursive bracket nesting,
 * separators and line wrapping (_leading_trailing + _formatArray with legacy=False).
 * Only the shown elements are read: printing a summarised 1e7-element array touches at most
 * (2·edgeitems)^ndim elements.
 */
import type { NDArray } from '../ndarray.js'
import { formatElements, type Stored } from './element-formatter.js'
import type { PrintOptions } from './options.js'

/** How one axis is shown. */
interface AxisPlan {
  /** Indices whose elements feed the formatter (NumPy's _leading_trailing), in order. */
  readonly gather: number[]
  /** Indices rendered before the '...' marker (all of them when not summarised). */
  readonly lead: number[]
  /** Indices rendered after the marker (empty when not summarised). */
  readonly trail: number[]
  readonly summary: boolean
  /** Position of index i within `gather`. */
  readonly pos: (i: number) => number
}

const range = (a: number, b: number): number[] => Array.from({ length: Math.max(0, b - a) }, (_, k) => a + k)

function planAxis(n: number, summarise: boolean, edge: number): AxisPlan {
  if (!summarise || n <= 2 * edge) {
    const all = range(0, n)
    return { gather: all, lead: all, trail: [], summary: false, pos: (i) => i }
  }
  if (edge === 0) {
    // NumPy quirk: a[:0] and a[-0:] gather the whole axis; rows then show '...' and the last item
    return { gather: range(0, n), lead: [], trail: [n - 1], summary: true, pos: (i) => i }
  }
  return {
    gather: [...range(0, edge), ...range(n - edge, n)],
    lead: range(0, edge),
    trail: range(n - edge, n),
    summary: true,
    pos: (i) => (i < edge ? i : i - n + 2 * edge),
  }
}

export interface BodyOptions {
  /** Element separator: ' ' for str, ', ' for repr. */
  readonly separator: string
  /** Length of the text before the opening bracket ('array(' for repr, '' for str). */
  readonly prefixLength: number
  /** Line width available to the body (linewidth minus the length of the suffix). */
  readonly width: number
}

/**
 * The bracketed body of an array (NumPy's array2string result) and whether it was summarised
 * (size > threshold). An empty array gives '[]'; a 0-d array gives its formatted element.
 */
export function arrayBody(a: NDArray, body: BodyOptions, opts: PrintOptions): { text: string; summarised: boolean } {
  const shape = a.shape
  const nd = shape.length
  const size = a.size
  if (size === 0) return { text: '[]', summarised: false }
  const summarised = size > opts.threshold
  const plans = shape.map((n) => planAxis(n, summarised, opts.edgeitems))

  // gather the formatter's elements in C order of the gathered grid
  const gridStrides = new Array<number>(nd)
  let gsize = 1
  for (let k = nd - 1; k >= 0; k--) {
    gridStrides[k] = gsize
    gsize *= plans[k]!.gather.length
  }
  const values = new Array<Stored>(gsize)
  const data = a.data as ArrayLike<Stored>
  const strides = a.strides
  let w = 0
  const gatherRec = (axis: number, off: number): void => {
    if (axis === nd) { values[w++] = data[off]!; return }
    const s = strides[axis]!
    for (const i of plans[axis]!.gather) gatherRec(axis + 1, off + i * s)
  }
  gatherRec(0, a.offset)
  const words = formatElements(a.dtype, values, nd === 0, opts)
  if (nd === 0) return { text: words[0]!, summarised }

  const sep = body.separator
  const sepTrim = sep.trimEnd()
  const render = (axis: number, gbase: number, hang: string, width: number): string => {
    const plan = plans[axis]!
    const axesLeft = nd - axis
    const gs = gridStrides[axis]!
    const items: (number | null)[] = plan.summary ? [...plan.lead, null, ...plan.trail] : plan.lead
    const last = items.length - 1
    let s = ''
    if (axesLeft === 1) {
      const elemWidth = width - Math.max(sepTrim.length, 1)
      let line = hang
      for (let k = 0; k <= last; k++) {
        const i = items[k]!
        const word = i === null ? '...' : words[gbase + plan.pos(i) * gs]!
        if (line.length + word.length > elemWidth && line.length > hang.length) {
          s += line.trimEnd() + '\n'
          line = hang
        }
        line += word
        if (k !== last) line += sep
      }
      s += line
    } else {
      const nextHang = hang + ' '
      const nextWidth = width - 1
      const lineSep = sepTrim + '\n'.repeat(axesLeft - 1)
      for (let k = 0; k <= last; k++) {
        const i = items[k]!
        if (i === null) s += hang + '...' + lineSep
        else s += hang + render(axis + 1, gbase + plan.pos(i) * gs, nextHang, nextWidth) + (k !== last ? lineSep : '')
      }
    }
    return '[' + s.slice(hang.length) + ']'
  }
  return { text: render(0, 0, ' '.repeat(1 + body.prefixLength), body.width), summarised }
}
