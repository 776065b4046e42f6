/**
 * The WebAssembly JS API subset the tests call directly. Node has it as a global, but TypeScript declares it only
 * in the DOM libs; the library itself reads it through packages/core/src/kernels/wasm/wasm-api.ts.
 */
declare namespace WebAssembly {
  interface MemoryDescriptor { initial: number; maximum?: number; shared?: boolean }
  class Memory {
    constructor(descriptor: MemoryDescriptor)
    readonly buffer: ArrayBuffer | SharedArrayBuffer
    grow(delta: number): number
  }
  class Module {
    constructor(bytes: BufferSource)
    static exports(module: Module): { name: string; kind: string }[]
    static imports(module: Module): { module: string; name: string; kind: string }[]
  }
  type ExportValue = ((...args: never[]) => unknown) | Memory
  type Exports = Record<string, ExportValue>
  type Imports = Record<string, Record<string, Memory | ((...args: never[]) => unknown) | number>>
  class Instance {
    constructor(module: Module, imports?: Imports)
    readonly exports: Exports
  }
  function validate(bytes: BufferSource): boolean
  function compile(bytes: BufferSource): Promise<Module>
  class CompileError extends Error {}
  class LinkError extends Error {}
  class RuntimeError extends Error {}
}
type BufferSource = ArrayBufferView | ArrayBuffer
