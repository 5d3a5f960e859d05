// wait-for-build's job summary: the image, the commit, the build run and how it ended.
import * as core from '@actions/core'
import { code, escapeHtml } from '../action/html.js'
import { writeSummary } from '../action/report.js'
import { formatDuration } from '../timing/duration.js'
import { runDurationMs, runLabel } from './runs.js'
import type { WaitOutcome } from './wait-loop.js'

export type Row = [string, string]

export function summarize(rows: Row[]): void {
  const table = rows.map(([key, value]) => [{ data: key, header: true }, value])
  writeSummary(core.summary.addHeading('CI image build', 3).addTable(table))
}

export function runRows(outcome: WaitOutcome): Row[] {
  const run = outcome.run
  if (!run) return [['Build run', 'none found']]
  const duration = runDurationMs(run)
  return [
    ['Build run', `<a href="${escapeHtml(run.html_url)}">${code(`${run.name ?? 'build'} ${runLabel(run)}`)}</a>`],
    ['Result', run.status === 'completed' ? code(run.conclusion ?? 'unknown') : code(run.status ?? 'unknown')],
    ...(duration === undefined ? [] : ([['Run duration', formatDuration(duration)]] as Row[])),
  ]
}

/** The summary of a failed wait, with what was known up to the failure; then the error, thrown on. */
export function failedWith(rows: Row[]): (error: unknown) => never {
  return (error) => {
    summarize([...rows, ['Failed', escapeHtml(error instanceof Error ? error.message : String(error))]])
    throw error
  }
}
