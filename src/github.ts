// The Octokit client: retries transient faults and waits out rate limits within a budget.
import * as core from '@actions/core'
import { Octokit } from '@octokit/rest'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'

export type GitHubClient = InstanceType<typeof Octokit>

export interface ClientOptions {
  token: string
  baseUrl: string
  /** Asked before waiting out a rate limit; false gives up (a deadline that would be missed). */
  mayWait?: (seconds: number) => boolean
  /** Milliseconds per second of `retry-after` and of retry back-off; tests shrink it. */
  msPerSecond?: number
  /** Proxy-aware fetch of the runner; undefined uses Node's fetch. */
  fetch?: typeof fetch
}

const RetryingOctokit = Octokit.plugin(retry, throttling)
const MAX_RATE_LIMIT_RETRIES = 5

export function createClient({ token, baseUrl, mayWait = () => true, msPerSecond = 1000, fetch }: ClientOptions): GitHubClient {
  if (!token) {
    throw new Error('Input `github-token` is empty: pass a token (the default is ${{ github.token }}).')
  }
  const handleLimit = (kind: string) => (retryAfter: number, options: { method?: string; url?: string }, _: unknown, retryCount: number) => {
    const retrying = retryCount < MAX_RATE_LIMIT_RETRIES && mayWait(retryAfter)
    core.info(`GitHub ${kind} on ${options.method} ${options.url}: ${retrying ? `retrying in ${retryAfter}s` : 'giving up'}.`)
    return retrying
  }
  return new RetryingOctokit({
    auth: token,
    baseUrl,
    userAgent: 'ci-image',
    request: { ...(fetch ? { fetch } : {}) },
    log: { debug: () => {}, info: () => {}, warn: (message: string) => core.debug(message), error: (message: string) => core.debug(message) },
    retry: { retryAfterBaseValue: msPerSecond },
    throttle: {
      retryAfterBaseValue: msPerSecond,
      onRateLimit: handleLimit('rate limit'),
      onSecondaryRateLimit: handleLimit('secondary rate limit'),
    },
  })
}
