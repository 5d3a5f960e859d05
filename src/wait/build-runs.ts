// The REST side of `wait-for-build`: the build workflow, its runs for one commit and its recent
// successful runs, asked with conditional requests (an unchanged answer costs no rate limit),
// and the poll loop of wait/wait-loop.ts wired to them.
import type { RestEndpointMethodTypes } from '@octokit/rest'
import type { Repository } from '../github/repository.js'
import { typicalDurationMs, type WorkflowInfo, type WorkflowRun } from './runs.js'
import { waitForRun, type WaitForRunOptions, type WaitOutcome } from './wait-loop.js'
import type { GitHubClient } from '../github/client.js'
import { createConditionalGet, type ConditionalStats } from '../github/conditional.js'
import { isNotFound, toApiFault } from '../github/errors.js'
import { boundedRequest } from '../timing/timing.js'

type RunsPage = RestEndpointMethodTypes['actions']['listWorkflowRuns']['response']['data']
type Workflow = RestEndpointMethodTypes['actions']['getWorkflow']['response']['data']

/** Reading workflows and their runs needs this (GitHub answers 403 or 404 without it). */
const PERMISSION = 'actions: read'

interface BuildRunsApi {
  findWorkflow(): Promise<WorkflowInfo | undefined>
  /** Runs for exactly `headSha` (the endpoint filters), of `event` when given, newest first. */
  fetchRuns(headSha: string, remainingMs: number, event?: string): Promise<WorkflowRun[]>
  typicalDurationMs(): Promise<number | undefined>
  readonly stats: ConditionalStats
}

/** boundedRequest's limits, its timeout as a signal that aborts the request. */
function boundedBy(remainingMs: number): { retries?: number; signal: AbortSignal } {
  const { timeoutMs, ...retries } = boundedRequest(remainingMs)
  return { ...retries, signal: AbortSignal.timeout(timeoutMs) }
}

function createBuildRunsApi(
  client: GitHubClient,
  repository: Repository,
  workflowFile: string,
  now: () => number = Date.now,
): BuildRunsApi {
  const conditional = createConditionalGet(client)
  const workflowRoute = 'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}'
  const runsRoute = `${workflowRoute}/runs`
  const base = { ...repository, workflow_id: workflowFile }
  // Failures reach the poll loop as ApiFaults, which name the permission to grant.
  const asked = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call()
    } catch (error) {
      throw toApiFault(error, { permission: PERMISSION, nowMs: now() })
    }
  }
  return {
    stats: conditional.stats,
    findWorkflow: () =>
      asked(async () => {
        try {
          return (await conditional.get<Workflow>(workflowRoute, base)).data
        } catch (error) {
          if (isNotFound(error)) return undefined
          throw error
        }
      }),
    fetchRuns: (headSha, remainingMs, event) =>
      asked(async () => {
        // head_sha asks for exactly this commit's runs: a page of recent runs could lose it on a
        // busy repository. `event` ("Returns workflow run triggered by the event you specify":
        // GitHub's OpenAPI description) leaves out runs that are not ours before they cost a byte;
        // pull_requests stay in (no exclude_pull_requests), to tell one PR's run from another's.
        const params = { ...base, head_sha: headSha, ...(event ? { event } : {}), per_page: 100, request: boundedBy(remainingMs) }
        return (await conditional.get<RunsPage>(runsRoute, params)).data.workflow_runs
      }),
    typicalDurationMs: () =>
      asked(async () => {
        const params = { ...base, status: 'success', per_page: 5, exclude_pull_requests: true }
        return typicalDurationMs((await conditional.get<RunsPage>(runsRoute, params)).data.workflow_runs)
      }),
  }
}

/** The wait loop's options, with the repository as the API names it and the REST calls made here. */
export interface BuildRunWait extends Omit<WaitForRunOptions, 'repository' | 'findWorkflow' | 'fetchRuns' | 'typicalDurationMs'> {
  repository: Repository
}

/** Waits for the build run of one commit over REST: what the command, the HTTP tests and the bench run. */
export async function waitForBuildRun(client: GitHubClient, o: BuildRunWait): Promise<{ outcome: WaitOutcome; stats: ConditionalStats }> {
  const api = createBuildRunsApi(client, o.repository, o.workflowFile, o.deadline.now)
  const outcome = await waitForRun({
    ...o,
    repository: `${o.repository.owner}/${o.repository.repo}`,
    findWorkflow: () => api.findWorkflow(),
    // One event: the API filters; several: one request, filtered here.
    fetchRuns: (remainingMs) => api.fetchRuns(o.headSha, remainingMs, o.scope.events.length === 1 ? o.scope.events[0] : undefined),
    typicalDurationMs: () => api.typicalDurationMs(),
  })
  return { outcome, stats: api.stats }
}
