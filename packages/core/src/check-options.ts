/**
 * The one rule for options objects: a key a function does not know is an error, never silently ignored, so a
 * misspelt option (`{ axes: 0 }`, `{ outt }`) fails loudly from plain JavaScript as it does under TypeScript.
 */
import { ValueError } from './errors.js'

/**
 * Throw ValueError when `opts` is not a plain options object or has a key outside `known`. Keys whose value is
 * undefined count as absent (callers spread partial options).
 *
 * @param fn - the function's name, for the message
 * @param opts - the options argument (undefined and null pass)
 * @param known - the option names the function takes
 * @throws ValueError naming the function, the unknown key and the known ones
 */
export function checkOptions(fn: string, opts: unknown, known: readonly string[]): void {
  if (opts === undefined || opts === null) return
  if (typeof opts !== 'object' || Array.isArray(opts)) {
    throw new ValueError(`${fn}: options must be an object, got ${Array.isArray(opts) ? 'an array' : typeof opts} ${String(opts)}`)
  }
  for (const key of Object.keys(opts)) {
    if ((opts as Record<string, unknown>)[key] === undefined || known.includes(key)) continue
    throw new ValueError(`${fn}: unknown option ${JSON.stringify(key)}; it takes ${known.length === 0 ? 'no options' : known.map((k) => JSON.stringify(k)).join(', ')}`)
  }
}
