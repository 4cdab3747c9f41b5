// Peak resident memory of another process, from /proc/<pid>/status. The kernel's own high-water mark
// (VmHWM) is reset before each scenario (writing 5 to /proc/<pid>/clear_refs, Linux >= 4.0) so the
// figure belongs to that scenario; VmRSS is also sampled in case the reset is not permitted.
import { readFileSync, writeFileSync } from 'node:fs'

const SAMPLE_EVERY_MS = 100

function statusKiB(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) : undefined
  } catch {
    return undefined
  }
}

export interface RssWatch {
  /** Stops sampling; the peak in MiB, or null where /proc is unavailable. */
  stop(): number | null
}

export function watchRss(pid: number): RssWatch {
  let reset = false
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5')
    reset = true
  } catch {
    // Not Linux, or not permitted: the samples below still give a (slightly lower) peak.
  }
  let peak = statusKiB(pid, 'VmRSS') ?? 0
  const timer = setInterval(() => {
    peak = Math.max(peak, statusKiB(pid, 'VmRSS') ?? 0)
  }, SAMPLE_EVERY_MS)
  return {
    stop() {
      clearInterval(timer)
      peak = Math.max(peak, statusKiB(pid, 'VmRSS') ?? 0, reset ? (statusKiB(pid, 'VmHWM') ?? 0) : 0)
      return peak === 0 ? null : Math.round((peak / 1024) * 10) / 10
    },
  }
}
