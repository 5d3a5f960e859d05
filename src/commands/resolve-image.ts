// `resolve-image`: which image this context uses, and which tags a build here should push.
import * as core from '@actions/core'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { changedFilesFromGit } from '../changed-files.js'
import { readRepositoryFile } from '../contents.js'
import { createGit, type Git } from '../git.js'
import { API_FILE_LIST_CAP, listPullRequestFiles } from '../pulls.js'
import { code, setOutputs, targetOutputs, writeSummary } from '../report.js'
import { choosePullRequestTag, choosePushTags, type TagChoice } from '../tags.js'
import type { PullRequestTarget, Target } from '../target.js'
import type { Session } from '../session.js'
import { resolveWatch, type WatchRule } from '../watch.js'

export interface ResolveImageConfig {
  image: string
  watch: string[]
  buildWorkflow: string
  branchTags: ReadonlyMap<string, string>
  defaultTag: string
}

export interface ResolveImageIo {
  git: Git
  /** The build workflow file's text at the PR head (`ref`), undefined when there is none. */
  readBuildWorkflow: (ref: string) => Promise<string | undefined>
  /** Lists the PR's files over the REST API (undefined when no token is available). */
  listPullRequestFiles?: (prNumber: number) => Promise<{ paths: string[]; listed: number }>
}

export interface ResolvedImage extends TagChoice {
  image: string
  /** Full references a build should push in this context. */
  tags: string[]
  modified: boolean
  fork: boolean
  /** Changed files that matched the watched paths. */
  matched: string[]
  changedCount?: number
  changedSource?: 'git' | 'api'
  watch?: WatchRule
}

interface ChangedPaths {
  paths: string[]
  source: 'git' | 'api'
  /** False when the API's list stopped at its cap before the PR's last file. */
  complete: boolean
}

async function listChangedPaths(pr: PullRequestTarget, io: ResolveImageIo): Promise<ChangedPaths> {
  const fromGit = await changedFilesFromGit(io.git, pr)
  if (fromGit !== undefined) return { paths: fromGit, source: 'git', complete: true }
  if (!io.listPullRequestFiles) {
    throw new Error(
      `git could not list the files of PR #${pr.number} and no token was given to ask the API: ` +
        'check out the repository (actions/checkout) or pass `github-token`.',
    )
  }
  const { paths, listed } = await io.listPullRequestFiles(pr.number)
  const complete = pr.changedFiles === undefined ? listed < API_FILE_LIST_CAP : listed >= pr.changedFiles
  return { paths, source: 'api', complete }
}

export async function resolveImage(config: ResolveImageConfig, target: Target, io: ResolveImageIo): Promise<ResolvedImage> {
  const ref = (tag: string) => `${config.image}:${tag}`
  if (target.kind === 'push') {
    const choice = choosePushTags(target.branch, target.sha, config.branchTags)
    return { ...choice, image: ref(choice.tag), tags: choice.push.map(ref), modified: false, fork: false, matched: [] }
  }
  const workflowText = config.watch.length > 0 ? undefined : await io.readBuildWorkflow(target.headSha)
  const watch = resolveWatch({ input: config.watch, buildWorkflow: config.buildWorkflow, workflowText })
  const changed = await listChangedPaths(target, io)
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
    baseRef: target.baseRef,
    modified,
    fork: target.fork,
    branchTags: config.branchTags,
    defaultTag: config.defaultTag,
  })
  return {
    ...choice,
    image: ref(choice.tag),
    tags: choice.push.map(ref),
    modified,
    fork: target.fork,
    matched,
    changedCount: changed.source === 'git' ? changed.paths.length : (target.changedFiles ?? changed.paths.length),
    changedSource: changed.source,
    watch,
  }
}

const MAX_FILES_IN_SUMMARY = 50

export async function reportResolvedImage(result: ResolvedImage, target: Target): Promise<void> {
  setOutputs({
    image: result.image,
    tag: result.tag,
    tags: result.tags.join('\n'),
    modified: result.modified,
    'changed-files': JSON.stringify(result.matched),
    reason: result.reason,
    fork: result.fork,
    ...targetOutputs(target),
  })
  if (result.fork && result.modified) {
    core.warning(`${result.reason} Its checks run on the stable image, not on the changed Dockerfile.`, { title: 'Changed CI image not used' })
  }
  core.info(`${result.image}: ${result.reason}`)

  const rows = [
    ['Image', code(result.image)],
    ['Why', result.reason],
    ['Push', result.tags.length > 0 ? result.tags.map(code).join('<br>') : 'nothing (no build in this context)'],
  ]
  if (result.watch) rows.push(['Watched', `${result.watch.patterns.map(code).join(' ')} from ${result.watch.source}`])
  if (result.changedSource) rows.push(['Changed files', `${result.changedCount} (listed by ${result.changedSource})`])
  const summary = core.summary.addHeading('CI image', 3).addTable(rows.map(([k, v]) => [{ data: k!, header: true }, v!]))
  if (result.matched.length > 0) {
    const shown = result.matched.slice(0, MAX_FILES_IN_SUMMARY).map(code)
    if (result.matched.length > shown.length) shown.push(`and ${result.matched.length - shown.length} more`)
    summary.addDetails(`Watched files changed (${result.matched.length})`, shown.join('<br>'))
  }
  await writeSummary(summary)
}

/** resolve-image with this run's checkout, token and event: the core the other commands share. */
export async function resolveForSession(session: Session): Promise<ResolvedImage> {
  const { inputs, ctx, target } = session
  const workflowFile = `.github/workflows/${inputs.buildWorkflow}`
  const workflowPath = join(ctx.workspace, workflowFile)
  // The checkout's copy (its absence from a checkout is the answer); a job without a checkout
  // asks the API for the PR head's.
  const readBuildWorkflow = async (ref: string): Promise<string | undefined> => {
    if (existsSync(workflowPath)) return readFileSync(workflowPath, 'utf8')
    if (existsSync(join(ctx.workspace, '.git')) || !inputs.token) return undefined
    core.info(`No checkout: reading ${workflowFile} at ${ref.slice(0, 7)} from the API.`)
    return readRepositoryFile(await session.client(), ctx.repository, workflowFile, ref)
  }
  return resolveImage({ ...inputs, image: session.image }, target, {
    git: createGit(ctx.workspace),
    readBuildWorkflow,
    listPullRequestFiles: inputs.token
      ? async (prNumber) => listPullRequestFiles(await session.client(), ctx.repository, prNumber)
      : undefined,
  })
}

export async function resolveImageCommand(session: Session): Promise<void> {
  const result = await core.group('Resolving the CI image', () => resolveForSession(session))
  await reportResolvedImage(result, session.target)
}
