/**
 * @strided/bench: scaling benchmarks of strided against NumPy, numpy-ts, a structured-clone worker and the
 * machine's memory-bandwidth ceiling. The CLI is src/cli.ts (`pnpm bench`); these exports serve the tests
 * and anyone who wants to read or check results.json.
 */
export { parseArgs, parseThreads, defaultThreads, USAGE, UsageError, SUITES, type CliOptions, type Mode, type Suite } from './args.js'
export { modeConfig, halfDecades, type ModeConfig } from './config.js'
export { measureSync, measureAsync, type Policy, type Measured } from './measure.js'
export * from './stats.js'
export * from './schema.js'
export { runBench, writeOutputs, type RunIo, type Written } from './run.js'
export { buildReport, inlineSvg, escapeHtml } from './report/html.js'
export { chartSpecs, headlineCases, sortRows, renderSvg, type Chart } from './report/charts.js'
export { sections, renderText, renderMarkdown, fmtMs, fmtCount, type Section } from './table.js'
export { runStream, ceilingOf, STREAM_BYTES_PER_ELEMENT } from './stream/index.js'
export { sharesSpecs } from './suites/shares.js'
export { crossovers, breakEvenVariants } from './suites/breakeven.js'
export { derive, OP_SPECS, caseId, roundPolicy, opsFor, SORT_MAX_N } from './suites/ops.js'
