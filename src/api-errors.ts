// Which REST failures are worth another try, and how long GitHub asked us to wait.

interface ErrorShape {
  status?: number
  message?: string
  response?: { headers?: Record<string, string | number | undefined> }
}

function header(error: ErrorShape, name: string): string | undefined {
  const value = error.response?.headers?.[name]
  return value === undefined ? undefined : String(value)
}

function isRateLimit(error: ErrorShape): boolean {
  return header(error, 'x-ratelimit-remaining') === '0' || header(error, 'retry-after') !== undefined || /rate limit/i.test(error.message ?? '')
}

/**
 * 5xx, network errors and timeouts (Octokit reports them as status 500), and rate limits
 * (429, or 403 with GitHub's rate-limit signature). A plain 403, 401, 404 or 422 will not
 * change by asking again.
 */
export function isTransientApiError(error: unknown): boolean {
  const e = error as ErrorShape
  if (typeof e?.status !== 'number') return false
  if (e.status >= 500 || e.status === 429) return true
  return e.status === 403 && isRateLimit(e)
}

/** Seconds GitHub asked to wait (`retry-after`, or until `x-ratelimit-reset` when none are left). */
export function retryAfterSeconds(error: unknown, nowMs: number): number | undefined {
  const e = error as ErrorShape
  const retryAfter = Number(header(e, 'retry-after'))
  if (Number.isFinite(retryAfter) && retryAfter > 0) return retryAfter
  const reset = Number(header(e, 'x-ratelimit-reset'))
  if (header(e, 'x-ratelimit-remaining') === '0' && Number.isFinite(reset) && reset > 0) {
    return Math.max(0, Math.ceil(reset - nowMs / 1000))
  }
  return undefined
}

export function describeApiError(error: unknown): string {
  const e = error as ErrorShape
  const message = (e?.message ?? String(error)).split('\n')[0]
  return typeof e?.status === 'number' ? `HTTP ${e.status}: ${message}` : message!
}
