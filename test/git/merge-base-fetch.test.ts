// The PR's files two ways, on histories where finding the fork point is hard: from GitHub's merge
// base (compare over HTTP, the embedded GitHub answering with `git merge-base`) with one fetch of
// the commits it names, and with git alone, deepening the clone. Both must give the three-dot
// diff that the origin's full history gives.
import { describe, expect, it } from 'vitest'
import { createClient } from '../../src/github/client.js'
import { getMergeBase } from '../../src/github/compare.js'
import { changedFilesFromGit, type ChangeRange } from '../../src/git/changed-files.js'
import { createGit, type Git } from '../../src/git/git.js'
import { useEmbeddedGitHub } from '../support/embedded-github.js'
import { serveCompare } from '../support/fake-compare.js'
import {
  appendCommits,
  checkoutMerge,
  commit,
  git,
  makePullRequestRepo,
  publishPullRequest,
  tempDir,
  type PullRequestRepo,
} from '../support/git.js'

const github = useEmbeddedGitHub()

function recording(dir: string): { git: Git; calls: string[][] } {
  const calls: string[][] = []
  const run = createGit(dir)
  return { calls, git: (args, options) => (calls.push(args), run(args, options)) }
}

const rangeOf = (pr: PullRequestRepo): ChangeRange => ({ baseRef: pr.baseRef, baseSha: pr.baseSha, headSha: pr.headSha })

/** The three-dot diff in the origin, which has all history: what GitHub lists. */
function threeDotInOrigin(pr: PullRequestRepo): string[] {
  return git(pr.origin, 'diff', '--name-only', '--no-renames', `${pr.baseSha}...${pr.headSha}`).split('\n').filter(Boolean)
}

async function bothWays(pr: PullRequestRepo) {
  serveCompare(github(), pr.origin)
  const client = await createClient({ token: 'ghs_test', baseUrl: github().url, msPerSecond: 1 })
  const checkout = checkoutMerge(pr, 1)
  const withMergeBase = recording(checkout)
  const viaMergeBase = await changedFilesFromGit(withMergeBase.git, rangeOf(pr), {
    mergeBase: (base, head) => getMergeBase(client, { owner: 'acme', repo: 'app' }, base, head),
  })
  const alone = recording(checkoutMerge(pr, 1))
  const viaGitAlone = await changedFilesFromGit(alone.git, rangeOf(pr))
  const fetches = (calls: string[][]) => calls.filter((args) => args[0] === 'fetch').length
  return {
    viaMergeBase,
    viaGitAlone,
    fetchesWithMergeBase: fetches(withMergeBase.calls),
    fetchesAlone: fetches(alone.calls),
    commitsWithMergeBase: commitsIn(checkout),
  }
}

/** The commits `dir`'s object store holds, reachable or not. */
function commitsIn(dir: string): Set<string> {
  const objects = git(dir, 'cat-file', '--batch-all-objects', '--batch-check=%(objecttype) %(objectname)').split('\n')
  return new Set(objects.filter((line) => line.startsWith('commit ')).map((line) => line.slice('commit '.length)))
}

/** origin with `main` (one commit and `history` more), checked out on main. */
function newOrigin(history = 20): string {
  const origin = tempDir('ci-image-origin-')
  git(origin, 'init', '-q', '-b', 'main')
  commit(origin, 'initial', { 'README.md': 'hello\n' })
  appendCommits(origin, 'main', history, (i) => `history-${i % 10}.txt`)
  return origin
}

describe('the PR files from the merge base, against git alone', () => {
  it('the base 3,000 commits ahead of the fork point: one fetch of three commits, no deepening', async () => {
    const pr = makePullRequestRepo({
      prFiles: { 'Dockerfile.ci': 'x\n', 'src/app.ts': 'y\n' },
      historyDepth: 100,
      baseCommitsAfterFork: 3000,
    })
    const result = await bothWays(pr)
    const mergeBase = git(pr.origin, 'merge-base', pr.baseSha, pr.headSha)
    expect(result.viaMergeBase).toEqual(['Dockerfile.ci', 'src/app.ts'])
    expect(result.viaGitAlone).toEqual(result.viaMergeBase)
    expect(threeDotInOrigin(pr)).toEqual(result.viaMergeBase)
    // The checkout's merge commit, and the three commits the diff needs, without their history.
    expect(result.fetchesWithMergeBase).toBe(1)
    expect(result.commitsWithMergeBase).toEqual(new Set([pr.mergeSha, mergeBase, pr.headSha, pr.baseSha]))
    // git alone: 50 deep, then deeper and deeper until the fork point 3,000 commits down.
    expect(result.fetchesAlone).toBeGreaterThan(3)
  })

  it('merges from the base into the PR branch: the fork point is the last base commit merged in', async () => {
    const origin = newOrigin()
    git(origin, 'checkout', '-q', '-b', 'feature')
    commit(origin, 'first PR change', { 'pr-a.txt': 'a\n' })
    git(origin, 'checkout', '-q', 'main')
    appendCommits(origin, 'main', 300, (i) => `base-${i}.txt`)
    git(origin, 'checkout', '-q', 'feature')
    git(origin, 'merge', '-q', '--no-ff', '--no-edit', 'main')
    commit(origin, 'second PR change, after the merge', { 'pr-b.txt': 'b\n', 'base-7.txt': 'changed in the PR\n' })
    git(origin, 'checkout', '-q', 'main')
    appendCommits(origin, 'main', 2000, (i) => `later-${i % 50}.txt`)
    const pr = publishPullRequest(origin, { baseRef: 'main', headRef: 'feature' })

    const result = await bothWays(pr)
    expect(result.viaMergeBase).toEqual(['base-7.txt', 'pr-a.txt', 'pr-b.txt'])
    expect(result.viaGitAlone).toEqual(result.viaMergeBase)
    expect(threeDotInOrigin(pr)).toEqual(result.viaMergeBase)
    expect(result.fetchesWithMergeBase).toBe(1)
  })

  describe('a PR branched from another PR', () => {
    // Built once for both tests: each publishes its own pull request from it.
    let stacked: string | undefined
    function stackedOrigin(): string {
      stacked ??= buildStackedOrigin()
      return stacked
    }
    function buildStackedOrigin(): string {
      const origin = newOrigin(50)
      git(origin, 'checkout', '-q', '-b', 'first')
      commit(origin, 'first PR', { 'first.txt': '1\n' })
      git(origin, 'checkout', '-q', '-b', 'second')
      commit(origin, 'second PR, on top of the first', { 'second.txt': '2\n' })
      git(origin, 'checkout', '-q', 'first')
      commit(origin, 'the first PR moves on', { 'first-more.txt': '1\n' })
      git(origin, 'checkout', '-q', 'main')
      appendCommits(origin, 'main', 500, (i) => `base-${i}.txt`)
      return origin
    }

    it('into main: both PRs’ changes', async () => {
      const pr = publishPullRequest(stackedOrigin(), { baseRef: 'main', headRef: 'second', prNumber: 43 })
      const result = await bothWays(pr)
      expect(result.viaMergeBase).toEqual(['first.txt', 'second.txt'])
      expect(result.viaGitAlone).toEqual(result.viaMergeBase)
      expect(threeDotInOrigin(pr)).toEqual(result.viaMergeBase)
    })

    it('into the first PR’s branch (stacked): its own change only', async () => {
      const pr = publishPullRequest(stackedOrigin(), { baseRef: 'first', headRef: 'second', prNumber: 43 })
      const result = await bothWays(pr)
      expect(result.viaMergeBase).toEqual(['second.txt'])
      expect(result.viaGitAlone).toEqual(result.viaMergeBase)
      expect(threeDotInOrigin(pr)).toEqual(result.viaMergeBase)
    })
  })
})
