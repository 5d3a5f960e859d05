// The poll loop on a fake clock: 20-minute waits run in milliseconds.
import { describe, expect, it } from 'vitest'
import { createDeadline } from '../../src/timing/timing.js'
import { ApiFault } from '../../src/github/api-fault.js'
import type { RunScope, WorkflowInfo, WorkflowRun } from '../../src/wait/runs.js'
import { waitForRun } from '../../src/wait/wait-loop.js'

const HEAD = '1234567'.padEnd(40, 'a')
const MERGE = '9'.repeat(40)
const START = Date.parse('2024-05-01T12:00:00Z')
const MIN = 60_000
const URL = 'https://github.com/acme/app/actions/runs/5005'
const ACTIVE: WorkflowInfo = { name: 'Build CI image', path: '.github/workflows/build-ci-image.yml', state: 'active' }

const iso = (ms: number) => new Date(START + ms).toISOString()

/** Our commit's run, created a minute in. */
function ours(status: string, conclusion: string | null = null, o: Partial<WorkflowRun> = {}): WorkflowRun {
  return {
    id: 5005,
    run_number: 17,
    run_attempt: 1,
    name: 'Build CI image',
    event: 'pull_request',
    pull_requests: [{ number: 42 }],
    head_sha: HEAD,
    status,
    conclusion,
    html_url: URL,
    created_at: iso(MIN),
    updated_at: iso(MIN),
    run_started_at: iso(MIN),
    ...o,
  }
}

/** A failed request as github/errors.ts hands it to the loop (its classification is tested there). */
function fault(kind: ApiFault['kind'], description: string, retryAfterSeconds?: number): ApiFault {
  return new ApiFault(kind, description, { retryAfterSeconds, permission: 'actions: read' })
}

interface Scenario {
  /** What the runs list answers at `ms` after the start: runs, or an error to throw. */
  runsAt: (ms: number) => WorkflowRun[] | ApiFault
  workflow?: WorkflowInfo | undefined
  timeoutMs?: number
  intervalMs?: number
  typicalMs?: number
  /** Which runs are PR #42's build; default: its pull_request runs. */
  scope?: RunScope
}

async function wait(s: Scenario) {
  let now = START
  const lines: string[] = []
  const lineTimes: number[] = []
  const pollTimes: number[] = []
  let typicalAsked = 0
  const outcome = await waitForRun({
    repository: 'acme/app',
    workflowFile: 'build-ci-image.yml',
    headSha: HEAD,
    scope: s.scope ?? { events: ['pull_request'], prNumber: 42 },
    pollIntervalMs: s.intervalMs ?? 20_000,
    deadline: createDeadline(() => now, s.timeoutMs ?? 20 * MIN),
    sleep: async (ms) => {
      now += ms
    },
    findWorkflow: async () => ('workflow' in s ? s.workflow : ACTIVE),
    fetchRuns: async () => {
      pollTimes.push(now - START)
      const answer = s.runsAt(now - START)
      if (answer instanceof ApiFault) throw answer
      return answer
    },
    typicalDurationMs: async () => {
      typicalAsked++
      return s.typicalMs
    },
    log: (line) => {
      lines.push(line)
      lineTimes.push(now - START)
    },
  })
  return { outcome, lines, lineTimes, polls: pollTimes.length, pollTimes, elapsed: now - START, typicalAsked }
}

describe('waiting for the build run of a commit', () => {
  it('follows a run that appears, queues, runs and succeeds: a line per state and a minute, not per poll', async () => {
    const { outcome, lines, polls, elapsed } = await wait({
      runsAt: (ms) =>
        ms < MIN ? [] : ms < 2 * MIN ? [ours('queued')] : ms < 5 * MIN ? [ours('in_progress')] : [ours('completed', 'success')],
    })
    expect(outcome).toMatchObject({ kind: 'success', run: { id: 5005, conclusion: 'success' } })
    expect(elapsed).toBe(5 * MIN)
    expect(polls).toBe(16)
    expect(lines).toEqual([
      '[0s] No run of build-ci-image.yml for commit 1234567 yet; checking every 20s, for up to 20m more.',
      `[1m] Build CI image #17: queued, up to 19m left before the timeout (no successful build to estimate from) · ${URL}`,
      `[2m] Build CI image #17: in_progress, up to 18m left before the timeout (no successful build to estimate from) · ${URL}`,
      `[3m] Build CI image #17: in_progress, up to 17m left before the timeout (no successful build to estimate from) · ${URL}`,
      `[4m] Build CI image #17: in_progress, up to 16m left before the timeout (no successful build to estimate from) · ${URL}`,
      `[5m] Build CI image #17: completed: success · ${URL}`,
    ])
  })

  it.each(['failure', 'cancelled', 'timed_out', 'startup_failure', 'action_required'])(
    'fails within one poll of the run ending %s, with its link',
    async (conclusion) => {
      const endsAt = 3 * MIN + 5_000
      const { outcome, elapsed } = await wait({ runsAt: (ms) => [ms < endsAt ? ours('in_progress') : ours('completed', conclusion)] })
      expect(outcome.kind).toBe('failure')
      expect(outcome).toMatchObject({ run: { conclusion } })
      expect((outcome as { message: string }).message).toBe(
        `The build run #17 of build-ci-image.yml for commit ${HEAD} ended with conclusion "${conclusion}": ${URL}`,
      )
      expect(elapsed).toBeGreaterThanOrEqual(endsAt)
      expect(elapsed).toBeLessThan(endsAt + 20_000)
    },
  )

  it('gives up at the timeout, not later, when no run appears, naming the commit and the workflow', async () => {
    const { outcome, elapsed, polls } = await wait({ runsAt: () => [] })
    expect(outcome.kind).toBe('timeout')
    expect(elapsed).toBe(20 * MIN)
    expect(polls).toBe(61)
    expect((outcome as { message: string }).message).toBe(
      `No run of build-ci-image.yml ("Build CI image", active) for commit ${HEAD} appeared within 20m (the \`timeout\` input). ` +
        'The workflow exists: check that its triggers (on: ... paths) cover this commit.',
    )
  })

  it('polls one last time at the deadline when the timeout is not a multiple of the interval', async () => {
    const { outcome, elapsed, polls } = await wait({
      timeoutMs: 50_000,
      runsAt: (ms) => (ms < 50_000 ? [] : [ours('completed', 'success')]),
    })
    expect(outcome.kind).toBe('success')
    expect([elapsed, polls]).toEqual([50_000, 4])
  })

  it('times out on a run still in progress, linking it', async () => {
    const { outcome, elapsed } = await wait({ timeoutMs: 10 * MIN, runsAt: () => [ours('in_progress')] })
    expect(elapsed).toBe(10 * MIN)
    expect(outcome).toMatchObject({ kind: 'timeout', run: { id: 5005 } })
    expect((outcome as { message: string }).message).toBe(
      `The build run #17 of build-ci-image.yml for commit ${HEAD} is still in_progress after 10m (the \`timeout\` input): ${URL}`,
    )
  })

  it('fails at once when the workflow does not exist (a configuration error)', async () => {
    const { outcome, elapsed, polls } = await wait({ workflow: undefined, runsAt: () => [] })
    expect(outcome.kind).toBe('missing-workflow')
    expect([elapsed, polls]).toEqual([0, 0])
    expect((outcome as { message: string }).message).toMatch(
      /^The build workflow build-ci-image\.yml does not exist in acme\/app \(GitHub answered 404\)\. Check the `build-workflow` input/,
    )
  })

  it('fails at once when the runs list answers 404 (the workflow went away)', async () => {
    const { outcome, polls } = await wait({ runsAt: () => fault('not-found', 'HTTP 404: Not Found') })
    expect([outcome.kind, polls]).toEqual(['missing-workflow', 1])
  })

  it('says when the workflow is disabled', async () => {
    const { lines, outcome } = await wait({ workflow: { ...ACTIVE, state: 'disabled_manually' }, timeoutMs: MIN, runsAt: () => [] })
    expect(lines[0]).toBe('[0s] Workflow build-ci-image.yml is disabled_manually: it starts no new runs until it is enabled.')
    expect((outcome as { message: string }).message).toMatch(
      /The workflow exists but is disabled_manually: enable it on the Actions tab\.$/,
    )
  })

  it('follows a re-run after a failure (back to queued) to its success, not the old result', async () => {
    const failed = ours('completed', 'failure')
    const attempt2 = (status: string, conclusion: string | null = null) =>
      ours(status, conclusion, { run_attempt: 2, run_started_at: iso(8 * MIN) })
    const { outcome, lines } = await wait({
      runsAt: (ms) => [failed, ms < MIN ? attempt2('queued') : ms < 4 * MIN ? attempt2('in_progress') : attempt2('completed', 'success')],
    })
    expect(outcome).toMatchObject({ kind: 'success', run: { run_attempt: 2 } })
    expect(lines[0]).toBe(
      `[0s] Build CI image #17 (attempt 2): queued, up to 20m left before the timeout (no successful build to estimate from) · ${URL}`,
    )
  })

  it("a newer run of the PR's own build decides over an older failed one (the PR closed and reopened)", async () => {
    const oldFailed = ours('completed', 'failure', { id: 4004, created_at: iso(-10 * MIN), run_started_at: iso(-10 * MIN) })
    const { outcome } = await wait({
      runsAt: (ms) => [oldFailed, ...(ms < MIN ? [] : [ours(ms < 3 * MIN ? 'in_progress' : 'completed', ms < 3 * MIN ? null : 'success')])],
    })
    // The old failure is the only run at first: that is this commit's newest attempt, and it failed.
    expect(outcome).toMatchObject({ kind: 'failure', run: { id: 4004 } })
    const later = await wait({ runsAt: () => [oldFailed, ours('completed', 'success')] })
    expect(later.outcome).toMatchObject({ kind: 'success', run: { id: 5005 } })
  })

  // A dispatch, a push run or another PR's run of the head commit must not pass the wait while this
  // PR's own build is still running or has failed.
  it("never lets a workflow_dispatch, a push or another PR's run of the same commit decide; says each once", async () => {
    const dispatch = ours('completed', 'success', {
      id: 6001,
      run_number: 30,
      event: 'workflow_dispatch',
      pull_requests: [],
      html_url: `${URL}1`,
    })
    const push = ours('completed', 'success', { id: 6002, run_number: 31, event: 'push', pull_requests: [], html_url: `${URL}2` })
    // The same branch opened against v2 as PR #7: GitHub names there the open PRs of that head.
    const otherPr = ours('completed', 'success', { id: 6003, run_number: 32, pull_requests: [{ number: 7 }], html_url: `${URL}3` })
    const { outcome, lines } = await wait({
      runsAt: (ms) => [
        dispatch,
        push,
        otherPr,
        ...(ms < 2 * MIN ? [] : [ours(ms < 5 * MIN ? 'in_progress' : 'completed', ms < 5 * MIN ? null : 'failure')]),
      ],
    })
    expect(outcome).toMatchObject({ kind: 'failure', run: { id: 5005 } })
    expect(lines.filter((line) => line.includes('Not the build waited for'))).toEqual([
      `[0s] Not the build waited for: Build CI image #30 (${URL}1), because it was started by workflow_dispatch, and this build runs on pull_request.`,
      `[0s] Not the build waited for: Build CI image #31 (${URL}2), because it was started by push, and this build runs on pull_request.`,
      `[0s] Not the build waited for: Build CI image #32 (${URL}3), because it builds PR #7, not PR #42.`,
    ])
  })

  it('counts a run that names this PR among others, and a fork branch run that names none', async () => {
    const both = await wait({ runsAt: () => [ours('completed', 'success', { pull_requests: [{ number: 7 }, { number: 42 }] })] })
    expect(both.outcome.kind).toBe('success')
    const fork = await wait({ runsAt: () => [ours('completed', 'success', { pull_requests: [] })] })
    expect(fork.outcome.kind).toBe('success')
  })

  it('waits for the pull_request_target run where the build triggers on that', async () => {
    const target = ours('completed', 'success', { event: 'pull_request_target' })
    const asPr = await wait({ timeoutMs: MIN, runsAt: () => [target] })
    expect(asPr.outcome.kind).toBe('timeout')
    expect((asPr.outcome as { message: string }).message).toContain('1 run(s) of that commit were another build (see the log above).')
    const asTarget = await wait({ scope: { events: ['pull_request_target'], prNumber: 42 }, runsAt: () => [target] })
    expect(asTarget.outcome.kind).toBe('success')
  })

  it('after a push, waits for the push run of that commit', async () => {
    const pushRun = ours('completed', 'success', { event: 'push', pull_requests: [] })
    const prRun = ours('completed', 'failure', { id: 7007, pull_requests: [{ number: 42 }] })
    const { outcome } = await wait({ scope: { events: ['push'] }, runsAt: () => [prRun, pushRun] })
    expect(outcome).toMatchObject({ kind: 'success', run: { event: 'push' } })
  })

  it('ignores runs of other commits: the merge commit, other PRs', async () => {
    const merge = ours('completed', 'failure', { id: 1, head_sha: MERGE, created_at: iso(3 * MIN) })
    const otherPr = ours('completed', 'cancelled', { id: 2, head_sha: 'c'.repeat(40), created_at: iso(4 * MIN) })
    const { outcome } = await wait({
      runsAt: (ms) => [
        merge,
        otherPr,
        ...(ms < 2 * MIN ? [] : [ours(ms < 6 * MIN ? 'in_progress' : 'completed', ms < 6 * MIN ? null : 'success')]),
      ],
    })
    expect(outcome).toMatchObject({ kind: 'success', run: { id: 5005 } })
  })

  it('rides out 502s and a secondary rate limit in the middle, logging each fault once', async () => {
    const { outcome, lines, pollTimes } = await wait({
      runsAt: (ms) => {
        if (ms >= 2 * MIN && ms < 3 * MIN) return fault('transient', 'HTTP 502: Bad Gateway')
        if (ms === 3 * MIN) return fault('transient', 'HTTP 403: You have exceeded a secondary rate limit', 90)
        return ms < 6 * MIN ? [ours('in_progress')] : [ours('completed', 'success')]
      },
    })
    expect(outcome.kind).toBe('success')
    // The 502s are asked again at the next poll; the rate limit's retry-after (90s) is honoured.
    expect(pollTimes.slice(6, 11)).toEqual([120_000, 140_000, 160_000, 180_000, 270_000])
    expect(lines.filter((line) => !line.includes(': in_progress, '))).toEqual([
      '[2m] GitHub API: HTTP 502: Bad Gateway; asking again at the next poll.',
      '[3m] GitHub API: HTTP 403: You have exceeded a secondary rate limit; asking again at the next poll.',
      `[6m 10s] Build CI image #17: completed: success · ${URL}`,
    ])
  })

  it('stops at once when GitHub asks to wait past the deadline, rather than overrunning it', async () => {
    const { outcome, elapsed, polls } = await wait({
      runsAt: (ms) =>
        ms < 19 * MIN ? [ours('in_progress')] : fault('transient', 'HTTP 403: You have exceeded a secondary rate limit', 300),
    })
    expect(outcome.kind).toBe('timeout')
    expect(elapsed).toBe(19 * MIN)
    expect(polls).toBe(58)
    expect((outcome as { message: string }).message).toMatch(
      /^GitHub asks to wait 300s \(HTTP 403: You have exceeded a secondary rate limit\), past the timeout, .*the last state seen was in_progress: https:/,
    )
  })

  it('names the last API fault when it lasted until the timeout', async () => {
    const { outcome } = await wait({ timeoutMs: 2 * MIN, runsAt: () => fault('transient', 'HTTP 503: Service Unavailable') })
    expect((outcome as { message: string }).message).toMatch(
      /appeared within 2m \(the `timeout` input\)\. The last API request failed: HTTP 503: Service Unavailable\./,
    )
  })

  it('fails on an API error that asking again will not fix, naming the permission', async () => {
    await expect(wait({ runsAt: () => fault('refused', 'HTTP 403: Resource not accessible by integration') })).rejects.toThrow(
      'GitHub refused to list the runs of build-ci-image.yml (HTTP 403: Resource not accessible by integration): the token needs the `actions: read` permission.',
    )
    await expect(wait({ runsAt: () => fault('fatal', 'HTTP 422: Validation Failed') })).rejects.toThrow('Validation Failed')
  })

  it('estimates the time left from recent successful runs, asking once', async () => {
    const startedBefore = { run_started_at: iso(-MIN) }
    const { lines, typicalAsked } = await wait({
      typicalMs: 5 * MIN,
      runsAt: (ms) => [
        ms < 2 * MIN
          ? ours('queued', null, startedBefore)
          : ms < 10 * MIN
            ? ours('in_progress', null, startedBefore)
            : ours('completed', 'success', startedBefore),
      ],
    })
    expect(typicalAsked).toBe(1)
    // The run started a minute before the wait did.
    expect(lines).toEqual([
      `[0s] Build CI image #17: queued, about 4m left (a successful build takes 5m) · ${URL}`,
      `[1m] Build CI image #17: queued, about 3m left (a successful build takes 5m) · ${URL}`,
      `[2m] Build CI image #17: in_progress, about 2m left (a successful build takes 5m) · ${URL}`,
      `[3m] Build CI image #17: in_progress, about 1m left (a successful build takes 5m) · ${URL}`,
      `[4m] Build CI image #17: in_progress, longer than the usual 5m; 16m left before the timeout · ${URL}`,
      ...[5, 6, 7, 8, 9].map(
        (m) => `[${m}m] Build CI image #17: in_progress, longer than the usual 5m; ${20 - m}m left before the timeout · ${URL}`,
      ),
      `[10m] Build CI image #17: completed: success · ${URL}`,
    ])
  })

  // A log that stays silent for minutes looks like a hung job.
  it.each([
    { interval: '20s', intervalMs: 20_000, typicalMs: undefined },
    { interval: '5m', intervalMs: 5 * MIN, typicalMs: 8 * MIN },
    { interval: '7s', intervalMs: 7_000, typicalMs: 3 * MIN },
  ])('prints a progress line at least every 2 minutes of a 20-minute wait (poll every $interval)', async ({ intervalMs, typicalMs }) => {
    const { outcome, lines, lineTimes, elapsed } = await wait({
      intervalMs,
      typicalMs,
      runsAt: (ms) => (ms < 2 * MIN ? [] : ms < 19 * MIN ? [ours('in_progress')] : [ours('completed', 'success')]),
    })
    expect(outcome.kind).toBe('success')
    expect(elapsed).toBeGreaterThanOrEqual(19 * MIN)
    const gaps = [...lineTimes, elapsed].map((t, i, all) => t - (all[i - 1] ?? 0))
    expect(Math.max(...gaps)).toBeLessThanOrEqual(2 * MIN)
    // Each says how long it has waited, where the run stands and how long it may still take.
    for (const line of lines.filter((l) => l.includes('in_progress'))) {
      expect(line).toMatch(/^\[\d+m( \d+s)?\] Build CI image #17: in_progress, .*(left|longer than the usual)/)
    }
    expect(lines.some((l) => /^\[\d+m( \d+s)?\] No run of build-ci-image\.yml for commit 1234567 yet; .* more\.$/.test(l))).toBe(true)
  })
})
