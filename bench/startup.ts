// 1. Start-up: what the step costs when git has the answer and the API is not needed. Most
// PRs are this case, and every job that uses the image runs the step.
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join } from 'node:path'
import { actionCommand, DIST, type ActionCommandOptions, type ActionRunFiles } from './action-command.js'
import { checkout } from './checkout.js'
import { childEnv } from './child-env.js'
import { inlineStepCommand } from './inline-step.js'
import { interleave, timingOf } from './interleave.js'
import { createEverydayOrigin, EVERYDAY_WATCHED_CHANGES } from './repos/everyday-repo.js'
import { pullRequestEvent } from '../test/support/events.js'
import type { Scratch } from './scratch.js'
import type { Section } from './section.js'
import { formatBytes, formatMs, formatRatio } from './stats.js'
import { expectExit, type Command, type CommandResult } from './timed-command.js'

const ROUNDS = 30
const WARMUP = 2
// Issue #14: half the overhead measured before it (41-46 ms).
const TARGET_OVERHEAD_MS = 25

const NAMES = {
  floor: 'node -e 0 (the floor)',
  action: 'action: node dist/index.js resolve-image',
  inline: 'inline: git diff ... | grep -E (bash)',
  builtins: '· node + the built-ins a run loads',
  git: '· node + the same two git processes, side by side',
  entry: '· action, unknown command: entry + session, no work',
  watch: '· action with a `watch` input: no workflow read',
}

/**
 * The public Node built-ins a run loads beyond what `node -e 0` loads, read from
 * process.moduleLoadList at its exit: the row follows the bundle as it changes.
 */
function loadedBuiltins(dir: string, run: Command): string[] {
  const recorder = join(dir, 'record-builtins.cjs')
  const log = join(dir, 'builtins.json')
  const write = `require('node:fs').writeFileSync(${JSON.stringify(log)}, JSON.stringify(process.moduleLoadList))`
  writeFileSync(recorder, `process.on('exit', () => ${write})\n`)
  const loaded = (args: string[], env: Record<string, string>) => {
    execFileSync(process.execPath, ['--require', recorder, ...args], { cwd: run.cwd, env, stdio: 'ignore' })
    const list = JSON.parse(readFileSync(log, 'utf8')) as string[]
    return new Set(list.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice('NativeModule '.length)))
  }
  const floor = loaded(['-e', '0'], childEnv())
  const action = loaded(run.args, run.env)
  return builtinModules.filter((name) => action.has(name) && !floor.has(name)).sort()
}

/** A node script starting the git processes resolve-image starts here, as it starts them, and nothing else. */
function twoGitProcesses(origin: { baseSha: string; headSha: string }): string {
  const diff = ['diff', '--name-only', '--no-renames', '-z', `${origin.baseSha}...${origin.headSha}`, '--']
  const read = `${origin.baseSha}^{commit}\n${origin.baseSha}:.github/workflows/build-ci-image.yml\n`
  return [
    `const { spawn } = require('node:child_process')`,
    `const run = (args, input) => new Promise((done) => { const c = spawn('git', args, { stdio: [input ? 'pipe' : 'ignore', 'pipe', 'pipe'] }); if (input) c.stdin.end(input); c.stdout.resume(); c.stderr.resume(); c.on('close', done) })`,
    `Promise.all([run(['cat-file', '--batch'], ${JSON.stringify(read)}), run(${JSON.stringify(diff)})])`,
  ].join('\n')
}

function distSizes(): { index: number; all: number; files: number } {
  const dir = dirname(DIST)
  const scripts = readdirSync(dir).filter((name) => name.endsWith('.js'))
  const all = scripts.reduce((sum, name) => sum + statSync(join(dir, name)).size, 0)
  return { index: statSync(DIST).size, all, files: scripts.length }
}

export async function measureStartup(scratch: Scratch): Promise<Section> {
  const origin = createEverydayOrigin(scratch.dir('startup-origin'))
  const workspace = scratch.dir('startup-checkout')
  // fetch-depth: 0, so that both sides answer from the checkout alone: the inline step needs
  // origin/main and history; the action then makes a single `git diff`.
  checkout(origin, workspace, 'full')
  const event = pullRequestEvent({ number: origin.number, baseRef: origin.baseRef, baseSha: origin.baseSha, headSha: origin.headSha })

  const resolves = (result: CommandResult, { outputs, summary }: ActionRunFiles) => {
    expectExit(result, 0)
    if (outputs.modified !== 'true' || outputs['changed-files'] !== JSON.stringify(EVERYDAY_WATCHED_CHANGES)) {
      throw new Error(`unexpected outputs ${JSON.stringify(outputs)}`)
    }
    if (!summary.includes('(listed by git)')) throw new Error('the files were not listed by git')
  }
  const actionRun = (name: string, inputs: Record<string, string>, check: ActionCommandOptions['check']) =>
    actionCommand({ name, filesDir: scratch.dir('startup-runner'), workspace, event, sha: origin.mergeSha, inputs, check })
  const node = (name: string, script: string): Command => ({
    name,
    file: process.execPath,
    args: ['-e', script],
    cwd: workspace,
    env: childEnv(),
    check: (r) => expectExit(r, 0),
  })

  const resolveRun = actionRun(NAMES.action, {}, resolves)
  const builtins = loadedBuiltins(scratch.dir('startup-builtins'), resolveRun)
  const commands: Command[] = [
    node(NAMES.floor, '0'),
    resolveRun,
    inlineStepCommand({ name: NAMES.inline, checkout: workspace, baseRef: origin.baseRef, expect: EVERYDAY_WATCHED_CHANGES }),
    // Where the action's time goes: the same start, stopped or lightened at one point each.
    node(NAMES.builtins, builtins.map((m) => `require('node:${m}')`).join(';')),
    node(NAMES.git, twoGitProcesses(origin)),
    actionRun(NAMES.entry, { command: 'bench-unknown' }, (result) => {
      expectExit(result, 1)
      if (!result.stdout.includes('Input `command` must be one of')) throw new Error('expected the input error')
    }),
    actionRun(NAMES.watch, { watch: 'Dockerfile.ci\n.github/workflows/build-ci-image.yml' }, resolves),
  ]
  const timings = await interleave(commands, { rounds: ROUNDS, warmup: WARMUP })
  const floor = timingOf(timings, NAMES.floor).median
  const inline = timingOf(timings, NAMES.inline).median
  const action = timingOf(timings, NAMES.action).median
  const sizes = distSizes()

  return {
    title: `Start-up: resolve-image on a PR checkout that git answers (median of ${ROUNDS} interleaved rounds)`,
    table: {
      head: ['command', 'median', 'min', 'vs node -e 0', 'vs inline'],
      rows: timings.map((t) => [
        t.name,
        formatMs(t.median),
        formatMs(Math.min(...t.samples)),
        formatRatio(t.median, floor),
        formatRatio(t.median, inline),
      ]),
    },
    notes: [
      `dist/index.js ${formatBytes(sizes.index)}; all of dist/*.js ${formatBytes(sizes.all)} (${sizes.files} files). Built-ins a run loads beyond node -e 0's: ${builtins.join(' ')}.`,
      `Same answer both ways: modified, ${JSON.stringify(EVERYDAY_WATCHED_CHANGES)} (checked on every run). The action's cost over the floor: ${formatMs(action - floor)}.`,
      `· rows take the action apart (differences of medians, so approximate): the entry (@actions/core and its built-ins, inputs, event) ` +
        `${formatMs(timingOf(timings, NAMES.entry).median - floor)}; the diff and the answer (node:child_process, one git process, outputs, ` +
        `summary) ${formatMs(timingOf(timings, NAMES.watch).median - timingOf(timings, NAMES.entry).median)}; the build workflow's \`on\` ` +
        `(a second git process beside the first, read and evaluated) ${formatMs(action - timingOf(timings, NAMES.watch).median)}. ` +
        `The built-ins alone: ${formatMs(timingOf(timings, NAMES.builtins).median - floor)}; the two git processes alone: ` +
        `${formatMs(timingOf(timings, NAMES.git).median - floor)}. Section 6 has the profile.`,
    ],
    targets: [
      {
        name: 'start-up beyond node -e 0 (#14)',
        goal: `<= ${formatMs(TARGET_OVERHEAD_MS)}`,
        measured: formatMs(action - floor),
        met: action - floor <= TARGET_OVERHEAD_MS,
      },
    ],
  }
}
