// The two steps compared: dist/index.js as the Actions runner starts it (INPUT_* variables, an
// event file, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY; as test/support/action.ts does), and the
// inline `run:` step it replaces, as the runner runs one (bash --noprofile --norc -eo pipefail).
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DIST, parseOutputFile } from '../test/support/action.js'
import { childEnv, type Command, type CommandResult } from './process.js'
import { INLINE_WATCH_PATTERN } from './repos/build-workflow.js'

export { DIST }

export interface ActionCommandOptions {
  name: string
  /** Where the event, output and summary files go. */
  filesDir: string
  workspace: string
  event: Record<string, unknown>
  inputs?: Record<string, string>
  /** The REST API; a closed port by default, so a run that should not need it cannot use it. */
  apiUrl?: string
  sha?: string
  env?: Record<string, string>
  check?: (result: CommandResult, files: { outputs: Record<string, string>; summary: string }) => void
}

export function actionCommand(o: ActionCommandOptions): Command {
  const files = { event: join(o.filesDir, 'event.json'), output: join(o.filesDir, 'output'), summary: join(o.filesDir, 'summary') }
  writeFileSync(files.event, JSON.stringify(o.event))
  const emptyRunFiles = () => [files.output, files.summary].forEach((file) => writeFileSync(file, ''))
  emptyRunFiles()
  const inputs = { command: 'resolve-image', 'github-token': 'ghs_bench', ...o.inputs }
  const env = childEnv({
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_WORKSPACE: o.workspace,
    GITHUB_SHA: o.sha ?? 'f'.repeat(40),
    GITHUB_REF: 'refs/pull/42/merge',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: o.apiUrl ?? 'http://127.0.0.1:9',
    RUNNER_TEMP: o.filesDir,
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
    ...o.env,
  })
  return {
    name: o.name,
    file: process.execPath,
    args: [DIST],
    cwd: o.workspace,
    env,
    check: (result) => {
      const runFiles = { outputs: parseOutputFile(readFileSync(files.output, 'utf8')), summary: readFileSync(files.summary, 'utf8') }
      // Every run starts from empty files, as each step does on a runner.
      emptyRunFiles()
      o.check?.(result, runFiles)
    },
  }
}

/** The inline step; grep exits 1 when no watched file changed: an answer, not a failure. */
export function inlineStepCommand(o: { name: string; checkout: string; baseRef: string; expect: string[] }): Command {
  const script = `git diff --name-only origin/${o.baseRef}...HEAD | grep -E '${INLINE_WATCH_PATTERN}'`
  return {
    name: o.name,
    file: 'bash',
    args: ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script],
    cwd: o.checkout,
    env: childEnv(),
    check: (result) => {
      if (result.exitCode !== 0 && result.exitCode !== 1) throw new Error('the inline step failed')
      const answer = result.stdout.split('\n').filter((line) => line !== '')
      if (JSON.stringify(answer) !== JSON.stringify(o.expect)) throw new Error(`inline step listed ${JSON.stringify(answer)}`)
    },
  }
}
