// A repository with a merge queue requires its checks on merge_group too: check-generate's steps,
// run as the runner runs them on the queue's commit, against real git and the embedded GitHub.
import { describe, expect, it } from 'vitest'
import { runAction } from '../support/action.js'
import { useEmbeddedGitHub } from '../support/embedded-github.js'
import { mergeGroupEvent, pullRequestObject } from '../support/events.js'
import { dockerWithBuiltImages, withDockerOnPath } from '../support/fake-docker.js'
import { FakeRuns } from '../support/fake-runs.js'
import { checkoutMergeQueue, makePullRequestRepo } from '../support/git.js'

const BUILD_WORKFLOW =
  "on:\n  pull_request:\n    paths: ['Dockerfile.ci', '.github/workflows/build-ci-image.yml']\n  merge_group:\njobs: {}\n"
let runs: FakeRuns
const github = useEmbeddedGitHub((github) => {
  runs = new FakeRuns(github)
  runs.addWorkflow('build-ci-image.yml')
})

function queue(prFiles: Record<string, string>) {
  const repo = makePullRequestRepo({ baseRef: 'v2', prFiles, baseFiles: { '.github/workflows/build-ci-image.yml': BUILD_WORKFLOW } })
  github().pulls.set(42, pullRequestObject({ number: 42, baseRef: 'v2', baseSha: repo.baseSha, headSha: repo.headSha }))
  const checkout = checkoutMergeQueue(repo)
  const event = mergeGroupEvent({ prNumber: 42, prHeadSha: repo.headSha, baseRef: 'v2', baseSha: repo.baseSha, headSha: repo.mergeSha })
  // What the PR's build pushed for its head.
  const docker = dockerWithBuiltImages({ [`ghcr.io/acme/app/ci:pr-42-sha-${repo.headSha.slice(0, 7)}`]: repo.headSha })
  const step = (inputs: Record<string, string>) =>
    runAction({
      inputs: { 'github-token': 'ghs_queueTest', 'poll-interval': '1', timeout: '30', pull: 'false', ...inputs },
      eventName: 'merge_group',
      event,
      workspace: checkout.dir,
      apiUrl: github().url,
      sha: repo.mergeSha,
      ref: checkout.ref,
      env: withDockerOnPath(docker),
    })
  return { repo, step }
}

describe('in a merge queue', () => {
  it("a PR that changes the image: its own pr-N, after waiting for the PR's build; nothing pushed or commented", async () => {
    const { repo, step } = queue({ 'Dockerfile.ci': 'FROM node:24\n' })
    const build = runs.startRun({ headSha: repo.headSha, pullRequests: [42], status: 'in_progress' })
    runs.script([{ onPoll: 2, apply: () => runs.complete(build, 'success') }])

    const resolve = await step({ command: 'resolve-image' })
    expect(resolve.exitCode, resolve.stdout).toBe(0)
    expect(resolve.outputs).toMatchObject({
      image: 'ghcr.io/acme/app/ci:pr-42',
      modified: 'true',
      tags: '',
      'pr-number': '42',
      'head-sha': repo.headSha,
      'base-ref': 'v2',
    })
    expect(resolve.outputs.reason).toBe("The merge queue's group for PR #42 changes the CI image, so it uses its own image pr-42.")

    const wait = await step({ command: 'wait-for-build' })
    expect(wait.exitCode, wait.stdout).toBe(0)
    expect(wait.outputs).toMatchObject({ image: 'ghcr.io/acme/app/ci:pr-42', 'run-id': String(build.id), conclusion: 'success' })
    // The PR's build: its head commit, its pull_request run.
    const polls = github().requests.filter((r) => r.query.has('head_sha'))
    expect(polls.every((r) => r.query.get('head_sha') === repo.headSha && r.query.get('event') === 'pull_request')).toBe(true)

    const comment = await step({ command: 'comment-image' })
    expect(comment.exitCode).toBe(0)
    expect(comment.stdout).toContain(
      "Nothing commented: a merge queue run announces nothing: PR #42's image comment is written by its own build.",
    )
    expect(github().requests.filter((r) => r.method !== 'GET' && r.path !== '/graphql')).toEqual([])
  })

  it("a PR that leaves the image alone: the base branch's stable image, no wait", async () => {
    const { step } = queue({ 'src/app.ts': 'export {}\n' })
    const resolve = await step({ command: 'resolve-image' })
    expect(resolve.outputs).toMatchObject({ image: 'ghcr.io/acme/app/ci:v2', modified: 'false', tags: '' })
    const wait = await step({ command: 'wait-for-build' })
    expect(wait.exitCode).toBe(0)
    expect(wait.stdout).toContain('There is nothing to wait for; it uses ghcr.io/acme/app/ci:v2.')
    expect(runs.polls).toBe(0)
  })
})
