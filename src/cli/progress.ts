import cliProgress from 'cli-progress'
import { localDateOf } from '../shared/time.js'

/** A progress bar on an interactive terminal; silent otherwise (CI logs, pipes). */
export function progressBar(unit: string): { update(done: number, total: number): void; stop(): void } {
  if (!process.stderr.isTTY) return { update() {}, stop() {} }
  const bar = new cliProgress.SingleBar(
    { format: `{bar} {percentage}% | {value}/{total} ${unit} | {eta}s left`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  )
  let started = false
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, done)
        started = true
      } else {
        bar.setTotal(total)
        bar.update(done)
      }
    },
    stop() {
      if (started) bar.stop()
      started = false
    },
  }
}

/**
 * Run `work` with a progress bar counting `unit`, stopped however the work ends. `work` reports
 * through `onProgress(done, total)`; without a total the bar grows with the count.
 */
export async function withProgress<T>(
  unit: string,
  work: (onProgress: (done: number, total?: number) => void) => Promise<T>,
): Promise<T> {
  const bar = progressBar(unit)
  try {
    return await work((done, total) => bar.update(done, total ?? Math.max(done, 1)))
  } finally {
    bar.stop()
  }
}

/** What a batch run on a day gets: the local date, the instant it started, and the progress callback. */
export interface ProgressDay {
  on: string
  at: Date
  onProgress: (done: number, total?: number) => void
}

/**
 * Run a batch for the local date `date` (today, by the clock now, when not given) with a progress bar
 * counting `unit`: `run` gets the date, the instant and the progress callback.
 */
export function withProgressOn<T>(
  date: string | undefined,
  unit: string,
  run: (when: ProgressDay) => Promise<T>,
): Promise<T> {
  const at = new Date()
  return withProgress(unit, (onProgress) => run({ on: date ?? localDateOf(at), at, onProgress }))
}
