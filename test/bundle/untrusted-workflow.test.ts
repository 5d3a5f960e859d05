// The build workflow a PR brings, a fork's included, read by the bundle as the runner runs it:
// whatever the file, resolve-image answers in seconds. Each run is killed past RUN_LIMIT_MS, far
// above what these take (under a second each) and far below what the unbounded work would take
// (the alias bomb hours, the patterns minutes).
import { describe, expect, it } from 'vitest'
import { aliasBomb, deepPath, nestedGlobs, watching } from '../support/hostile-inputs.js'
import { runAction } from '../support/action.js'
import { pullRequestEvent } from '../support/events.js'
import { checkoutMerge, makePullRequestRepo } from '../support/git.js'

const FILE = '.github/workflows/build-ci-image.yml'
const RUN_LIMIT_MS = 20_000

/** resolve-image on a fork PR that brings `workflow` and adds `files`, from a depth-1 checkout of its merge commit. */
async function forkPullRequest(workflow: string, files: Record<string, string> = {}) {
  const repo = makePullRequestRepo({ prFiles: { [FILE]: workflow, ...files } })
  const event = pullRequestEvent({ baseRef: repo.baseRef, baseSha: repo.baseSha, headSha: repo.headSha, fork: true })
  return runAction({
    inputs: { command: 'resolve-image' },
    eventName: 'pull_request',
    event,
    workspace: checkoutMerge(repo, 1),
    sha: repo.mergeSha,
    timeoutMs: RUN_LIMIT_MS,
  })
}

describe('a PR’s build workflow holds resolve-image for seconds at most', { timeout: RUN_LIMIT_MS + 10_000 }, () => {
  it('an alias bomb (475 bytes, 10^9 nodes expanded) is refused at once, naming the file and the limit', async () => {
    const run = await forkPullRequest(aliasBomb())
    expect(run.exitCode, run.stdout).toBe(1)
    expect(run.stdout).toContain(`::error::ci-image does not read ${FILE}: its aliases expand it to 1,358,024,731 nodes`)
    expect(run.stdout).toContain('more than the 50,000 GitHub\'s workflow parser reads ("Maximum YAML nodes exceeded")')
  })

  it('`**/` thirteen times against three paths 25 directories deep: answered', async () => {
    const workflow = watching(nestedGlobs(13))
    const deep = Object.fromEntries([0, 1, 2].map((i) => [deepPath(25, `b${i}`), 'x\n']))
    const run = await forkPullRequest(workflow, { ...deep, [deepPath(25, 'z')]: 'x\n' })
    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.outputs).toMatchObject({ modified: 'true', fork: 'true', 'changed-files': JSON.stringify([deepPath(25, 'z')]) })
  })
})
