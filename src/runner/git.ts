// Runs git with an argument array (never a shell), in one working directory.
import * as core from '@actions/core'
import { getExecOutput } from '@actions/exec'
import { fetchAuthEnv, type FetchAuth } from './git-auth.js'

export interface GitResult {
  exitCode: number
  stdout: string
  stderr: string
  /** stdout as bytes, for output whose lengths count bytes (`git cat-file --batch`). */
  stdoutBytes?: Buffer
}

interface GitCallOptions {
  /** Written to git's standard input. */
  input?: string
  /** Added to this process's environment for this one call. */
  env?: Record<string, string>
}

export type Git = (args: string[], options?: GitCallOptions) => Promise<GitResult>

export interface GitOptions {
  /**
   * In a workflow run: fetches never prompt for a password, and authenticate to the GitHub server
   * with this token when the checkout keeps no credentials of its own (git-auth.ts).
   */
  fetchAuth?: FetchAuth
}

/** This process's environment plus `extra` (@actions/exec replaces the environment it is given). */
function withEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined) env[name] = value
  return { ...env, ...extra }
}

function runner(cwd: string): Git {
  return async (args, options = {}) => {
    // Container jobs check out as another user; git then refuses the repository unless told it is safe.
    const fullArgs = ['-c', `safe.directory=${cwd}`, ...args]
    core.debug(`git ${args.join(' ')}`)
    const chunks: Buffer[] = []
    const input = options.input === undefined ? undefined : Buffer.from(options.input)
    const result = await getExecOutput('git', fullArgs, {
      cwd,
      env: options.env ? withEnv(options.env) : undefined,
      silent: true,
      ignoreReturnCode: true,
      input,
      listeners: { stdout: (data) => chunks.push(data) },
    })
    return { ...result, stdoutBytes: Buffer.concat(chunks) }
  }
}

export function createGit(cwd: string, { fetchAuth }: GitOptions = {}): Git {
  const run = runner(cwd)
  if (!fetchAuth) return run
  // Read once, on the first fetch: a run that git answers from the checkout reads no configuration.
  let authEnv: Promise<Record<string, string>> | undefined
  return async (args, options = {}) => {
    if (args[0] !== 'fetch') return run(args, options)
    authEnv ??= fetchAuthEnv(run, fetchAuth)
    return run(args, { ...options, env: { ...(await authEnv), ...options.env } })
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
