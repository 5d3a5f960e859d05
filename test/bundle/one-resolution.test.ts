// One resolution per job: wait-for-build and comment-image given resolve-image's `resolution`
// output act on it, resolving nothing again (no git, no workflow read, no inputs hash, no registry
// lookup), with the outputs they give without it; a value that is not this run's is refused. The
// bundled action run as the runner runs it, against real git repositories, the embedded GitHub and
// a real registry behind a counting proxy (test/support/reuse-world.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { registryAvailable } from '../support/registry-service.js'
import {
  buildWorkflow,
  checkJob,
  PullRequestBranch,
  runStep,
  startReuseWorld,
  type ReuseWorld,
  type StepRun,
} from '../support/reuse-world.js'
import { tempDir } from '../support/git.js'

const DOCKERFILE_2 = { 'Dockerfile.ci': 'FROM node:24\nRUN apt-get install -y python3\n' }
const CODE_ONLY = { 'src/app.ts': 'export const x = 1\n' }

/** A registry request for a reuse tag (`pr-<N>-inputs-<16 hex>`): the lookup resolve-image makes. */
const reuseLookups = (step: StepRun) => step.sent.registry.filter((path) => /-inputs-[0-9a-f]{16}/.test(path))

describe.skipIf(!registryAvailable() && process.env.CI !== 'true')('one resolution per job', { timeout: 120_000 }, () => {
  let world: ReuseWorld
  beforeEach(async () => {
    world = await startReuseWorld()
  })
  afterEach(async () => world.stop())

  it('wait-for-build given the resolution takes the reusable image with no lookup, no git and no API call, as it does without', async () => {
    const pr = new PullRequestBranch(world)
    pr.push(DOCKERFILE_2)
    await buildWorkflow(world, { eventName: 'pull_request', pr })
    const second = pr.push(CODE_ONLY)

    const given = await checkJob(world, { eventName: 'pull_request', pr })
    const alone = await checkJob(world, { eventName: 'pull_request', pr }, { resolution: false })
    expect(given.wait.exitCode, given.wait.stdout).toBe(0)
    expect(given.wait.outputs).toMatchObject({ reused: 'true', 'head-sha': second.headSha })
    expect(given.wait.outputs).toEqual(alone.wait.outputs)
    expect(given.wait.sent).toEqual({ github: [], registry: [], git: [] })
    // Without it, the step does it all again: git, and the registry lookup resolve-image made.
    expect(alone.wait.sent.git.length).toBeGreaterThan(0)
    expect(reuseLookups(alone.wait)).toEqual(reuseLookups(alone.resolve))
    expect(reuseLookups(alone.wait).length).toBeGreaterThan(0)
  })

  it('wait-for-build given the resolution awaits the build with no git and no workflow read, as it does without', async () => {
    const pr = new PullRequestBranch(world)
    const push = pr.push(DOCKERFILE_2)
    const reuse = { reuse: 'off' }
    await buildWorkflow(world, { eventName: 'pull_request', pr }, reuse)

    const given = await checkJob(world, { eventName: 'pull_request', pr }, reuse)
    const alone = await checkJob(world, { eventName: 'pull_request', pr }, { ...reuse, resolution: false })
    expect(given.wait.exitCode, given.wait.stdout).toBe(0)
    expect(given.wait.outputs).toMatchObject({ reused: 'false', verified: 'true', 'head-sha': push.headSha })
    expect(given.wait.outputs['run-id']).toBeDefined()
    expect(given.wait.outputs).toEqual(alone.wait.outputs)
    expect(given.wait.sent.git).toEqual([])
    // The build workflow's runs, and the image it pushed for this commit, read by its tag: nothing else.
    expect(given.wait.sent.github.filter((path) => !path.includes('/actions/'))).toEqual([])
    const tagsRead = given.wait.sent.registry.flatMap((path) => /\/manifests\/(?!sha256:)([^/?]+)$/.exec(path)?.[1] ?? [])
    expect(new Set(tagsRead)).toEqual(new Set([`pr-42-sha-${push.headSha.slice(0, 7)}`]))
    expect(alone.wait.sent.git.length).toBeGreaterThan(0)
  })

  it('comment-image given the resolution announces the reused image with no lookup and no git, as it does without', async () => {
    const pr = new PullRequestBranch(world)
    const first = pr.push(DOCKERFILE_2)
    await buildWorkflow(world, { eventName: 'pull_request', pr })
    pr.push(CODE_ONLY)

    const given = await buildWorkflow(world, { eventName: 'pull_request', pr })
    expect(given.did).toBe('copied')
    const announced = world.comments.on(42)[0]!.body
    const alone = await buildWorkflow(world, { eventName: 'pull_request', pr }, { resolution: false })
    expect(given.comment!.exitCode, given.comment!.stdout).toBe(0)
    expect(announced).toContain(`reused the image built for [<code>${first.headSha.slice(0, 7)}</code>]`)
    expect(given.comment!.outputs).toEqual(alone.comment!.outputs)
    expect(given.comment!.sent.registry).toEqual([])
    expect(given.comment!.sent.git).toEqual([])
    // Who the token is and the PR's comments: no file list, no workflow, no tree, no compare.
    expect(given.comment!.sent.github.filter((path) => !/\/graphql$|\/issues\//.test(path))).toEqual([])
    expect(reuseLookups(alone.comment!).length).toBeGreaterThan(0)
    expect(alone.comment!.sent.git.length).toBeGreaterThan(0)
  })

  describe('a resolution that is not this run’s', () => {
    let pr: PullRequestBranch
    let resolution: Record<string, unknown>
    beforeEach(async () => {
      pr = new PullRequestBranch(world)
      pr.push(DOCKERFILE_2)
      const resolve = await runStep(world, { eventName: 'pull_request', pr }, 'check-generate.yml', tempDir('ci-image-no-checkout-'), {
        command: 'resolve-image',
        watch: 'Dockerfile.ci',
      })
      expect(resolve.exitCode, resolve.stdout).toBe(0)
      resolution = JSON.parse(resolve.outputs.resolution!) as Record<string, unknown>
    })

    /** wait-for-build (or `command`) of this PR's run, given `value` as its `resolution`. */
    const stepGiven = (value: string, command = 'wait-for-build') =>
      runStep(world, { eventName: 'pull_request', pr }, 'check-generate.yml', tempDir('ci-image-no-checkout-'), {
        command,
        resolution: value,
        'poll-interval': '1',
        timeout: '5',
        pull: 'false',
      })
    const edited = (change: (value: Record<string, any>) => void) => {
      const value = structuredClone(resolution)
      change(value)
      return JSON.stringify(value)
    }
    const otherSha = 'c0ffee'.padEnd(40, '0')

    it.each([
      ['another PR', (v: Record<string, any>) => (v.target.pr = 43), /for PR #43 at .*, but this step runs for PR #42 at /],
      [
        'another head commit',
        (v: Record<string, any>) => (v.target.headSha = otherSha),
        /for PR #42 at c0ffee0 .*, but this step runs for PR #42 at /,
      ],
      [
        'another repository',
        (v: Record<string, any>) => (v.repository = 'acme/other'),
        /of "acme\/other".*, but this step runs for .* of "acme\/app"/,
      ],
      [
        'another image repository',
        (v: Record<string, any>) => (v.imageRepository = 'ghcr.io/acme/other/ci'),
        /image "ghcr\.io\/acme\/other\/ci", but/,
      ],
      [
        'a push',
        (v: Record<string, any>) => (v.target = { kind: 'push', branch: 'main', sha: otherSha }),
        /for a push to "main" at c0ffee0/,
      ],
    ])('refuses one for %s, saying what it is for, what this run is, and what to pass', async (_, change, says) => {
      const run = await stepGiven(edited(change))
      expect(run.exitCode).toBe(1)
      const error = run.stdout.split('\n').find((line) => line.startsWith('::error::'))!
      expect(error).toMatch(/^::error::Input `resolution` is resolve-image's decision for /)
      expect(error).toMatch(says)
      expect(error).toContain("pass the `resolution` output of this run's own resolve-image step")
      // Refused before anything was asked or read.
      expect(run.sent).toEqual({ github: [], registry: [], git: [] })
    })

    it('comment-image refuses one for another PR too, and writes no comment', async () => {
      const run = await stepGiven(
        edited((v) => (v.target.pr = 43)),
        'comment-image',
      )
      expect(run.exitCode).toBe(1)
      expect(run.stdout).toMatch(/^::error::Input `resolution` is resolve-image's decision for PR #43 /m)
      expect(world.comments.on(42)).toEqual([])
      expect(run.sent).toEqual({ github: [], registry: [], git: [] })
    })

    it.each([
      [
        'text that is not JSON',
        'steps.image.outputs.resolution',
        /Input `resolution` is not JSON \(.*\); got "steps\.image\.outputs\.resolution"/,
      ],
      [
        'a value of another schema version',
        JSON.stringify({ schema: 2 }),
        /Input `resolution` has schema version 2; this version of ci-image reads version 1/,
      ],
      [
        'a value with a field missing',
        JSON.stringify({ schema: 1 }),
        /Input `resolution` is not a value resolve-image wrote: `repository` must be present; got nothing/,
      ],
      ['an empty object', '{}', /`schema` must be present/],
    ])('refuses %s, naming the input', async (_, value, says) => {
      const run = await stepGiven(value)
      expect(run.exitCode).toBe(1)
      expect(run.stdout).toMatch(says)
      expect(run.sent).toEqual({ github: [], registry: [], git: [] })
    })

    it('refuses a value past the size cap without echoing it', async () => {
      const huge = JSON.stringify({ ...resolution, padding: 'A'.repeat(100_000) })
      const run = await stepGiven(huge)
      expect(run.exitCode).toBe(1)
      expect(run.stdout).toMatch(/Input `resolution` holds 1\d{5} characters, more than the 16384 a resolve-image value can have/)
      expect(run.stdout).not.toContain('A'.repeat(100))
      expect(run.stdout.length).toBeLessThan(3_000)
    })
  })
})
