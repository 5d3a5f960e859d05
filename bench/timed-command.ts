// Runs one process and measures its wall time, from spawn to exit. Asynchronous, so an
// embedded GitHub in this process keeps answering while the child runs.
import { spawn } from 'node:child_process'
import { performance } from 'node:perf_hooks'

export interface Command {
  /** The row name in the table. */
  name: string
  file: string
  args: string[]
  cwd: string
  env: Record<string, string>
  /** Throws when the run did not give the expected answer: a fast wrong answer is no result. */
  check?: (result: CommandResult) => void
}

export interface CommandResult {
  ms: number
  exitCode: number
  stdout: string
  stderr: string
}

async function runTimed(command: Command): Promise<CommandResult> {
  const started = performance.now()
  const child = spawn(command.file, command.args, { cwd: command.cwd, env: command.env, stdio: ['ignore', 'pipe', 'pipe'] })
  const stdout: Buffer[] = []
  const stderr: Buffer[] = []
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => resolve(code ?? -1))
  })
  const ms = performance.now() - started
  return { ms, exitCode, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }
}

/** Runs and checks; a failed check names the command and shows what it printed. */
export async function runChecked(command: Command): Promise<CommandResult> {
  const result = await runTimed(command)
  try {
    command.check?.(result)
  } catch (error) {
    const output = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-15).join('\n')
    throw new Error(`${command.name}: ${(error as Error).message} (exit ${result.exitCode})\n${output}`, { cause: error })
  }
  return result
}

export function expectExit(result: CommandResult, ...codes: number[]): void {
  if (!codes.includes(result.exitCode)) throw new Error(`expected exit ${codes.join(' or ')}`)
}
