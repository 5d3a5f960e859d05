// Which commit reuse hashes, end to end: the commit the run builds (GITHUB_SHA), never the test
// merge commit a pull request payload names, which GitHub sends as it does (null on `opened`, the
// previous push's on `synchronize`: actions/checkout#518); a file's mode among the inputs; the
// runs where the build commit cannot be known. The bundled action run as the runner runs it,
// against real git repositories, the embedded GitHub and a real registry; the build's docker
// steps are stand-ins over the registry's HTTP API (test/support/registry-push.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { registryAvailable } from '../support/registry-service.js'
import { imageLabels } from '../support/registry-push.js'
import { buildWorkflow, checkJob, PullRequestBranch, pushCycle, startReuseWorld, type ReuseWorld } from '../support/reuse-world.js'

const DOCKERFILE_2 = { 'Dockerfile.ci': 'FROM node:24\nRUN apt-get install -y python3\n' }
const SETUP_2 = { 'docker/setup.sh': 'echo setup\npip install ruff\n' }
const HASH = /^[0-9a-f]{64}$/
const short = (sha: string) => sha.slice(0, 7)

// A test runs up to a dozen bundled steps, each a node process: more than the default 60 s on a busy 2-core machine.
describe.skipIf(!registryAvailable() && process.env.CI !== 'true')('the commit reuse hashes', { timeout: 120_000 }, () => {
  let world: ReuseWorld
  beforeEach(async () => {
    world = await startReuseWorld()
  })
  afterEach(async () => world.stop())

  it("an opened PR (GitHub's payload: merge_commit_sha null) is hashed at GITHUB_SHA: its build pushes the reuse tag and labels the image", async () => {
    const pr = new PullRequestBranch(world)
    pr.push(DOCKERFILE_2)
    expect((pr.event().pull_request as Record<string, unknown>).merge_commit_sha).toBeNull()
    const build = await buildWorkflow(world, { eventName: 'pull_request', pr })
    const hash = build.resolve.outputs['inputs-hash']!
    expect(hash).toMatch(HASH)
    expect(build.resolve.outputs.tags).toContain(`${world.imageRepository}:pr-42-inputs-${hash.slice(0, 16)}`)
    expect(build.resolve.outputs.labels).toContain(`ci-image.inputs=${hash}`)
    expect(build.resolve.stdout).not.toContain('::notice')
  })

  it("a synchronize payload carrying the previous push's merge commit (stale, as GitHub often sends it): that push's image is not reused, and the build is labelled with this run's hash", async () => {
    const pr = new PullRequestBranch(world)
    pr.push(DOCKERFILE_2)
    await buildWorkflow(world, { eventName: 'pull_request', pr })
    pr.push({ 'src/app.ts': 'export const x = 1\n' })
    const codeOnly = await buildWorkflow(world, { eventName: 'pull_request', pr })
    // This push changes the inputs; its payload still names the previous push's merge commit.
    pr.push(SETUP_2)
    expect((pr.event().pull_request as Record<string, unknown>).merge_commit_sha).toBe(pr.previous!.mergeSha)
    const { build, check } = await pushCycle(world, { eventName: 'pull_request', pr })
    const hash = build.resolve.outputs['inputs-hash']!
    expect(hash).toMatch(HASH)
    expect(hash).not.toBe(codeOnly.resolve.outputs['inputs-hash'])
    expect(build.resolve.outputs['reusable-image']).toBe('')
    expect(build.did).toBe('built')
    expect(build.resolve.outputs.labels).toContain(`ci-image.inputs=${hash}`)
    // The check waited for this push's build and got its image.
    expect(check.resolve.outputs['inputs-hash']).toBe(hash)
    expect(check.wait.exitCode, check.wait.stdout).toBe(0)
    expect(check.wait.outputs).toMatchObject({ reused: 'false', verified: 'true', 'head-sha': pr.repo.headSha })
    expect((await imageLabels(world.registry.url, check.wait.outputs['pinned-image']!))['ci-image.inputs']).toBe(hash)
  })

  it('a push that only makes an input executable (chmod +x docker/setup.sh) changes the inputs: it builds, copying nothing', async () => {
    const pr = new PullRequestBranch(world)
    pr.push(DOCKERFILE_2)
    const first = await buildWorkflow(world, { eventName: 'pull_request', pr })
    pr.push({}, ['docker/setup.sh'])
    const build = await buildWorkflow(world, { eventName: 'pull_request', pr })
    expect(first.resolve.outputs['inputs-hash']).toMatch(HASH)
    expect(build.resolve.outputs['inputs-hash']).toMatch(HASH)
    expect(build.resolve.outputs['inputs-hash']).not.toBe(first.resolve.outputs['inputs-hash'])
    expect(build.did).toBe('built')
  })

  it("a build whose checkout is the PR head, not GITHUB_SHA, hashes nothing and says what to do; a check job reads GITHUB_SHA's tree whatever it checked out", async () => {
    const pr = new PullRequestBranch(world)
    pr.push(DOCKERFILE_2)
    const build = await buildWorkflow(world, { eventName: 'pull_request', pr, checkout: 'head' })
    expect(build.resolve.outputs).toMatchObject({ 'inputs-hash': '', 'reusable-image': '' })
    expect(build.resolve.outputs.tags).not.toMatch(/inputs-/)
    expect(build.resolve.outputs.labels).not.toContain('ci-image.inputs')
    expect(build.resolve.stdout).toContain(
      `::notice title=CI image not reused::No reuse: the checkout is at ${short(pr.repo.headSha)}, not at ${short(pr.repo.mergeSha)}, the commit this run's build uses (GITHUB_SHA)`,
    )
    expect(build.resolve.stdout).toContain('actions/checkout without `ref:`')
    expect(build.did).toBe('built')

    const check = await checkJob(world, { eventName: 'pull_request', pr, checkout: 'head' })
    expect(check.resolve.outputs['inputs-hash']).toMatch(HASH)
    expect(check.wait.exitCode, check.wait.stdout).toBe(0)
    expect(check.wait.outputs).toMatchObject({ reused: 'false', verified: 'true' })
  })

  it("GITHUB_SHA merging an earlier push's head (actions/checkout#237): no reuse and no inputs label, with a notice", async () => {
    const pr = new PullRequestBranch(world)
    const earlier = pr.push(DOCKERFILE_2)
    await buildWorkflow(world, { eventName: 'pull_request', pr })
    pr.push(SETUP_2)
    const build = await buildWorkflow(world, { eventName: 'pull_request', pr, runSha: earlier.mergeSha })
    expect(build.resolve.stdout).toContain(
      `No reuse: ${short(earlier.mergeSha)} (GITHUB_SHA) merges ${short(earlier.headSha)}, not the PR's head ${short(pr.repo.headSha)}`,
    )
    expect(build.resolve.outputs).toMatchObject({ 'inputs-hash': '', 'reusable-image': '' })
    expect(build.resolve.outputs.labels).not.toContain('ci-image.inputs')
    expect(build.did).toBe('built')
  })

  it("a /regen comment (issue_comment, whose GITHUB_SHA is main's) knows no build commit: no lookup, and the wait takes the image the build copied, unproved", async () => {
    const pr = new PullRequestBranch(world)
    pr.push(DOCKERFILE_2)
    await buildWorkflow(world, { eventName: 'pull_request', pr })
    pr.push({ 'src/app.ts': 'export const x = 1\n' })
    expect((await buildWorkflow(world, { eventName: 'pull_request', pr })).did).toBe('copied')
    const regen = await checkJob(world, { eventName: 'issue_comment', pr })
    expect(regen.resolve.stdout).toContain('::notice title=CI image not reused::No reuse: on issue_comment, GITHUB_SHA is a branch')
    expect(regen.resolve.outputs['inputs-hash']).toBe('')
    expect(regen.wait.exitCode, regen.wait.stdout).toBe(0)
    expect(regen.wait.outputs).toMatchObject({ reused: 'false', verified: 'false', 'head-sha': pr.repo.headSha })
    expect(regen.wait.stdout).toMatch(/::warning title=CI image not verified::.*reused it as an image of the same inputs/)
  })
})
