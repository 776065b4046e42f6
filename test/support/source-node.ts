/**
 * Node flags for a child process that runs the workspace's TypeScript sources, as the tests do: tsx compiles
 * them, and the "strided-source" export condition resolves @strided/* to src/ instead of the built dist/.
 */
export const SOURCE_NODE_FLAGS: readonly string[] = ['--conditions=strided-source', '--import', 'tsx']
