// wait-for-build hands over the exact image of the awaited commit: read from the registry (pulled
// or not), pinned by digest, its revision label checked. As the runner runs the bundle, against the
// embedded GitHub and stand-ins for what the real parts of test/docker/image-path.test.ts cannot
// show: a build that pushed an image of another commit under pr-42 alone, a registry with a token
// service (as GHCR has), and `docker buildx imagetools` (a recorded `docker`). The pinned digest,
// the race, the missing label and the pull are tested there, on a real daemon and registry.
import { afterEach, describe, expect, it } from 'vitest'
import { runAction } from '../support/action.js'
import { useEmbeddedGitHub } from '../support/embedded-github.js'
import { pullRequestEvent } from '../support/events.js'
import { fakeDocker } from '../support/fake-docker.js'
import { buildxImage, dockerV2Image, FakeRegistry } from '../support/fake-registry.js'
import { FakeRuns } from '../support/fake-runs.js'
import { tempDir } from '../support/git.js'

const A = 'a1'.repeat(20)
const B = 'b2'.repeat(20)
const REVISION = 'org.opencontainers.image.revision'
const labelled = (sha: string) => ({ [REVISION]: sha, 'org.opencontainers.image.source': 'https://github.com/acme/app' })

const github = useEmbeddedGitHub((github) => {
  github.files.set('.github/workflows/build-ci-image.yml', "on:\n  pull_request:\n    paths: ['Dockerfile.ci']\n")
  github.pullFiles.set(42, [{ filename: 'Dockerfile.ci' }])
  const runs = new FakeRuns(github)
  runs.addWorkflow('build-ci-image.yml')
  // The build of commit A ended well; the wait for A's checks finds it.
  runs.startRun({ headSha: A, pullRequests: [42], status: 'completed', conclusion: 'success' })
})
let registry: FakeRegistry | undefined
afterEach(async () => {
  await registry?.stop()
  registry = undefined
})

/** wait-for-build for commit A of PR #42; PATH has no docker unless given: the registry's HTTP API is read. */
function waitForA(o: { image?: string; pull?: boolean; path?: string } = {}) {
  return runAction({
    inputs: {
      command: 'wait-for-build',
      'github-token': 'ghs_verifyTest',
      'poll-interval': '1',
      timeout: '30',
      pull: String(o.pull ?? false),
      ...(o.image ? { image: o.image } : {}),
    },
    eventName: 'pull_request',
    event: pullRequestEvent({ number: 42, headSha: A }),
    apiUrl: github().url,
    workspace: tempDir(),
    env: { PATH: o.path ?? tempDir('ci-image-no-docker-') },
  })
}

async function loopbackRegistry() {
  registry = await FakeRegistry.start({ auth: 'none' })
  return { registry, image: `${registry.host}/acme/app/ci` }
}

describe('the verified image of the awaited commit', () => {
  it("a build that pushes no per-commit tag: pr-42 is read, and B's image there is a failure naming both commits", async () => {
    const { registry, image } = await loopbackRegistry()
    registry.push('acme/app/ci', 'pr-42', dockerV2Image({ labels: labelled(B) }))
    const run = await waitForA({ image })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(`The build pushed no ${image}:pr-42-sha-a1a1a1a: reading ${image}:pr-42`)
    expect(run.stdout).toContain(`::error::${image}:pr-42 was built from commit ${B}, not from ${A}, the commit whose build was awaited`)
    expect(run.outputs['pinned-image']).toBeUndefined()
  })

  it("through the runner's docker login (buildx) when docker is there, and pulls exactly the pinned image", async () => {
    const built = buildxImage({ labels: labelled(A) })
    const docker = fakeDocker({ imagetools: { images: { 'ghcr.io/acme/app/ci:pr-42-sha-a1a1a1a': built } } })
    const run = await waitForA({ pull: true, path: docker.dir })
    expect(run.exitCode, run.stdout).toBe(0)
    const pinned = `ghcr.io/acme/app/ci:pr-42@${built.root.digest}`
    expect(run.outputs['pinned-image']).toBe(pinned)
    expect(docker.calls()).toContainEqual(['buildx', 'imagetools', 'inspect', '--raw', 'ghcr.io/acme/app/ci:pr-42-sha-a1a1a1a'])
    expect(docker.calls().filter(([command]) => command === 'pull')).toEqual([['pull', pinned]])
  })

  it("a refused read fails at once, naming the registry's answer and what to do", async () => {
    // A private package on a registry the token is not for: asked anonymously, refused.
    registry = await FakeRegistry.start({ auth: 'token' })
    registry.push('acme/app/ci', 'pr-42-sha-a1a1a1a', buildxImage({ labels: labelled(A) }))
    const run = await waitForA({ image: `${registry.host}/acme/app/ci` })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/::error::.*(401|UNAUTHORIZED|denied)/i)
    expect(run.stdout).toContain('docker/login-action')
    expect(run.stdout.replace('::add-mask::ghs_verifyTest', '')).not.toContain('ghs_verifyTest')
  })
})
