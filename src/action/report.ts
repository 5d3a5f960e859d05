// What a command leaves for the workflow and the person reading the run: outputs and the job summary.
import * as core from '@actions/core'
import { appendFileSync } from 'node:fs'
import type { Outputs } from './action-interface.js'
import type { Target } from './target.js'

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

/**
 * Appends the job summary to the runner's file, when it gave one: what core.summary.write() does,
 * except that a run without GITHUB_STEP_SUMMARY (a local run, the demo) writes nothing instead of
 * failing, and no command has to await it.
 */
export function writeSummary(summary: typeof core.summary): void {
  const file = process.env.GITHUB_STEP_SUMMARY
  if (file) appendFileSync(file, summary.stringify())
  summary.emptyBuffer()
}
