// resolve-image's I/O: the changed files (git first, else the REST API) and the build workflow
// as GitHub reads it for each trigger, gathered through seams and handed to the pure decision
// (resolution/decision.ts, watch/watch.ts). The commands share it through resolveForSession; the local
// CLI fills the seams with git alone.
import { shortSha } from '../git/commit-sha.js'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { defaultBranch } from '../action/event.js'
import {
  API_FILE_LIST_CAP,
  resolveMergeGroup,
  resolvePullRequest,
  resolvePush,
  type ChangedPaths,
  type ResolveConfig,
  type ResolvedImage,
} from './decision.js'
import type { MergeGroupTarget, PullRequestTarget, Target } from '../action/target.js'
import { buildWorkflowPath, decideWatch, missingBuildWorkflow, type WatchDecision } from '../watch/watch.js'
import { getMergeBase } from '../github/compare.js'
import { listRepositoryDirectory, readRepositoryFile } from '../github/contents.js'
import { readCommitTree } from '../github/trees.js'
import { readCommitParents } from '../github/commits.js'
import { checkedOutCommit, commitParents } from '../git/commit-object.js'
import { buildCommitOf } from './build-commit.js'
import { listPullRequestFiles } from '../github/pulls.js'
import { changedFilesFromGit, type ChangeRange } from '../git/changed-files.js'
import { createGit, type Git } from '../git/git.js'
import { readFilesAt, type FileAtCommit } from '../git/git-files.js'
import { debug, info } from '../log/log.js'
import { registryReader, resolveReuse } from './reuse-lookup.js'
import type { Session } from '../action/session.js'

export interface ResolveImageConfig extends ResolveConfig {
  watch: string[]
  buildWorkflow: string
}

export interface ResolveImageIo {
  git: Git
  /**
   * The build workflow file at each commit, in order: its text, `null` for a commit without the
   * file, `undefined` when it cannot be told. Default: read from the checkout with git.
   */
  readBuildWorkflow?: (commits: string[]) => Promise<FileAtCommit[]>
  /**
   * The file names in .github/workflows at a commit, for the error when the build workflow is not
   * among them (undefined: cannot be told). Default: read from the checkout with git.
   */
  listWorkflows?: (commit: string) => Promise<string[] | undefined>
  /** Lists the PR's files over the REST API (undefined when no token is available). */
  listPullRequestFiles?: (prNumber: number) => Promise<{ paths: string[]; listed: number }>
  /** GitHub's merge base of `base...head` (undefined: git finds it alone, as in a local run). */
  mergeBase?: (base: string, head: string) => Promise<string | undefined>
  /** The PR's merge commit the build uses (GITHUB_SHA of its own pull_request run); undefined elsewhere. */
  buildCommit?: string
}

async function listChangedPaths(range: ChangeRange, pr: PullRequestTarget, io: ResolveImageIo): Promise<ChangedPaths> {
  const fromGit = await changedFilesFromGit(io.git, range, { mergeBase: io.mergeBase })
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

const WORKFLOWS_DIRECTORY = '.github/workflows'

/** The file names in .github/workflows at a commit of the checkout; undefined when it lacks the commit. */
async function workflowsWithGit(git: Git, commit: string): Promise<string[] | undefined> {
  const result = await git(['ls-tree', '-z', '--name-only', commit, '--', `${WORKFLOWS_DIRECTORY}/`])
  if (result.exitCode !== 0) return undefined
  return result.stdout
    .split('\0')
    .filter((path) => path !== '')
    .map((path) => path.slice(WORKFLOWS_DIRECTORY.length + 1))
}

function listWorkflows(io: ResolveImageIo, commit: string): Promise<string[] | undefined> {
  return io.listWorkflows ? io.listWorkflows(commit) : workflowsWithGit(io.git, commit)
}

/**
 * A push reads no PR trigger, but the build workflow still decides what the image is made of: a
 * push at a commit without it fails as a PR does, naming what is there.
 */
async function requireBuildWorkflowAt(config: ResolveImageConfig, commit: string, branch: string, io: ResolveImageIo): Promise<void> {
  const path = buildWorkflowPath(config.buildWorkflow)
  const read = io.readBuildWorkflow ?? ((list: string[]) => readFilesAt(io.git, path, list))
  const [text] = await read([commit])
  if (text === null) throw missingBuildWorkflow(config.buildWorkflow, `at ${shortSha(commit)} (${branch})`, await listWorkflows(io, commit))
}

/** The commits the build workflow may be read at: the merge commit (when known), the head, the base. */
interface WorkflowCommits {
  merge?: string
  head: string
  base: string
}

/**
 * For a merge queue, the queue's commit is what merges, and its copy of the workflow is the one
 * that counts for the pull request in it. For a PR, the merge commit is the build commit
 * (resolution/build-commit.ts), known only in the PR's own pull_request runs.
 */
function workflowCommits(target: PullRequestTarget | MergeGroupTarget, buildCommit: string | undefined): WorkflowCommits {
  if (target.kind === 'merge_group') return { merge: target.queue.headSha, head: target.queue.headSha, base: target.queue.baseSha }
  return { merge: buildCommit, head: target.headSha, base: target.baseSha ?? target.baseRef }
}

/**
 * The build workflow as GitHub reads it: a pull_request trigger from the PR's merge commit, a
 * pull_request_target trigger from the base branch ("Events that trigger workflows": GITHUB_SHA
 * of a pull_request run is the merge commit, of a pull_request_target run the base branch's last
 * commit). When the merge commit cannot be read, its copy is the head's if the PR changed the
 * file, else the base's: what merging does to a file only one side changed.
 */
async function buildWorkflowCopies(
  config: ResolveImageConfig,
  facts: { baseRef: string },
  commits: WorkflowCommits,
  changed: ChangedPaths,
  io: ResolveImageIo,
): Promise<{ mergeCopy?: string; baseCopy?: string }> {
  const path = buildWorkflowPath(config.buildWorkflow)
  const read = io.readBuildWorkflow ?? ((list: string[]) => readFilesAt(io.git, path, list))
  const prChangedIt = changed.paths.includes(path)
  const asked = [commits.base, ...(prChangedIt ? [commits.head] : []), ...(commits.merge && prChangedIt ? [commits.merge] : [])]
  const [base, head, merge] = await read(asked)
  const mergeCopy = prChangedIt ? (merge ?? head) : base
  if (base === undefined || mergeCopy === undefined) {
    throw new Error(`Cannot read ${path} at the PR's base and head commits: check out the repository, or pass \`github-token\`.`)
  }
  if (base === null && mergeCopy === null) {
    const at = commits.base === facts.baseRef ? '' : ` (${shortSha(commits.base)})`
    throw missingBuildWorkflow(
      config.buildWorkflow,
      `on base branch ${facts.baseRef}${at} nor in the PR`,
      await listWorkflows(io, commits.base),
    )
  }
  return { mergeCopy: mergeCopy ?? undefined, baseCopy: base ?? undefined }
}

async function decide(
  config: ResolveImageConfig,
  facts: { baseRef: string; action?: string },
  commits: WorkflowCommits,
  changed: ChangedPaths,
  io: ResolveImageIo,
): Promise<WatchDecision> {
  const sources = { input: config.watch, buildWorkflow: config.buildWorkflow }
  // The watch input is the user's word: no workflow is read.
  const copies = config.watch.length > 0 ? {} : await buildWorkflowCopies(config, facts, commits, changed, io)
  return decideWatch({ ...sources, ...copies }, { ...facts, changedPaths: changed.paths })
}

export async function resolveImage(config: ResolveImageConfig, target: Target, io: ResolveImageIo): Promise<ResolvedImage> {
  if (target.kind === 'push') {
    if (config.watch.length === 0) await requireBuildWorkflowAt(config, target.sha, target.branch, io)
    return resolvePush(config, target)
  }
  if (target.kind === 'merge_group') {
    // The queue's commit is what merges: its diff decides.
    const { queue, pr } = target
    const changed = await listChangedPaths({ baseRef: queue.baseRef, baseSha: queue.baseSha, headSha: queue.headSha }, pr, io)
    const decision = await decide(config, { baseRef: queue.baseRef }, workflowCommits(target, undefined), changed, io)
    return resolveMergeGroup(config, target, decision, changed)
  }
  const changed = await listChangedPaths(target, target, io)
  const commits = workflowCommits(target, io.buildCommit)
  const decision = await decide(config, { baseRef: target.baseRef, action: target.action }, commits, changed, io)
  return resolvePullRequest(config, target, decision, changed)
}

/** The image repository, branch tags and default tag of this run, for the pure decisions. */
export function resolveConfig(session: Session): ResolveConfig {
  const { inputs, ctx } = session
  return {
    imageRepository: session.imageRepository,
    branchTags: inputs.branchTags,
    defaultTag: inputs.defaultTag,
    defaultBranch: defaultBranch(ctx),
  }
}

/** resolve-image with this run's checkout, token and event: the core the commands share. */
export async function resolveForSession(session: Session): Promise<ResolvedImage> {
  const { inputs, ctx, target } = session
  const git = createGit(ctx.workspace, { fetchAuth: { serverUrl: ctx.serverUrl, token: inputs.token } })
  const path = buildWorkflowPath(inputs.buildWorkflow)
  const hasCheckout = existsSync(join(ctx.workspace, '.git'))
  // From the checkout when it has the commits; else, with a token, from the API. Each commit's
  // copy is read once, however many parts of the resolution ask for it.
  const copies = new Map<string, FileAtCommit>()
  const readBuildWorkflow = async (commits: string[]): Promise<FileAtCommit[]> => {
    const unread = [...new Set(commits.filter((commit) => !copies.has(commit)))]
    const fromGit = hasCheckout ? await readFilesAt(git, path, unread) : unread.map(() => undefined)
    for (const [i, commit] of unread.entries()) {
      let text = fromGit[i]
      if (text === undefined && inputs.token) {
        info(`Reading ${path} at ${commit.slice(0, 7)} from the API: the checkout does not have that commit.`)
        text = (await readRepositoryFile(await session.client(), ctx.repository, path, commit)) ?? null
      }
      copies.set(commit, text)
    }
    return commits.map((commit) => copies.get(commit))
  }
  const listWorkflowFiles = async (commit: string): Promise<string[] | undefined> => {
    const fromGit = hasCheckout ? await workflowsWithGit(git, commit) : undefined
    if (fromGit !== undefined || !inputs.token) return fromGit
    return listRepositoryDirectory(await session.client(), ctx.repository, WORKFLOWS_DIRECTORY, commit)
  }
  const listFiles = async (prNumber: number) => listPullRequestFiles(await session.client(), ctx.repository, prNumber)
  // Only an answer or nothing: without one, git finds the fork point alone.
  const mergeBase = async (base: string, head: string) => {
    try {
      return await getMergeBase(await session.client(), ctx.repository, base, head)
    } catch (error) {
      debug(`No merge base from the API: ${(error as Error).message}`)
      return undefined
    }
  }
  const build = buildCommitOf(ctx, target)
  const resolved = await resolveImage({ ...inputs, ...resolveConfig(session) }, target, {
    git,
    readBuildWorkflow,
    listWorkflows: listWorkflowFiles,
    listPullRequestFiles: inputs.token ? listFiles : undefined,
    // A job without a checkout lists the files from the API alone: no merge base to ask for.
    mergeBase: inputs.token && hasCheckout ? mergeBase : undefined,
    buildCommit: build.kind === 'known' ? build.sha : undefined,
  })
  const readParents = async (commit: string) =>
    (hasCheckout ? await commitParents(git, commit) : undefined) ??
    (inputs.token ? await readCommitParents(await session.client(), ctx.repository, commit) : undefined)
  return resolveReuse(
    resolved,
    { ...session, run: ctx },
    {
      git,
      checkedOut: async () => (hasCheckout ? checkedOutCommit(git) : undefined),
      readParents,
      readBuildWorkflow: async (commit) => (await readBuildWorkflow([commit]))[0],
      readImage: registryReader(inputs.token, session.sleep, (line) => info(line)),
      readTree: inputs.token ? async (commit) => readCommitTree(await session.client(), ctx.repository, commit) : undefined,
    },
  )
}
