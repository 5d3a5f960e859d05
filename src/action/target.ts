// What the action works on: a pull request, a merge queue's group, or a branch push, decided
// from the event.
import type { EventContext } from './event.js'
import type { CollaboratorPermission } from '../github/repository.js'
import { effectivePermission, isBot, meets, type Permission } from './permission.js'

export interface PullRequestTarget {
  kind: 'pull_request'
  number: number
  baseRef: string
  baseSha?: string
  /** The PR's head commit: never GITHUB_SHA, which is the merge commit on PR events. */
  headSha: string
  headRef: string
  fork: boolean
  /** GitHub's count of changed files, when the payload has it. */
  changedFiles?: number
  /** The activity of a pull request event (`opened`, `synchronize`...); undefined for other events. */
  action?: string
}

/**
 * A merge queue's group (`merge_group` event): the queue's commit decides whether the image
 * changes, and the pull request in the queue owns the image (pr-N) and its build.
 */
export interface MergeGroupTarget {
  kind: 'merge_group'
  queue: { baseRef: string; baseSha: string; headSha: string; headRef: string }
  pr: PullRequestTarget
}

export interface PushTarget {
  kind: 'push'
  branch: string
  sha: string
}

export type Target = PullRequestTarget | MergeGroupTarget | PushTarget

const SUPPORTED_EVENTS = ['pull_request', 'pull_request_target', 'issue_comment', 'merge_group', 'push', 'workflow_dispatch']

/**
 * The PR number of a merge queue branch, `gh-readonly-queue/<base>/pr-<N>-<head sha>` (as in
 * GitHub's own merge_group webhook example, @octokit/webhooks-examples). The base may contain
 * `/`, so the number is read from the end.
 */
export function pullRequestOfQueueBranch(headRef: string): number {
  const match = /^(?:refs\/heads\/)?gh-readonly-queue\/.+\/pr-(\d+)-[0-9a-f]{40}$/.exec(headRef)
  if (!match) {
    throw new Error(`The merge_group head_ref "${headRef}" is not a merge queue branch (gh-readonly-queue/<base>/pr-<number>-<sha>).`)
  }
  return Number(match[1])
}

const branchName = (ref: string) => ref.replace(/^refs\/heads\//, '')

/** Reads a pull request object as webhook payloads and `GET /pulls/{n}` both shape it. */
export function pullRequestFromApiShape(pr: unknown): PullRequestTarget {
  const p = pr as {
    number: number
    base: { ref: string; sha?: string; repo?: { full_name?: string } | null }
    head: { ref: string; sha: string; repo?: { full_name?: string } | null }
    changed_files?: number
  }
  const baseRepo = p.base.repo?.full_name
  const headRepo = p.head.repo?.full_name
  return {
    kind: 'pull_request',
    number: p.number,
    baseRef: p.base.ref,
    baseSha: p.base.sha,
    headSha: p.head.sha,
    headRef: p.head.ref,
    // A deleted fork leaves head.repo null: still not this repository.
    fork: headRepo === undefined || headRepo.toLowerCase() !== baseRepo?.toLowerCase(),
    changedFiles: p.changed_files,
  }
}

export interface TargetOverrides {
  prNumber?: number
  headSha?: string
  trustedPermission: Permission
}

/** What resolving the target may ask the API: a pull request, a commenter's permission. */
export interface TargetIo {
  getPullRequest: (prNumber: number) => Promise<PullRequestTarget>
  getPermission: (login: string) => Promise<CollaboratorPermission>
}

function branchFromRef(ref: string, eventName: string): string {
  if (ref.startsWith('refs/heads/')) return ref.slice('refs/heads/'.length)
  throw new Error(`The ${eventName} event is for "${ref}", not a branch: ci-image builds images for branches (refs/heads/...).`)
}

/**
 * A comment drives the action only when it is new and its author's repository permission is at
 * least `required`. author_association is never read: it is a label, not a permission.
 */
async function checkCommenter(
  payload: EventContext['payload'],
  required: Permission,
  getPermission: TargetIo['getPermission'],
): Promise<void> {
  // An edit could change what a trusted person asked after the fact.
  if (payload.action !== 'created') {
    throw new Error(
      `The issue_comment event is "${String(payload.action)}": only a new comment (created) may drive this, so an edit cannot change what was asked.`,
    )
  }
  const user = (payload.comment as { user?: { login?: string; type?: string } } | undefined)?.user
  if (!user?.login) throw new Error('The issue_comment event names no commenter. Nothing was done.')
  if (isBot({ login: user.login, type: user.type })) {
    throw new Error(`@${user.login} is a bot: only people with ${required} access to the repository may drive this. Nothing was done.`)
  }
  const found = await getPermission(user.login)
  if (!meets(effectivePermission(found), required)) {
    throw new Error(
      `@${user.login} (repository permission: ${found.roleName ?? found.permission}) may not run this: trusted-permission is ${required}. Nothing was done.`,
    )
  }
}

export async function resolveTarget(ctx: EventContext, overrides: TargetOverrides, io: TargetIo): Promise<Target> {
  const { eventName, payload } = ctx
  const { getPullRequest } = io
  let target: Target
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target': {
      if (!payload.pull_request) throw new Error(`The ${eventName} event payload has no pull_request.`)
      const fromEvent = {
        ...pullRequestFromApiShape(payload.pull_request),
        action: typeof payload.action === 'string' ? payload.action : undefined,
      }
      const asked = overrides.prNumber
      target = asked !== undefined && asked !== fromEvent.number ? await getPullRequest(asked) : fromEvent
      break
    }
    case 'merge_group': {
      const group = payload.merge_group as { head_ref?: string; head_sha?: string; base_ref?: string; base_sha?: string } | undefined
      if (!group?.head_ref || !group.head_sha || !group.base_ref || !group.base_sha)
        throw new Error('The merge_group event payload has no merge_group.')
      const queue = {
        baseRef: branchName(group.base_ref),
        baseSha: group.base_sha,
        headSha: group.head_sha,
        headRef: branchName(group.head_ref),
      }
      target = { kind: 'merge_group', queue, pr: await getPullRequest(overrides.prNumber ?? pullRequestOfQueueBranch(group.head_ref)) }
      break
    }
    case 'issue_comment': {
      // Trust first: an untrusted comment must reach nothing else.
      await checkCommenter(payload, overrides.trustedPermission, io.getPermission)
      const issue = payload.issue as { number: number; pull_request?: unknown } | undefined
      if (!issue?.pull_request && overrides.prNumber === undefined) {
        throw new Error(`The issue_comment event is on issue #${issue?.number ?? '?'}, which is not a pull request.`)
      }
      target = await getPullRequest(overrides.prNumber ?? issue!.number)
      break
    }
    case 'push':
    case 'workflow_dispatch': {
      if (overrides.prNumber !== undefined) {
        target = await getPullRequest(overrides.prNumber)
        break
      }
      if (payload.deleted === true) throw new Error(`The push deleted ${ctx.ref}: there is no image to build.`)
      const sha = (eventName === 'push' && typeof payload.after === 'string' ? payload.after : ctx.sha) || ctx.sha
      target = { kind: 'push', branch: branchFromRef(ctx.ref, eventName), sha }
      break
    }
    default:
      throw new Error(`The event "${eventName || '(none)'}" is not supported: ci-image runs on ${SUPPORTED_EVENTS.join(', ')}.`)
  }
  if (overrides.headSha === undefined) return target
  if (target.kind === 'pull_request') return { ...target, headSha: overrides.headSha }
  if (target.kind === 'merge_group') return { ...target, pr: { ...target.pr, headSha: overrides.headSha } }
  return { ...target, sha: overrides.headSha }
}
