/**
 * The WebAssembly JS API subset strided uses, as module-local types. Node has WebAssembly as a global, but
 * TypeScript declares it only in the DOM libs; a global declaration here would not reach (or would clash with)
 * a user's own compilation of the shipped .d.ts files, so the types are ours and the global is read through them.
 */
export interface WasmMemoryDescriptor { initial: number; maximum?: number; shared?: boolean }
/** A WebAssembly.Memory. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer | SharedArrayBuffer
  grow(delta: number): number
}
/** A compiled WebAssembly.Module (opaque). */
export interface WasmModule { readonly __wasmModule?: never }
type Callable = (...args: never[]) => unknown
/** A WebAssembly.Instance's exports. */
export type WasmExports = Record<string, Callable | WasmMemory>
type WasmImports = Record<string, Record<string, WasmMemory | Callable | number>>
type Bytes = ArrayBufferView | ArrayBuffer

interface WasmApi {
  Memory: new (descriptor: WasmMemoryDescriptor) => WasmMemory
  Module: new (bytes: Bytes) => WasmModule
  Instance: new (module: WasmModule, imports?: WasmImports) => { readonly exports: WasmExports }
  validate(bytes: Bytes): boolean
}

/** The engine's WebAssembly global, or undefined where there is none (the JS loops then run everything). */
export const wasmApi: WasmApi | undefined = (globalThis as { WebAssembly?: WasmApi }).WebAssembly

/** The WebAssembly global; throws where the engine has none (only called on paths that need it). */
export function requireWasm(): WasmApi {
  if (wasmApi === undefined) throw new Error('this JavaScript engine has no WebAssembly')
  return wasmApi
}
