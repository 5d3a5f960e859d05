// The REST calls `wait-for-build` makes: the build workflow, its runs for one commit, and its
// recent successful runs. Polls are conditional, so an unchanged answer costs no rate limit.
import { createConditionalGet, type ConditionalStats } from './conditional.js'
import type { Repository } from './context.js'
import type { GitHubClient } from './github.js'
import { typicalDurationMs, type WorkflowRun } from './runs.js'
import type { WorkflowInfo } from './wait.js'

export interface BuildRunsApi {
  findWorkflow(): Promise<WorkflowInfo | undefined>
  /** Runs for exactly `headSha` (the endpoint filters), newest first. */
  fetchRuns(headSha: string, remainingMs: number): Promise<WorkflowRun[]>
  typicalDurationMs(): Promise<number | undefined>
  readonly stats: ConditionalStats
}

/** plugin-retry waits 1 + 4 + 9 seconds before its three retries of a 5xx or network error. */
const RETRY_BACKOFF_MS = 14_000
const REQUEST_TIMEOUT_MS = { min: 10_000, max: 30_000 }

/** Per-request options that keep one poll, retries included, within the wait's deadline. */
export function boundedBy(remainingMs: number): { retries?: number; signal: AbortSignal } {
  // Closer to the deadline than the back-off, the next poll asks again instead. Only 0 can be
  // set ahead: a positive `retries` makes plugin-retry repeat every error, 304s and 404s included.
  const retries = remainingMs < RETRY_BACKOFF_MS ? { retries: 0 } : {}
  // A hung connection must not outlive the deadline; the last poll still gets a fair chance.
  const timeoutMs = Math.min(Math.max(remainingMs, REQUEST_TIMEOUT_MS.min), REQUEST_TIMEOUT_MS.max)
  return { ...retries, signal: AbortSignal.timeout(timeoutMs) }
}

export function createBuildRunsApi(client: GitHubClient, repository: Repository, workflowFile: string): BuildRunsApi {
  const conditional = createConditionalGet(client)
  const workflowRoute = 'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}'
  const runsRoute = `${workflowRoute}/runs`
  const base = { ...repository, workflow_id: workflowFile }
  return {
    stats: conditional.stats,
    async findWorkflow() {
      try {
        return (await conditional.get<WorkflowInfo>(workflowRoute, base)).data
      } catch (error) {
        if ((error as { status?: number }).status === 404) return undefined
        throw error
      }
    },
    async fetchRuns(headSha, remainingMs) {
      // head_sha asks for exactly this commit's runs: a page of recent runs could lose it on a busy repository.
      const params = { ...base, head_sha: headSha, per_page: 100, exclude_pull_requests: true, request: boundedBy(remainingMs) }
      return (await conditional.get<{ workflow_runs: WorkflowRun[] }>(runsRoute, params)).data.workflow_runs
    },
    async typicalDurationMs() {
      const params = { ...base, status: 'success', per_page: 5, exclude_pull_requests: true }
      return typicalDurationMs((await conditional.get<{ workflow_runs: WorkflowRun[] }>(runsRoute, params)).data.workflow_runs)
    },
  }
}
