// How GitHub's HTTP failures are read (github/errors.ts): which are worth another try, how long
// GitHub asked to wait, which name a permission. The errors are Octokit's own RequestErrors.
import { RequestError } from '@octokit/request-error'
import { describe, expect, it } from 'vitest'
import { apiError, describeApiError, isIntegrationRefusal, isNotFound, toApiFault } from '../../src/github/errors.js'

const NOW = Date.parse('2024-05-01T12:00:00Z')
const URL = 'https://api.github.com/repos/acme/app/actions/workflows/build-ci-image.yml/runs?head_sha=abc'

function answered(status: number, message: string, headers: Record<string, string> = {}): RequestError {
  return new RequestError(message, status, {
    request: { method: 'GET', url: URL, headers: { authorization: 'token ghs_secret' } },
    response: { status, url: URL, headers, data: { message } },
  })
}

/** What Octokit throws when fetch itself fails: status 500 and no response. */
function unanswered(message: string): RequestError {
  return new RequestError(message, 500, { request: { method: 'GET', url: URL, headers: {} } })
}

describe('GitHub API failures', () => {
  it.each([
    // https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api: 5xx are GitHub's side.
    { error: answered(502, 'Bad Gateway'), kind: 'transient' },
    { error: answered(503, 'Service Unavailable'), kind: 'transient' },
    { error: unanswered('connect ECONNREFUSED 127.0.0.1:443'), kind: 'transient' },
    // https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api: primary and
    // secondary limits answer 403 or 429, with retry-after or x-ratelimit-remaining: 0.
    { error: answered(429, 'Too Many Requests', { 'retry-after': '60' }), kind: 'transient', retryAfterSeconds: 60 },
    { error: answered(403, 'You have exceeded a secondary rate limit', { 'retry-after': '90' }), kind: 'transient', retryAfterSeconds: 90 },
    {
      error: answered(403, 'API rate limit exceeded', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 + 120) }),
      kind: 'transient',
      retryAfterSeconds: 120,
    },
    { error: answered(403, 'Resource not accessible by integration'), kind: 'refused' },
    { error: answered(401, 'Bad credentials'), kind: 'refused' },
    { error: answered(404, 'Not Found'), kind: 'not-found' },
    { error: answered(422, 'Validation Failed'), kind: 'fatal' },
    { error: new Error('a bug of ours'), kind: 'fatal' },
  ])('$error.message → $kind', ({ error, kind, retryAfterSeconds }) => {
    const fault = toApiFault(error, { nowMs: NOW, permission: 'actions: read' })
    expect(fault.kind).toBe(kind)
    expect(fault.retryAfterSeconds).toBe(retryAfterSeconds)
  })

  it('a timeout of our own (AbortSignal.timeout) is worth another try', () => {
    const timeout = Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError', status: 500 })
    expect(toApiFault(timeout).kind).toBe('transient')
    expect(describeApiError(timeout)).toBe('no answer in time (The operation was aborted due to timeout)')
  })

  it('says which call failed and what GitHub answered, in one line, without the token', () => {
    expect(describeApiError(answered(502, 'Bad Gateway\n<html>…'))).toBe(
      'GET /repos/acme/app/actions/workflows/build-ci-image.yml/runs answered 502: Bad Gateway',
    )
    expect(describeApiError(unanswered('fetch failed'))).toBe(
      'GET /repos/acme/app/actions/workflows/build-ci-image.yml/runs failed: fetch failed',
    )
    expect(describeApiError(answered(401, 'Bad credentials'))).not.toContain('ghs_secret')
  })

  it('a refusal names the permission to grant', () => {
    const error = apiError('list the files of PR #7', answered(403, 'Resource not accessible by integration'), 'pull-requests: read')
    expect(error.message).toBe(
      'Could not list the files of PR #7: GET /repos/acme/app/actions/workflows/build-ci-image.yml/runs answered 403: Resource not accessible by integration: the token needs the `pull-requests: read` permission.',
    )
    expect(apiError('read it', answered(502, 'Bad Gateway'), 'contents: read').message).not.toContain('permission')
  })

  it('tells a missing thing and a token that may not write', () => {
    expect(isNotFound(answered(404, 'Not Found'))).toBe(true)
    expect(isNotFound(answered(403, 'Forbidden'))).toBe(false)
    expect(isIntegrationRefusal(answered(403, 'Resource not accessible by integration'))).toBe(true)
    expect(isIntegrationRefusal(answered(403, 'You have exceeded a secondary rate limit'))).toBe(false)
  })
})
