// Conditional GETs. GitHub answers `If-None-Match` with 304 when nothing changed, and a 304
// does not count against the rate limit. Octokit keeps no cache and reports a 304 as a
// RequestError, so the last ETag and body of each URL are kept here.
import { httpStatus } from './errors.js'
import type { GitHubClient } from './client.js'

export interface ConditionalStats {
  /** GETs made through this cache (a retried request counts once). */
  requests: number
  /** Of those, the ones GitHub answered 304 Not Modified: free of rate limit. */
  notModified: number
}

interface ConditionalResponse<T> {
  data: T
  notModified: boolean
}

export interface ConditionalGet {
  get<T>(route: string, params?: Record<string, unknown>): Promise<ConditionalResponse<T>>
  readonly stats: ConditionalStats
}

interface Cached {
  etag: string
  data: unknown
}

export function createConditionalGet(client: GitHubClient): ConditionalGet {
  const cache = new Map<string, Cached>()
  const stats: ConditionalStats = { requests: 0, notModified: 0 }
  return {
    stats,
    async get<T>(route: string, params: Record<string, unknown> = {}): Promise<ConditionalResponse<T>> {
      // The expanded URL (path and query) identifies the resource; `request` options are not part of it.
      const { method, url } = client.request.endpoint(route, params)
      const key = `${method} ${url}`
      const cached = cache.get(key)
      const headers = { ...(params.headers as Record<string, string> | undefined), ...(cached ? { 'if-none-match': cached.etag } : {}) }
      stats.requests++
      try {
        const response = await client.request(route, { ...params, headers })
        const etag = response.headers.etag
        if (etag) cache.set(key, { etag, data: response.data })
        return { data: response.data as T, notModified: false }
      } catch (error) {
        if (cached && httpStatus(error) === 304) {
          stats.notModified++
          return { data: cached.data as T, notModified: true }
        }
        throw error
      }
    },
  }
}
