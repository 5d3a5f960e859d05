// The credentials docker stored for a registry (`docker login`, docker/login-action), read where
// and as docker reads them: `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json` (docker/cli,
// cli/config/config.go, Dir), then a credential helper or the file itself (registry/docker-config.ts).
// A helper runs as docker runs it (docker-credential-helpers, client/client.go: the program with the
// one argument `get`, the server address on stdin, JSON on stdout): an argument array, no shell, the
// secret only in its stdout and in memory.
import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
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
}

function runHelper(program: string, serverAddress: string, env: NodeJS.ProcessEnv): Promise<HelperResult> {
  return new Promise((resolve) => {
    const child = spawn(program, ['get'], { env, stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', (error) => resolve({ code: null, stdout, stderr, error }))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin.on('error', () => undefined)
    child.stdin.end(serverAddress)
  })
}

/** The credential docker would send to `registry`, or undefined when it has none. */
export async function dockerCredential(registry: string, env: NodeJS.ProcessEnv = process.env): Promise<RegistryCredential | undefined> {
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
  const result = await runHelper(source.program, source.serverAddress, env)
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
  throw new RegistryError(
    'denied',
    `The credential helper ${source.program} (configured in ${path}) failed to give the credentials for ${registry}: ${why}${detail}.`,
  )
}
