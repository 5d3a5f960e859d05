// Processes the bench starts: one environment for all of them (free of the user's git
// configuration), a timed and checked run, rounds, and git for building repositories.
import { execFileSync, spawn } from 'node:child_process'
import { performance } from 'node:perf_hooks'
import { median } from './stats.js'

export function childEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    LANG: 'C.UTF-8',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Bench',
    GIT_AUTHOR_EMAIL: 'bench@example.com',
    GIT_COMMITTER_NAME: 'Bench',
    GIT_COMMITTER_EMAIL: 'bench@example.com',
    ...extra,
  }
}

/** git for building the repositories (not measured). */
export function git(cwd: string, ...args: string[]): string {
  const options = { cwd, env: childEnv(), encoding: 'utf8' as const, maxBuffer: 256 * 1024 * 1024 }
  return execFileSync('git', args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] }).trim()
}

export interface Command {
  /** The row name in a table. */
  name: string
  file: string
  args: string[]
  cwd: string
  env: Record<string, string>
  /** Throws when the run gave the wrong answer: a fast wrong answer is no result. */
  check?: (result: CommandResult) => void
}

export interface CommandResult {
  ms: number
  exitCode: number
  stdout: string
}

/** Runs one process, timed from spawn to exit, and checks its answer. */
export async function runChecked(command: Command): Promise<CommandResult> {
  const started = performance.now()
  const child = spawn(command.file, command.args, { cwd: command.cwd, env: command.env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => resolve(code ?? -1))
  })
  const result = { ms: performance.now() - started, exitCode, stdout }
  try {
    command.check?.(result)
  } catch (error) {
    const output = `${stdout}\n${stderr}`.trim().split('\n').slice(-15).join('\n')
    throw new Error(`${command.name}: ${(error as Error).message} (exit ${exitCode})\n${output}`, { cause: error })
  }
  return result
}

export function expectExit(result: CommandResult, ...codes: number[]): void {
  if (!codes.includes(result.exitCode)) throw new Error(`expected exit ${codes.join(' or ')}`)
}

/**
 * Median time of each command over `rounds`, run interleaved (A B C, B C A, ...) after a warm-up
 * round: whatever else the machine does slows all of them alike.
 */
export async function interleave(commands: readonly Command[], rounds: number): Promise<Map<string, number>> {
  const samples = commands.map(() => [] as number[])
  for (let round = 0; round <= rounds; round++) {
    for (let i = 0; i < commands.length; i++) {
      const index = (i + round) % commands.length
      const { ms } = await runChecked(commands[index]!)
      if (round > 0) samples[index]!.push(ms)
    }
  }
  return new Map(commands.map((command, i) => [command.name, median(samples[i]!)]))
}
