import { describe, expect, it } from 'vitest'
import { changedFilesFromGit } from '../../src/resolve/changed-files.js'
import { createGit } from '../../src/git/git.js'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
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
  const repo = makePullRequestRepo({ prFiles: { 'Dockerfile.ci': 'FROM node:24\n' }, baseCommitsAfterFork: 80, historyDepth: 20 })
  const mergeBaseSha = git(repo.origin, 'merge-base', repo.baseSha, repo.headSha)
  const fromOrigin = async () => mergeBaseSha

  function recording(dir: string) {
    const calls: string[][] = []
    const run = createGit(dir)
    return { calls, git: (args: string[]) => (calls.push(args), run(args)) }
  }

  it('a full clone lacking the PR head (issue_comment, fetch-depth: 0) fetches it without --depth and stays complete', async () => {
    const checkout = tempDir()
    git(checkout, 'clone', '-q', '--single-branch', '--branch', repo.baseRef, `file://${repo.origin}`, '.')
    const run = recording(checkout)
    expect(await changedFilesFromGit(run.git, range(repo), { mergeBase: fromOrigin })).toEqual(['Dockerfile.ci'])
    expect(run.calls.filter((args) => args[0] === 'fetch')).toEqual([
      ['fetch', '--no-tags', '--no-recurse-submodules', '--quiet', 'origin', repo.headSha],
    ])
    expect(git(checkout, 'rev-parse', '--is-shallow-repository')).toBe('false')
  })

  it('takes a merge base and base SHA in upper case as the same commits (git reads hex digits in either case: hex.c, hexval_table)', async () => {
    const checkout = tempDir()
    git(checkout, 'clone', '-q', '--single-branch', '--branch', repo.baseRef, `file://${repo.origin}`, '.')
    const run = recording(checkout)
    const upper = { ...range(repo), baseSha: repo.baseSha.toUpperCase() }
    const mergeBase = async () => mergeBaseSha.toUpperCase()
    expect(await changedFilesFromGit(run.git, upper, { mergeBase })).toEqual(['Dockerfile.ci'])
    expect(run.calls.filter((args) => args[0] === 'fetch')).toEqual([
      ['fetch', '--no-tags', '--no-recurse-submodules', '--quiet', 'origin', repo.headSha],
    ])
  })

  it('fetches only the commits a deeper checkout lacks, so its history is not cut short', async () => {
    // A PR of six commits: fetch-depth: 3 has the head (a parent of the merge commit), not the fork point.
    const long = makePullRequestRepo({ prFiles: { 'Dockerfile.ci': 'x\n' }, baseCommitsAfterFork: 80 })
    git(long.origin, 'checkout', '-q', 'feature')
    appendCommits(long.origin, 'feature', 5, (i) => `pr-${i}.txt`)
    git(long.origin, 'checkout', '-q', long.baseRef)
    const pr = publishPullRequest(long.origin, { baseRef: long.baseRef, headRef: 'feature' })
    const forkPoint = git(pr.origin, 'merge-base', pr.baseSha, pr.headSha)
    const checkout = checkoutMerge(pr, 3)
    const shallowFile = git(checkout, 'rev-parse', '--git-path', 'shallow')
    const boundaryBefore = readShallow(checkout, shallowFile)
    const run = recording(checkout)
    const files = await changedFilesFromGit(run.git, range(pr), { mergeBase: async () => forkPoint })
    expect(files).toEqual(['Dockerfile.ci', 'pr-0.txt', 'pr-1.txt', 'pr-2.txt', 'pr-3.txt', 'pr-4.txt'])
    expect(run.calls.filter((args) => args[0] === 'fetch')).toEqual([
      ['fetch', '--no-tags', '--no-recurse-submodules', '--quiet', '--depth=1', 'origin', forkPoint],
    ])
    // The old boundaries stay; only the fetched merge base is new.
    expect(readShallow(checkout, shallowFile)).toEqual([...boundaryBefore, forkPoint].sort())
  })

  it('takes nothing but a SHA from the lookup: anything else is not passed to git, which finds the fork point alone', async () => {
    const checkout = checkoutMerge(repo, 1)
    const run = recording(checkout)
    const files = await changedFilesFromGit(run.git, range(repo), { mergeBase: async () => '--upload-pack=touch /tmp/owned' })
    expect(files).toEqual(['Dockerfile.ci'])
    expect(run.calls.flat().some((arg) => arg.includes('upload-pack'))).toBe(false)
    expect(run.calls.some((args) => args.includes('--depth=50'))).toBe(true)
  })

  it('without an answer from the lookup, deepens as before', async () => {
    const checkout = checkoutMerge(repo, 1)
    const run = recording(checkout)
    expect(await changedFilesFromGit(run.git, range(repo), { mergeBase: async () => undefined })).toEqual(['Dockerfile.ci'])
    expect(run.calls.filter((args) => args[0] === 'fetch').map((args) => args[4])).toEqual(['--depth=50', '--deepen=200'])
  })
})
