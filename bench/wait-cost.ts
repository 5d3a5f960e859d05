// 2. API cost of a wait: a PR that changes the image waits for its 20-minute build. Measured
// over the embedded GitHub on loopback with the real Octokit client, in simulated time.
import { performance } from 'node:perf_hooks'
import { createDeadline } from '../src/core/deadline.js'
import { createClient, type GitHubClient } from '../src/github/client.js'
import { waitForBuildRun } from '../src/github/workflow-runs.js'
import { FakeRuns } from '../test/support/fake-runs.js'
import { FakeGitHub, type RecordedRequest } from '../test/support/github-server.js'
import { inlineWait } from './inline-wait.js'
import type { Section } from './section.js'
import { createSimulatedClock, type SimulatedClock } from './simulated-clock.js'
import { formatBytes, formatCount, formatMs, median } from './stats.js'

const MIN = 60_000
const POLL_INTERVAL_MS = 20_000
const TIMEOUT_MS = 20 * MIN
const HEAD_SHA = 'd'.repeat(40)
const WORKFLOW = 'build-ci-image.yml'
const REPEATS = 3
const TARGET_RATE_LIMITED = 10

interface WaitResult {
  outcome: string
  simulatedMs: number
  wallMs: number
  requests: RecordedRequest[]
}

type Strategy = (client: GitHubClient, clock: SimulatedClock) => Promise<string>

/** The build: no run for 1 min, queued for 1 min, in progress for 18 min, then success. */
function scriptBuild(runs: FakeRuns): void {
  runs.addWorkflow(WORKFLOW)
  // Past builds: what the action's estimate reads, and what fills the inline step's page of runs.
  for (let i = 1; i <= 5; i++) runs.pastRun({ headSha: String(i).repeat(40), durationMs: (15 + i) * MIN, endedMsAgo: i * 60 * MIN })
  let build: ReturnType<FakeRuns['startRun']>
  runs.script([
    { atMs: 1 * MIN, apply: () => (build = runs.startRun({ headSha: HEAD_SHA })) },
    { atMs: 2 * MIN, apply: () => runs.set(build, 'in_progress') },
    { atMs: 20 * MIN, apply: () => runs.complete(build, 'success') },
  ])
}

const actionStrategy: Strategy = async (client, clock) => {
  const { outcome } = await waitForBuildRun(client, {
    repository: { owner: 'acme', repo: 'app' },
    workflowFile: WORKFLOW,
    headSha: HEAD_SHA,
    scope: { events: ['pull_request'], prNumber: 42 },
    pollIntervalMs: POLL_INTERVAL_MS,
    deadline: createDeadline(clock.now, TIMEOUT_MS),
    sleep: clock.sleep,
  })
  return outcome.kind
}

const inlineStrategy: Strategy = (client, clock) =>
  inlineWait({
    client,
    owner: 'acme',
    repo: 'app',
    workflowFile: WORKFLOW,
    headSha: HEAD_SHA,
    pollIntervalMs: POLL_INTERVAL_MS,
    deadline: createDeadline(clock.now, TIMEOUT_MS),
    sleep: clock.sleep,
  })

async function simulate(strategy: Strategy): Promise<WaitResult> {
  const clock = createSimulatedClock()
  const github = await new FakeGitHub().start()
  try {
    scriptBuild(new FakeRuns(github, clock.now))
    // Retry back-off and retry-after at 1 ms per second; the deadline runs on the simulated clock.
    const client = await createClient({ token: 'ghs_bench', baseUrl: github.url, msPerSecond: 1 })
    const started = performance.now()
    const outcome = await strategy(client, clock)
    return { outcome, simulatedMs: clock.elapsedMs(), wallMs: performance.now() - started, requests: [...github.requests] }
  } finally {
    await github.stop()
  }
}

interface Cost {
  rateLimited: number
  total: number
  notModified: number
  responseBytes: number
}

function costOf(requests: readonly RecordedRequest[]): Cost {
  const counted = requests.filter((r) => r.status !== 304)
  return {
    rateLimited: counted.length,
    total: requests.length,
    notModified: requests.length - counted.length,
    // JSON bodies as served; a 304 has none.
    responseBytes: counted.reduce((sum, r) => sum + Buffer.byteLength(JSON.stringify(r.responseBody ?? '')), 0),
  }
}

async function repeat(strategy: Strategy): Promise<{ last: WaitResult; cost: Cost; wallMs: number; stable: boolean }> {
  const results: WaitResult[] = []
  for (let i = 0; i < REPEATS; i++) results.push(await simulate(strategy))
  const costs = results.map((r) => JSON.stringify(costOf(r.requests)))
  return {
    last: results.at(-1)!,
    cost: costOf(results.at(-1)!.requests),
    wallMs: median(results.map((r) => r.wallMs)),
    stable: new Set(costs).size === 1,
  }
}

const minutes = (ms: number) => `${Math.floor(ms / MIN)}m${String(Math.round((ms % MIN) / 1000)).padStart(2, '0')}s`

export async function measureWaitCost(): Promise<Section> {
  const action = await repeat(actionStrategy)
  const inline = await repeat(inlineStrategy)
  const row = (name: string, r: typeof action) => [
    name,
    formatCount(r.cost.rateLimited),
    formatCount(r.cost.total),
    formatCount(r.cost.notModified),
    formatBytes(r.cost.responseBytes),
    `${r.last.outcome} at ${minutes(r.last.simulatedMs)}`,
    formatMs(r.wallMs),
  ]
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`
  return {
    title: `API cost of waiting for a 20-minute build (absent 1 min, queued 1 min, in progress 18 min, success), polling every 20 s; simulated time`,
    table: {
      head: ['strategy', 'rate-limited', 'requests', '304s', 'bytes served', 'outcome', 'wall (sim)'],
      rows: [
        row('action: waitForRun + createBuildRunsApi (head_sha, ETags)', action),
        row('inline: 10 latest PR runs every 20 s, plain GETs', inline),
        [
          'action / inline',
          ratio(action.cost.rateLimited, inline.cost.rateLimited),
          ratio(action.cost.total, inline.cost.total),
          '',
          ratio(action.cost.responseBytes, inline.cost.responseBytes),
          '',
          '',
        ],
      ],
    },
    notes: [
      'rate-limited = requests GitHub counts against the 1,000/hour GITHUB_TOKEN limit (all but 304 Not Modified).',
      `Counts are deterministic: ${action.stable && inline.stable ? 'identical' : 'NOT identical'} over ${REPEATS} repeats; wall is the median time the simulation took on loopback.`,
    ],
    targets: [
      {
        name: 'rate-limited requests of a 20-min wait',
        goal: `<= ${TARGET_RATE_LIMITED}`,
        measured: `${action.cost.rateLimited} (inline ${inline.cost.rateLimited})`,
        met: action.cost.rateLimited <= TARGET_RATE_LIMITED,
      },
    ],
  }
}
