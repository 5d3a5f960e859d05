// The merge base from GitHub's compare endpoint, over real HTTP: the embedded GitHub answers it
// from a real repository with `git merge-base`.
import { describe, expect, it } from 'vitest'
import { createClient } from '../../src/github/client.js'
import { getMergeBase } from '../../src/github/compare.js'
import { useEmbeddedGitHub } from '../support/embedded-github.js'
import { serveCompare } from '../support/fake-compare.js'
import { git, makePullRequestRepo } from '../support/git.js'

const repository = { owner: 'acme', repo: 'app' }
const github = useEmbeddedGitHub()
const client = () => createClient({ token: 'ghs_test', baseUrl: github().url, msPerSecond: 1 })

describe('the merge base from the compare endpoint', () => {
  it('is git merge-base of base and head, asked as one commit on the second page, which lists no files', async () => {
    const repo = makePullRequestRepo({ prFiles: { 'Dockerfile.ci': 'x\n' }, baseCommitsAfterFork: 40 })
    serveCompare(github(), repo.origin)
    expect(await getMergeBase(await client(), repository, repo.baseSha, repo.headSha)).toBe(
      git(repo.origin, 'merge-base', repo.baseSha, repo.headSha),
    )
    const [request] = github().requests
    expect(request?.query.get('per_page')).toBe('1')
    expect(request?.query.get('page')).toBe('2')
    expect(request?.responseBody).not.toHaveProperty('files')
    expect((request?.responseBody as { commits: unknown[] }).commits.length).toBeLessThanOrEqual(1)
  })

  it('takes a branch name for the base', async () => {
    const repo = makePullRequestRepo({ baseRef: 'release/1.x', prFiles: { 'a.txt': 'x\n' }, baseCommitsAfterFork: 2 })
    serveCompare(github(), repo.origin)
    expect(await getMergeBase(await client(), repository, 'release/1.x', repo.headSha)).toBe(
      git(repo.origin, 'merge-base', repo.baseSha, repo.headSha),
    )
  })

  it('names the call and the permission when GitHub refuses', async () => {
    const repo = makePullRequestRepo({ prFiles: { 'a.txt': 'x\n' } })
    serveCompare(github(), repo.origin)
    github().fail('GET', '/repos/acme/app/compare/.+', 403, 1, {}, { message: 'Resource not accessible by integration' })
    await expect(getMergeBase(await client(), repository, repo.baseSha, repo.headSha)).rejects.toThrow(
      /Could not compare .*answered 403.*contents: read/,
    )
  })

  it('does not retry a failure: git can find the fork point instead', async () => {
    const repo = makePullRequestRepo({ prFiles: { 'a.txt': 'x\n' } })
    serveCompare(github(), repo.origin)
    github().fail('GET', '/repos/acme/app/compare/.+', 502, 5)
    await expect(getMergeBase(await client(), repository, repo.baseSha, repo.headSha)).rejects.toThrow(/502/)
    expect(github().requests).toHaveLength(1)
  })

  it('fails for a base commit GitHub does not have (a force-pushed base)', async () => {
    const repo = makePullRequestRepo({ prFiles: { 'a.txt': 'x\n' } })
    serveCompare(github(), repo.origin)
    await expect(getMergeBase(await client(), repository, 'e'.repeat(40), repo.headSha)).rejects.toThrow(/404/)
  })
})
