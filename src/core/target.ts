// What the action works on: a pull request or a branch push, decided from the event.
import type { EventContext } from './event.js'

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
  trustedAssociations: readonly string[]
}

export type GetPullRequest = (prNumber: number) => Promise<PullRequestTarget>

function branchFromRef(ref: string, eventName: string): string {
  if (ref.startsWith('refs/heads/')) return ref.slice('refs/heads/'.length)
  throw new Error(`The ${eventName} event is for "${ref}", not a branch: ci-image builds images for branches (refs/heads/...).`)
}

function checkCommenter(payload: EventContext['payload'], trusted: readonly string[]): void {
  const comment = payload.comment as { author_association?: string; user?: { login?: string } } | undefined
  const association = comment?.author_association ?? 'NONE'
  if (!trusted.includes(association)) {
    throw new Error(
      `@${comment?.user?.login ?? 'unknown'} (author_association ${association}) is not allowed to run this: ` +
        `trusted-associations is ${trusted.join(', ')}. Nothing was done.`,
    )
  }
}

export async function resolveTarget(ctx: EventContext, overrides: TargetOverrides, getPullRequest: GetPullRequest): Promise<Target> {
  const { eventName, payload } = ctx
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
      // Trust first: an untrusted comment must not cost an API call or reach anything else.
      checkCommenter(payload, overrides.trustedAssociations)
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
