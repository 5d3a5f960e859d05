// Start-up, for information: resolve-image on a small PR that a full checkout answers (one git
// diff, one read of the build workflow), against node -e 0 and the inline step.
import { pullRequestEvent } from '../test/support/events.js'
import { checkout } from './checkout.js'
import { childEnv, expectExit, interleave } from './process.js'
import { BUILD_WORKFLOW, BUILD_WORKFLOW_PATH, DOCKERFILE } from './repos/build-workflow.js'
import { createPullRequestOrigin, REFS } from './repos/pull-request-origin.js'
import type { Scratch } from './scratch.js'
import { actionCommand, inlineStepCommand } from './steps.js'
import { formatMs } from './stats.js'
import type { Section } from './table.js'

const ROUNDS = 15

export async function measureStartup(scratch: Scratch): Promise<Section> {
  const repo = createPullRequestOrigin(scratch.dir('startup-origin'), (stream) => {
    const files = [
      ['README.md', 'hello\n'],
      ['Dockerfile.ci', DOCKERFILE],
      [BUILD_WORKFLOW_PATH, BUILD_WORKFLOW],
    ] as const
    const base = stream.commit({ ref: REFS.base, message: 'initial', files })
    const change = [['Dockerfile.ci', `${DOCKERFILE}RUN true\n`]] as const
    const head = stream.commit({ ref: REFS.head, from: base, message: 'change the image', files: change })
    return { base, head, merge: stream.commit({ ref: REFS.merge, from: base, merge: head, message: 'Merge', files: change }) }
  })
  const workspace = scratch.dir('startup-checkout')
  checkout(repo, workspace, 'full')
  const { baseRef, baseSha, headSha } = repo
  const action = actionCommand({
    name: 'action',
    filesDir: scratch.dir('startup-runner'),
    workspace,
    event: pullRequestEvent({ number: repo.number, baseRef, baseSha, headSha }),
    sha: repo.mergeSha,
    check: (result, { outputs }) => {
      expectExit(result, 0)
      if (outputs.modified !== 'true') throw new Error(`unexpected outputs ${JSON.stringify(outputs)}`)
    },
  })
  const inline = inlineStepCommand({ name: 'inline', checkout: workspace, baseRef, expect: ['Dockerfile.ci'] })
  const floor = { name: 'node -e 0', file: process.execPath, args: ['-e', '0'], cwd: workspace, env: childEnv() }
  const medians = await interleave([action, inline, floor], ROUNDS)
  return {
    title: `Start-up, for information: a small PR answered by a full checkout (median of ${ROUNDS} interleaved rounds)`,
    head: ['case', 'action', 'inline step', 'node -e 0'],
    rows: [['resolve-image, Dockerfile.ci changed', ...[action, inline, floor].map((c) => formatMs(medians.get(c.name)!))]],
    notes: ['A runner spends seconds setting up each step; these milliseconds are not what a user waits for.'],
  }
}
