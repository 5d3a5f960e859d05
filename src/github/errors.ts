// The one place that reads GitHub's HTTP failures: their status, whether asking again may help,
// how long GitHub asked us to wait, and which permission a refusal points to. Octokit reports a
// failed call as a RequestError (a network error or a timeout as status 500, or an AbortError).
import { RequestError } from '@octokit/request-error'
import { ApiFault, type FaultKind } from './api-fault.js'

/** The HTTP status GitHub answered; undefined for anything that is not an API error. */
export function httpStatus(error: unknown): number | undefined {
  return error instanceof RequestError ? error.status : undefined
}

export function isNotFound(error: unknown): boolean {
  return httpStatus(error) === 404
}

/** A token without write access: a fork's PR, or `permissions:` without the scope asked for. */
export function isIntegrationRefusal(error: unknown): boolean {
  return httpStatus(error) === 403 && error instanceof Error && /resource not accessible/i.test(error.message)
}

function header(error: RequestError, name: string): string | undefined {
  const value = error.response?.headers[name]
  return value === undefined ? undefined : String(value)
}

function isRateLimit(error: RequestError): boolean {
  return header(error, 'x-ratelimit-remaining') === '0' || header(error, 'retry-after') !== undefined || /rate limit/i.test(error.message)
}

/** A call that ended without an answer: the request timed out (our signal) or was aborted. */
function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')
}

/**
 * 5xx, network errors and timeouts, and rate limits (429, or 403 with GitHub's rate-limit
 * signature) may pass; a plain 401, 403, 404 or 422 will not change by asking again.
 */
function kindOf(error: unknown): FaultKind {
  if (isAbort(error)) return 'transient'
  if (!(error instanceof RequestError)) return 'fatal'
  const { status } = error
  if (status >= 500 || status === 429 || (status === 403 && isRateLimit(error))) return 'transient'
  if (status === 404) return 'not-found'
  if (status === 401 || status === 403) return 'refused'
  return 'fatal'
}

/** Seconds GitHub asked to wait (`retry-after`, or until `x-ratelimit-reset` when none are left). */
function retryAfterSeconds(error: unknown, nowMs: number): number | undefined {
  if (!(error instanceof RequestError)) return undefined
  const retryAfter = Number(header(error, 'retry-after'))
  if (Number.isFinite(retryAfter) && retryAfter > 0) return retryAfter
  const reset = Number(header(error, 'x-ratelimit-reset'))
  if (header(error, 'x-ratelimit-remaining') === '0' && Number.isFinite(reset) && reset > 0) {
    return Math.max(0, Math.ceil(reset - nowMs / 1000))
  }
  return undefined
}

/** `GET /repos/acme/app/pulls/7 answered 404: Not Found`: the call and GitHub's answer, one line. */
export function describeApiError(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!
  if (isAbort(error)) return `no answer in time (${message})`
  if (!(error instanceof RequestError)) return message
  const { method, url } = error.request
  const call = `${method} ${url ? new URL(url, 'http://localhost').pathname : ''}`.trim()
  // Octokit reports a request that got no answer (a network error) as status 500 without a response.
  return error.response === undefined ? `${call} failed: ${message}` : `${call} answered ${error.status}: ${message}`
}

export interface FaultOptions {
  /** The permission the call needs, named when GitHub refuses it. */
  permission?: string
  /** The clock `x-ratelimit-reset` is read against. */
  nowMs?: number
}

/** An API failure as the decisions see it (github/api-fault.ts). */
export function toApiFault(error: unknown, { permission, nowMs = Date.now() }: FaultOptions = {}): ApiFault {
  if (error instanceof ApiFault) return error
  return new ApiFault(kindOf(error), describeApiError(error), {
    retryAfterSeconds: retryAfterSeconds(error, nowMs),
    permission,
    cause: error,
  })
}

/** An API failure as a step's error: what was being done, GitHub's answer, and the permission to grant. */
export function apiError(what: string, error: unknown, permission?: string): Error {
  const fault = toApiFault(error, { permission })
  return new Error(`Could not ${what}: ${fault.description}${fault.permissionHint()}.`, { cause: error })
}
