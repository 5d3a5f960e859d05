import { describe, expect, it } from 'vitest'
import { changedFilesFromGit } from '../../src/git/changed-files.js'
import { createGit } from '../../src/git/git.js'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { appendCommits, checkoutMerge, git, makePullRequestRepo, publishPullRequest, tempDir } from '../support/git.js'

/** The shallow clone's boundary commits (gitrepository-layout: `shallow`), sorted. */
function readShallow(checkout: string, gitPath: string): string[] {
  return readFileSync(resolve(checkout, gitPath), 'utf8').split('\n').filter(Boolean).sort()
}

const range = (repo: { baseRef: string; baseSha: string; headSha: string }, withBaseSha = true) => ({
  baseRef: repo.baseRef,
  baseSha: withBaseSha ? repo.baseSha : undefined,
  headSha: repo.headSha,
})

describe('changed files from git', () => {
  // The base moved on after the PR branched off: a two-dot diff would wrongly list base-0.txt.
  const repo = makePullRequestRepo({
    prFiles: { 'Dockerfile.ci': 'FROM node:24\n', 'src/ünï cödé.ts': 'x\n', ' leading space.txt': 'x\n' },
    baseCommitsAfterFork: 2,
    historyDepth: 3,
  })
  const expected = [' leading space.txt', 'Dockerfile.ci', 'src/ünï cödé.ts']

  it.each([
    ['a default actions/checkout (depth 1 of the merge commit)', 1],
    ['fetch-depth: 0', 0],
    ['depth 2', 2],
  ])('lists the three-dot diff in %s', async (_, depth) => {
    const checkout = checkoutMerge(repo, depth)
    expect(await changedFilesFromGit(createGit(checkout), range(repo))).toEqual(expected)
  })

  it('finds the base from the branch name when the event has no base SHA', async () => {
    const checkout = checkoutMerge(repo, 1)
    expect(await changedFilesFromGit(createGit(checkout), range(repo, false))).toEqual(expected)
  })

  it('falls back to the base branch when the event base SHA is gone from the remote', async () => {
    const checkout = checkoutMerge(repo, 1)
    expect(await changedFilesFromGit(createGit(checkout), { ...range(repo), baseSha: 'e'.repeat(40) })).toEqual(expected)
  })

  it('deepens a shallow clone as far as the fork point needs', async () => {
    const deep = makePullRequestRepo({ prFiles: { 'Dockerfile.ci': 'x\n' }, baseCommitsAfterFork: 120, historyDepth: 2000 })
    const checkout = checkoutMerge(deep, 1)
    expect(await changedFilesFromGit(createGit(checkout), range(deep))).toEqual(['Dockerfile.ci'])
    // It fetched what the fork point needed, not the whole history.
    expect(git(checkout, 'rev-parse', '--is-shallow-repository')).toBe('true')
    expect(Number(git(checkout, 'rev-list', '--count', '--all'))).toBeLessThan(1000)
  })

  it('splits a rename into its old and new paths', async () => {
    const renamed = makePullRequestRepo({ baseFiles: { 'Dockerfile.ci': 'FROM a\n' }, prFiles: {} })
    // Rebuild the PR as a pure rename of the watched file.
    const origin = renamed.origin
    git(origin, 'checkout', '-q', 'feature')
    git(origin, 'mv', 'Dockerfile.ci', 'ci.Dockerfile')
    git(origin, 'commit', '-q', '-m', 'rename')
    const headSha = git(origin, 'rev-parse', 'HEAD')
    git(origin, 'checkout', '-q', renamed.baseRef)
    const checkout = tempDir()
    git(checkout, 'clone', '-q', `file://${origin}`, '.')
    expect(await changedFilesFromGit(createGit(checkout), { ...range(renamed), headSha })).toEqual(['Dockerfile.ci', 'ci.Dockerfile'])
  })

  it('cannot answer outside a repository', async () => {
    expect(await changedFilesFromGit(createGit(tempDir()), range(repo))).toBeUndefined()
  })

  it('cannot answer when the head commit is unreachable', async () => {
    const checkout = checkoutMerge(repo, 1)
    expect(await changedFilesFromGit(createGit(checkout), { ...range(repo), headSha: 'a'.repeat(40) })).toBeUndefined()
  })

  it('cannot answer without a remote to fetch the PR head from', async () => {
    const lone = tempDir()
    git(lone, 'init', '-q')
    git(lone, 'commit', '-q', '--allow-empty', '-m', 'x')
    expect(await changedFilesFromGit(createGit(lone), range(repo))).toBeUndefined()
  })
})

describe('changed files from a known merge base', () => {
  // 500 commits of history under the fork point: deeper than a fetch goes at first, so a `--depth`
  // in a full clone would leave it shallow.
  const repo = makePullRequestRepo({ prFiles: { 'Dockerfile.ci': 'FROM node:24\n' }, baseCommitsAfterFork: 80, historyDepth: 500 })
  const mergeBaseSha = git(repo.origin, 'merge-base', repo.baseSha, repo.headSha)
  const fromOrigin = async () => mergeBaseSha

  function recording(dir: string) {
    const calls: string[][] = []
    const run = createGit(dir)
    return { calls, git: (args: string[]) => (calls.push(args), run(args)) }
  }
  /** How many times git went to the remote. */
  const fetches = (run: { calls: string[][] }) => run.calls.filter((args) => args[0] === 'fetch').length

  it('a full clone lacking the PR head (issue_comment, fetch-depth: 0) fetches it in one go and stays complete', async () => {
    const checkout = tempDir()
    git(checkout, 'clone', '-q', '--single-branch', '--branch', repo.baseRef, `file://${repo.origin}`, '.')
    const run = recording(checkout)
    expect(await changedFilesFromGit(run.git, range(repo), { mergeBase: fromOrigin })).toEqual(['Dockerfile.ci'])
    expect(fetches(run)).toBe(1)
    expect(git(checkout, 'rev-parse', '--is-shallow-repository')).toBe('false')
  })

  /**
   * A PR of six commits, checked out with fetch-depth: 3: the checkout has the head and the base
   * (parents of the merge commit) with some of their history, not the fork point.
   */
  function deeperCheckout() {
    const long = makePullRequestRepo({ prFiles: { 'Dockerfile.ci': 'x\n' }, baseCommitsAfterFork: 80 })
    git(long.origin, 'checkout', '-q', 'feature')
    appendCommits(long.origin, 'feature', 5, (i) => `pr-${i}.txt`)
    git(long.origin, 'checkout', '-q', long.baseRef)
    const pr = publishPullRequest(long.origin, { baseRef: long.baseRef, headRef: 'feature' })
    const checkout = checkoutMerge(pr, 3)
    const shallowFile = git(checkout, 'rev-parse', '--git-path', 'shallow')
    return {
      pr,
      forkPoint: git(pr.origin, 'merge-base', pr.baseSha, pr.headSha),
      checkout,
      boundaries: () => readShallow(checkout, shallowFile),
      files: ['Dockerfile.ci', 'pr-0.txt', 'pr-1.txt', 'pr-2.txt', 'pr-3.txt', 'pr-4.txt'],
    }
  }

  it('fetches only the commits a deeper checkout lacks, so its history is not cut short', async () => {
    const { pr, forkPoint, checkout, boundaries, files } = deeperCheckout()
    const boundaryBefore = boundaries()
    const run = recording(checkout)
    expect(await changedFilesFromGit(run.git, range(pr), { mergeBase: async () => forkPoint })).toEqual(files)
    expect(fetches(run)).toBe(1)
    // The old boundaries stay; only the fetched merge base is new, without its history.
    expect(boundaries()).toEqual([...boundaryBefore, forkPoint].sort())
  })

  it('takes a merge base and base SHA in upper case as the same commits (git reads hex digits in either case: hex.c, hexval_table)', async () => {
    const { pr, forkPoint, checkout, boundaries, files } = deeperCheckout()
    const boundaryBefore = boundaries()
    const upper = { ...range(pr), baseSha: pr.baseSha.toUpperCase() }
    expect(await changedFilesFromGit(createGit(checkout), upper, { mergeBase: async () => forkPoint.toUpperCase() })).toEqual(files)
    // The base is known as the commit the checkout has: fetched again at depth 1, its history would be cut short.
    expect(boundaries()).toEqual([...boundaryBefore, forkPoint].sort())
  })

  it('takes nothing but a SHA from the lookup: anything else is not passed to git, which finds the fork point alone', async () => {
    const checkout = checkoutMerge(repo, 1)
    const run = recording(checkout)
    const owned = join(tempDir(), 'owned')
    const files = await changedFilesFromGit(run.git, range(repo), { mergeBase: async () => `--upload-pack=touch ${owned}` })
    expect(files).toEqual(['Dockerfile.ci'])
    expect(run.calls.flat().some((arg) => arg.includes('upload-pack'))).toBe(false)
    expect(existsSync(owned)).toBe(false)
  })

  it('without an answer from the lookup, deepens the clone with git alone until it holds the fork point, 80 commits down', async () => {
    const checkout = checkoutMerge(repo, 1)
    const run = recording(checkout)
    expect(await changedFilesFromGit(run.git, range(repo), { mergeBase: async () => undefined })).toEqual(['Dockerfile.ci'])
    expect(git(checkout, 'cat-file', '-t', mergeBaseSha)).toBe('commit')
    expect(git(checkout, 'rev-parse', '--is-shallow-repository')).toBe('true')
  })
})
