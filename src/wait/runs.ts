// Workflow runs as the REST API lists them, and which one decides a commit's build.

/** The workflow as `GET /repos/{owner}/{repo}/actions/workflows/{file}` describes it. */
export interface WorkflowInfo {
  name?: string
  path?: string
  /** `active`, `disabled_manually`, `disabled_inactivity`, ... */
  state?: string
}

/** The fields of a workflow run this action reads (GET .../actions/workflows/{file}/runs). */
export interface WorkflowRun {
  id: number
  run_number?: number
  /** 1 for the first attempt; a re-run keeps the id and raises this. */
  run_attempt?: number
  name?: string | null
  /** What started it: `pull_request`, `pull_request_target`, `push`, `workflow_dispatch`... */
  event?: string
  /**
   * Open PRs whose head is the run's branch or commit ("do not necessarily indicate pull requests
   * that triggered the run": GitHub's OpenAPI description, schema workflow-run); empty for a
   * fork's branch.
   */
  pull_requests?: { number: number }[] | null
  head_sha: string
  status: string | null
  conclusion: string | null
  html_url: string
  created_at: string
  updated_at: string
  /** The start of the latest attempt: GitHub resets it on re-run. */
  run_started_at?: string | null
}

function time(text: string | null | undefined): number {
  const parsed = text ? Date.parse(text) : NaN
  return Number.isNaN(parsed) ? 0 : parsed
}

/** When this attempt began: a re-run of an old run is newer than a run created after it. */
function attemptStartedAt(run: WorkflowRun): number {
  return time(run.run_started_at) || time(run.created_at)
}

/** Positive when `a` is a newer attempt than `b`. */
function compareAttempts(a: WorkflowRun, b: WorkflowRun): number {
  return (
    attemptStartedAt(a) - attemptStartedAt(b) ||
    time(a.created_at) - time(b.created_at) ||
    a.id - b.id ||
    (a.run_attempt ?? 1) - (b.run_attempt ?? 1)
  )
}

/** Which runs of the build workflow are the build a wait is for. */
export interface RunScope {
  /** The events whose runs count: the build's pull request triggers that fire for this PR, or `push`. */
  events: readonly string[]
  /** For a PR, its number: a run that names PRs must name this one. */
  prNumber?: number
}

export interface IgnoredRun {
  run: WorkflowRun
  why: string
}

/**
 * Splits a commit's runs into ours and the others, with why each other one does not count: a
 * `workflow_dispatch` or `push` run of the PR's head commit, or another PR's run of the same
 * commit (the same branch opened against two bases), must not decide this PR's wait. The event
 * is the main separator: GitHub lists in `pull_requests` every open PR whose head matches.
 */
export function scopeRuns(runs: readonly WorkflowRun[], scope: RunScope): { ours: WorkflowRun[]; ignored: IgnoredRun[] } {
  const ours: WorkflowRun[] = []
  const ignored: IgnoredRun[] = []
  for (const run of runs) {
    const event = run.event ?? 'unknown'
    const named = (run.pull_requests ?? []).map((pr) => pr.number)
    if (!scope.events.includes(event)) {
      ignored.push({ run, why: `it was started by ${event}, and this build runs on ${scope.events.join(' or ')}` })
    } else if (scope.prNumber !== undefined && named.length > 0 && !named.includes(scope.prNumber)) {
      ignored.push({ run, why: `it builds ${named.map((n) => `PR #${n}`).join(', ')}, not PR #${scope.prNumber}` })
    } else {
      ours.push(run)
    }
  }
  return { ours, ignored }
}

/**
 * The run that decides the build of `headSha`: of the runs for exactly that commit (never the
 * merge commit, never another PR's: see scopeRuns), the newest attempt. A re-run after a failure is that
 * newest attempt, so a run that went back to `queued` is followed rather than its old result.
 */
export function selectRun(runs: readonly WorkflowRun[], headSha: string): WorkflowRun | undefined {
  const sha = headSha.toLowerCase()
  let newest: WorkflowRun | undefined
  for (const run of runs) {
    if (run.head_sha.toLowerCase() !== sha) continue
    if (newest === undefined || compareAttempts(run, newest) > 0) newest = run
  }
  return newest
}

export function isCompleted(run: WorkflowRun): boolean {
  return run.status === 'completed'
}

/** How long the attempt took (or has taken so far, by `updated_at`). */
export function runDurationMs(run: WorkflowRun): number | undefined {
  const start = attemptStartedAt(run)
  const end = time(run.updated_at)
  return start > 0 && end >= start ? end - start : undefined
}

/** The median duration of completed runs; undefined when none has a usable duration. */
export function typicalDurationMs(runs: readonly WorkflowRun[]): number | undefined {
  const durations = runs
    .filter(isCompleted)
    .map(runDurationMs)
    .filter((ms): ms is number => ms !== undefined && ms > 0)
    .sort((a, b) => a - b)
  if (durations.length === 0) return undefined
  const middle = Math.floor(durations.length / 2)
  return durations.length % 2 === 1 ? durations[middle]! : Math.round((durations[middle - 1]! + durations[middle]!) / 2)
}

/** `#1234 (attempt 2)`: how a person finds the run on the Actions tab. */
export function runLabel(run: WorkflowRun): string {
  const attempt = (run.run_attempt ?? 1) > 1 ? ` (attempt ${run.run_attempt})` : ''
  return `#${run.run_number ?? run.id}${attempt}`
}

/** `queued`, `in_progress`, `completed: failure`: a run's state as one string. */
export function runState(run: WorkflowRun): string {
  return isCompleted(run) ? `completed: ${run.conclusion ?? 'unknown'}` : (run.status ?? 'unknown')
}
