// The resolution value: what resolve-image decided, as compact JSON (its `resolution` output), for
// wait-for-build and comment-image (their `resolution` input), which then resolve nothing again: no
// diff, no workflow read, no inputs hash, no registry lookup (docs/how-it-decides.md, "One
// resolution per job"). Its checked reading is read-resolution.ts. Pure.
import type { Repository } from '../github/repository.js'
import type { Target } from '../action/target.js'
import type { PullRequestEvent } from '../watch/triggers.js'
import type { ResolvedImage } from './decision.js'
import type { ReuseVerdict } from './reuse.js'

/** The version of the value's shape; a step of another version of the action refuses it. */
export const RESOLUTION_SCHEMA = 1

/** The most characters the input may hold: a real value is a few hundred to a few thousand. */
export const MAX_RESOLUTION_LENGTH = 16 * 1024

/** The longest `reason` a value carries (a sentence, which quotes branch names and filters). */
export const MAX_REASON_LENGTH = 2048

/** The longest `revision` a value carries: a registry label's value, which may be anything. */
export const MAX_REVISION_LENGTH = 128

/** The most references `tags` holds: the tag, the commit's tag, the reuse tag, with room to spare. */
export const MAX_TAGS = 8

/** What a resolution is for; a later step takes it only when this is its own run's. */
export interface ResolutionScope {
  repository: Repository
  target: Target
  imageRepository: string
}

/** The target as the value names it: what identifies the context the decision was made for. */
export type ResolutionTarget =
  | { kind: 'pull_request'; pr: number; headSha: string }
  /** A merge queue's group: its PR, the PR's head, and the queue's commit (whose diff decided). */
  | { kind: 'merge_group'; pr: number; headSha: string; queueSha: string }
  | { kind: 'push'; branch: string; sha: string }

type Reusable = Omit<Extract<ReuseVerdict, { kind: 'reusable' }>, 'kind'>

/** What resolve-image decided, as far as the steps after it act on it. */
export interface ImageDecision {
  /** The image reference this context uses (the `image` output). */
  image: string
  tag: string
  /** The tag that names this commit's build only, where the context has an image of its own. */
  commitTag?: string
  /** The references a build here pushes (the `tags` output). */
  tags: string[]
  modified: boolean
  fork: boolean
  reason: string
  /** A PR's: the events of the build runs GitHub starts for it, what wait-for-build looks for. */
  events?: PullRequestEvent[]
  /** A PR's: how many files it changes. */
  changedCount?: number
  /** A PR's: more files changed than GitHub's path filters look at, so a build may not start. */
  beyondPathFilterLimit?: boolean
  /** Where reuse was looked for: the inputs hash, and the image that may stand in for a build. */
  reuse?: { hash?: string; reusable?: Reusable }
}

interface Resolution {
  schema: typeof RESOLUTION_SCHEMA
  /** `owner/repo`: the run's repository. */
  repository: string
  imageRepository: string
  target: ResolutionTarget
  decision: ImageDecision
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

/** The decision as the steps after resolve-image act on it, whether it travelled or was made here. */
export function imageDecisionOf(resolved: ResolvedImage): ImageDecision {
  const { hash, reusable } = resolved.reuse ?? {}
  const reuse =
    hash === undefined && reusable === undefined
      ? undefined
      : {
          hash,
          reusable: reusable && {
            pinned: reusable.pinned,
            digest: reusable.digest,
            revision: reusable.revision === undefined ? undefined : clip(reusable.revision, MAX_REVISION_LENGTH),
          },
        }
  return {
    image: resolved.reference,
    tag: resolved.tag,
    commitTag: resolved.commitTag,
    tags: resolved.pushReferences,
    modified: resolved.modified,
    fork: resolved.fork,
    reason: clip(resolved.reason, MAX_REASON_LENGTH),
    events: resolved.watch?.events,
    changedCount: resolved.changedCount,
    beyondPathFilterLimit: resolved.beyondPathFilterLimit,
    reuse,
  }
}

export function resolutionTarget(target: Target): ResolutionTarget {
  switch (target.kind) {
    case 'pull_request':
      return { kind: 'pull_request', pr: target.number, headSha: target.headSha.toLowerCase() }
    case 'merge_group':
      return {
        kind: 'merge_group',
        pr: target.pr.number,
        headSha: target.pr.headSha.toLowerCase(),
        queueSha: target.queue.headSha.toLowerCase(),
      }
    case 'push':
      return { kind: 'push', branch: target.branch, sha: target.sha.toLowerCase() }
  }
}

/** resolve-image's `resolution` output: the decision and what it is for, as compact JSON. */
export function resolutionValue(resolved: ResolvedImage, scope: ResolutionScope): string {
  const value: Resolution = {
    schema: RESOLUTION_SCHEMA,
    repository: `${scope.repository.owner}/${scope.repository.repo}`,
    imageRepository: scope.imageRepository,
    target: resolutionTarget(scope.target),
    decision: imageDecisionOf(resolved),
  }
  return JSON.stringify(value)
}
