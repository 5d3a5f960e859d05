// Every wait of a run decided in one place: the poll interval and the wait's deadline (from the
// inputs), the API client's rate-limit waits and retry back-off, the registry's retries, and how
// long one request or one lookup may take. Pure: the clock is injected, and the timers that sleep
// are the session's.

export type Clock = () => number

export interface Deadline {
  readonly startedAt: number
  readonly at: number
  readonly now: Clock
  readonly elapsedMs: () => number
  readonly remainingMs: () => number
  /** True when waiting `ms` more still ends by the deadline. */
  readonly allows: (ms: number) => boolean
}

export function createDeadline(now: Clock, timeoutMs: number): Deadline {
  const startedAt = now()
  const at = startedAt + timeoutMs
  return {
    startedAt,
    at,
    now,
    elapsedMs: () => now() - startedAt,
    remainingMs: () => Math.max(0, at - now()),
    allows: (ms) => now() + ms <= at,
  }
}

/** plugin-retry waits 1 + 4 + 9 seconds before its three retries of a 5xx or network error. */
const RETRY_BACKOFF_MS = 14_000
/** One API request of the poll: never past the deadline, but at least 10 s and at most 30 s. */
const REQUEST_TIMEOUT_MS = { min: 10_000, max: 30_000 }
/** How many rate limits of one request the REST client waits out before it gives up. */
export const MAX_RATE_LIMIT_RETRIES = 5
/** A registry read or a docker pull: 4 attempts, waiting 5 s, then twice as long each time (the registry may lag the build). */
export const REGISTRY_RETRY = { attempts: 4, firstDelayMs: 5_000 } as const
/**
 * A docker credential helper's `get`: a keyring answers in milliseconds, the cloud helpers
 * (ecr-login, gcloud) after a token request of a second or two; past 15 s it is hung, and stopped.
 */
export const CREDENTIAL_HELPER_TIMEOUT_MS = 15_000
/** One request to a registry's HTTP API: a registry that takes longer counts as unavailable. */
export const REGISTRY_REQUEST_TIMEOUT_MS = 30_000
/** GitHub's merge base of a PR: a lookup git can do without, so a slow answer falls back to git, never holds the step. */
export const MERGE_BASE_TIMEOUT_MS = 10_000
/** The comparison of a PR's image with the stable one, both images read: a registry that takes longer holds no step. */
export const IMAGE_COMPARISON_BUDGET_MS = 30_000

/** Per-request options that keep one poll, retries included, within the wait's deadline. */
export function boundedRequest(remainingMs: number): { retries?: number; timeoutMs: number } {
  // Closer to the deadline than the back-off, the next poll asks again instead. Only 0 can be
  // set ahead: a positive `retries` makes plugin-retry repeat every error, 304s and 404s included.
  const retries = remainingMs < RETRY_BACKOFF_MS ? { retries: 0 } : {}
  // A hung connection must not outlive the deadline; the last poll still gets a fair chance.
  const timeoutMs = Math.min(Math.max(remainingMs, REQUEST_TIMEOUT_MS.min), REQUEST_TIMEOUT_MS.max)
  return { ...retries, timeoutMs }
}

/** The timing of one run, from its inputs (seconds, the inputs' unit). */
export interface RunTiming {
  /** The pause between two polls of the build's runs. */
  readonly pollIntervalMs: number
  /** Starts the wait's deadline, `timeout-seconds` from now; from then on rate limits are waited out only within it. */
  startWait(): Deadline
  /** Asked by the REST client before it waits out a rate limit of `seconds`: yes before the wait starts, then only by its deadline. */
  mayWaitRateLimit(seconds: number): boolean
}

export function runTiming(inputs: { pollIntervalSeconds: number; timeoutSeconds: number }, now: Clock = Date.now): RunTiming {
  let deadline: Deadline | undefined
  return {
    pollIntervalMs: inputs.pollIntervalSeconds * 1000,
    startWait: () => (deadline = createDeadline(now, inputs.timeoutSeconds * 1000)),
    mayWaitRateLimit: (seconds) => deadline === undefined || deadline.allows(seconds * 1000),
  }
}
