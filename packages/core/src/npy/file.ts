/**
 * .npy files on disk (node:fs): `save`/`load` are synchronous, `saveAsync`/`loadAsync` use fs/promises.
 * As with `np.save`, a path that does not end in '.npy' gets '.npy' appended; the path written is returned.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { ValueError } from '../errors.js'
import type { NDArray } from '../ndarray.js'
import { fromNpy, READ_KEYS, type ReadOptions } from './read.js'
import { toNpy, WRITE_KEYS, type WriteOptions } from './write.js'
import { checkOptions } from '../check-options.js'

/** A file path, or a `file:` URL. */
export type NpyPath = string | URL

function toPath(path: NpyPath, what: string): string {
  if (path instanceof URL) return fileURLToPath(path)
  if (typeof path !== 'string' || path.length === 0) throw new ValueError(`${what}: path must be a non-empty string or file: URL, got ${JSON.stringify(path)}`)
  return path
}

/** The file name np.save would write to: '.npy' appended unless already there. */
export function npyFileName(path: NpyPath): string {
  const p = toPath(path, 'save')
  return p.endsWith('.npy') ? p : `${p}.npy`
}

/** Write `a` to `path` (+ '.npy' if missing) exactly as np.save would; returns the path written. */
export function save(path: NpyPath, a: NDArray, opts: WriteOptions = {}): string {
  checkOptions('save', opts, WRITE_KEYS)
  const p = npyFileName(path)
  writeFileSync(p, toNpy(a, opts))
  return p
}

/** Read a .npy file (np.load of a single array). */
export function load(path: NpyPath, opts: ReadOptions = {}): NDArray {
  checkOptions('load', opts, READ_KEYS)
  return fromNpy(readFileSync(toPath(path, 'load')), opts)
}

/** save() with fs/promises. */
export async function saveAsync(path: NpyPath, a: NDArray, opts: WriteOptions = {}): Promise<string> {
  checkOptions('saveAsync', opts, WRITE_KEYS)
  const p = npyFileName(path)
  const bytes = toNpy(a, opts)
  await writeFile(p, bytes)
  return p
}

/** load() with fs/promises. */
export async function loadAsync(path: NpyPath, opts: ReadOptions = {}): Promise<NDArray> {
  checkOptions('loadAsync', opts, READ_KEYS)
  return fromNpy(await readFile(toPath(path, 'load')), opts)
}
