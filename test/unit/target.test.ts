import { describe, expect, it } from 'vitest'
import { pullRequestOfQueueBranch, resolveTarget, type TargetIo } from '../../src/action/target.js'
import { issueCommentEvent, pullRequestEvent, pullRequestObject, pushEvent, runContext, workflowDispatchEvent } from '../support/events.js'
import { pullRequestFromApiShape } from '../../src/action/target.js'

const HEAD = '1'.repeat(40)
const MERGE = '9'.repeat(40)

const ctx = (eventName: string, payload: Record<string, unknown>, ref = 'refs/pull/42/merge') =>
  runContext(eventName, payload, { sha: MERGE, ref })

const fromApi = (n: number) => pullRequestFromApiShape(pullRequestObject({ number: n, headSha: '2'.repeat(40), baseRef: 'v2' }))
const refuse = async (): Promise<never> => {
  throw new Error('the API must not be called')
}
const noApi: TargetIo = { getPullRequest: refuse, getPermission: refuse }
/** The API of a repository where the commenters have these roles. */
const api = (roles: Record<string, string> = {}): TargetIo => ({
  getPullRequest: async (n) => fromApi(n),
  getPermission: async (login) => (login in roles ? { permission: roles[login]!, roleName: roles[login] } : { permission: 'none' }),
})
const write = { trustedPermission: 'write' } as const

describe('the target of a run', () => {
  it.each(['pull_request', 'pull_request_target'])('%s: the PR head from the payload, never GITHUB_SHA', async (eventName) => {
    const target = await resolveTarget(ctx(eventName, pullRequestEvent({ headSha: HEAD, baseRef: 'v2', changedFiles: 3 })), write, noApi)
    expect(target).toMatchObject({ kind: 'pull_request', number: 42, baseRef: 'v2', headSha: HEAD, fork: false, changedFiles: 3 })
  })

  it('recognises a fork, and a deleted fork', async () => {
    const event = pullRequestEvent({ headSha: HEAD, fork: true })
    expect(await resolveTarget(ctx('pull_request', event), write, noApi)).toMatchObject({ fork: true })
    event.pull_request.head.repo = null
    expect(await resolveTarget(ctx('pull_request', event), write, noApi)).toMatchObject({ fork: true })
  })

  it('issue_comment by a commenter with write access: the PR from the API', async () => {
    const target = await resolveTarget(ctx('issue_comment', issueCommentEvent({ number: 7, login: 'dana' })), write, api({ dana: 'write' }))
    expect(target).toMatchObject({ kind: 'pull_request', number: 7, baseRef: 'v2', headSha: '2'.repeat(40) })
  })

  it('issue_comment by a commenter below trusted-permission fails before the PR is read', async () => {
    const event = issueCommentEvent({ association: 'MEMBER', login: 'mallory' })
    const io = { ...api({ mallory: 'triage' }), getPullRequest: refuse }
    await expect(resolveTarget(ctx('issue_comment', event), write, io)).rejects.toThrow(
      '@mallory (repository permission: triage) may not run this: trusted-permission is write. Nothing was done.',
    )
  })

  // The API's `permission` folds maintain into write and triage into read; role_name keeps them
  // apart (OpenAPI description, repos/get-collaborator-permission-level). author_association is a
  // label and never decides.
  it.each([
    { who: 'an admin', association: 'OWNER', role: 'admin', folded: 'admin', required: 'write', allowed: true },
    {
      who: 'a writer where maintain is required',
      association: 'MEMBER',
      role: 'write',
      folded: 'write',
      required: 'maintain',
      allowed: false,
    },
    {
      who: 'a maintainer where maintain is required',
      association: 'MEMBER',
      role: 'maintain',
      folded: 'write',
      required: 'maintain',
      allowed: true,
    },
    {
      who: 'a triager where triage is required',
      association: 'COLLABORATOR',
      role: 'triage',
      folded: 'read',
      required: 'triage',
      allowed: true,
    },
    {
      who: 'a reader where triage is required',
      association: 'COLLABORATOR',
      role: 'read',
      folded: 'read',
      required: 'triage',
      allowed: false,
    },
  ] as const)('issue_comment by $who → allowed: $allowed', async ({ association, role, folded, required, allowed }) => {
    const io: TargetIo = {
      getPullRequest: allowed ? async (n) => fromApi(n) : refuse,
      getPermission: async (login) => (login === 'dana' ? { permission: folded, roleName: role } : { permission: 'none' }),
    }
    const target = resolveTarget(
      ctx('issue_comment', issueCommentEvent({ number: 42, association, login: 'dana' })),
      { trustedPermission: required },
      io,
    )
    if (allowed) await expect(target).resolves.toMatchObject({ kind: 'pull_request', number: 42 })
    else
      await expect(target).rejects.toThrow(
        `@dana (repository permission: ${role}) may not run this: trusted-permission is ${required}. Nothing was done.`,
      )
  })

  it('issue_comment on a plain issue is an error', async () => {
    const event = issueCommentEvent({ number: 5, login: 'dana', onPullRequest: false })
    await expect(resolveTarget(ctx('issue_comment', event), write, api({ dana: 'admin' }))).rejects.toThrow(
      'The issue_comment event is on issue #5, which is not a pull request.',
    )
  })

  it('push: the branch from the ref and the pushed sha', async () => {
    const target = await resolveTarget(ctx('push', pushEvent({ ref: 'refs/heads/v2', after: HEAD }), 'refs/heads/v2'), write, noApi)
    expect(target).toEqual({ kind: 'push', branch: 'v2', sha: HEAD })
  })

  it('workflow_dispatch: the branch from the ref and GITHUB_SHA', async () => {
    const target = await resolveTarget(
      ctx('workflow_dispatch', workflowDispatchEvent({ ref: 'refs/heads/main' }), 'refs/heads/main'),
      write,
      noApi,
    )
    expect(target).toEqual({ kind: 'push', branch: 'main', sha: MERGE })
  })

  it('workflow_dispatch with pr-number works on that PR', async () => {
    const target = await resolveTarget(
      ctx('workflow_dispatch', workflowDispatchEvent({ ref: 'refs/heads/main' }), 'refs/heads/main'),
      { prNumber: 9, ...write },
      api(),
    )
    expect(target).toMatchObject({ kind: 'pull_request', number: 9 })
  })

  it('head-sha overrides the commit', async () => {
    const sha = 'a'.repeat(40)
    const target = await resolveTarget(ctx('pull_request', pullRequestEvent({ headSha: HEAD })), { headSha: sha, ...write }, noApi)
    expect(target).toMatchObject({ headSha: sha })
  })

  it.each([
    [
      'push',
      pushEvent({ ref: 'refs/tags/v1.0.0', after: HEAD }),
      'refs/tags/v1.0.0',
      'The push event is for "refs/tags/v1.0.0", not a branch',
    ],
    [
      'push',
      pushEvent({ ref: 'refs/heads/gone', after: '0'.repeat(40), deleted: true }),
      'refs/heads/gone',
      'The push deleted refs/heads/gone',
    ],
    [
      'schedule',
      {},
      '',
      'The event "schedule" is not supported: ci-image runs on pull_request, pull_request_target, issue_comment, merge_group, push, workflow_dispatch.',
    ],
    ['release', {}, '', 'The event "release" is not supported'],
  ])('%s (%s) is a clear error', async (eventName, payload, ref, message) => {
    await expect(resolveTarget(ctx(eventName, payload, ref), write, noApi)).rejects.toThrow(message)
  })
})

describe('merge queues (merge_group)', () => {
  const group = (headRef: string, baseRef = 'refs/heads/main') => ({
    action: 'checks_requested',
    merge_group: { head_ref: headRef, head_sha: '5'.repeat(40), base_ref: baseRef, base_sha: '6'.repeat(40) },
  })

  // GitHub's own merge_group webhook example (@octokit/webhooks-examples) names the queue branch
  // refs/heads/gh-readonly-queue/main/pr-104-929f8209d40f77f4abc622a499c93a83babdbe64.
  it.each([
    ['refs/heads/gh-readonly-queue/main/pr-104-929f8209d40f77f4abc622a499c93a83babdbe64', 104],
    ['gh-readonly-queue/release/2.x/pr-7-929f8209d40f77f4abc622a499c93a83babdbe64', 7],
  ])('reads the PR number of %s', (ref, number) => {
    expect(pullRequestOfQueueBranch(ref)).toBe(number)
  })

  it.each(['refs/heads/main', 'gh-readonly-queue/main/pr-x-929f8209d40f77f4abc622a499c93a83babdbe64', 'gh-readonly-queue/main/pr-7'])(
    'refuses %s, naming the form it expects',
    (ref) => {
      expect(() => pullRequestOfQueueBranch(ref)).toThrow(
        `The merge_group head_ref "${ref}" is not a merge queue branch (gh-readonly-queue/<base>/pr-<number>-<sha>).`,
      )
    },
  )

  it('the queue commit and its base, and the PR in the queue read from the API', async () => {
    const ref = 'refs/heads/gh-readonly-queue/release/2.x/pr-9-929f8209d40f77f4abc622a499c93a83babdbe64'
    const target = await resolveTarget(ctx('merge_group', group(ref, 'refs/heads/release/2.x'), ref), write, api())
    expect(target).toMatchObject({
      kind: 'merge_group',
      queue: { baseRef: 'release/2.x', baseSha: '6'.repeat(40), headSha: '5'.repeat(40), headRef: ref.slice('refs/heads/'.length) },
      pr: { number: 9, headSha: '2'.repeat(40) },
    })
  })
})
