// Reuse end to end: the build workflow's and a check job's steps, the bundled action run as the
// runner runs it, against real git repositories, the embedded GitHub and a real registry. The
// build's docker steps are stand-ins over the registry's HTTP API (test/support/registry-push.ts).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { registryAvailable } from '../support/registry-service.js'
import { pushBuiltImage } from '../support/registry-push.js'
import { playTenPushes } from '../support/reuse-pushes.js'
import { buildWorkflow, checkJob, PullRequestBranch, pushCycle, startReuseWorld, type ReuseWorld } from '../support/reuse-world.js'

const DOCKERFILE_2 = { 'Dockerfile.ci': 'FROM node:24\nRUN apt-get install -y python3\n' }

// A test runs a dozen bundled steps, each a node process: more than the default 60 s on a busy 2-core machine.
describe.skipIf(!registryAvailable() && process.env.CI !== 'true')('reuse, end to end', { timeout: 120_000 }, () => {
  let world: ReuseWorld
  beforeEach(async () => {
    world = await startReuseWorld()
  })
  afterEach(async () => world.stop())

  it('a push that changes only code copies the image of the same inputs, and its check takes it at once', async () => {
    const pr = new PullRequestBranch(world)
    const first = pr.push(DOCKERFILE_2)
    const { build: firstBuild, check: firstCheck } = await pushCycle(world, { eventName: 'pull_request', pr })
    expect(firstBuild.did).toBe('built')
    expect(firstCheck.wait.exitCode, firstCheck.wait.stdout).toBe(0)
    expect(firstCheck.wait.outputs.reused).toBe('false')

    const second = pr.push({ 'src/app.ts': 'export const x = 1\n' })
    const { build, check } = await pushCycle(world, { eventName: 'pull_request', pr }, { pull: true })
    expect(build.did).toBe('copied')
    const hash = build.resolve.outputs['inputs-hash']!
    expect(hash).toBe(firstCheck.resolve.outputs['inputs-hash'])
    expect(build.resolve.outputs.tags).toContain(`${world.imageRepository}:pr-42-inputs-${hash.slice(0, 16)}`)
    expect(build.resolve.outputs.labels).toContain(`ci-image.inputs=${hash}`)
    expect(build.comment?.exitCode).toBe(0)
    expect(world.comments.on(42)[0]!.body).toContain(`reused the image built for [<code>${first.headSha.slice(0, 7)}</code>]`)

    // The check of the second push: the first push's image, by digest, without awaiting a run.
    expect(check.wait.exitCode, check.wait.stdout).toBe(0)
    // Its inputs label proved it (a tag alone is never proof): verified, as a built image's revision label.
    expect(check.wait.outputs).toMatchObject({
      reused: 'true',
      verified: 'true',
      digest: firstCheck.wait.outputs.digest,
      'head-sha': second.headSha,
    })
    expect(check.wait.outputs['pinned-image']).toBe(check.resolve.outputs['reusable-image'])
    expect(check.wait.outputs['run-id']).toBeUndefined()
    expect(world.docker.calls()).toContainEqual(['pull', check.wait.outputs['pinned-image']])
    expect(world.builds).toBe(1)

    // A job without a checkout: the tree of the merge commit from the API gives the same hash.
    const bare = await checkJob(world, { eventName: 'pull_request', pr }, { withoutCheckout: true })
    expect(bare.resolve.outputs['inputs-hash']).toBe(hash)
    expect(world.github.requests.some((request) => request.path.includes(`/git/trees/${second.mergeSha}`))).toBe(true)
    expect(bare.wait.outputs.reused).toBe('true')
  })

  it('reuse: off builds every push and awaits every build', async () => {
    const pr = new PullRequestBranch(world)
    pr.push(DOCKERFILE_2)
    await buildWorkflow(world, { eventName: 'pull_request', pr }, { reuse: 'off' })
    pr.push({ 'src/app.ts': 'export const x = 1\n' })
    const { build, check } = await pushCycle(world, { eventName: 'pull_request', pr }, { reuse: 'off' })
    expect(build.did).toBe('built')
    expect(build.resolve.outputs.tags).not.toMatch(/inputs-/)
    // Nothing uses an inputs hash here: none is computed, none labels the image.
    for (const resolve of [build.resolve, check.resolve]) {
      expect(resolve.outputs['inputs-hash']).toBe('')
      expect(resolve.outputs.labels).not.toContain('ci-image.inputs')
    }
    expect(check.wait.exitCode, check.wait.stdout).toBe(0)
    expect(check.wait.outputs.reused).toBe('false')
    expect(world.builds).toBe(2)
  })

  it('refuses a reuse tag whose image carries other inputs, and builds', async () => {
    const pr = new PullRequestBranch(world)
    pr.push(DOCKERFILE_2)
    const first = await buildWorkflow(world, { eventName: 'pull_request', pr })
    const reuseTag = first.resolve.outputs.tags!.split('\n').find((t) => t.includes('-inputs-'))!
    // Someone pushed another image under the tag: the tag alone must not be taken as proof.
    await pushBuiltImage(world.registry.url, [reuseTag], [`ci-image.inputs=${'0'.repeat(64)}`])
    pr.push({ 'src/app.ts': 'export const x = 1\n' })
    const { build, check } = await pushCycle(world, { eventName: 'pull_request', pr })
    expect(build.resolve.outputs['reusable-image']).toBe('')
    expect(build.resolve.stdout).toMatch(/::notice title=CI image not reused::Not reusing .* carries ci-image\.inputs=0{64}, not /)
    expect(build.did).toBe('built')
    expect(check.wait.exitCode, check.wait.stdout).toBe(0)
    expect(check.wait.outputs.reused).toBe('false')
  })

  it('a fork PR reuses nothing and uses the stable image', async () => {
    const pr = new PullRequestBranch(world, 43, true)
    pr.push(DOCKERFILE_2)
    const build = await buildWorkflow(world, { eventName: 'pull_request', pr })
    expect(build.did).toBe('nothing')
    expect(build.resolve.outputs).toMatchObject({
      tags: '',
      'reusable-image': '',
      'inputs-hash': '',
      image: `${world.imageRepository}:latest`,
      fork: 'true',
    })
    const check = await checkJob(world, { eventName: 'pull_request', pr })
    expect(check.wait.exitCode).toBe(0)
    expect(check.wait.outputs.image).toBe(`${world.imageRepository}:latest`)
    expect(world.registryRequests()).toBe(0)
  })

  it('reuse: repository ships on main the image the PR tested; a dispatch asking for a fresh build builds', async () => {
    const pr = new PullRequestBranch(world)
    pr.push(DOCKERFILE_2)
    const prBuild = await buildWorkflow(world, { eventName: 'pull_request', pr }, { reuse: 'repository' })
    expect(prBuild.resolve.outputs.tags).toMatch(/:inputs-[0-9a-f]{16}$/m)
    const merged = pr.merge()

    const push = await buildWorkflow(world, { eventName: 'push', origin: pr.origin, sha: merged }, { reuse: 'repository' })
    expect(push.did).toBe('copied')
    expect(push.resolve.outputs['inputs-hash']).toBe(prBuild.resolve.outputs['inputs-hash'])
    const check = await checkJob(world, { eventName: 'push', origin: pr.origin, sha: merged }, { reuse: 'repository' })
    expect(check.wait.exitCode, check.wait.stdout).toBe(0)
    expect(check.wait.outputs.reused).toBe('true')

    const dispatch = await buildWorkflow(
      world,
      { eventName: 'workflow_dispatch', origin: pr.origin, sha: merged },
      { reuse: 'repository', freshBuild: true },
    )
    expect(dispatch.resolve.outputs['reusable-image']).not.toBe('')
    expect(dispatch.did).toBe('built')
    expect(world.builds).toBe(2)
  })
})

describe.skipIf(!registryAvailable() && process.env.CI !== 'true')('one PR, ten pushes, three of them changing the image’s inputs', () => {
  let world: ReuseWorld
  beforeAll(async () => {
    world = await startReuseWorld()
  })
  afterAll(async () => world.stop())

  it('builds twice (pushes 1 and 4), and every check gets the image built from its own inputs', async () => {
    const outcomes = await playTenPushes(world)
    expect(outcomes.filter((o) => o.did === 'built').map((o) => o.push)).toEqual([1, 4])
    expect(outcomes.filter((o) => o.awaitedRun).map((o) => o.push)).toEqual([1, 4])
    for (const outcome of outcomes) {
      expect(outcome.exitCode).toBe(0)
      expect(outcome.imageInputs, `push ${outcome.push}`).toBe(outcome.hash)
    }
    expect(outcomes[7]!.hash).toBe(outcomes[0]!.hash)
    expect(new Set(outcomes.map((o) => o.hash)).size).toBe(2)
    expect(world.builds).toBe(2)
  }, 180_000)
})
