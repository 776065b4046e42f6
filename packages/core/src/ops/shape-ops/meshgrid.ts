/**
 * np.meshgrid: coordinate arrays from coordinate vectors. Each input is flattened (a view when it can be) and given
 * the length-1 axes of the grid; the dense grid broadcasts them (stride-0 views), and `copy` (the default) turns
 * every output into a fresh C-ordered array.
 *
 * One difference from NumPy: with `copy: false` and `sparse: false`, the stretched outputs are read-only views
 * (broadcastArrays' rule), where NumPy returns writeable views that warn on write.
 */
import { ValueError } from '../../errors.js'
import { NDArray } from '../../ndarray.js'
import { broadcastArrays } from '../../views.js'
import { asArray, type ArrayInput } from './common.js'
import { checkOptions } from '../../check-options.js'

/** Options of {@link meshgrid}, given as the last argument. */
export interface MeshgridOptions {
  /** 'xy' (default, Cartesian: the first two output axes swapped) or 'ij' (matrix indexing). */
  indexing?: 'xy' | 'ij'
  /** Return the coordinate vectors with length-1 axes instead of the full grids (default false). */
  sparse?: boolean
  /** Copy the outputs (default true); false returns views of the inputs. */
  copy?: boolean
}

function isOptions(x: unknown): x is MeshgridOptions {
  if (typeof x !== 'object' || x === null || x instanceof NDArray || Array.isArray(x) || ArrayBuffer.isView(x)) return false
  return true
}

/**
 * Coordinate matrices from coordinate vectors (np.meshgrid).
 * @param args the coordinate arrays x1, x2, ..., xn (each flattened), optionally followed by the options
 *   `{ indexing: 'xy' | 'ij', sparse, copy }`.
 * @returns n arrays: with 'xy' of shape (N2, N1, N3, ..., Nn), with 'ij' (N1, N2, ..., Nn); sparse outputs have
 *   length 1 on every other axis. No inputs give no outputs.
 * @throws {@link ValueError} for an `indexing` other than 'xy' or 'ij'.
 */
export function meshgrid(...args: [...xi: ArrayInput[], opts: MeshgridOptions] | ArrayInput[]): NDArray[] {
  const last = args[args.length - 1]
  const opts: MeshgridOptions = args.length > 0 && isOptions(last) ? last : {}
  const xi = (opts === last ? args.slice(0, -1) : args) as ArrayInput[]
  checkOptions('meshgrid', opts, ['indexing', 'sparse', 'copy'])
  const indexing = opts.indexing ?? 'xy'
  if (indexing !== 'xy' && indexing !== 'ij') throw new ValueError(`meshgrid: Valid values for \`indexing\` are 'xy' and 'ij', got ${JSON.stringify(indexing)}`)
  const nd = xi.length
  let output = xi.map((x, i) => {
    const shape = Array<number>(nd).fill(1)
    shape[i] = -1
    return asArray(x, 'meshgrid', `x${i + 1}`).reshape(shape)
  })
  if (indexing === 'xy' && nd > 1) {
    // Cartesian indexing: the first two vectors trade axes (NumPy assigns .shape, a reshape that never copies)
    const rest = Array<number>(nd - 2).fill(1)
    output[0] = output[0]!.reshape([1, -1, ...rest])
    output[1] = output[1]!.reshape([-1, 1, ...rest])
  }
  if (opts.sparse !== true) output = broadcastArrays(...output)
  if (opts.copy !== false) output = output.map((x) => x.copy())
  return output
}
