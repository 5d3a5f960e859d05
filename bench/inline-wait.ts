// The wait the action replaces, as the system description's github-script step does it: every
// 20 s, list the build workflow's 10 most recent pull_request runs, plain GETs (no ETag), and
// look for the one with the PR's head SHA. Same deadline rule as the action (a last poll on the
// deadline), so the two differ only in what each poll asks.
import type { Deadline } from '../src/core/deadline.js'
import type { GitHubClient } from '../src/github/client.js'

export type InlineWaitOutcome = 'success' | 'failure' | 'timeout'

export interface InlineWaitOptions {
  client: GitHubClient
  owner: string
  repo: string
  workflowFile: string
  headSha: string
  pollIntervalMs: number
  deadline: Deadline
  sleep: (ms: number) => Promise<void>
}

export async function inlineWait(o: InlineWaitOptions): Promise<InlineWaitOutcome> {
  for (;;) {
    const { data } = await o.client.rest.actions.listWorkflowRuns({
      owner: o.owner,
      repo: o.repo,
      workflow_id: o.workflowFile,
      event: 'pull_request',
      per_page: 10,
    })
    const run = data.workflow_runs.find((r) => r.head_sha === o.headSha)
    if (run?.status === 'completed') return run.conclusion === 'success' ? 'success' : 'failure'
    if (o.deadline.remainingMs() <= 0) return 'timeout'
    await o.sleep(Math.min(o.pollIntervalMs, o.deadline.remainingMs()))
  }
}
