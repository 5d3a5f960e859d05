// dist/index.js as the Actions runner starts it: INPUT_* variables, an event file,
// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY. The same setup as test/support/action.ts, but as a
// reusable command, so that the run itself is all that is timed.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DIST, parseOutputFile } from '../test/support/action.js'
import { childEnv } from './child-env.js'
import type { Command, CommandResult } from './timed-command.js'

export { DIST }

export interface ActionRunFiles {
  outputs: Record<string, string>
  summary: string
}

export interface ActionCommandOptions {
  name: string
  /** Where the event, output and summary files go. */
  filesDir: string
  workspace: string
  event: Record<string, unknown>
  eventName?: string
  inputs?: Record<string, string>
  /** The REST API; a closed port by default, so a run that should not need the API cannot use it. */
  apiUrl?: string
  sha?: string
  /** Set last: GITHUB_SERVER_URL, PATH, ... */
  env?: Record<string, string>
  /** Another build of the action than dist/index.js, and node options before it (bench/profile.ts). */
  entry?: string
  nodeArgs?: string[]
  check?: (result: CommandResult, files: ActionRunFiles) => void
}

export function actionCommand(o: ActionCommandOptions): Command {
  const files = { event: join(o.filesDir, 'event.json'), output: join(o.filesDir, 'output'), summary: join(o.filesDir, 'summary') }
  writeFileSync(files.event, JSON.stringify(o.event))
  const emptyRunFiles = () => {
    writeFileSync(files.output, '')
    writeFileSync(files.summary, '')
  }
  emptyRunFiles()
  const inputs = { command: 'resolve-image', 'github-token': 'ghs_bench', ...(o.inputs ?? {}) }
  const env = childEnv({
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: o.eventName ?? 'pull_request',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_WORKSPACE: o.workspace,
    GITHUB_SHA: o.sha ?? 'f'.repeat(40),
    GITHUB_REF: `refs/pull/42/merge`,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: o.apiUrl ?? 'http://127.0.0.1:9',
    RUNNER_TEMP: o.filesDir,
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
    ...(o.env ?? {}),
  })
  return {
    name: o.name,
    file: process.execPath,
    args: [...(o.nodeArgs ?? []), o.entry ?? DIST],
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
