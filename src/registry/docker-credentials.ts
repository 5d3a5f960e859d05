// The credentials docker stored for a registry (`docker login`, docker/login-action), read where
// and as docker reads them: `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json` (docker/cli,
// cli/config/config.go, Dir), then a credential helper or the file itself (registry/docker-config.ts).
// A helper runs as docker runs it (docker-credential-helpers, client/client.go: the program with the
// one argument `get`, the server address on stdin, JSON on stdout): an argument array, no shell, the
// secret only in its stdout and in memory. The step's working directory is the checkout a PR
// controls, so a helper is looked up, started and bounded without it (runHelper).
import { spawn } from 'node:child_process'
import { constants } from 'node:fs'
import { access, readFile, stat } from 'node:fs/promises'
import { homedir, tmpdir } from 'node:os'
import { delimiter, isAbsolute, join } from 'node:path'
import { CREDENTIAL_HELPER_TIMEOUT_MS } from '../timing/timing.js'
import { credentialSource, parseDockerConfig, parseHelperAnswer, type RegistryCredential } from './docker-config.js'
import { RegistryError } from './errors.js'

export type { RegistryCredential } from './docker-config.js'

/** docker-credential-helpers' ErrCredentialsNotFound text (credentials/error.go): no credentials, no fault. */
const NOT_FOUND = 'credentials not found in native keychain'

function dockerConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.DOCKER_CONFIG || join(env.HOME || homedir(), '.docker'), 'config.json')
}

interface HelperResult {
  code: number | null
  stdout: string
  stderr: string
  error?: Error
  /** Why it was stopped: it ran too long, or said too much. */
  stopped?: string
}

/** A helper's answer is a few hundred bytes of JSON (a cloud token a few kilobytes): more is no answer. */
const MAX_HELPER_OUTPUT = 1024 * 1024

/**
 * Where `program` is in PATH's absolute directories. Go's exec.Command, which docker runs helpers
 * with (docker-credential-helpers, client/command.go), refuses since Go 1.19 a program found
 * through a relative entry, `.` or an empty one (os/exec, "Executables in the current directory":
 * ErrDot): here such an entry would name the checkout, and a PR could plant the helper there.
 */
async function findOnPath(program: string, path: string | undefined): Promise<string | undefined> {
  for (const dir of (path ?? '').split(delimiter)) {
    if (!isAbsolute(dir)) continue
    const file = join(dir, program)
    try {
      await access(file, constants.X_OK)
      if ((await stat(file)).isFile()) return file
    } catch {
      // Not here: the next directory.
    }
  }
  return undefined
}

/**
 * The environment a helper gets: the step's, without what the runner hands the action itself:
 * its inputs (`INPUT_*`, the GitHub token among them), the `GITHUB_*` files and variables (the
 * outputs, env and path files a program could write to) and the runner's `ACTIONS_*` tokens.
 * Everything a helper reads (HOME, PATH, a keyring's socket, AWS_*, a cloud SDK's settings) stays.
 */
function helperEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !/^(?:INPUT|GITHUB|ACTIONS)_/i.test(name)))
}

/**
 * Runs `file get` from a directory outside the checkout, killed (its process group, where there is
 * one) past the timeout or past MAX_HELPER_OUTPUT: a hanging helper cannot hold the step.
 */
function runHelper(file: string, serverAddress: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<HelperResult> {
  return new Promise((resolve) => {
    const group = process.platform !== 'win32'
    const child = spawn(file, ['get'], { env: helperEnv(env), cwd: tmpdir(), stdio: ['pipe', 'pipe', 'pipe'], detached: group })
    let stdout = ''
    let stderr = ''
    let done = false
    const finish = (result: HelperResult) => {
      if (done) return
      done = true
      clearTimeout(timer)
      resolve(result)
    }
    const stop = (why: string) => {
      try {
        if (group && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
        else child.kill('SIGKILL')
      } catch {
        // Already gone.
      }
      // Whatever it started may hold the pipes open: the answer does not wait for them.
      child.stdout.destroy()
      child.stderr.destroy()
      finish({ code: null, stdout: '', stderr: '', stopped: why })
    }
    const timer = setTimeout(() => stop(`it did not answer within ${timeoutMs / 1000} s`), timeoutMs)
    const collect = (append: (text: string) => void) => (d: Buffer) => {
      append(d.toString())
      if (stdout.length + stderr.length > MAX_HELPER_OUTPUT) stop(`it printed more than ${MAX_HELPER_OUTPUT / (1024 * 1024)} MiB`)
    }
    child.stdout.on(
      'data',
      collect((text) => (stdout += text)),
    )
    child.stderr.on(
      'data',
      collect((text) => (stderr += text)),
    )
    child.on('error', (error) => finish({ code: null, stdout, stderr, error }))
    child.on('close', (code) => finish({ code, stdout, stderr }))
    child.stdin.on('error', () => undefined)
    child.stdin.end(serverAddress)
  })
}

/** The credential docker would send to `registry`, or undefined when it has none. */
export async function dockerCredential(
  registry: string,
  env: NodeJS.ProcessEnv = process.env,
  helperTimeoutMs = CREDENTIAL_HELPER_TIMEOUT_MS,
): Promise<RegistryCredential | undefined> {
  const path = dockerConfigPath(env)
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch {
    // No file: docker has no credentials either.
    return undefined
  }
  let source
  try {
    source = credentialSource(parseDockerConfig(text, path), registry, path)
  } catch (error) {
    throw new RegistryError('denied', (error as Error).message)
  }
  if (source.kind === 'none') return undefined
  if (source.kind === 'stored') return source.credential
  const fail = (why: string) =>
    new RegistryError(
      'denied',
      `The credential helper ${source.program} (configured in ${path}) failed to give the credentials for ${registry}: ${why}.`,
    )
  const file = await findOnPath(source.program, env.PATH ?? env.Path)
  if (file === undefined) throw fail('cannot run it: it is in no absolute directory of PATH (docker looks nowhere else)')
  const result = await runHelper(file, source.serverAddress, env, helperTimeoutMs)
  if (result.stopped) throw fail(`${result.stopped}, so it was stopped`)
  const output = (result.stdout.trim() || result.stderr.trim()).split('\n')[0] ?? ''
  if (result.code === 0) {
    try {
      return parseHelperAnswer(result.stdout, source.program)
    } catch (error) {
      throw new RegistryError('denied', `${(error as Error).message} (configured in ${path}).`)
    }
  }
  if (output === NOT_FOUND) return undefined
  const why = result.error ? `cannot run it: ${result.error.message}` : `it exited with ${result.code}`
  // A failed get prints its error on stdout (client.go reads cmd.Output()); the secret only ever
  // comes with exit code 0.
  const detail = result.error || output === '' ? '' : `: ${output}`
  throw fail(`${why}${detail}`)
}
