// What a PR that changes the image pays while it waits for its build: requests GitHub counts
// against the job token's rate limit, and how long after the build ends the wait notices. A
// 20-minute build on the embedded GitHub (loopback), through the real Octokit client, in
// simulated time. Against the inline github-script loop it replaces.
import { createDeadline, type Deadline } from '../src/timing/timing.js'
import { createClient, type GitHubClient } from '../src/github/client.js'
import { waitForBuildRun } from '../src/wait/build-runs.js'
import { FakeRuns } from '../test/support/fake-runs.js'
import { FakeGitHub } from '../test/support/github-server.js'
import type { Section } from './table.js'
import { formatBytes, formatCount } from './stats.js'

const MIN = 60_000
const POLL_MS = 20_000
const TIMEOUT_MS = 30 * MIN
/** The build ends at 20 min 5 s: between two polls, as it would on a runner. */
const BUILD_ENDS_MS = 20 * MIN + 5_000
const HEAD_SHA = 'd'.repeat(40)
const WORKFLOW = 'build-ci-image.yml'

type Strategy = (client: GitHubClient, deadline: Deadline, sleep: (ms: number) => Promise<void>) => Promise<string>

const action: Strategy = async (client, deadline, sleep) => {
  const repository = { owner: 'acme', repo: 'app' }
  const scope = { events: ['pull_request' as const], prNumber: 42 }
  const wait = { repository, workflowFile: WORKFLOW, headSha: HEAD_SHA, scope, pollIntervalMs: POLL_MS, deadline, sleep }
  return (await waitForBuildRun(client, wait)).outcome.kind
}

/** The inline github-script step: the 10 latest PR runs every 20 s, plain GETs, the head SHA looked up. */
const inline: Strategy = async (client, deadline, sleep) => {
  for (;;) {
    const { data } = await client.rest.actions.listWorkflowRuns({
      ...{ owner: 'acme', repo: 'app', workflow_id: WORKFLOW, event: 'pull_request', per_page: 10 },
    })
    const run = data.workflow_runs.find((r) => r.head_sha === HEAD_SHA)
    if (run?.status === 'completed') return run.conclusion ?? 'completed'
    if (deadline.remainingMs() <= 0) return 'timeout'
    await sleep(Math.min(POLL_MS, deadline.remainingMs()))
  }
}

async function simulate(strategy: Strategy) {
  let now = Date.parse('2024-05-01T12:00:00Z')
  const start = now
  const clock = () => now
  const sleep = async (ms: number) => void (now += ms)
  const github = await new FakeGitHub().start()
  try {
    const runs = new FakeRuns(github, clock)
    runs.addWorkflow(WORKFLOW)
    // Past builds: what the action's estimate reads, and what fills the inline step's page of runs.
    for (let i = 1; i <= 5; i++) runs.pastRun({ headSha: String(i).repeat(40), durationMs: (15 + i) * MIN, endedMsAgo: i * 60 * MIN })
    let build: ReturnType<FakeRuns['startRun']>
    runs.script([
      { atMs: 1 * MIN, apply: () => (build = runs.startRun({ headSha: HEAD_SHA })) },
      { atMs: 2 * MIN, apply: () => runs.set(build, 'in_progress') },
      { atMs: BUILD_ENDS_MS, apply: () => runs.complete(build, 'success') },
    ])
    // Retry back-off at 1 ms per second; the deadline runs on the simulated clock.
    const client = await createClient({ token: 'ghs_bench', baseUrl: github.url, msPerSecond: 1 })
    const outcome = await strategy(client, createDeadline(clock, TIMEOUT_MS), sleep)
    const charged = github.requests.filter((r) => r.status !== 304)
    return {
      outcome,
      delayMs: now - start - BUILD_ENDS_MS,
      rateLimited: charged.length,
      requests: github.requests.length,
      bytes: charged.reduce((sum, r) => sum + Buffer.byteLength(JSON.stringify(r.responseBody ?? '')), 0),
    }
  } finally {
    await github.stop()
  }
}

export async function measureWait(): Promise<Section> {
  const rows: string[][] = []
  for (const [name, strategy] of [
    ['action: runs of the head SHA, ETags (304s are free)', action],
    ['inline: 10 latest PR runs every 20 s, plain GETs', inline],
  ] as const) {
    const r = await simulate(strategy)
    if (r.outcome !== 'success') throw new Error(`${name}: ended with ${r.outcome}, not the build's success`)
    rows.push([name, formatCount(r.rateLimited), formatCount(r.requests), formatBytes(r.bytes), `${(r.delayMs / 1000).toFixed(0)} s`])
  }
  return {
    title: 'Waiting for a 20-minute build (no run for 1 min, queued 1 min, success at 20 min 5 s), polling every 20 s',
    head: ['strategy', 'rate-limited', 'requests', 'bytes served', 'noticed after the end'],
    rows,
    notes: [
      'rate-limited: requests GitHub counts against the job token (1,000 an hour for GITHUB_TOKEN), all but 304s.',
      'Counts are deterministic (simulated time); "noticed after" is the wait for the next poll, 0 s at best.',
    ],
  }
}
