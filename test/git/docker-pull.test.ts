// The docker pull after a successful build, in process, against a `docker` script the test puts
// on PATH: it records its arguments and answers as docker does. (The pull as wait-for-build makes
// it, by digest after the registry read, is in test/bundle/verified-image.test.ts.)
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { pullImage } from '../../src/docker/pull.js'
import { fakeDocker } from '../support/fake-docker.js'
import { tempDir } from '../support/git.js'

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

  it('pulls the image by an argument list', async () => {
    const docker = fakeDocker()
    onPath(docker.dir)
    expect(await pullImage(IMAGE, { sleep })).toEqual({ attempts: 1 })
    expect(docker.calls()).toEqual([['pull', IMAGE]])
  })

  it('tries again while the registry lags the build, backing off', async () => {
    const docker = fakeDocker({ failures: 2 })
    onPath(docker.dir)
    const lines: string[] = []
    expect(await pullImage(IMAGE, { sleep, log: (line) => lines.push(line) })).toEqual({ attempts: 3 })
    expect(sleeps).toEqual([5_000, 10_000])
    expect(docker.calls()).toHaveLength(3)
    // Each retry is said, with docker's exit code and the wait before the next try.
    expect(lines).toHaveLength(2)
    expect(lines[0]).toContain('exit code 1')
    expect(lines[0]).toMatch(/\b5s\b/)
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

  it('says clearly when docker is not installed', async () => {
    process.env.PATH = tempDir('ci-image-empty-')
    await expect(pullImage(IMAGE, { sleep })).rejects.toThrow(
      'Cannot run docker to pull the image (Unable to locate executable file: docker). Use a runner with Docker installed, or set `pull: false` to skip the pull.',
    )
  })
})
