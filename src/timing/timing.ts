// One deadline shared by the poll loop and the API client's retries, on an injectable clock.

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
