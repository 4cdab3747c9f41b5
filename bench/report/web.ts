// The web block's figures as rows (terminal and Markdown) and its two targets (issue 13): the board
// interactive under 1.5 s with 2,000 entries, no frame over 100 ms while scrolling 100,000 rows.
import type { WebResult } from '../web/web-bench.js'

export const BOARD_TARGET_MS = 1_500
export const FRAME_TARGET_MS = 100

export const WEB_HEADER = [
  'db',
  'board entries',
  'board interactive ms (median)',
  'each load ms',
  'longest task ms',
  'table entries',
  'frames',
  'longest frame ms',
  'p95 frame ms',
  'frames > 50 ms',
  'frames > 100 ms',
  'jump filled ms',
  'load average',
]

export function webRows(web: readonly WebResult[]): string[][] {
  return web.map((w) => [
    w.database,
    w.board.entries.toLocaleString('en-US'),
    String(w.board.medianMs),
    w.board.interactiveMs.join(', '),
    String(w.board.longestTaskMs),
    w.table.entries.toLocaleString('en-US'),
    String(w.table.frames),
    String(w.table.maxFrameMs),
    String(w.table.p95FrameMs),
    String(w.table.framesOver50),
    String(w.table.framesOver100),
    String(w.table.jumpFillMs),
    String(w.loadAverage ?? '-'),
  ])
}

export function webTargets(
  web: readonly WebResult[],
): Array<{ database: string; target: string; reached: string; met: boolean }> {
  return web.flatMap((w) => [
    {
      database: w.database,
      target: `board with ${w.board.entries.toLocaleString('en-US')} entries interactive under ${BOARD_TARGET_MS} ms`,
      reached: `${w.board.medianMs} ms`,
      met: w.board.medianMs < BOARD_TARGET_MS,
    },
    {
      database: w.database,
      target: `no frame over ${FRAME_TARGET_MS} ms scrolling ${w.table.entries.toLocaleString('en-US')} rows`,
      reached: `longest ${w.table.maxFrameMs} ms`,
      met: w.table.framesOver100 === 0,
    },
  ])
}
