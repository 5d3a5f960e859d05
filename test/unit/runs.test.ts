import { describe, expect, it } from 'vitest'
import { runDurationMs, selectRun, typicalDurationMs, type WorkflowRun } from '../../src/wait/runs.js'

const HEAD = 'a'.repeat(40)
const MERGE = 'b'.repeat(40)
const OTHER_PR = 'c'.repeat(40)

function run(id: number, o: Partial<WorkflowRun> & { at: string }): WorkflowRun {
  return {
    id,
    run_attempt: 1,
    head_sha: HEAD,
    status: 'completed',
    conclusion: 'success',
    html_url: `https://github.com/acme/app/actions/runs/${id}`,
    created_at: o.at,
    updated_at: o.at,
    run_started_at: o.at,
    ...o,
  }
}

describe('which run decides a commit', () => {
  it('is none when only other commits have runs (the merge commit, other PRs)', () => {
    const runs = [run(1, { at: '2024-01-01T10:00:00Z', head_sha: MERGE }), run(2, { at: '2024-01-01T10:01:00Z', head_sha: OTHER_PR })]
    expect(selectRun(runs, HEAD)).toBeUndefined()
  })

  it('ignores newer runs of other commits', () => {
    const mine = run(1, { at: '2024-01-01T10:00:00Z', status: 'in_progress', conclusion: null })
    const runs = [
      run(3, { at: '2024-01-01T10:05:00Z', head_sha: MERGE, conclusion: 'failure' }),
      mine,
      run(2, { at: '2024-01-01T10:03:00Z', head_sha: OTHER_PR }),
    ]
    expect(selectRun(runs, HEAD)).toBe(mine)
  })

  it('takes the newest run of the commit (a manual dispatch after the PR run)', () => {
    const pr = run(1, { at: '2024-01-01T10:00:00Z', conclusion: 'failure' })
    const dispatch = run(2, { at: '2024-01-01T10:10:00Z', event: 'workflow_dispatch', status: 'queued', conclusion: null })
    expect(selectRun([pr, dispatch], HEAD)).toBe(dispatch)
    expect(selectRun([dispatch, pr], HEAD)).toBe(dispatch)
  })

  it('follows a re-run: the highest attempt of a run, back in queued', () => {
    const first = run(1, { at: '2024-01-01T10:00:00Z', conclusion: 'failure' })
    const second = { ...first, run_attempt: 2, status: 'queued', conclusion: null }
    expect(selectRun([first, second], HEAD)).toBe(second)
    expect(selectRun([second, first], HEAD)).toBe(second)
  })

  it('a re-run of an older run is newer than a run created after it (run_started_at resets on re-run)', () => {
    const rerun = run(1, {
      at: '2024-01-01T10:00:00Z',
      run_started_at: '2024-01-01T11:00:00Z',
      run_attempt: 2,
      status: 'in_progress',
      conclusion: null,
    })
    const later = run(2, { at: '2024-01-01T10:30:00Z', conclusion: 'failure' })
    expect(selectRun([later, rerun], HEAD)).toBe(rerun)
  })

  it('breaks a tie of timestamps by id', () => {
    expect(selectRun([run(7, { at: '2024-01-01T10:00:00Z' }), run(8, { at: '2024-01-01T10:00:00Z' })], HEAD)?.id).toBe(8)
  })

  it('matches the sha whatever its case', () => {
    expect(selectRun([run(1, { at: '2024-01-01T10:00:00Z', head_sha: HEAD.toUpperCase() })], HEAD)?.id).toBe(1)
  })
})

describe('how long builds take', () => {
  it('a run lasts from the start of its attempt to its last update', () => {
    expect(runDurationMs(run(1, { at: '2024-01-01T10:00:00Z', updated_at: '2024-01-01T10:04:30Z' }))).toBe(270_000)
  })

  it('the typical build is the median of completed runs', () => {
    const minutes = (id: number, m: number) =>
      run(id, { at: '2024-01-01T10:00:00Z', updated_at: new Date(Date.parse('2024-01-01T10:00:00Z') + m * 60_000).toISOString() })
    expect(typicalDurationMs([minutes(1, 4), minutes(2, 30), minutes(3, 5)])).toBe(5 * 60_000)
    expect(typicalDurationMs([minutes(1, 4), minutes(2, 6)])).toBe(5 * 60_000)
    expect(typicalDurationMs([])).toBeUndefined()
  })
})
