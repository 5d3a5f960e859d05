// Outputs, job summary and log lines shared by the commands.
import * as core from '@actions/core'
import type { Target } from './target.js'

export type Outputs = Record<string, string | number | boolean | undefined>

export function setOutputs(outputs: Outputs): void {
  for (const [name, value] of Object.entries(outputs)) {
    if (value !== undefined) core.setOutput(name, String(value))
  }
}

/** `pr-number`, `head-sha`, `base-ref`: the context every command reports when it knows it. */
export function targetOutputs(target: Target): Outputs {
  return target.kind === 'pull_request'
    ? { 'pr-number': target.number, 'head-sha': target.headSha, 'base-ref': target.baseRef }
    : { 'head-sha': target.sha }
}

/** Text safe inside a Markdown table cell or inline code span of the job summary. */
export function code(text: string): string {
  return `<code>${escapeHtml(text)}</code>`
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'|`\\[\]*_]/g, (ch) => `&#${ch.charCodeAt(0)};`)
}

/** Writes the job summary when the runner gave a file for it (a local run has none). */
export async function writeSummary(summary: typeof core.summary): Promise<void> {
  if (process.env.GITHUB_STEP_SUMMARY) await summary.write()
  else summary.emptyBuffer()
}
