// `docker pull` of the freshly built image: an argument array (never a shell), retried because
// a registry can lag a build that has just pushed, and the digest read from docker's output.
import { getExecOutput } from '@actions/exec'
import { parseImageReference } from '../core/image-ref.js'
import { ghcrDeniedHint, isGhcr } from '../core/registry-hints.js'

export interface PullOptions {
  sleep: (ms: number) => Promise<void>
  /** Tries in all, the first included. */
  attempts?: number
  /** Pause before the second try; doubles after each failure. */
  firstDelayMs?: number
  log?: (line: string) => void
}

export interface PullResult {
  digest?: string
  attempts: number
}

interface DockerResult {
  exitCode: number
  stdout: string
  stderr: string
}

const DIGEST = /^Digest:\s*(sha256:[0-9a-f]{64})\s*$/m
// Retrying cannot fix credentials: fail at once with a hint instead.
const AUTH_FAILURE = /unauthorized|denied|authentication required|no basic auth credentials/i

export function parsePullDigest(output: string): string | undefined {
  return DIGEST.exec(output)?.[1]
}

async function docker(args: string[], silent: boolean): Promise<DockerResult> {
  try {
    return await getExecOutput('docker', args, { ignoreReturnCode: true, silent })
  } catch (error) {
    // @actions/exec throws only when it cannot start the program.
    throw new Error(
      `Cannot run docker to pull the image (${(error as Error).message.split('.')[0]}). ` +
        'Use a runner with Docker installed, or set `pull: false` to skip the pull.',
      { cause: error },
    )
  }
}

/** The digest docker recorded for `reference` when `pull` printed none (older clients, other engines). */
async function inspectDigest(reference: string): Promise<string | undefined> {
  const result = await docker(['image', 'inspect', '--format', '{{json .RepoDigests}}', reference], true)
  if (result.exitCode !== 0) return undefined
  const repository = reference.slice(0, reference.lastIndexOf(':'))
  try {
    const digests = JSON.parse(result.stdout.trim()) as string[]
    return digests.find((d) => d.startsWith(`${repository}@`))?.split('@')[1]
  } catch {
    return undefined
  }
}

/** How to get past a refusal; for ghcr.io, its usual causes too. */
function refusalHint(reference: string): string {
  const login = 'Log in to the registry before this step (docker/login-action), with a token that may read packages.'
  let registry: string
  try {
    registry = parseImageReference(reference).registry
  } catch {
    return login
  }
  return isGhcr(registry) ? `${login}\n${ghcrDeniedHint()}` : login
}

function lastLines(text: string, count = 5): string {
  return text.trim().split('\n').slice(-count).join('\n')
}

export async function pullImage(reference: string, o: PullOptions): Promise<PullResult> {
  const attempts = o.attempts ?? 4
  let delay = o.firstDelayMs ?? 5_000
  for (let attempt = 1; ; attempt++) {
    const result = await docker(['pull', reference], false)
    const output = `${result.stdout}\n${result.stderr}`
    if (result.exitCode === 0) {
      return { digest: parsePullDigest(result.stdout) ?? (await inspectDigest(reference)), attempts: attempt }
    }
    const why = lastLines(result.stderr || result.stdout)
    if (AUTH_FAILURE.test(output)) {
      throw new Error(`docker pull ${reference} was refused by the registry: ${why}\n${refusalHint(reference)}`)
    }
    if (attempt >= attempts) {
      throw new Error(`docker pull ${reference} failed ${attempts} times (exit code ${result.exitCode}): ${why}`)
    }
    o.log?.(
      `docker pull failed (exit code ${result.exitCode}); the registry may lag the build, trying again in ${Math.round(delay / 1000)}s.`,
    )
    await o.sleep(delay)
    delay *= 2
  }
}
