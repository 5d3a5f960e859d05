// resolve-image's I/O: the changed files (git first, else the REST API) and the build workflow's
// text, gathered through seams and handed to the pure decision (core/resolve.ts). The commands
// share it through resolveForSession; the local CLI fills the seams with git alone.
import * as core from '@actions/core'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  API_FILE_LIST_CAP,
  resolvePullRequest,
  resolvePush,
  type ChangedPaths,
  type ResolveConfig,
  type ResolvedImage,
} from '../core/resolve.js'
import type { PullRequestTarget, Target } from '../core/target.js'
import { resolveWatch } from '../core/watch.js'
import { changedFilesFromGit } from '../runner/changed-files.js'
import { createGit, type Git } from '../runner/git.js'
import type { Session } from './session.js'

export interface ResolveImageConfig extends ResolveConfig {
  watch: string[]
  buildWorkflow: string
}

export interface ResolveImageIo {
  git: Git
  /** The build workflow file's text at the PR head (`ref`), undefined when there is none. */
  readBuildWorkflow: (ref: string) => Promise<string | undefined>
  /** Lists the PR's files over the REST API (undefined when no token is available). */
  listPullRequestFiles?: (prNumber: number) => Promise<{ paths: string[]; listed: number }>
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
  if (target.kind === 'push') return resolvePush(config, target)
  const workflowText = config.watch.length > 0 ? undefined : await io.readBuildWorkflow(target.headSha)
  const watch = resolveWatch({ input: config.watch, buildWorkflow: config.buildWorkflow, workflowText })
  return resolvePullRequest(config, target, watch, await listChangedPaths(target, io))
}

/** resolve-image with this run's checkout, token and event: the core the commands share. */
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
    const { readRepositoryFile } = await import('../github/contents.js')
    return readRepositoryFile(await session.client(), ctx.repository, workflowFile, ref)
  }
  const listPullRequestFiles = async (prNumber: number) => {
    const { listPullRequestFiles } = await import('../github/pulls.js')
    return listPullRequestFiles(await session.client(), ctx.repository, prNumber)
  }
  return resolveImage({ ...inputs, imageRepository: session.imageRepository }, target, {
    git: createGit(ctx.workspace),
    readBuildWorkflow,
    listPullRequestFiles: inputs.token ? listPullRequestFiles : undefined,
  })
}
