// Trying again, waiting longer each time: the first wait, then twice as long after each failure.
// Pure: the sleep is injected.

export interface BackoffOptions {
  /** Tries in all, the first included. */
  attempts: number
  /** The wait before the second try; each later wait is twice the one before. */
  firstDelayMs: number
  sleep: (ms: number) => Promise<void>
  /** Whether another try may succeed where this one failed. */
  retryable: (error: unknown) => boolean
  /** Said before each wait: why the try failed and how long the wait is. */
  onRetry?: (error: unknown, delayMs: number) => void
  /** The error to throw on giving up, after `tries` tries and `waitedMs` of waits; the last one by default. */
  giveUp?: (error: unknown, tries: number, waitedMs: number) => unknown
}

/** `attempt(n)` for n = 1, 2, … until it succeeds, fails for good or runs out of tries. */
export async function withBackoff<T>(attempt: (n: number) => Promise<T>, o: BackoffOptions): Promise<T> {
  let delay = o.firstDelayMs
  let waitedMs = 0
  for (let n = 1; ; n++) {
    try {
      return await attempt(n)
    } catch (error) {
      if (!o.retryable(error) || n >= o.attempts) throw o.giveUp ? o.giveUp(error, n, waitedMs) : error
      o.onRetry?.(error, delay)
      await o.sleep(delay)
      waitedMs += delay
      delay *= 2
    }
  }
}
