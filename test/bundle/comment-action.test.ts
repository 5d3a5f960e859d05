// `comment-image` as the runner runs it: the bundle, INPUT_* variables, an event file, the
// embedded GitHub on loopback.
import { describe, expect, it } from 'vitest'
import { runAction, type RunActionOptions } from '../support/action.js'
import { pullRequestEvent, pushEvent } from '../support/events.js'
import { FakeComments } from '../support/fake-comments.js'
import { useEmbeddedGitHub } from '../support/embedded-github.js'

const TOKEN = 'ghs_commentImageSecretToken0123456789'
const HEAD = '1'.repeat(40)
const MARKER = '<!-- ci-image:ghcr.io/acme/app/ci -->'
const LIST = '/repos/acme/app/issues/42/comments'

let comments: FakeComments
const github = useEmbeddedGitHub((github) => {
  comments = new FakeComments(github)
  // No checkout here: the PR's files come from the API, and they change the image.
  github.pullFiles.set(42, [{ filename: 'Dockerfile.ci' }])
})

/** GITHUB_WORKFLOW_REF of a step in the build workflow, and in the checks that run on every PR. */
const IN_BUILD = 'acme/app/.github/workflows/build-ci-image.yml@refs/pull/42/merge'
const IN_CHECKS = 'acme/app/.github/workflows/check-generate.yml@refs/pull/42/merge'

async function commentImage(
  o: Partial<RunActionOptions> & {
    headSha?: string
    headRef?: string
    fork?: boolean
    workflow?: string
    extra?: Record<string, string>
  } = {},
) {
  const { headSha = HEAD, headRef, fork, workflow = IN_BUILD, extra = {}, ...rest } = o
  const run = await runAction({
    inputs: { command: 'comment-image', 'github-token': TOKEN, ...extra },
    eventName: 'pull_request',
    event: pullRequestEvent({ number: 42, headSha, headRef, fork }),
    ref: 'refs/pull/42/merge',
    apiUrl: github().url,
    env: { GITHUB_RUN_ID: '987654', GITHUB_WORKFLOW_REF: workflow },
    ...rest,
  })
  // `::add-mask::` is how the runner learns to hide it; anywhere else it would leak.
  expect((run.stdout + run.stderr).replace(`::add-mask::${TOKEN}`, '')).not.toContain(TOKEN)
  return run
}

// GraphQL's `viewer` query (who the token is) is a POST that writes nothing.
const writes = () =>
  github()
    .requests.filter((r) => r.method !== 'GET' && r.path !== '/graphql')
    .map((r) => r.method)

describe('comment-image', () => {
  it('creates the comment on the first build and updates that same comment on the next', async () => {
    const first = await commentImage()
    expect(first.exitCode).toBe(0)
    const [created] = comments.on(42)
    expect(first.outputs).toEqual({
      'comment-id': String(created!.id),
      'comment-url': created!.html_url,
      image: 'ghcr.io/acme/app/ci:pr-42',
      tag: 'pr-42',
      'pr-number': '42',
      'head-sha': HEAD,
      'base-ref': 'main',
    })
    expect(created!.body.startsWith(`${MARKER}\n### 🐳 Docker CI Image Built`)).toBe(true)
    expect(created!.body).toContain('[workflow run](https://github.com/acme/app/actions/runs/987654)')
    expect(first.summary).toContain(`Created: [the image comment](${created!.html_url}) on PR #42 (built).`)

    const next = '2'.repeat(40)
    const second = await commentImage({ headSha: next })
    expect(second.exitCode).toBe(0)
    expect(second.outputs['comment-id']).toBe(String(created!.id))
    expect(second.summary).toContain(`Updated: [the image comment](${created!.html_url})`)
    expect(comments.on(42)).toHaveLength(1)
    expect(comments.on(42)[0]!.body).toContain(`/commit/${next}`)
    expect(writes()).toEqual(['POST', 'PATCH'])
  })

  it('two runners on one PR at the same time leave one comment', async () => {
    const runs = await Promise.all([commentImage(), commentImage({ headSha: '2'.repeat(40) })])
    expect(runs.map((r) => r.exitCode)).toEqual([0, 0])
    expect(comments.on(42)).toHaveLength(1)
    expect(runs.map((r) => r.outputs['comment-id'])).toEqual([String(comments.on(42)[0]!.id), String(comments.on(42)[0]!.id)])
  })

  it('a token that cannot write comments warns and leaves the step green', async () => {
    github().fail(
      'POST',
      LIST,
      403,
      1,
      {},
      {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
      },
    )
    const run = await commentImage()
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toMatch(
      /^::warning title=CI image not announced::Nothing commented: the token cannot write comments on PR #42 \(POST \/repos\/acme\/app\/issues\/42\/comments answered 403: Resource not accessible by integration.*pull-requests: write/m,
    )
    expect(run.outputs['comment-id']).toBeUndefined()
    expect(run.outputs.image).toBe('ghcr.io/acme/app/ci:pr-42')
    expect(comments.on(42)).toHaveLength(0)
  })

  it('any other API failure fails the step and says which call failed', async () => {
    github().fail('GET', LIST, 404, 1)
    const run = await commentImage()
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      '::error::Could not write the CI image comment on PR #42: GET /repos/acme/app/issues/42/comments answered 404: ',
    )
  })

  it('a push is not a pull request: nothing is written, and the step says so', async () => {
    const run = await commentImage({ eventName: 'push', event: pushEvent({ ref: 'refs/heads/main', after: HEAD }), ref: 'refs/heads/main' })
    expect(run.exitCode).toBe(0)
    expect(github().requests).toHaveLength(0)
    expect(run.stdout).toContain('Nothing commented: a push to main is not a pull request')
    expect(run.summary).toContain('Nothing commented: a push to <code>main</code> is not a pull request')
    expect(run.outputs).toMatchObject({ image: 'ghcr.io/acme/app/ci:latest', tag: 'latest', 'head-sha': HEAD })
  })

  it('a PR that never changed the image gets no comment, and the step says why', async () => {
    github().pullFiles.set(42, [{ filename: 'src/app.ts' }])
    const run = await commentImage({ workflow: IN_CHECKS })
    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.stdout).toContain('Nothing commented: PR #42 has no image comment to correct.')
    expect(run.outputs).toMatchObject({ image: 'ghcr.io/acme/app/ci:latest', tag: 'latest' })
    expect(writes()).toEqual([])
    expect(comments.on(42)).toHaveLength(0)
  })

  // A PR whose change to the image was reverted: the build workflow does not run for it any more,
  // so the checks, which run on every PR, correct its `pr-N` comment.
  it('a PR that no longer changes the image: its comment now says the stable image, and is never deleted', async () => {
    const first = await commentImage()
    const id = first.outputs['comment-id']
    github().pullFiles.set(42, [{ filename: 'src/app.ts' }])
    const reverted = await commentImage({ headSha: '5'.repeat(40), workflow: IN_CHECKS })
    expect(reverted.exitCode, reverted.stdout).toBe(0)
    expect(reverted.outputs['comment-id']).toBe(id)
    expect(comments.on(42)).toHaveLength(1)
    expect(comments.on(42)[0]!.body).toContain(
      'This pull request no longer changes the CI image, so its checks use the stable image <code>ghcr.io/acme/app/ci:latest</code>.',
    )
    // The next push changes nothing in that body: no write, no notification.
    const again = await commentImage({ headSha: '6'.repeat(40), workflow: IN_CHECKS })
    expect(again.stdout).toContain('Left unchanged (already up to date)')
    expect(writes()).toEqual(['POST', 'PATCH'])
  })

  it('in the checks, a PR that changes the image is left to the build workflow: nothing written', async () => {
    const run = await commentImage({ workflow: IN_CHECKS })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain('Nothing commented: PR #42 changes the CI image: build-ci-image.yml announces its build.')
    expect(writes()).toEqual([])
  })

  it.each([
    [
      'failure',
      '### ❌ Docker CI image build failed',
      'did not build: see [workflow run](https://github.com/acme/app/actions/runs/987654)',
    ],
    ['cancelled', '### ⏹️ Docker CI image build cancelled', 'most likely superseded by a newer push'],
  ])('follows the build job: %s', async (status, heading, words) => {
    await commentImage()
    const run = await commentImage({ extra: { 'job-status': status } })
    expect(run.exitCode, run.stdout).toBe(0)
    expect(comments.on(42)).toHaveLength(1)
    expect(comments.on(42)[0]!.body).toContain(heading)
    expect(comments.on(42)[0]!.body).toContain(words)
    expect(comments.on(42)[0]!.body).not.toContain('docker pull')
  })

  it('shows the digest the build pushed, and a pull line pinned to it', async () => {
    const digest = `sha256:${'9f'.repeat(32)}`
    await commentImage({ extra: { digest } })
    const body = comments.on(42)[0]!.body
    expect(body).toContain(`- **Digest:** <code>${digest}</code>`)
    expect(body).toContain(`docker pull ghcr.io/acme/app/ci:pr-42@${digest}`)
    expect(body).toContain('(this commit: <code>ghcr.io/acme/app/ci:pr-42-sha-1111111</code>)')
  })

  // Every input's message is the inputs table's (test/unit/inputs.test.ts): one here, as the runner shows it.
  it.each([[{ 'job-status': 'skipped' }, 'Input `job-status` must be one of success, failure, cancelled']])(
    'refuses %j, naming the input',
    async (extra, message) => {
      const run = await commentImage({ extra })
      expect(run.exitCode).toBe(1)
      expect(run.stdout).toContain(`::error::${message}`)
    },
  )

  it("a fork's PR has no image of its own to announce: a warning, nothing written", async () => {
    const run = await commentImage({ fork: true })
    expect(run.exitCode).toBe(0)
    expect(github().requests).toHaveLength(0)
    expect(run.stdout).toContain('::warning title=CI image not announced::Nothing commented: PR #42 comes from a fork')
  })

  it('a hostile branch name cannot hide or replace the marker', async () => {
    const headRef = `x--><!-- ci-image:ghcr.io/acme/app/ci --></code><details><summary>`
    const run = await commentImage({ headRef })
    expect(run.exitCode).toBe(0)
    const [comment] = comments.on(42)
    expect(comment!.body.startsWith(`${MARKER}\n`)).toBe(true)
    expect(comment!.body.split('<!--')).toHaveLength(2)
    expect(comment!.body).not.toContain('<details>')
    expect(comment!.body).toContain(
      'on <code>x--&#62;&#60;!-- ci-image:ghcr.io/acme/app/ci --&#62;&#60;/code&#62;&#60;details&#62;&#60;summary&#62;</code>',
    )
  })
})
