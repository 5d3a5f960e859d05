// The wait over real HTTP: Octokit with its retry and throttling plugins, conditional requests,
// against the embedded GitHub on loopback. The clock is fake, so 20 minutes take milliseconds.
import { describe, expect, it } from 'vitest'
import { createDeadline } from '../../src/timing/timing.js'
import { createClient } from '../../src/github/client.js'
import { waitForBuildRun } from '../../src/wait/build-runs.js'
import { useEmbeddedGitHub } from '../support/embedded-github.js'
import { FakeRuns } from '../support/fake-runs.js'
import type { FakeGitHub } from '../support/github-server.js'

const HEAD = 'd'.repeat(40)
const MERGE = 'e'.repeat(40)
const MIN = 60_000
const RUNS_PATH = '/repos/acme/app/actions/workflows/build-ci-image.yml/runs'
const SECONDARY_LIMIT = { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' }

const embedded = useEmbeddedGitHub()

async function waitOverHttp(setup: (runs: FakeRuns, github: FakeGitHub) => void, timeoutMs = 20 * MIN) {
  let now = Date.parse('2024-05-01T12:00:00Z')
  const start = now
  const github = embedded()
  const runs = new FakeRuns(github, () => now)
  setup(runs, github)
  const deadline = createDeadline(() => now, timeoutMs)
  // 1 ms per second of back-off and retry-after; the deadline is on the fake clock.
  const client = await createClient({
    token: 'ghs_test',
    baseUrl: github.url,
    msPerSecond: 1,
    mayWait: (seconds) => deadline.allows(seconds * 1000),
  })
  const lines: string[] = []
  const { outcome, stats } = await waitForBuildRun(client, {
    repository: { owner: 'acme', repo: 'app' },
    workflowFile: 'build-ci-image.yml',
    headSha: HEAD,
    scope: { events: ['pull_request'], prNumber: 42 },
    pollIntervalMs: 20_000,
    deadline,
    sleep: async (ms) => {
      now += ms
    },
    log: (line) => lines.push(line),
  })
  return { outcome, lines, runs, stats, elapsed: now - start, github }
}

describe('wait-for-build over HTTP', () => {
  it('a 20-minute wait costs one rate-limited request per state change: unchanged polls come back 304', async () => {
    const { outcome, lines, runs, stats, github } = await waitOverHttp((runs) => {
      runs.addWorkflow('build-ci-image.yml')
      for (let i = 1; i <= 5; i++) runs.pastRun({ headSha: String(i).repeat(40), durationMs: (4 + i) * MIN, endedMsAgo: i * 60 * MIN })
      // Other commits' runs, finishing badly while we wait: none of them is ours.
      runs.startRun({ headSha: MERGE, status: 'in_progress' })
      const otherPr = runs.startRun({ headSha: 'f'.repeat(40) })
      let build: ReturnType<FakeRuns['startRun']>
      runs.script([
        // Someone dispatches the build on the PR's head commit by hand: it succeeds, but it is not
        // the PR's build and must not end the wait.
        { atMs: 0, apply: () => runs.startRun({ headSha: HEAD, event: 'workflow_dispatch', status: 'completed', conclusion: 'success' }) },
        { atMs: 1 * MIN, apply: () => (build = runs.startRun({ headSha: HEAD, pullRequests: [42] })) },
        { atMs: 2 * MIN, apply: () => runs.set(build, 'in_progress') },
        { atMs: 5 * MIN, apply: () => runs.complete(otherPr, 'failure') },
        { atMs: 19 * MIN, apply: () => runs.complete(build, 'success') },
      ])
    })
    expect(outcome).toMatchObject({ kind: 'success', run: { head_sha: HEAD, conclusion: 'success' } })
    // Progress lines repeat a state every minute; what they say before the time left is the state.
    const states = new Set(lines.map((line) => line.replace(/^\[[^\]]*\] /, '').split(/[,;]/)[0])).size
    expect(states).toBe(4) // absent, queued, in_progress, success
    expect(runs.polls).toBe(58)

    const counted = github.count((r) => r.status !== 304)
    const notModified = github.count((r) => r.status === 304)
    // The figure: 58 polls over 19 minutes; 6 requests count against the rate limit (the workflow,
    // the estimate, one per state), 54 are free 304s.
    expect(counted).toBeLessThanOrEqual(states + 2)
    expect(notModified).toBe(runs.polls - states)
    expect(stats).toEqual({ requests: counted + notModified, notModified })
    const polls = github.requests.filter((r) => r.query.has('head_sha'))
    expect(polls.every((r) => r.query.get('head_sha') === HEAD)).toBe(true)
    // GitHub leaves out the runs of other events: the dispatch never reaches the loop.
    expect(polls.every((r) => r.query.get('event') === 'pull_request')).toBe(true)
    expect(polls.slice(1).every((r) => typeof r.headers['if-none-match'] === 'string')).toBe(true)
    // The estimate is one request, for the workflow's last five successes (the dispatch among them,
    // which took no time and so counts for nothing: the median of 5 to 8 minutes).
    expect(github.requests.filter((r) => r.query.get('status') === 'success').map((r) => r.query.get('per_page'))).toEqual(['5'])
    expect(lines[1]).toMatch(
      /Build CI image #\d+: queued, about 6m 30s left \(a successful build takes 6m 30s\) · https:\/\/github.com\/acme\/app\/actions\/runs\/\d+$/,
    )
  })

  it('rides out 502s and a secondary rate limit in the middle through the client retries', async () => {
    const { outcome, lines, github } = await waitOverHttp((runs, github) => {
      runs.addWorkflow('build-ci-image.yml')
      const build = runs.startRun({ headSha: HEAD, status: 'in_progress' })
      runs.script([
        { atMs: 3 * MIN, apply: () => github.fail('GET', RUNS_PATH, 502, 2) },
        { atMs: 5 * MIN, apply: () => github.fail('GET', RUNS_PATH, 403, 1, { 'retry-after': '30' }, SECONDARY_LIMIT) },
        { atMs: 8 * MIN, apply: () => runs.complete(build, 'success') },
      ])
    })
    expect(outcome.kind).toBe('success')
    expect(github.count((r) => r.status === 502)).toBe(2)
    expect(github.count((r) => r.status === 403)).toBe(1)
    // The plugins retried within the poll: the wait never saw a fault.
    expect(lines.some((line) => line.includes('GitHub API'))).toBe(false)
  })

  it('a fault that outlasts the retries waits for the next poll', async () => {
    const { outcome, lines } = await waitOverHttp((runs, github) => {
      runs.addWorkflow('build-ci-image.yml')
      const build = runs.startRun({ headSha: HEAD, status: 'in_progress' })
      runs.script([
        { atMs: 3 * MIN, apply: () => github.fail('GET', RUNS_PATH, 503, 6) },
        { atMs: 6 * MIN, apply: () => runs.complete(build, 'success') },
      ])
    })
    expect(outcome.kind).toBe('success')
    expect(lines.filter((line) => line.includes(`GitHub API: GET ${RUNS_PATH} answered 503`))).toHaveLength(1)
  })

  it('does not wait out a rate limit that ends past the deadline, nor keep asking', async () => {
    const { outcome, elapsed, github } = await waitOverHttp((runs, github) => {
      runs.addWorkflow('build-ci-image.yml')
      runs.startRun({ headSha: HEAD, status: 'in_progress' })
      runs.script([
        { atMs: 19 * MIN, apply: () => github.fail('GET', RUNS_PATH, 403, Infinity, { 'retry-after': '300' }, SECONDARY_LIMIT) },
      ])
    })
    expect(outcome.kind).toBe('timeout')
    expect(elapsed).toBe(19 * MIN)
    expect(github.count((r) => r.status === 403)).toBe(1)
    expect((outcome as { message: string }).message).toMatch(/^GitHub asks to wait 300s .*past the timeout/)
  })

  it('near the deadline a 502 is left to the next poll, so retries do not overrun the timeout', async () => {
    const { outcome, elapsed, github } = await waitOverHttp((runs, github) => {
      runs.addWorkflow('build-ci-image.yml')
      runs.startRun({ headSha: HEAD, status: 'in_progress' })
      runs.script([{ atMs: 19 * MIN + 50_000, apply: () => github.fail('GET', RUNS_PATH, 502, Infinity) }])
    })
    expect(outcome.kind).toBe('timeout')
    expect(elapsed).toBe(20 * MIN)
    // The last poll, at 20m, meets the 502 with no time left: asked once, not 4 times over 14 s of back-off.
    expect(github.count((r) => r.status === 502)).toBe(1)
    expect((outcome as { message: string }).message).toMatch(/is still in_progress after 20m/)
  })

  it('a missing workflow fails at once, with one request', async () => {
    const { outcome, elapsed, github } = await waitOverHttp(() => {})
    expect([outcome.kind, elapsed, github.requests.length]).toEqual(['missing-workflow', 0, 1])
  })

  it('follows a run re-run after a failure to its success', async () => {
    const { outcome } = await waitOverHttp((runs) => {
      runs.addWorkflow('build-ci-image.yml')
      const build = runs.startRun({ headSha: HEAD })
      runs.complete(build, 'failure')
      runs.rerun(build)
      runs.script([
        { atMs: 1 * MIN, apply: () => runs.set(build, 'in_progress') },
        { atMs: 4 * MIN, apply: () => runs.complete(build, 'success') },
      ])
    })
    expect(outcome).toMatchObject({ kind: 'success', run: { run_attempt: 2, conclusion: 'success' } })
  })
})
