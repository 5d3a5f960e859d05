// The commit a build uses, per event: what the inputs hash and the PR's copy of the build workflow
// are read at. GitHub's docs, "Events that trigger workflows", give GITHUB_SHA and GITHUB_REF per event.
import { describe, expect, it } from 'vitest'
import { resolveTarget, type Target } from '../../src/action/target.js'
import { buildCommitOf } from '../../src/resolution/build-commit.js'
import { issueCommentEvent, pullRequestEvent, pullRequestObject, runContext } from '../support/events.js'
import { pullRequestFromApiShape } from '../../src/action/target.js'

const HEAD = '1'.repeat(40)
const RUN_SHA = '9'.repeat(40)
const STALE_MERGE = '5'.repeat(40)
const pr: Target = { kind: 'pull_request', number: 42, headSha: HEAD, headRef: 'feature', baseRef: 'main', fork: false }
const run = (eventName: string, ref: string) => ({ eventName, sha: RUN_SHA, ref })

const context = (eventName: string, payload: Record<string, unknown>, ref: string) => runContext(eventName, payload, { sha: RUN_SHA, ref })

describe('the commit a build uses', () => {
  it("pull_request: GITHUB_SHA, the merge commit of refs/pull/N/merge, which must merge the PR's head", () => {
    expect(buildCommitOf(run('pull_request', 'refs/pull/42/merge'), pr)).toEqual({ kind: 'known', sha: RUN_SHA, mergeOf: HEAD })
  })

  it("never the payload's merge_commit_sha, stale on synchronize (actions/checkout#518)", async () => {
    const payload = pullRequestEvent({ headSha: HEAD, previousMergeSha: STALE_MERGE }, 'synchronize')
    const target = await resolveTarget(
      context('pull_request', payload, 'refs/pull/42/merge'),
      { trustedPermission: 'write' },
      {
        getPullRequest: () => Promise.reject(new Error('not asked')),
        getPermission: () => Promise.reject(new Error('not asked')),
      },
    )
    expect(buildCommitOf(context('pull_request', payload, 'refs/pull/42/merge'), target)).toEqual({
      kind: 'known',
      sha: RUN_SHA,
      mergeOf: HEAD,
    })
  })

  it("is unknown in a pull_request run for another PR (pr-number): its GITHUB_SHA is not that PR's merge commit", () => {
    const other = { ...pr, number: 7 }
    expect(buildCommitOf(run('pull_request', 'refs/pull/42/merge'), other)).toMatchObject({
      kind: 'unknown',
      why: expect.stringContaining("not PR #7's merge commit"),
    })
  })

  it("is unknown on pull_request_target, whose GITHUB_SHA is the base branch's last commit", () => {
    expect(buildCommitOf(run('pull_request_target', 'refs/heads/main'), pr)).toMatchObject({
      kind: 'unknown',
      why: expect.stringMatching(/GITHUB_SHA is the base branch's last commit.*runs on pull_request/),
    })
  })

  it("is unknown on issue_comment, whose GITHUB_SHA is the default branch's last commit; the head's build is awaited", async () => {
    const target = await resolveTarget(
      context('issue_comment', issueCommentEvent({}), 'refs/heads/main'),
      { trustedPermission: 'write' },
      {
        getPullRequest: async () => pullRequestFromApiShape(pullRequestObject({ headSha: HEAD })),
        getPermission: async () => ({ permission: 'write' }),
      },
    )
    expect(buildCommitOf(context('issue_comment', {}, 'refs/heads/main'), target)).toMatchObject({
      kind: 'unknown',
      why: expect.stringContaining('The build of the PR'),
    })
  })

  it('push: the pushed commit, GITHUB_SHA; a head-sha input naming another commit is not what the build checks out', () => {
    expect(buildCommitOf(run('push', 'refs/heads/main'), { kind: 'push', branch: 'main', sha: RUN_SHA })).toEqual({
      kind: 'known',
      sha: RUN_SHA,
    })
    expect(buildCommitOf(run('push', 'refs/heads/main'), { kind: 'push', branch: 'main', sha: HEAD })).toMatchObject({ kind: 'unknown' })
  })
})
