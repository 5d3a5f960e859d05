// Runs git with an argument array (never a shell), in one working directory.
//
// node:child_process directly, not @actions/exec: we need none of @actions/exec's extras (tool
// lookup through @actions/io, line echo, Windows quoting), and `git cat-file --batch` output is
// read as bytes; spawn without a shell takes the argument array as it is on every platform.
import { spawn } from 'node:child_process'
import { fetchAuthEnv, type FetchAuth } from './git-auth.js'
import { debug } from '../log/log.js'

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

function runner(cwd: string): Git {
  return (args, options = {}) =>
    new Promise((resolve, reject) => {
      // Container jobs check out as another user; git then refuses the repository unless told it is safe.
      const fullArgs = ['-c', `safe.directory=${cwd}`, ...args]
      debug(`git ${args.join(' ')}`)
      const child = spawn('git', fullArgs, {
        cwd,
        env: options.env ? { ...process.env, ...options.env } : process.env,
        // No input: no pipe to make (and git never waits on a terminal).
        stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
        windowsHide: true,
      })
      const stdout: Buffer[] = []
      const stderr: Buffer[] = []
      child.stdout!.on('data', (chunk: Buffer) => stdout.push(chunk))
      child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk))
      child.on('error', (error: NodeJS.ErrnoException) => {
        reject(
          error.code === 'ENOENT'
            ? new Error(
                'git is not installed or not on PATH: install git in the job (or its container), or pass github-token so that the API answers instead.',
              )
            : error,
        )
      })
      if (child.stdin) {
        // git may exit before reading all of its input (a command that fails): not our error.
        child.stdin.on('error', () => {})
        child.stdin.end(options.input)
      }
      child.on('close', (code) => {
        const bytes = Buffer.concat(stdout)
        // A null code: git was killed by a signal.
        resolve({
          exitCode: code ?? 128,
          stdout: bytes.toString('utf8'),
          stderr: Buffer.concat(stderr).toString('utf8'),
          stdoutBytes: bytes,
        })
      })
    })
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
