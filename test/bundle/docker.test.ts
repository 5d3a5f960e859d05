// The docker pull after a successful build, against a `docker` script the test puts on PATH:
// it records its arguments and answers as docker does.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parsePullDigest, pullImage } from '../../src/runner/docker.js'
import { runAction } from '../support/action.js'
import { pullRequestEvent } from '../support/events.js'
import { DIGEST, fakeDocker } from '../support/fake-docker.js'
import { FakeRuns } from '../support/fake-runs.js'
import { tempDir } from '../support/git.js'
import { useEmbeddedGitHub } from '../support/embedded-github.js'

const IMAGE = 'ghcr.io/acme/app/ci:pr-42'
describe('docker pull', () => {
  const originalPath = process.env.PATH
  const sleeps: number[] = []
  const sleep = async (ms: number) => {
    sleeps.push(ms)
  }
  const onPath = (dir: string) => (process.env.PATH = `${dir}:${originalPath}`)
  beforeEach(() => {
    sleeps.length = 0
  })
  afterEach(() => {
    process.env.PATH = originalPath
  })

  it('pulls the image by an argument list and reads the digest docker prints', async () => {
    const docker = fakeDocker()
    onPath(docker.dir)
    expect(await pullImage(IMAGE, { sleep })).toEqual({ digest: DIGEST, attempts: 1 })
    expect(docker.calls()).toEqual([['pull', IMAGE]])
  })

  it('tries again while the registry lags the build, backing off', async () => {
    const docker = fakeDocker({ failures: 2 })
    onPath(docker.dir)
    const lines: string[] = []
    expect(await pullImage(IMAGE, { sleep, log: (line) => lines.push(line) })).toEqual({ digest: DIGEST, attempts: 3 })
    expect(sleeps).toEqual([5_000, 10_000])
    expect(docker.calls()).toHaveLength(3)
    expect(lines[0]).toBe('docker pull failed (exit code 1); the registry may lag the build, trying again in 5s.')
  })

  it('gives up after a few tries with docker’s own message', async () => {
    onPath(fakeDocker({ failures: 10 }).dir)
    await expect(pullImage(IMAGE, { sleep, attempts: 3 })).rejects.toThrow(
      `docker pull ${IMAGE} failed 3 times (exit code 1): Error response from daemon: manifest unknown`,
    )
    expect(sleeps).toHaveLength(2)
  })

  it('does not retry a refused login, and says how to log in', async () => {
    const docker = fakeDocker({ failures: 10, error: 'Head "https://ghcr.io/v2/acme/app/ci/manifests/pr-42": unauthorized' })
    onPath(docker.dir)
    const refusal = pullImage(IMAGE, { sleep })
    await expect(refusal).rejects.toThrow(
      /was refused by the registry: .*unauthorized\nLog in to the registry before this step \(docker\/login-action\)/,
    )
    // On ghcr.io, the causes a login alone does not fix.
    await expect(refusal).rejects.toThrow(
      /On ghcr\.io the usual causes are:\n- .*`packages: read`.*\n- .*"Manage Actions access".*\n- .*org\.opencontainers\.image\.source/,
    )
    expect(docker.calls()).toHaveLength(1)
  })

  it('asks docker for the digest when the pull did not print it', async () => {
    const docker = fakeDocker({ digestLine: false })
    onPath(docker.dir)
    expect((await pullImage(IMAGE, { sleep })).digest).toBe(DIGEST)
    expect(docker.calls()[1]).toEqual(['image', 'inspect', '--format', '{{json .RepoDigests}}', IMAGE])
  })

  it('says clearly when docker is not installed', async () => {
    process.env.PATH = tempDir('ci-image-empty-')
    await expect(pullImage(IMAGE, { sleep })).rejects.toThrow(
      'Cannot run docker to pull the image (Unable to locate executable file: docker). Use a runner with Docker installed, or set `pull: false` to skip the pull.',
    )
  })

  it.each([
    [`Digest: ${DIGEST}\n`, DIGEST],
    [`pr-42: Pulling from x\nDigest: ${DIGEST}\nStatus: Image is up to date\n`, DIGEST],
    ['Status: Image is up to date\n', undefined],
    ['Digest: sha256:short\n', undefined],
  ])('parses the digest of %j', (output, digest) => {
    expect(parsePullDigest(output)).toBe(digest)
  })
})

describe('wait-for-build pulls the image, bundled', () => {
  const HEAD = '4'.repeat(40)
  const github = useEmbeddedGitHub((github) => {
    const runs = new FakeRuns(github)
    runs.addWorkflow('build-ci-image.yml')
    runs.startRun({ headSha: HEAD, status: 'completed', conclusion: 'success' })
    github.pullFiles.set(42, [{ filename: 'Dockerfile.ci' }])
  })

  const run = (path: string) =>
    runAction({
      inputs: { command: 'wait-for-build', 'github-token': 'ghs_x', 'poll-interval': '1', timeout: '30' },
      eventName: 'pull_request',
      event: pullRequestEvent({ number: 42, headSha: HEAD }),
      apiUrl: github().url,
      // Only the fake docker (or nothing): never the machine's own.
      env: { PATH: path },
    })

  it('pulls after success and outputs the digest', async () => {
    const docker = fakeDocker()
    const result = await run(docker.dir)
    expect(result.exitCode, result.stdout).toBe(0)
    expect(docker.calls()).toEqual([['pull', IMAGE]])
    expect(result.outputs).toMatchObject({ image: IMAGE, conclusion: 'success', digest: DIGEST })
    expect(result.stdout).toContain(`::group::Pulling ${IMAGE}`)
    expect(result.stdout).toContain(`Pulled ${IMAGE}@${DIGEST}`)
    expect(result.summary).toContain(DIGEST)
  })

  it('fails clearly without docker, after reporting the build', async () => {
    const result = await run(tempDir('ci-image-empty-'))
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain('::error::Cannot run docker to pull the image (Unable to locate executable file: docker).')
    expect(result.outputs).toMatchObject({ conclusion: 'success' })
    expect(result.outputs.digest).toBeUndefined()
    expect(result.summary).toContain('Cannot run docker')
  })
})
