// What a command leaves for the workflow and the person reading the run: outputs and the job summary.
import * as core from '@actions/core'
import type { Outputs } from '../core/action-interface.js'
import type { Target } from '../core/target.js'

export function setOutputs(outputs: Outputs): void {
  for (const [name, value] of Object.entries(outputs)) {
    if (value !== undefined) core.setOutput(name, String(value))
  }
}

/**
 * `pr-number`, `head-sha`, `base-ref`: the context every command reports when it knows it. In a
 * merge queue: the PR in it, its head (whose build is the image's) and the queue's base.
 */
export function targetOutputs(target: Target): Outputs {
  switch (target.kind) {
    case 'pull_request':
      return { 'pr-number': target.number, 'head-sha': target.headSha, 'base-ref': target.baseRef }
    case 'merge_group':
      return { 'pr-number': target.pr.number, 'head-sha': target.pr.headSha, 'base-ref': target.queue.baseRef }
    case 'push':
      return { 'head-sha': target.sha }
  }
}

/** Writes the job summary when the runner gave a file for it (a local run has none). */
export async function writeSummary(summary: typeof core.summary): Promise<void> {
  if (process.env.GITHUB_STEP_SUMMARY) await summary.write()
  else summary.emptyBuffer()
}
