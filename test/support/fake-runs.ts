// GitHub Actions on the embedded GitHub: workflows, their runs, and a scripted timeline that
// moves runs along with the clock or with the number of polls.
import { createRequire } from 'node:module'
import type { FakeGitHub, RecordedRequest } from './github-server.js'
import { notFound } from './github-server.js'

const require = createRequire(import.meta.url)
const examples = require('@octokit/webhooks-examples/api.github.com/index.json') as { name: string; examples: Record<string, any>[] }[]
/** GitHub's own workflow_run webhook example: every field the REST API lists, in its real shape. */
const RUN_EXAMPLE = JSON.stringify(examples.find((e) => e.name === 'workflow_run')!.examples[0]!.workflow_run)

export interface FakeWorkflow {
  id: number
  name: string
  path: string
  state: string
}

/** A workflow run as the REST API shapes it; the fields scenarios change are typed. */
export interface FakeRun {
  [field: string]: unknown
  id: number
  name: string
  workflow_id: number
  path: string
  run_number: number
  run_attempt: number
  event: string
  head_sha: string
  head_branch: string
  status: string
  conclusion: string | null
  html_url: string
  created_at: string
  updated_at: string
  run_started_at: string
  /** The PRs GitHub lists on the run; shown as `pull_requests` unless the request excludes them. */
  pullRequestNumbers: number[]
}

export interface TimelineStep {
  /** Applies once the clock is this many ms past the start. */
  atMs?: number
  /** Applies just before the n-th (1-based) runs-of-a-commit request is answered. */
  onPoll?: number
  apply: () => void
}

export interface NewRun {
  headSha: string
  workflow?: string
  event?: string
  status?: string
  conclusion?: string | null
  headBranch?: string
  /** The open PRs GitHub names on the run (those whose head is its branch); none for a fork's. */
  pullRequests?: number[]
}

export class FakeRuns {
  readonly workflows = new Map<string, FakeWorkflow>()
  readonly runs: FakeRun[] = []
  /** Requests for the runs of one commit (`head_sha=`): the action's polls. */
  polls = 0
  private steps: TimelineStep[] = []
  private nextId = 9000
  private readonly startedAt: number

  constructor(
    private readonly github: FakeGitHub,
    private readonly clock: () => number = Date.now,
  ) {
    this.startedAt = clock()
    const base = `/repos/${github.owner}/${github.repo}/actions/workflows`
    github.route('GET', `${base}/([^/]+)`, ({ params }) => {
      const workflow = this.workflow(params[0]!)
      return workflow ? { status: 200, body: this.workflowBody(workflow) } : notFound()
    })
    github.route('GET', `${base}/([^/]+)/runs`, ({ params, query, req }) => {
      const workflow = this.workflow(params[0]!)
      if (!workflow) return notFound()
      const status = query.get('status')
      const event = query.get('event')
      const withPullRequests = query.get('exclude_pull_requests') !== 'true'
      const headSha = query.get('head_sha')
      const runs = this.runs
        .filter((run) => run.workflow_id === workflow.id)
        .filter((run) => headSha === null || run.head_sha === headSha)
        .filter((run) => event === null || run.event === event)
        .filter((run) => status === null || run.status === status || run.conclusion === status)
        .sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id)
      // `exclude_pull_requests=true` empties the list ("If true pull requests are omitted from the response").
      const shown = runs.map(({ pullRequestNumbers, ...run }) => ({
        ...run,
        pull_requests: withPullRequests ? pullRequestNumbers.map((n) => this.minimalPullRequest(run, n)) : [],
      }))
      const page = github.paginate(req, query, shown, 30, 100)
      return { ...page, body: { total_count: runs.length, workflow_runs: page.body } }
    })
    const previous = github.onRequest
    github.onRequest = (request) => {
      previous(request)
      this.advance(request)
    }
  }

  addWorkflow(file: string, o: { name?: string; state?: string } = {}): FakeWorkflow {
    const workflow = {
      id: 100 + this.workflows.size,
      name: o.name ?? 'Build CI image',
      path: `.github/workflows/${file}`,
      state: o.state ?? 'active',
    }
    this.workflows.set(file, workflow)
    return workflow
  }

  /** A new run (`queued` unless told), created now. */
  startRun(o: NewRun): FakeRun {
    const workflow = this.workflows.get(o.workflow ?? [...this.workflows.keys()][0]!)
    if (!workflow) throw new Error('add a workflow first')
    const id = this.nextId++
    const now = this.now()
    const { owner, repo } = this.github
    const example = JSON.parse(
      RUN_EXAMPLE.replaceAll('octo-org/octo-repo', `${owner}/${repo}`)
        .replaceAll('1589141559', String(id))
        .replaceAll('16340987', String(workflow.id)),
    )
    const run: FakeRun = {
      ...example,
      id,
      node_id: `WFR_${id}`,
      name: workflow.name,
      display_title: 'Build the CI image',
      head_commit: { ...example.head_commit, id: o.headSha },
      workflow_id: workflow.id,
      path: workflow.path,
      run_number: id - 8000,
      run_attempt: 1,
      event: o.event ?? 'pull_request',
      head_sha: o.headSha,
      head_branch: o.headBranch ?? 'feature',
      status: o.status ?? 'queued',
      conclusion: o.conclusion ?? null,
      html_url: `https://github.com/${owner}/${repo}/actions/runs/${id}`,
      created_at: now,
      updated_at: now,
      run_started_at: now,
      pullRequestNumbers: o.pullRequests ?? [],
    }
    this.runs.push(run)
    return run
  }

  /** A finished run of the past, for the estimate of how long builds take. */
  pastRun(o: NewRun & { durationMs: number; endedMsAgo: number }): FakeRun {
    const run = this.startRun({ ...o, status: 'completed', conclusion: o.conclusion ?? 'success' })
    const end = this.clock() - o.endedMsAgo
    run.created_at = run.run_started_at = new Date(end - o.durationMs).toISOString()
    run.updated_at = new Date(end).toISOString()
    return run
  }

  set(run: FakeRun, status: string, conclusion: string | null = null): void {
    run.status = status
    run.conclusion = conclusion
    run.updated_at = this.now()
  }

  complete(run: FakeRun, conclusion: string): void {
    this.set(run, 'completed', conclusion)
  }

  /** "Re-run jobs": same run, next attempt, back to queued. */
  rerun(run: FakeRun): void {
    run.run_attempt++
    run.previous_attempt_url = `${run.url as string}/attempts/${run.run_attempt - 1}`
    run.run_started_at = this.now()
    this.set(run, 'queued')
  }

  script(steps: TimelineStep[]): void {
    this.steps.push(...steps)
  }

  private now(): string {
    return new Date(this.clock()).toISOString()
  }

  /** A `pull-request-minimal` as GitHub lists it on a run. */
  private minimalPullRequest(run: Omit<FakeRun, 'pullRequestNumbers'>, number: number): Record<string, unknown> {
    const { owner, repo } = this.github
    const repoRef = { id: 1296269, url: `https://api.github.com/repos/${owner}/${repo}`, name: repo }
    return {
      id: 1_000_000 + number,
      number,
      url: `https://api.github.com/repos/${owner}/${repo}/pulls/${number}`,
      head: { ref: run.head_branch, sha: run.head_sha, repo: repoRef },
      base: { ref: 'main', sha: 'b'.repeat(40), repo: repoRef },
    }
  }

  private workflow(idOrFile: string): FakeWorkflow | undefined {
    return this.workflows.get(decodeURIComponent(idOrFile)) ?? [...this.workflows.values()].find((w) => String(w.id) === idOrFile)
  }

  private workflowBody(w: FakeWorkflow): Record<string, unknown> {
    const { owner, repo } = this.github
    return {
      ...w,
      node_id: `W_${w.id}`,
      url: `https://api.github.com/repos/${owner}/${repo}/actions/workflows/${w.id}`,
      html_url: `https://github.com/${owner}/${repo}/blob/main/${w.path}`,
      badge_url: `https://github.com/${owner}/${repo}/workflows/${encodeURIComponent(w.name)}/badge.svg`,
      created_at: '2024-01-01T00:00:00Z',
      updated_at: '2024-01-01T00:00:00Z',
    }
  }

  private advance(request: RecordedRequest): void {
    if (request.method === 'GET' && request.path.endsWith('/runs') && request.query.has('head_sha')) this.polls++
    const elapsed = this.clock() - this.startedAt
    const due = this.steps.filter((s) => (s.atMs !== undefined && s.atMs <= elapsed) || (s.onPoll !== undefined && s.onPoll <= this.polls))
    this.steps = this.steps.filter((s) => !due.includes(s))
    for (const step of due) step.apply()
  }
}
