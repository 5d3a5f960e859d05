// A PR of 10,000 changed files in a repository of 100,000, on one fetch-depth: 0 checkout of
// the merge commit: the action, the inline step, and the floors (git's diff alone, node -e 0).
import { pullRequestEvent } from '../test/support/events.js'
import { checkout } from './checkout.js'
import { childEnv, expectExit, interleave, type Command } from './process.js'
import { createWideOrigin, WIDE_CHANGED, WIDE_FILES } from './repos/wide-repo.js'
import type { Scratch } from './scratch.js'
import { actionCommand, inlineStepCommand } from './steps.js'
import { formatCount, formatMs, formatRatio } from './stats.js'
import type { Section } from './table.js'

const ROUNDS = 7

export async function measureScale(scratch: Scratch): Promise<Section> {
  process.stderr.write(`[bench]   ${formatCount(WIDE_FILES)} files, ${formatCount(WIDE_CHANGED)} changed...\n`)
  const origin = createWideOrigin(scratch.dir('scale-origin'))
  const workspace = scratch.dir('scale-checkout')
  checkout(origin, workspace, 'full')
  const { baseRef, baseSha, headSha } = origin
  const event = pullRequestEvent({ number: origin.number, baseRef, baseSha, headSha, changedFiles: WIDE_CHANGED })
  const commands: Command[] = [
    inlineStepCommand({ name: 'inline: git diff ... | grep -E (bash)', checkout: workspace, baseRef, expect: [] }),
    actionCommand({
      name: 'action: resolve-image',
      filesDir: scratch.dir('scale-runner'),
      workspace,
      event,
      sha: origin.mergeSha,
      check: (result, { outputs, summary }) => {
        expectExit(result, 0)
        if (outputs.modified !== 'false') throw new Error(`unexpected outputs ${JSON.stringify(outputs)}`)
        if (!summary.includes(`${WIDE_CHANGED} (listed by git)`)) throw new Error('git did not list every file')
      },
    }),
    {
      name: 'floor: git diff --name-only base...head',
      file: 'git',
      args: ['diff', '--name-only', `${baseSha}...${headSha}`],
      cwd: workspace,
      env: childEnv(),
      check: (result) => expectExit(result, 0),
    },
    { name: 'floor: node -e 0', file: process.execPath, args: ['-e', '0'], cwd: workspace, env: childEnv() },
  ]
  const medians = await interleave(commands, ROUNDS)
  const inline = medians.get(commands[0]!.name)!
  return {
    title: `A PR of ${formatCount(WIDE_CHANGED)} changed files in ${formatCount(WIDE_FILES)}, no watched file (median of ${ROUNDS} interleaved rounds)`,
    head: ['step', 'median', 'vs inline'],
    rows: [...medians].map(([name, ms]) => [name, formatMs(ms), formatRatio(ms, inline)]),
    notes: ['Both answer "no watched file changed"; the action also lists every file (changed-files) and writes its outputs.'],
  }
}
