import { Presets, SingleBar } from 'cli-progress'

/** A terminal progress bar per step of a long job (seeding, reindexing, evaluation runs). */
export function progressPrinter() {
  const bar = new SingleBar(
    { format: ' {step} [{bar}] {percentage}% | {value}/{total} | {rate}/s | ETA {eta_formatted}', hideCursor: true, noTTYOutput: true, notTTYSchedule: 5000 },
    Presets.shades_classic,
  )
  let current = ''
  let started = Date.now()
  return {
    update(step: string, done: number, total: number) {
      if (step !== current) {
        if (current) bar.stop()
        current = step
        started = Date.now()
        bar.start(total, 0, { step: step.padEnd(13), rate: 0 })
      }
      bar.update(done, { rate: Math.round(done / Math.max(0.001, (Date.now() - started) / 1000)) })
    },
    stop() {
      if (current) bar.stop()
      current = ''
    },
  }
}
