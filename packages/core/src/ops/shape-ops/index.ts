/**
 * NumPy's joining, splitting and tiling functions: concatenate / stack and friends (new arrays), split and friends
 * (views), tile, repeat, pad, roll, diff (new arrays), the flips and rot90 (views), meshgrid, and atleast1d/2d/3d
 * (views). Names are NumPy 2.4's in camelCase, with NumPy's positional arguments and keyword arguments as a final
 * options object.
 */
export { type ArrayInput } from './common.js'
export {
  concatenate, stack, hstack, vstack, dstack, columnStack,
  type ConcatenateOptions, type StackOptions, type HVStackOptions,
} from './join.js'
export { split, arraySplit, hsplit, vsplit, dsplit, type IndicesOrSections, type SplitOptions } from './split.js'
export { tile, repeat, type Repeats, type RepeatOptions } from './tile.js'
export { pad, type PadMode, type PadWidth, type PadOptions, type NestedNumbers } from './pad.js'
export { roll, type RollOptions, type Shift } from './roll.js'
export { diff, type DiffOptions } from './diff.js'
export { fliplr, flipud, rot90, type Rot90Options } from './rotate.js'
export { meshgrid, type MeshgridOptions } from './meshgrid.js'
export { atleast1d, atleast2d, atleast3d } from './atleast.js'
