import { defineConfig } from 'vitest/config'

// The workspace's tests run the TypeScript sources: the packages' "strided-source" export condition points at
// src/ (the published packages resolve to dist/ and never see it). The rest are Vite's defaults for Node.
const conditions = ['strided-source', 'module', 'node', 'development|production']

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['strided-source'] } },
  test: {
    include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
})
