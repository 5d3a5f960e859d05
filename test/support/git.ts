// Real git repositories in temp dirs: an "origin" with a base branch and a PR branch, and
// clones made the way actions/checkout makes them.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim()
}

export function tempDir(prefix = 'ci-image-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

function writeFiles(root: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), content)
  }
}

export function commit(repo: string, message: string, files: Record<string, string> = {}): string {
  writeFiles(repo, files)
  git(repo, 'add', '-A')
  git(repo, 'commit', '-q', '--allow-empty', '-m', message)
  return git(repo, 'rev-parse', 'HEAD')
}

/** Appends `count` commits to `branch` in one `git fast-import` (thousands per second). */
export function appendCommits(repo: string, branch: string, count: number, file: (i: number) => string): void {
  if (count === 0) return
  const parent = git(repo, 'rev-parse', branch)
  const chunks: string[] = []
  for (let i = 0; i < count; i++) {
    const message = `commit ${i}`
    const content = `${i}\n`
    chunks.push(
      `commit refs/heads/${branch}\ncommitter Test <test@example.com> ${1_700_000_000 + i} +0000\n` +
        `data ${Buffer.byteLength(message)}\n${message}\n` +
        (i === 0 ? `from ${parent}\n` : '') +
        `M 100644 inline ${file(i)}\ndata ${Buffer.byteLength(content)}\n${content}\n`,
    )
  }
  execFileSync('git', ['fast-import', '--quiet', '--force'], { cwd: repo, env: GIT_ENV, input: chunks.join('') })
  git(repo, 'reset', '-q', '--hard')
}

/**
 * One commit of `files` on `branch`, whose parent is `from`, written by `git fast-import`: a PR of
 * thousands of files costs one process, not a file write each and an index update. The work tree
 * is left alone. Paths are quoted as fast-import reads them (C-style, as JSON writes them).
 */
function commitFiles(repo: string, branch: string, from: string, message: string, files: Record<string, string>): void {
  const parent = git(repo, 'rev-parse', from)
  const when = Math.floor(Date.now() / 1000)
  const entries = Object.entries(files).map(
    ([path, content]) => `M 100644 inline ${JSON.stringify(path)}\ndata ${Buffer.byteLength(content)}\n${content}\n`,
  )
  const stream =
    `commit refs/heads/${branch}\ncommitter Test <test@example.com> ${when} +0000\n` +
    `data ${Buffer.byteLength(message)}\n${message}\nfrom ${parent}\n${entries.join('')}\n`
  execFileSync('git', ['fast-import', '--quiet', '--force'], { cwd: repo, env: GIT_ENV, input: stream })
}

export interface PullRequestRepo {
  /** The "GitHub" side: a repository holding the branches and refs/pull/N/{head,merge}. */
  origin: string
  baseRef: string
  baseSha: string
  headSha: string
  mergeSha: string
  prNumber: number
}

/** Where a repository that uses the action keeps its build workflow (the action's default). */
export const BUILD_WORKFLOW_PATH = '.github/workflows/build-ci-image.yml'

/**
 * The build workflow of such a repository, in short (examples/container-job's triggers): a PR that
 * changes Dockerfile.ci or this file builds, and so does a push to a long-lived branch.
 */
export const BUILD_WORKFLOW = `on:
  pull_request:
    paths: [Dockerfile.ci, ${BUILD_WORKFLOW_PATH}]
  push:
    branches: [main, v2]
`

export interface PullRequestRepoOptions {
  baseRef?: string
  headRef?: string
  prNumber?: number
  /** Files of the base branch's first commit, besides the build workflow (BUILD_WORKFLOW, unless given). */
  baseFiles?: Record<string, string>
  /** false: a repository without the build workflow. */
  buildWorkflow?: false
  /** Commits on the base branch after the PR branched off. */
  baseCommitsAfterFork?: number
  /** Commits on the base branch before the PR branched off (history a shallow clone lacks). */
  historyDepth?: number
  /** Files the PR changes, one commit. */
  prFiles: Record<string, string>
}

/** Builds an origin whose PR branch changed `prFiles`, with GitHub's refs/pull/N/merge commit. */
export function makePullRequestRepo(options: PullRequestRepoOptions): PullRequestRepo {
  const { baseRef = 'main', headRef = 'feature', prNumber = 42 } = options
  const origin = tempDir('ci-image-origin-')
  git(origin, 'init', '-q', '-b', baseRef)
  const workflow: Record<string, string> = options.buildWorkflow === false ? {} : { [BUILD_WORKFLOW_PATH]: BUILD_WORKFLOW }
  commit(origin, 'initial', { 'README.md': 'hello\n', ...workflow, ...(options.baseFiles ?? {}) })
  appendCommits(origin, baseRef, options.historyDepth ?? 0, () => 'history.txt')
  commitFiles(origin, headRef, baseRef, 'the PR change', options.prFiles)
  appendCommits(origin, baseRef, options.baseCommitsAfterFork ?? 0, (i) => `base-${i}.txt`)
  return publishPullRequest(origin, { baseRef, headRef, prNumber })
}

/**
 * Makes `headRef` a pull request into `baseRef` as GitHub does: refs/pull/N/head, and refs/pull/N/merge,
 * the merge of head into the base's tip. Both branches exist in `origin`, a work tree on `baseRef`.
 */
export function publishPullRequest(
  origin: string,
  { baseRef, headRef, prNumber = 42 }: { baseRef: string; headRef: string; prNumber?: number },
): PullRequestRepo {
  const baseSha = git(origin, 'rev-parse', `refs/heads/${baseRef}`)
  const headSha = git(origin, 'rev-parse', `refs/heads/${headRef}`)
  git(origin, 'checkout', '-q', '--detach', baseSha)
  git(origin, 'merge', '-q', '--no-ff', '--no-edit', headSha)
  const mergeSha = git(origin, 'rev-parse', 'HEAD')
  git(origin, 'checkout', '-q', baseRef)
  git(origin, 'update-ref', `refs/pull/${prNumber}/head`, headSha)
  git(origin, 'update-ref', `refs/pull/${prNumber}/merge`, mergeSha)
  // GitHub serves any reachable commit by SHA; git's upload-pack only when told to.
  git(origin, 'config', 'uploadpack.allowReachableSHA1InWant', 'true')
  return { origin, baseRef, baseSha, headSha, mergeSha, prNumber }
}

/** A checkout as actions/checkout makes it on a PR event: the merge commit, `depth` deep (0 = full). */
export function checkoutMerge(repo: PullRequestRepo, depth: number): string {
  const dir = tempDir('ci-image-checkout-')
  git(dir, 'init', '-q')
  git(dir, 'remote', 'add', 'origin', `file://${repo.origin}`)
  const depthArgs = depth > 0 ? [`--depth=${depth}`] : []
  git(dir, 'fetch', '-q', '--no-tags', ...depthArgs, 'origin', `+refs/pull/${repo.prNumber}/merge:refs/remotes/pull/${repo.prNumber}/merge`)
  git(dir, 'checkout', '-q', '--detach', `refs/remotes/pull/${repo.prNumber}/merge`)
  return dir
}

/**
 * A merge queue's branch on the origin, `gh-readonly-queue/<base>/pr-<N>-<head sha>`, at the
 * PR's merge commit (the queue's commit when the PR is alone in the queue), and a checkout of it
 * as actions/checkout makes one on a merge_group event: that branch, depth 1.
 */
export function checkoutMergeQueue(repo: PullRequestRepo): { dir: string; ref: string } {
  const ref = `refs/heads/gh-readonly-queue/${repo.baseRef}/pr-${repo.prNumber}-${repo.headSha}`
  git(repo.origin, 'update-ref', ref, repo.mergeSha)
  const dir = tempDir('ci-image-checkout-')
  git(dir, 'init', '-q')
  git(dir, 'remote', 'add', 'origin', `file://${repo.origin}`)
  git(dir, 'fetch', '-q', '--no-tags', '--depth=1', 'origin', `+${ref}:refs/remotes/origin/${ref.slice('refs/heads/'.length)}`)
  git(dir, 'checkout', '-q', '--detach', repo.mergeSha)
  return { dir, ref }
}
