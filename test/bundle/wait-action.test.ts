// wait-for-build end to end: the bundled dist/index.js, run as the Actions runner runs it,
// against the embedded GitHub. Real time here, so polls are 1 s apart and scenarios short.
import { describe, expect, it } from 'vitest'
import { runAction } from '../support/action.js'
import { pullRequestEvent, pushEvent } from '../support/events.js'
import { dockerWithBuiltImages, withDockerOnPath } from '../support/fake-docker.js'
import { FakeRuns } from '../support/fake-runs.js'
import { useEmbeddedGitHub } from '../support/embedded-github.js'

const TOKEN = 'ghs_secretTokenValue1234567890'
const HEAD = '4'.repeat(40)
const MERGE = 'f'.repeat(40)
const inputs = (extra: Record<string, string> = {}) => ({
  command: 'wait-for-build',
  'github-token': TOKEN,
  'build-workflow': 'build-ci-image.yml',
  'poll-interval': '1',
  timeout: '60',
  pull: 'false',
  ...extra,
})

let runs: FakeRuns
const github = useEmbeddedGitHub((github) => {
  runs = new FakeRuns(github)
  // No checkout here: the PR's files come from the API, and they change the image.
  github.pullFiles.set(42, [{ filename: 'Dockerfile.ci' }])
})
const actionsApi = (r: { path: string }) => r.path.includes('/actions/')

/** The registry behind a `docker` stand-in: what the builds of these commits pushed (see verified-image.test.ts). */
const built = dockerWithBuiltImages({
  [`ghcr.io/acme/app/ci:pr-42-sha-${HEAD.slice(0, 7)}`]: HEAD,
  'ghcr.io/acme/app/ci:pr-42-sha-7777777': '7'.repeat(40),
  'ghcr.io/acme/app/ci:feature-x-sha-0123456': '0123456789abcdef0123456789abcdef01234567',
})

const prRun = (extra: Record<string, string> = {}, event = pullRequestEvent({ number: 42, headSha: HEAD, baseRef: 'main' })) =>
  runAction({
    inputs: inputs(extra),
    eventName: 'pull_request',
    event,
    apiUrl: github().url,
    sha: MERGE,
    ref: 'refs/pull/42/merge',
    env: withDockerOnPath(built),
  })

/** The lines the Actions UI folds away: those between `::group::` and `::endgroup::`. */
function linesInGroups(stdout: string): string[] {
  let inGroup = false
  return stdout.split('\n').filter((line) => {
    if (line.startsWith('::group::')) inGroup = true
    else if (line.startsWith('::endgroup::')) inGroup = false
    else return inGroup
    return false
  })
}

describe('wait-for-build, bundled', () => {
  it('follows the PR head commit run to success; unchanged polls are 304s', async () => {
    runs.addWorkflow('build-ci-image.yml')
    runs.pastRun({ headSha: '5'.repeat(40), durationMs: 240_000, endedMsAgo: 3_600_000 })
    // The merge commit's run (GITHUB_SHA) fails: it is not the PR's build.
    runs.startRun({ headSha: MERGE, status: 'completed', conclusion: 'failure' })
    let build: ReturnType<FakeRuns['startRun']>
    runs.script([
      { onPoll: 2, apply: () => (build = runs.startRun({ headSha: HEAD })) },
      { onPoll: 3, apply: () => runs.set(build, 'in_progress') },
      // Polls 4 and 5 find nothing new.
      { onPoll: 6, apply: () => runs.complete(build, 'success') },
    ])
    const run = await prRun()
    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.outputs).toEqual({
      image: 'ghcr.io/acme/app/ci:pr-42',
      tag: 'pr-42',
      'pr-number': '42',
      'head-sha': HEAD,
      'base-ref': 'main',
      'run-id': String(build!.id),
      'run-url': build!.html_url,
      conclusion: 'success',
      digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      'pinned-image': `ghcr.io/acme/app/ci:pr-42@${run.outputs.digest}`,
      verified: 'true',
      // No image of the same inputs was in the registry: a build was awaited.
      'reusable-image': '',
      reused: 'false',
    })

    // One line per state, not per poll.
    const states = run.stdout.split('\n').filter((line) => /^\[\d/.test(line))
    expect(states).toHaveLength(4)
    expect(states[0]).toMatch(/No run of build-ci-image.yml for commit 4444444 yet/)
    expect(states[1]).toMatch(
      /Build CI image #\d+: queued, about 4m left \(a successful build takes 4m\) · https:\/\/github.com\/acme\/app\/actions\/runs\/\d+$/,
    )
    expect(states[3]).toMatch(/completed: success/)
    // None inside a log group, which the UI shows collapsed: a long wait must show its progress.
    expect(states.filter((line) => linesInGroups(run.stdout).includes(line))).toEqual([])

    // The figure: 6 polls, 2 of them answered 304; 6 requests count against the rate limit
    // (the workflow, the estimate, and one per state) = states + 2.
    expect(runs.polls).toBe(6)
    expect(github().count((r) => actionsApi(r) && r.status === 304)).toBe(2)
    expect(github().count((r) => actionsApi(r) && r.status !== 304)).toBeLessThanOrEqual(states.length + 2)
    expect(run.stdout).toContain('GitHub API: 8 requests, 2 of them answered 304 Not Modified (free of rate limit).')

    expect(run.summary).toContain('ghcr.io/acme/app/ci:pr-42')
    expect(run.summary).toContain(build!.html_url)
    expect(run.stdout.replace(`::add-mask::${TOKEN}`, '')).not.toContain(TOKEN)
    expect(github().requests.every((r) => r.headers.authorization === `token ${TOKEN}`)).toBe(true)
  })

  it('fails at once when the run failed, with its conclusion and link', async () => {
    runs.addWorkflow('build-ci-image.yml')
    const build = runs.startRun({ headSha: HEAD, status: 'completed', conclusion: 'failure' })
    const run = await prRun()
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      `::error::The build run #${build.run_number} of build-ci-image.yml for commit ${HEAD} ended with conclusion "failure": ${build.html_url}`,
    )
    expect(run.outputs).toMatchObject({ 'run-id': String(build.id), 'run-url': build.html_url, conclusion: 'failure' })
    expect(runs.polls).toBe(1)
    expect(run.summary).toContain('failure')
  })

  // Runs of the head commit that are not this PR's build: a manual dispatch that succeeded, or the
  // same branch's other PR (opened against v2 too), must not pass the wait while this PR's build fails.
  it("waits for the PR's own build only: a dispatch, a push run or another PR's run of the same commit never decide", async () => {
    runs.addWorkflow('build-ci-image.yml')
    // The build runs on pull_request, so the wait asks GitHub for those runs only.
    github().files.set('.github/workflows/build-ci-image.yml', "on:\n  pull_request:\n    paths: ['Dockerfile.ci']\n")
    const build = runs.startRun({ headSha: HEAD, pullRequests: [7, 42], status: 'in_progress' })
    // Newer than the PR's build, and all successful.
    runs.startRun({ headSha: HEAD, event: 'workflow_dispatch', status: 'completed', conclusion: 'success' })
    runs.startRun({ headSha: HEAD, event: 'push', status: 'completed', conclusion: 'success' })
    runs.startRun({ headSha: HEAD, pullRequests: [7], status: 'completed', conclusion: 'success' })
    runs.script([{ onPoll: 2, apply: () => runs.complete(build, 'failure') }])
    const run = await prRun()
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(`ended with conclusion "failure": ${build.html_url}`)
    expect(run.outputs['run-id']).toBe(String(build.id))
    // The API leaves out the other events; the other PR's run is said once, not per poll.
    expect(run.stdout.match(/Not the build waited for: .*because it builds PR #7, not PR #42\./g)).toHaveLength(1)
    expect(
      github()
        .requests.filter((r) => r.query.has('head_sha'))
        .every((r) => r.query.get('event') === 'pull_request'),
    ).toBe(true)
  })

  it('fails at once on a workflow that does not exist', async () => {
    runs.addWorkflow('other.yml')
    const run = await prRun()
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('::error::The build workflow build-ci-image.yml does not exist in acme/app (GitHub answered 404).')
    expect(github().requests.filter(actionsApi)).toHaveLength(1)
  })

  it('gives up at the timeout when no run appears, naming the commit and the workflow', async () => {
    runs.addWorkflow('build-ci-image.yml')
    const run = await prRun({ timeout: '2' })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      `::error::No run of build-ci-image.yml ("Build CI image", active) for commit ${HEAD} appeared within 2s (the \`timeout\` input). The workflow exists:`,
    )
    expect(runs.polls).toBe(3)
  })

  it('does not wait for a fork PR, whose image cannot be pushed', async () => {
    const run = await prRun({}, pullRequestEvent({ number: 42, headSha: HEAD, baseRef: 'v2', fork: true }))
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain(
      'PR #42 comes from a fork, whose token cannot push an image, so no image is built for it. There is nothing to wait for; it uses ghcr.io/acme/app/ci:v2.',
    )
    expect(run.outputs).toMatchObject({ image: 'ghcr.io/acme/app/ci:v2', tag: 'v2', 'pr-number': '42' })
    expect(run.outputs['run-id']).toBeUndefined()
    expect(run.summary).toContain('not awaited')
    expect(github().requests).toHaveLength(0)
  })

  it('does not wait for a PR that changes no watched path: no build will come', async () => {
    runs.addWorkflow('build-ci-image.yml')
    github().pullFiles.set(42, [{ filename: 'src/app.ts' }])
    const run = await prRun()
    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.stdout).toContain(
      'PR #42 changes no watched path, so it uses the stable image of base branch main. build-ci-image.yml builds no image for it. There is nothing to wait for; it uses ghcr.io/acme/app/ci:latest.',
    )
    expect(run.outputs).toMatchObject({ image: 'ghcr.io/acme/app/ci:latest', tag: 'latest', 'pr-number': '42' })
    expect(run.outputs['run-id']).toBeUndefined()
    expect(github().requests.filter(actionsApi)).toHaveLength(0)
  })

  it('on a push, waits for the pushed commit and its <branch>-sha-<7> image', async () => {
    runs.addWorkflow('build-ci-image.yml')
    const sha = '0123456789abcdef0123456789abcdef01234567'
    runs.startRun({ headSha: sha, event: 'push', headBranch: 'feature/x', status: 'completed', conclusion: 'success' })
    const run = await runAction({
      inputs: inputs(),
      eventName: 'push',
      event: pushEvent({ ref: 'refs/heads/feature/x', after: sha }),
      apiUrl: github().url,
      sha,
      ref: 'refs/heads/feature/x',
      env: withDockerOnPath(built),
    })
    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.outputs).toMatchObject({
      image: 'ghcr.io/acme/app/ci:feature-x-sha-0123456',
      tag: 'feature-x-sha-0123456',
      'head-sha': sha,
      conclusion: 'success',
    })
    expect(
      github()
        .requests.filter((r) => r.query.has('head_sha'))
        .map((r) => r.query.get('head_sha')),
    ).toEqual([sha])
  })

  it('head-sha overrides the commit whose build is awaited', async () => {
    runs.addWorkflow('build-ci-image.yml')
    const other = '7'.repeat(40)
    runs.startRun({ headSha: other, status: 'completed', conclusion: 'success' })
    const run = await prRun({ 'head-sha': other })
    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.outputs).toMatchObject({ 'head-sha': other, conclusion: 'success', tag: 'pr-42' })
  })
})
