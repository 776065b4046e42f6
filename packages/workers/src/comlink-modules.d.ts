// comlink ships ESM builds without an exports map; point their deep paths at its published typings.
declare module 'comlink/dist/esm/comlink.mjs' {
  export * from 'comlink'
}
declare module 'comlink/dist/esm/node-adapter.mjs' {
  import nodeEndpoint from 'comlink/dist/umd/node-adapter'
  export default nodeEndpoint
}
// comlink's typings name the DOM's Transferable; in Node it is what postMessage can transfer.
type Transferable = ArrayBuffer | import('node:worker_threads').MessagePort
