// The system end to end, as `npm run demo` plays it: the bundle run as the runner runs it, real
// git checkouts, the embedded GitHub with a build run on a (real-time, seconds-long) timeline.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { imageChangingPullRequest, pushToV2, regularPullRequest, startWorld, untrustedRegen, type World } from '../support/scenarios.js'

let world: World
beforeEach(async () => {
  world = await startWorld()
})
afterEach(async () => {
  await world.stop()
})

describe('the scenarios of test/support/scenarios.ts', () => {
  it('1: a regular PR uses the base branch image at once, asking the API only for its merge base', async () => {
    const { resolve } = await regularPullRequest(world)
    expect(resolve.exitCode).toBe(0)
    expect(resolve.outputs).toMatchObject({ image: 'ghcr.io/acme/app/ci:v2', modified: 'false', tags: '' })
    expect(world.github.requests.map((r) => r.path)).toEqual([expect.stringMatching(/^\/repos\/acme\/app\/compare\//)])
  })

  it('2: a PR changing Dockerfile.ci waits for its own build, pulls it, and is announced once', async () => {
    const { check, build, commentBody } = await imageChangingPullRequest(world)
    const head7 = check.resolve.outputs['head-sha']!.slice(0, 7)
    // GitHub's `opened` payload has a null merge_commit_sha, so the inputs are hashed at GITHUB_SHA,
    // and the build pushes the reuse tag of that hash and labels the image with it.
    const hash = build.resolve.outputs['inputs-hash']!
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(build.resolve.outputs).toMatchObject({
      tags: `ghcr.io/acme/app/ci:pr-42\nghcr.io/acme/app/ci:pr-42-sha-${head7}\nghcr.io/acme/app/ci:pr-42-inputs-${hash.slice(0, 16)}`,
      modified: 'true',
    })
    expect(build.resolve.outputs.labels).toContain(`ci-image.inputs=${hash}`)
    expect(build.resolve.stdout).not.toContain('::notice')
    expect(check.resolve.outputs).toMatchObject({ image: 'ghcr.io/acme/app/ci:pr-42', 'changed-files': '["Dockerfile.ci"]' })
    expect(check.wait.exitCode, check.wait.stdout).toBe(0)
    const run = world.runs.runs[0]!
    const { digest } = check.wait.outputs
    expect(check.wait.outputs).toMatchObject({ conclusion: 'success', 'run-id': String(run.id), 'run-url': run.html_url })
    expect(check.wait.outputs['pinned-image']).toBe(`ghcr.io/acme/app/ci:pr-42@${digest}`)
    expect(run.head_sha).toBe(check.resolve.outputs['head-sha'])
    // Read from the registry as the commit's own tag, then pulled once, by the digest read: never
    // by a tag a later push could move (the build step's own registry reads run beside it).
    expect(world.docker.calls()).toContainEqual(['buildx', 'imagetools', 'inspect', '--raw', `ghcr.io/acme/app/ci:pr-42-sha-${head7}`])
    expect(world.docker.calls().filter(([command]) => command === 'pull')).toEqual([['pull', `ghcr.io/acme/app/ci:pr-42@${digest}`]])
    expect(build.comment?.exitCode).toBe(0)
    expect(world.comments.on(42)).toHaveLength(1)
    expect(commentBody).toContain('ghcr.io/acme/app/ci:pr-42')
    expect(commentBody).toContain(`/actions/runs/${run.id}`)
  })

  it('3: a push to v2 builds v2 and v2-sha-<7>', async () => {
    const { resolve } = await pushToV2(world)
    expect(resolve.outputs.tags).toBe('ghcr.io/acme/app/ci:v2\nghcr.io/acme/app/ci:v2-sha-3f9c2a1')
    // Under the default `reuse: pull-request` a push reuses nothing, so nothing is hashed (and no notice says it could not be).
    expect(resolve.outputs['inputs-hash']).toBe('')
    expect(resolve.outputs.labels).not.toContain('ci-image.inputs')
    expect(resolve.stdout).not.toContain('::notice')
  })
})

describe('scenario 2 as `npm run demo` plays it: the image in a loopback registry (the stand-in of fake-registry.ts)', () => {
  it("the comment compares the PR's image with v2's: one layer, python3.13 added", async () => {
    const demo = await startWorld(undefined, { registry: true })
    try {
      const { build, commentBody } = await imageChangingPullRequest(demo)
      expect(build.comment?.exitCode).toBe(0)
      expect(commentBody).toContain(
        `<details><summary>Compared with the stable image <code>${demo.registry!.host}/acme/app/ci:v2</code>: +2.57 MiB (+1%), 1 new layer, 1 added</summary>`,
      )
      expect(commentBody).toContain('| <code>python3.13</code> | deb |  | <code>3.13.1-2</code> |')
    } finally {
      await demo.stop()
    }
  })
})

describe('failure paths', () => {
  it('the build fails: the wait fails within a poll, names the conclusion and links the run; nothing is pulled; the comment says it failed', async () => {
    const { check, build, commentBody } = await imageChangingPullRequest(world, 'failure')
    expect(check.wait.exitCode).toBe(1)
    const run = world.runs.runs[0]!
    expect(check.wait.stdout).toMatch(new RegExp(`::error::.*failure.*${run.html_url.replace(/[/.]/g, '\\$&')}`))
    expect(check.wait.outputs).toMatchObject({ conclusion: 'failure', 'run-url': run.html_url })
    expect(world.docker.calls().filter(([command]) => command === 'pull')).toEqual([])
    expect(build.comment?.exitCode).toBe(0)
    expect(commentBody).toContain('### ❌ Docker CI image build failed')
    expect(commentBody).toContain(`/actions/runs/${run.id}`)
  })

  it('the build never appears: the wait fails at the timeout, naming the commit and the workflow', async () => {
    const { check } = await imageChangingPullRequest(world, 'never', { timeoutSeconds: 3 })
    expect(check.wait.exitCode).toBe(1)
    const sha = check.resolve.outputs['head-sha']!
    expect(check.wait.stdout).toMatch(new RegExp(`::error::.*build-ci-image\\.yml.*${sha.slice(0, 7)}`))
    expect(world.docker.calls().filter(([command]) => command === 'pull')).toEqual([])
  })

  it('a /regen from someone without write access fails and touches nothing', async () => {
    const { resolve, requests } = await untrustedRegen(world)
    expect(resolve.exitCode).toBe(1)
    expect(resolve.stdout).toContain('::error::@mallory (repository permission: read) may not run this: trusted-permission is write.')
    // Only the permission itself was read.
    expect(requests).toEqual(['/repos/acme/app/collaborators/mallory/permission'])
    expect(resolve.outputs).toEqual({})
  })
})
