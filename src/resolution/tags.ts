// Tag strategy: pure functions from a context to the image tags of the table in
// docs/how-it-decides.md (test/unit/tags.test.ts checks it row by row).

import { MAX_TAG_LENGTH } from '../registry/image-ref.js'
import { prCommitTag, prTag } from '../registry/pr-tags.js'

/**
 * Turns any string (a branch name: untrusted, maybe unicode) into text that is valid inside a
 * Docker tag. Accents are folded first so `für` reads `fur`, not `f-r`.
 */
export function sanitizeTagPart(value: string, maxLength = MAX_TAG_LENGTH): string {
  const folded = value.normalize('NFKD').replace(/\p{M}+/gu, '')
  const cleaned = folded
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, maxLength)
    .replace(/[.-]+$/, '')
  return cleaned === '' ? 'branch' : cleaned
}

/** `<branch>-sha-<7>`, the branch part shortened so the whole tag stays within 128 characters. */
export function shaTag(branch: string, sha: string): string {
  const suffix = `-sha-${sha.slice(0, 7)}`
  return sanitizeTagPart(branch, MAX_TAG_LENGTH - suffix.length) + suffix
}

export interface PullRequestTagInput {
  /** 0 when unknown (a local run). */
  prNumber: number
  /** The PR's head commit (never the merge commit): it names the build's immutable tag. */
  headSha: string
  baseRef: string
  modified: boolean
  fork: boolean
  branchTags: ReadonlyMap<string, string>
  /** The `default-tag` input; undefined: see defaultStableTag. */
  defaultTag?: string
  /** The repository's default branch (the event's `repository.default_branch`), when known. */
  defaultBranch?: string
  /** Who the reason speaks of; default `PR #N` (or `This branch` for a local run). */
  subject?: string
  /** Why no image of its own is needed; default `changes no watched path`. */
  unmodifiedBecause?: string
}

export interface TagChoice {
  tag: string
  /** Tags a build should push in this context (empty: nothing to build). */
  push: string[]
  /**
   * The tag that names one commit's build only (`pr-<N>-sha-<7>`, `<branch>-sha-<7>`), when the
   * context has an image of its own: what wait-for-build reads back and comment-image pins.
   */
  commitTag?: string
  reason: string
}

/**
 * The stable tag of a base branch that branch-tags does not list: the `default-tag` input, else the
 * tag of the repository's default branch, else `latest` (what `main` and `master` get by default).
 */
export function defaultStableTag(input: Pick<PullRequestTagInput, 'branchTags' | 'defaultTag' | 'defaultBranch'>): string {
  if (input.defaultTag !== undefined) return input.defaultTag
  return (input.defaultBranch !== undefined ? input.branchTags.get(input.defaultBranch) : undefined) ?? 'latest'
}

/** The stable tag of a PR's base branch: the image the PR replaces when it changes the image. */
export function stableTag(input: Pick<PullRequestTagInput, 'baseRef' | 'branchTags' | 'defaultTag' | 'defaultBranch'>): string {
  return input.branchTags.get(input.baseRef) ?? defaultStableTag(input)
}

export function choosePullRequestTag(input: PullRequestTagInput): TagChoice {
  // 0 is a local run on a branch whose PR is not known.
  const subject = input.subject ?? (input.prNumber > 0 ? `PR #${input.prNumber}` : 'This branch')
  const stable = stableTag(input)
  const stableSource = input.branchTags.has(input.baseRef)
    ? `the stable image of base branch ${input.baseRef}`
    : `the default stable image (base branch ${input.baseRef} has no entry in branch-tags)`
  if (!input.modified) {
    return {
      tag: stable,
      push: [],
      reason: `${subject} ${input.unmodifiedBecause ?? 'changes no watched path'}, so it uses ${stableSource}.`,
    }
  }
  if (input.fork) {
    return {
      tag: stable,
      push: [],
      reason: `${subject} changes the CI image but comes from a fork, whose token cannot push an image, so it uses ${stableSource}.`,
    }
  }
  if (input.prNumber === 0) {
    throw new Error(
      "This branch changes the CI image, so its image is its PR's (pr-N): pass the PR number (--pr-number N), " +
        'or build the image locally.',
    )
  }
  const tag = prTag(input.prNumber)
  const commitTag = prCommitTag(input.prNumber, input.headSha)
  return {
    tag,
    push: [tag, commitTag],
    commitTag,
    reason: `${subject} changes the CI image, so it uses its own image ${tag}.`,
  }
}

export function choosePushTags(branch: string, sha: string, branchTags: ReadonlyMap<string, string>): TagChoice {
  const stable = branchTags.get(branch)
  const bySha = shaTag(branch, sha)
  if (stable === undefined) {
    return { tag: bySha, push: [bySha], commitTag: bySha, reason: `A push to ${branch} builds ${bySha}; the branch has no stable tag.` }
  }
  return {
    tag: stable,
    push: [stable, bySha],
    commitTag: bySha,
    reason: `A push to ${branch} builds its stable tag ${stable} and ${bySha}.`,
  }
}

/**
 * The tag a build that may be reused pushes, and that a later context looks up:
 * `pr-<N>-inputs-<16 hex>` within PR `prNumber`, `inputs-<16 hex>` across the repository.
 */
export function reuseTag(prNumber: number | undefined, shortHash: string): string {
  if (!/^[0-9a-f]{16}$/.test(shortHash))
    throw new Error(`A reuse tag takes 16 hexadecimal characters of the inputs hash; got "${shortHash}".`)
  return prNumber === undefined ? `inputs-${shortHash}` : `${prTag(prNumber)}-inputs-${shortHash}`
}
