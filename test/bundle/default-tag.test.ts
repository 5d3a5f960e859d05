// The stable image of a base branch that branch-tags does not list, end to end: the bundled
// action reads the repository's default branch from the event, as every webhook payload has it.
import { describe, expect, it } from 'vitest'
import { runAction } from '../support/action.js'
import { useEmbeddedGitHub } from '../support/embedded-github.js'
import { pullRequestEvent } from '../support/events.js'
import { serveCompare } from '../support/fake-compare.js'
import { checkoutMerge, makePullRequestRepo } from '../support/git.js'

const github = useEmbeddedGitHub()

async function resolveInto(baseRef: string, defaultBranch: string, extra: Record<string, string> = {}) {
  const repo = makePullRequestRepo({ baseRef, prFiles: { 'src/app.ts': 'x\n' }, baseCommitsAfterFork: 1 })
  serveCompare(github(), repo.origin)
  const event = pullRequestEvent({ number: repo.prNumber, baseRef, baseSha: repo.baseSha, headSha: repo.headSha })
  event.repository.default_branch = defaultBranch
  return runAction({
    inputs: { command: 'resolve-image', 'github-token': 'ghs_token', ...extra },
    eventName: 'pull_request',
    event,
    workspace: checkoutMerge(repo, 1),
    apiUrl: github().url,
    sha: repo.mergeSha,
  })
}

describe('default-tag, bundled', () => {
  it.each<{ defaultBranch: string; extra: Record<string, string>; tag: string }>([
    // A repository with only main: its build pushes latest, never v2.
    { defaultBranch: 'main', extra: {}, tag: 'latest' },
    { defaultBranch: 'v2', extra: {}, tag: 'v2' },
    { defaultBranch: 'trunk', extra: {}, tag: 'latest' },
    { defaultBranch: 'trunk', extra: { 'branch-tags': 'trunk=edge' }, tag: 'edge' },
    { defaultBranch: 'main', extra: { 'default-tag': 'stable' }, tag: 'stable' },
  ])('a PR into release/1.x, default branch $defaultBranch, $extra → $tag', async ({ defaultBranch, extra, tag }) => {
    const run = await resolveInto('release/1.x', defaultBranch, extra)
    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.outputs).toMatchObject({ tag, image: `ghcr.io/acme/app/ci:${tag}`, modified: 'false' })
    expect(run.outputs.reason).toMatch(/base branch release\/1\.x has no entry in branch-tags/)
  })
})
