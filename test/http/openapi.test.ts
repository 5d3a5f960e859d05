// The embedded GitHub answers as GitHub documents it: every route's answers, taken through
// Octokit, validated against @octokit/openapi's description of api.github.com.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient, type GitHubClient } from '../../src/github/client.js'
import { pullRequestObject } from '../support/events.js'
import { FakeComments } from '../support/fake-comments.js'
import { serveCompare } from '../support/fake-compare.js'
import { FakeRuns } from '../support/fake-runs.js'
import { serveCommitObjects, serveTrees } from '../support/fake-trees.js'
import { git, makePullRequestRepo } from '../support/git.js'
import { FakeGitHub } from '../support/github-server.js'
import { checkAgainstOpenApi } from '../support/openapi.js'

const repo = { owner: 'acme', repo: 'app' }
let github: FakeGitHub
let client: GitHubClient

beforeAll(async () => {
  github = await new FakeGitHub().start()
  client = await createClient({ token: 't', baseUrl: github.url, msPerSecond: 1 })
  github.pulls.set(42, pullRequestObject({ number: 42, headSha: 'a'.repeat(40) }))
  github.pullFiles.set(
    42,
    Array.from({ length: 120 }, (_, i) => ({ filename: `f${i}.ts`, status: 'modified' })),
  )
  const comments = new FakeComments(github)
  for (let i = 0; i < 40; i++) comments.add(42, `comment ${i}`)
})
afterAll(async () => {
  await github.stop()
})

function checkAll(): string[] {
  return github.requests.filter((r) => !r.injected).flatMap(checkAgainstOpenApi)
}

describe('the embedded GitHub against the OpenAPI description', () => {
  it('pulls, PR files, file contents and a directory', async () => {
    await client.rest.pulls.get({ ...repo, pull_number: 42 })
    await client.paginate(client.rest.pulls.listFiles, { ...repo, pull_number: 42, per_page: 100 })
    await expect(client.rest.pulls.get({ ...repo, pull_number: 404 })).rejects.toMatchObject({ status: 404 })
    github.files.set('.github/workflows/build-ci-image.yml', 'on: pull_request\n')
    await client.rest.repos.getContent({ ...repo, path: '.github/workflows/build-ci-image.yml', ref: 'a'.repeat(40) })
    await expect(client.rest.repos.getContent({ ...repo, path: 'missing.yml' })).rejects.toMatchObject({ status: 404 })
    github.files.set(`.github/workflows/test.yml@${'a'.repeat(40)}`, 'on: push\n')
    const { data } = await client.rest.repos.getContent({ ...repo, path: '.github/workflows', ref: 'a'.repeat(40) })
    expect(Array.isArray(data) && data.map((entry) => entry.name)).toEqual(['build-ci-image.yml', 'test.yml'])
    expect(checkAll()).toEqual([])
  })

  it('issue comments: list, create, update, delete', async () => {
    await client.paginate(client.rest.issues.listComments, { ...repo, issue_number: 42, per_page: 30 })
    const { data } = await client.rest.issues.createComment({ ...repo, issue_number: 42, body: 'hello' })
    await client.rest.issues.updateComment({ ...repo, comment_id: data.id, body: 'edited' })
    await client.rest.issues.deleteComment({ ...repo, comment_id: data.id })
    expect(checkAll()).toEqual([])
  })

  it('workflows and their runs, filtered by commit and status, paginated', async () => {
    const runs = new FakeRuns(github)
    runs.addWorkflow('build-ci-image.yml')
    const run = runs.startRun({ headSha: 'b'.repeat(40) })
    runs.complete(run, 'success')
    runs.rerun(run)
    runs.pastRun({ headSha: 'c'.repeat(40), durationMs: 60_000, endedMsAgo: 3_600_000 })
    await client.rest.actions.getWorkflow({ ...repo, workflow_id: 'build-ci-image.yml' })
    await client.rest.actions.listWorkflowRuns({ ...repo, workflow_id: 'build-ci-image.yml', head_sha: 'b'.repeat(40) })
    await client.rest.actions.listWorkflowRuns({ ...repo, workflow_id: 'build-ci-image.yml', status: 'success', per_page: 5 })
    // GitHub answers 404 for an unknown workflow, though its description does not list one.
    await expect(client.rest.actions.getWorkflow({ ...repo, workflow_id: 'missing.yml' })).rejects.toMatchObject({ status: 404 })
    expect(
      github.requests.filter((r) => !r.injected && !(r.status === 404 && r.path.includes('/actions/'))).flatMap(checkAgainstOpenApi),
    ).toEqual([])
  })

  it("a collaborator's permission, and 404 for someone without access", async () => {
    const before = github.requests.length
    github.collaborators.set('dana', { permission: 'write', role_name: 'maintain' })
    const { data } = await client.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: 'dana' })
    expect(data).toMatchObject({ permission: 'write', role_name: 'maintain', user: { login: 'dana' } })
    await expect(client.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: 'mallory' })).rejects.toMatchObject({ status: 404 })
    expect(github.requests.slice(before).flatMap(checkAgainstOpenApi)).toEqual([])
  })

  it('compare: two commits of a real repository, whole and paginated, and 404 for a commit it lacks', async () => {
    const before = github.requests.length
    const origin = makePullRequestRepo({ prFiles: { 'Dockerfile.ci': 'x\n', 'src/app.ts': 'y\n' }, baseCommitsAfterFork: 3 })
    serveCompare(github, origin.origin)
    const basehead = `${origin.baseSha}...${origin.headSha}`
    const whole = await client.rest.repos.compareCommitsWithBasehead({ ...repo, basehead })
    expect(whole.data).toMatchObject({
      status: 'diverged',
      ahead_by: 1,
      behind_by: 3,
      merge_base_commit: { sha: git(origin.origin, 'merge-base', origin.baseSha, origin.headSha) },
    })
    expect(whole.data.files?.map((f) => f.filename)).toEqual(['Dockerfile.ci', 'src/app.ts'])
    const second = await client.rest.repos.compareCommitsWithBasehead({ ...repo, basehead, per_page: 1, page: 2 })
    expect([second.data.commits, second.data.files, second.data.merge_base_commit.sha]).toEqual([
      [],
      undefined,
      whole.data.merge_base_commit.sha,
    ])
    await expect(
      client.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `${'e'.repeat(40)}...${origin.headSha}` }),
    ).rejects.toMatchObject({ status: 404 })
    expect(github.requests.slice(before).flatMap(checkAgainstOpenApi)).toEqual([])
  })

  it('git trees: a commit of a real repository, recursive', async () => {
    const before = github.requests.length
    const origin = makePullRequestRepo({ prFiles: { 'docker/setup.sh': 'x\n' }, buildWorkflow: false })
    serveTrees(github, origin.origin)
    const tree = await client.rest.git.getTree({ ...repo, tree_sha: origin.headSha, recursive: '1' })
    expect(tree.data.tree.map((entry) => entry.path)).toEqual(['README.md', 'docker/setup.sh'])
    expect(github.requests.slice(before).flatMap(checkAgainstOpenApi)).toEqual([])
  })

  it('git commits: a merge commit of a real repository with both parents, and 404 for a commit it lacks', async () => {
    const before = github.requests.length
    const origin = makePullRequestRepo({ prFiles: { 'docker/setup.sh': 'x\n' }, baseCommitsAfterFork: 1 })
    serveCommitObjects(github, origin.origin)
    const { data } = await client.rest.git.getCommit({ ...repo, commit_sha: origin.mergeSha })
    expect(data.parents.map((parent) => parent.sha)).toEqual([origin.baseSha, origin.headSha])
    await expect(client.rest.git.getCommit({ ...repo, commit_sha: 'e'.repeat(40) })).rejects.toMatchObject({ status: 404 })
    expect(github.requests.slice(before).flatMap(checkAgainstOpenApi)).toEqual([])
  })

  it('catches a fake that drifts', () => {
    const drifted = {
      method: 'GET',
      path: '/repos/acme/app/pulls/42',
      query: new URLSearchParams(),
      headers: {},
      status: 200,
      responseBody: { number: 'forty-two' },
    }
    expect(checkAgainstOpenApi(drifted).length).toBeGreaterThan(0)
    expect(checkAgainstOpenApi({ ...drifted, path: '/repos/acme/app/nonsense/1' })).toEqual([
      "GET /repos/acme/app/nonsense/1: no such path in GitHub's API",
    ])
  })
})
