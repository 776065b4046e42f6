/**
 * Progress: a cli-progress bar on stdout when it is a TTY, otherwise one short line per phase on stderr
 * (so logs of CI runs and the test suite stay readable and the table on stdout stays clean).
 */
import cliProgress from 'cli-progress'

export interface Progress {
  /** Start a phase (a suite); `steps` adds to the planned total. */
  phase(name: string): void
  tick(detail?: string, n?: number): void
  addTotal(n: number): void
  /** A line that must not garble the bar. */
  log(msg: string): void
  stop(): void
}

export function createProgress(opts: { enabled: boolean; total: number; quiet?: boolean }): Progress {
  if (!opts.enabled) {
    let phase = ''
    return {
      phase(name) { phase = name; if (!opts.quiet) process.stderr.write(`[bench] ${name}\n`) },
      tick() {},
      addTotal() {},
      log(msg) { if (!opts.quiet) process.stderr.write(`[bench] ${phase ? phase + ': ' : ''}${msg}\n`) },
      stop() {},
    }
  }
  const bar = new cliProgress.SingleBar({
    format: ' {bar} {percentage}% | {value}/{total} | {duration_formatted} | {phase} {detail}',
    stream: process.stdout,
    hideCursor: true,
    clearOnComplete: true,
    barsize: 30,
    etaBuffer: 20,
  }, cliProgress.Presets.shades_classic)
  let total = Math.max(1, opts.total)
  let value = 0
  let phase = ''
  bar.start(total, 0, { phase: '', detail: '' })
  return {
    phase(name) { phase = name; bar.update(value, { phase: name, detail: '' }) },
    tick(detail = '', n = 1) {
      value += n
      if (value > total) { total = value; bar.setTotal(total) }
      bar.update(value, { phase, detail: detail.length > 40 ? detail.slice(0, 39) + '…' : detail })
    },
    addTotal(n) { total += n; bar.setTotal(total) },
    log(msg) {
      // cli-progress redraws on the next update: clear the line, print, redraw
      process.stdout.write('\r\x1b[2K' + msg + '\n')
      bar.update(value, { phase })
    },
    stop() { bar.update(total); bar.stop() },
  }
}
