import { describe, expect, it } from 'vitest'
import { changedFilesFromGit } from '../../src/runner/changed-files.js'
import { createGit } from '../../src/runner/git.js'
import { checkoutMerge, git, makePullRequestRepo, tempDir } from '../support/git.js'

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
