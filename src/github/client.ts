// The REST client: @actions/github's Octokit, which takes the runner's proxy settings and the
// GitHub (Enterprise) API URL from the environment, with the retry and throttling plugins. Rate
// limits are waited out only within the caller's budget (a wait's deadline).
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import { getOctokit } from '@actions/github'
import { MAX_RATE_LIMIT_RETRIES } from '../timing/timing.js'

export type GitHubClient = ReturnType<typeof getOctokit>

export interface ClientOptions {
  token: string
  baseUrl: string
  /** Asked before waiting out a rate limit; false gives up (a deadline that would be missed). */
  mayWait?: (seconds: number) => boolean
  /** Milliseconds per second of `retry-after` and of retry back-off; tests shrink it. */
  msPerSecond?: number
  /** Where rate-limit waits and Octokit's warnings go: the job log (log/log.ts), which quotes the API safely. */
  log?: ClientLog
}

interface ClientLog {
  info: (line: string) => void
  debug: (line: string) => void
}

const SILENT: ClientLog = { info: () => {}, debug: () => {} }

export async function createClient({
  token,
  baseUrl,
  mayWait = () => true,
  msPerSecond = 1000,
  log = SILENT,
}: ClientOptions): Promise<GitHubClient> {
  if (!token) {
    throw new Error('Input `github-token` is empty: pass a token (the default is ${{ github.token }}).')
  }
  const handleLimit =
    (kind: string) => (retryAfter: number, options: { method?: string; url?: string }, _: unknown, retryCount: number) => {
      const retrying = retryCount < MAX_RATE_LIMIT_RETRIES && mayWait(retryAfter)
      log.info(`GitHub ${kind} on ${options.method} ${options.url}: ${retrying ? `retrying in ${retryAfter}s` : 'giving up'}.`)
      return retrying
    }
  return getOctokit(
    token,
    {
      baseUrl,
      userAgent: 'ci-image',
      log: {
        debug: () => {},
        info: () => {},
        warn: (message: string) => log.debug(message),
        error: (message: string) => log.debug(message),
      },
      retry: { retryAfterBaseValue: msPerSecond },
      throttle: {
        retryAfterBaseValue: msPerSecond,
        onRateLimit: handleLimit('rate limit'),
        onSecondaryRateLimit: handleLimit('secondary rate limit'),
      },
    },
    retry,
    throttling,
  )
}
