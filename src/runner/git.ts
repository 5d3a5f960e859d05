// Runs git with an argument array (never a shell), in one working directory.
import * as core from '@actions/core'
import { getExecOutput } from '@actions/exec'

export interface GitResult {
  exitCode: number
  stdout: string
  stderr: string
  /** stdout as bytes, for output whose lengths count bytes (`git cat-file --batch`). */
  stdoutBytes?: Buffer
}

export type Git = (args: string[], options?: { input?: string }) => Promise<GitResult>

export function createGit(cwd: string): Git {
  return async (args, options = {}) => {
    // Container jobs check out as another user; git then refuses the repository unless told it is safe.
    const fullArgs = ['-c', `safe.directory=${cwd}`, ...args]
    core.debug(`git ${args.join(' ')}`)
    const chunks: Buffer[] = []
    const input = options.input === undefined ? undefined : Buffer.from(options.input)
    const result = await getExecOutput('git', fullArgs, {
      cwd,
      silent: true,
      ignoreReturnCode: true,
      input,
      listeners: { stdout: (data) => chunks.push(data) },
    })
    return { ...result, stdoutBytes: Buffer.concat(chunks) }
  }
}

/** Runs git and returns trimmed stdout; throws with git's own message on failure. */
export async function gitOutput(git: Git, args: string[]): Promise<string> {
  const result = await git(args)
  if (result.exitCode !== 0) {
    throw new Error(`git ${args[0]} failed (exit ${result.exitCode}): ${result.stderr.trim() || result.stdout.trim()}`)
  }
  return result.stdout.trim()
}
