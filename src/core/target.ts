// What the action works on: a pull request or a branch push, decided from the event.
import type { EventContext } from './event.js'
import { effectivePermission, isBot, meets, type CollaboratorPermission, type Permission } from './permission.js'

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
}

export interface PushTarget {
  kind: 'push'
  branch: string
  sha: string
}

export type Target = PullRequestTarget | PushTarget

const SUPPORTED_EVENTS = ['pull_request', 'pull_request_target', 'issue_comment', 'push', 'workflow_dispatch']

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
      const fromEvent = pullRequestFromApiShape(payload.pull_request)
      const asked = overrides.prNumber
      target = asked !== undefined && asked !== fromEvent.number ? await getPullRequest(asked) : fromEvent
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
  return target.kind === 'pull_request' ? { ...target, headSha: overrides.headSha } : { ...target, sha: overrides.headSha }
}
