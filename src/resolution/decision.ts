// The resolve decision: from what a PR changed, which build triggers fire and where the PR
// comes from, the image its checks use and the tags a build pushes for it. Pure:
// resolution/resolve.ts gathers the changed files and the build workflow's copies.
import { imageReference } from '../registry/image-ref.js'
import type { ReuseFacts } from './reuse.js'
import { choosePullRequestTag, choosePushTags, type TagChoice } from './tags.js'
import type { MergeGroupTarget, PullRequestTarget, PushTarget } from '../action/target.js'
import type { WatchDecision } from '../watch/watch.js'

/**
 * GitHub lists at most this many files of a pull request, whatever the pagination ("Responses
 * include a maximum of 3000 files": REST docs, "List pull requests files").
 */
export const API_FILE_LIST_CAP = 3000

/**
 * GitHub evaluates a workflow's path filters on the first 300 files of the diff only ("Diffs are
 * limited to 300 files. If there are files changed that aren't matched in the first 300 files
 * returned by the filter, the workflow will not run": docs, Workflow syntax → Git diff comparisons).
 */
export const PATH_FILTER_DIFF_LIMIT = 300

export interface ResolveConfig {
  imageRepository: string
  branchTags: ReadonlyMap<string, string>
  defaultTag?: string
  /** The repository's default branch, when the event says it. */
  defaultBranch?: string
}

export interface ChangedPaths {
  paths: string[]
  source: 'git' | 'api'
  /** False when the API's list stopped at its cap before the PR's last file. */
  complete: boolean
}

export interface ResolvedImage extends TagChoice {
  /** The image reference this context uses (the `image` output). */
  reference: string
  /** The image references a build pushes in this context (the `tags` output). */
  pushReferences: string[]
  modified: boolean
  fork: boolean
  /** Changed files that made the build start (the matches of the triggers that fire). */
  matched: string[]
  changedCount?: number
  changedSource?: ChangedPaths['source']
  watch?: WatchDecision
  /** Things a person should know: the step prints them as warnings and in the summary. */
  warnings: string[]
  /** More files changed than GitHub's path filters look at: a build may not start though it should. */
  beyondPathFilterLimit?: boolean
  /** The inputs hash and the image that may stand in for a build (resolution/reuse-lookup.ts). */
  reuse?: ReuseFacts
}

function withReferences(config: ResolveConfig, choice: TagChoice): Pick<ResolvedImage, 'reference' | 'pushReferences'> & TagChoice {
  const reference = (tag: string) => imageReference(config.imageRepository, tag)
  return { ...choice, reference: reference(choice.tag), pushReferences: choice.push.map(reference) }
}

export function resolvePush(config: ResolveConfig, target: PushTarget): ResolvedImage {
  const choice = choosePushTags(target.branch, target.sha, config.branchTags)
  return { ...withReferences(config, choice), modified: false, fork: false, matched: [], warnings: [] }
}

/** A fork's PR: its token cannot push an image, so it uses the stable image, known from the event alone. */
export function resolveFork(config: ResolveConfig, pr: PullRequestTarget): ResolvedImage {
  const choice = choosePullRequestTag({
    prNumber: pr.number,
    headSha: pr.headSha,
    baseRef: pr.baseRef,
    modified: true,
    fork: true,
    branchTags: config.branchTags,
    defaultTag: config.defaultTag,
    defaultBranch: config.defaultBranch,
  })
  return { ...withReferences(config, choice), modified: true, fork: true, matched: [], warnings: [] }
}

function checkComplete(number: number, changed: ChangedPaths, changedFiles: number | undefined, decision: WatchDecision): void {
  if (changed.complete || decision.matched.length > 0) return
  throw new Error(
    `PR #${number} changes ${changedFiles ?? 'at least ' + API_FILE_LIST_CAP} files, more than the ` +
      `${API_FILE_LIST_CAP} the GitHub API lists, and none of those listed is watched, so the answer is unknown. ` +
      'Check out the repository (actions/checkout) so that git can list every file.',
  )
}

function beyondPathFilterLimit(changedCount: number, decision: WatchDecision): boolean {
  return changedCount > PATH_FILTER_DIFF_LIMIT && decision.patterns.some((p) => p !== '**')
}

function warningsFor(number: number, changedCount: number, decision: WatchDecision): string[] {
  const warnings: string[] = []
  if (decision.noBuildBecause) warnings.push(`${decision.source} starts no build for PR #${number}: ${decision.noBuildBecause}.`)
  if (beyondPathFilterLimit(changedCount, decision)) {
    warnings.push(
      `PR #${number} changes ${changedCount} files; GitHub evaluates path filters on the first ${PATH_FILTER_DIFF_LIMIT} files of a diff ` +
        'only, so it may start no build even though a watched file changed (docs: Workflow syntax, "Git diff comparisons").',
    )
  }
  return warnings
}

export function resolvePullRequest(
  config: ResolveConfig,
  target: PullRequestTarget,
  decision: WatchDecision,
  changed: ChangedPaths,
  subject?: string,
): ResolvedImage {
  checkComplete(target.number, changed, target.changedFiles, decision)
  const changedCount = changed.source === 'git' ? changed.paths.length : (target.changedFiles ?? changed.paths.length)
  const choice = choosePullRequestTag({
    prNumber: target.number,
    headSha: target.headSha,
    baseRef: target.baseRef,
    modified: decision.modified,
    fork: target.fork,
    branchTags: config.branchTags,
    defaultTag: config.defaultTag,
    defaultBranch: config.defaultBranch,
    subject,
    unmodifiedBecause: decision.noBuildBecause && `starts no build (${decision.noBuildBecause})`,
  })
  return {
    ...withReferences(config, choice),
    modified: decision.modified,
    fork: target.fork,
    matched: decision.matched,
    changedCount,
    changedSource: changed.source,
    watch: decision,
    warnings: warningsFor(target.number, changedCount, decision),
    beyondPathFilterLimit: beyondPathFilterLimit(changedCount, decision),
  }
}

/**
 * A merge queue's group uses the image of the pull request in it: `pr-N`, built for the PR's
 * head, when the group's commit changes the image; else the stable image. Nothing is built for
 * the queue's own commit: its image comes with the push to the base branch.
 */
export function resolveMergeGroup(
  config: ResolveConfig,
  target: MergeGroupTarget,
  decision: WatchDecision,
  changed: ChangedPaths,
): ResolvedImage {
  const { pr, queue } = target
  const subject = `The merge queue's group for PR #${pr.number}`
  const resolved = resolvePullRequest(config, { ...pr, baseRef: queue.baseRef, changedFiles: undefined }, decision, changed, subject)
  return { ...resolved, push: [], pushReferences: [] }
}
