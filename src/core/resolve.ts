// The resolve decision: from what a PR changed, what is watched and where the PR comes from,
// the image its checks use and the tags a build pushes for it. Pure: session/resolve.ts gathers
// the changed files and the watch rule.
import { imageReference } from './image-ref.js'
import { choosePullRequestTag, choosePushTags, type TagChoice } from './tags.js'
import type { PullRequestTarget, PushTarget } from './target.js'
import type { WatchRule } from './watch.js'

/**
 * GitHub lists at most this many files of a pull request, whatever the pagination ("Responses
 * include a maximum of 3000 files": REST docs, "List pull requests files").
 */
export const API_FILE_LIST_CAP = 3000

export interface ResolveConfig {
  imageRepository: string
  branchTags: ReadonlyMap<string, string>
  defaultTag: string
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
  /** Changed files that matched the watched paths. */
  matched: string[]
  changedCount?: number
  changedSource?: ChangedPaths['source']
  watch?: WatchRule
}

function withReferences(config: ResolveConfig, choice: TagChoice): Pick<ResolvedImage, 'reference' | 'pushReferences'> & TagChoice {
  const reference = (tag: string) => imageReference(config.imageRepository, tag)
  return { ...choice, reference: reference(choice.tag), pushReferences: choice.push.map(reference) }
}

export function resolvePush(config: ResolveConfig, target: PushTarget): ResolvedImage {
  const choice = choosePushTags(target.branch, target.sha, config.branchTags)
  return { ...withReferences(config, choice), modified: false, fork: false, matched: [] }
}

export function resolvePullRequest(
  config: ResolveConfig,
  target: PullRequestTarget,
  watch: WatchRule,
  changed: ChangedPaths,
): ResolvedImage {
  const matched = [...new Set(changed.paths.filter(watch.matches))]
  if (!changed.complete && matched.length === 0) {
    throw new Error(
      `PR #${target.number} changes ${target.changedFiles ?? 'at least ' + API_FILE_LIST_CAP} files, more than the ` +
        `${API_FILE_LIST_CAP} the GitHub API lists, and none of those listed is watched, so the answer is unknown. ` +
        'Check out the repository (actions/checkout) so that git can list every file.',
    )
  }
  const modified = matched.length > 0
  const choice = choosePullRequestTag({
    prNumber: target.number,
    headSha: target.headSha,
    baseRef: target.baseRef,
    modified,
    fork: target.fork,
    branchTags: config.branchTags,
    defaultTag: config.defaultTag,
  })
  return {
    ...withReferences(config, choice),
    modified,
    fork: target.fork,
    matched,
    changedCount: changed.source === 'git' ? changed.paths.length : (target.changedFiles ?? changed.paths.length),
    changedSource: changed.source,
    watch,
  }
}
