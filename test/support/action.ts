// Runs the bundled action as the Actions runner does: INPUT_* variables, an event file,
// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files.
import { spawn } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { tempDir } from './git.js'

export const DIST = resolve(import.meta.dirname, '../../dist/index.js')

export interface ActionRun {
  exitCode: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
}

export interface RunActionOptions {
  inputs: Record<string, string>
  eventName: string
  event: Record<string, unknown>
  workspace?: string
  apiUrl?: string
  repository?: string
  sha?: string
  ref?: string
  env?: Record<string, string>
  /** Called with each line the action prints, as it prints it. */
  onLine?: (line: string) => void
  /** Kills the run after this long (its exit code is then -1): for input that could hold it. */
  timeoutMs?: number
}

/** Parses GITHUB_OUTPUT's `name<<delimiter` blocks. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i]!)
    if (!match) continue
    const value: string[] = []
    while (++i < lines.length && lines[i] !== match[2]) value.push(lines[i]!)
    outputs[match[1]!] = value.join('\n')
  }
  return outputs
}

export async function runAction(o: RunActionOptions): Promise<ActionRun> {
  const dir = tempDir('ci-image-run-')
  const files = { event: join(dir, 'event.json'), output: join(dir, 'output'), summary: join(dir, 'summary') }
  writeFileSync(files.event, JSON.stringify(o.event))
  writeFileSync(files.output, '')
  writeFileSync(files.summary, '')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: o.eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_REPOSITORY: o.repository ?? 'acme/app',
    GITHUB_WORKSPACE: o.workspace ?? dir,
    GITHUB_SHA: o.sha ?? 'f'.repeat(40),
    GITHUB_REF: o.ref ?? '',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: o.apiUrl ?? 'http://127.0.0.1:9',
    RUNNER_TEMP: dir,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    ...(o.env ?? {}),
  }
  // comment-image compares the image with the stable one in its registry (`diff`, true by
  // default): a test that serves the images on loopback turns it on, the others leave it off so
  // that no test reaches ghcr.io.
  env.INPUT_DIFF = 'false'
  for (const [name, value] of Object.entries(o.inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  const child = spawn(process.execPath, [DIST], { cwd: o.workspace ?? dir, env, timeout: o.timeoutMs, killSignal: 'SIGKILL' })
  let stdout = ''
  let stderr = ''
  let pending = ''
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString()
    if (!o.onLine) return
    const lines = (pending + d.toString()).split('\n')
    pending = lines.pop() ?? ''
    for (const line of lines) o.onLine(line)
  })
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const exitCode = await new Promise<number>((done) => child.on('close', (code) => done(code ?? -1)))
  if (pending && o.onLine) o.onLine(pending)
  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(files.output, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
  }
}
