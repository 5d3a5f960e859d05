// `docker pull` of the freshly built image, by digest: an argument array (never a shell),
// retried because a registry can lag a build that has just pushed.
import { getExecOutput } from '@actions/exec'
import { lastLines } from '../registry/command-output.js'
import { parseImageReference } from '../registry/image-ref.js'
import { ghcrDeniedHint, isGhcr } from '../registry/registry-hints.js'
import { withCommandsStopped } from '../log/log.js'
import { REGISTRY_RETRY } from '../timing/timing.js'
import { withBackoff } from '../timing/backoff.js'

export interface PullOptions {
  sleep: (ms: number) => Promise<void>
  /** Tries in all, the first included (default: timing's REGISTRY_RETRY). */
  attempts?: number
  /** Pause before the second try; doubles after each failure (default: timing's REGISTRY_RETRY). */
  firstDelayMs?: number
  log?: (line: string) => void
}

export interface PullResult {
  attempts: number
}

interface DockerResult {
  exitCode: number
  stdout: string
  stderr: string
}

// Retrying cannot fix credentials: fail at once with a hint instead.
const AUTH_FAILURE = /unauthorized|denied|authentication required|no basic auth credentials/i

async function docker(args: string[]): Promise<DockerResult> {
  try {
    // docker's progress streams into the log as it comes, with what the registry answers in it:
    // the runner reads no command from it.
    return await withCommandsStopped(() => getExecOutput('docker', args, { ignoreReturnCode: true }))
  } catch (error) {
    // @actions/exec throws only when it cannot start the program.
    throw new Error(
      `Cannot run docker to pull the image (${(error as Error).message.split('.')[0]}). ` +
        'Use a runner with Docker installed, or set `pull: false` to skip the pull.',
      { cause: error },
    )
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

/** A pull that failed for a reason another try may get past (a registry lagging the build). */
class PullFailure extends Error {
  constructor(
    readonly exitCode: number,
    readonly why: string,
  ) {
    super(`docker pull failed (exit code ${exitCode}): ${why}`)
  }
}

export async function pullImage(reference: string, o: PullOptions): Promise<PullResult> {
  return withBackoff(
    async (attempt) => {
      const result = await docker(['pull', reference])
      if (result.exitCode === 0) return { attempts: attempt }
      const why = lastLines(result.stderr || result.stdout)
      if (AUTH_FAILURE.test(`${result.stdout}\n${result.stderr}`)) {
        throw new Error(`docker pull ${reference} was refused by the registry: ${why}\n${refusalHint(reference)}`)
      }
      throw new PullFailure(result.exitCode, why)
    },
    {
      attempts: o.attempts ?? REGISTRY_RETRY.attempts,
      firstDelayMs: o.firstDelayMs ?? REGISTRY_RETRY.firstDelayMs,
      sleep: o.sleep,
      retryable: (error) => error instanceof PullFailure,
      onRetry: (error, delayMs) =>
        o.log?.(
          `docker pull failed (exit code ${(error as PullFailure).exitCode}); the registry may lag the build, trying again in ${Math.round(delayMs / 1000)}s.`,
        ),
      giveUp: (error, tries) =>
        error instanceof PullFailure
          ? new Error(`docker pull ${reference} failed ${tries} times (exit code ${error.exitCode}): ${error.why}`)
          : error,
    },
  )
}
