/**
 * .npy I/O (spec §9): `toNpy`/`fromNpy` in memory, `save`/`load` (sync) and `saveAsync`/`loadAsync` on disk.
 */
export { NpyFormatError } from './errors.js'
export { toNpy, npyHeaderBytes, type WriteOptions } from './write.js'
export { fromNpy, readNpyHeader, type NpyHeader, type NpyInput, type ReadOptions } from './read.js'
export { save, load, saveAsync, loadAsync, npyFileName, type NpyPath } from './file.js'
export { MAX_HEADER_SIZE as NPY_MAX_HEADER_SIZE, type NpyVersion } from './header.js'
