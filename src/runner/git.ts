// Runs git with an argument array (never a shell), in one working directory.
import * as core from '@actions/core'
import { getExecOutput } from '@actions/exec'

export interface GitResult {
  exitCode: number
  stdout: string
  stderr: string
}

export type Git = (args: string[]) => Promise<GitResult>

export function createGit(cwd: string): Git {
  return async (args) => {
    // Container jobs check out as another user; git then refuses the repository unless told it is safe.
    const fullArgs = ['-c', `safe.directory=${cwd}`, ...args]
    core.debug(`git ${args.join(' ')}`)
    return getExecOutput('git', fullArgs, { cwd, silent: true, ignoreReturnCode: true })
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
