// Reading an image through the runner's docker login: `docker buildx imagetools inspect`, answered
// by a `docker` script on PATH that prints what buildx prints, and the fall-back to the registry
// API when docker cannot help.
import { afterEach, describe, expect, it } from 'vitest'
import { inspectImage, RegistryError, type InspectOptions } from '../../src/registry/inspect.js'
import { fakeDocker, type FakeImagetools } from '../support/fake-docker.js'
import { buildxImage, dockerV2Image, FakeRegistry, type FakeImage } from '../support/fake-registry.js'
import { tempDir } from '../support/git.js'

const TOKEN = 'ghs_jobTokenValue0123456789abcdef'
const HEAD = '1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d'
const LABELS = { 'org.opencontainers.image.revision': HEAD, 'org.opencontainers.image.source': 'https://github.com/acme/app' }
const REF = 'ghcr.io/acme/app/ci:pr-42-sha-1a2b3c4'
const REPOSITORY = 'ghcr.io/acme/app/ci'

const originalPath = process.env.PATH
let registry: FakeRegistry | undefined
afterEach(async () => {
  process.env.PATH = originalPath
  await registry?.stop()
  registry = undefined
})

/** A docker CLI on PATH that knows these images, and options whose fetch must not be used unless said. */
function withDocker(imagetools: FakeImagetools, extra: Partial<InspectOptions> = {}) {
  const docker = fakeDocker({ imagetools })
  process.env.PATH = `${docker.dir}:${originalPath}`
  const sleeps: number[] = []
  const lines: string[] = []
  const o: InspectOptions = {
    sleep: async (ms) => void sleeps.push(ms),
    log: (line) => lines.push(line),
    fetch: () => Promise.reject(new Error('the registry API must not be asked')),
    ...extra,
  }
  return { docker, o, sleeps, lines }
}

/** The reads docker made of the registry (`docker buildx imagetools …`). */
const imagetoolsCalls = (docker: { calls(): string[][] }) => docker.calls().filter((call) => call[1] === 'imagetools')

function platformManifest(image: FakeImage, platformIndex = 0): string {
  return [...image.configs.keys()][platformIndex]!
}

describe('reading an image with docker buildx imagetools', () => {
  it('takes the digest from the exact bytes --raw prints and the labels from the amd64 image’s config', async () => {
    const image = buildxImage({ labels: LABELS })
    const { docker, o, sleeps } = withDocker({ images: { [REF]: image } })

    const inspected = await inspectImage(REF, o)

    expect(inspected).toEqual({
      reference: REF,
      digest: image.root.digest,
      pinned: `${REF}@${image.root.digest}`,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      platforms: ['linux/amd64', 'linux/arm64'],
      platform: 'linux/amd64',
      labels: LABELS,
      revision: HEAD,
      source: 'https://github.com/acme/app',
      via: 'docker',
    })
    // Argument lists, never a shell: the tag read once, each platform's config read pinned to its
    // manifest's digest, and nothing else read.
    const reads = imagetoolsCalls(docker)
    expect(reads).toEqual(
      expect.arrayContaining([
        ['buildx', 'imagetools', 'inspect', '--raw', REF],
        ...[0, 1].map((i) => [
          'buildx',
          'imagetools',
          'inspect',
          '--format',
          '{{json .Image}}',
          `${REPOSITORY}@${platformManifest(image, i)}`,
        ]),
      ]),
    )
    expect(reads).toHaveLength(3)
    expect(sleeps).toEqual([])
  })

  it('reads a single-platform Docker v2 image by its own digest', async () => {
    const image = dockerV2Image({ labels: LABELS })
    const { docker, o } = withDocker({ images: { [REF]: image } })
    expect(await inspectImage(REF, o)).toMatchObject({
      digest: image.root.digest,
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      platforms: ['linux/amd64'],
      revision: HEAD,
      via: 'docker',
    })
    expect(docker.calls()).toContainEqual([
      'buildx',
      'imagetools',
      'inspect',
      '--format',
      '{{json .Image}}',
      `${REPOSITORY}@${image.root.digest}`,
    ])
  })

  it('tries again while the registry lags the push', async () => {
    const { docker, o, sleeps, lines } = withDocker({ images: { [REF]: buildxImage({ labels: LABELS }) }, missingFirst: 2 })
    expect(await inspectImage(REF, o)).toMatchObject({ revision: HEAD })
    expect(sleeps).toEqual([5_000, 10_000])
    expect(docker.calls().filter((call) => call.includes('--raw'))).toHaveLength(3)
    // Each retry is said, with docker's answer and the wait before the next try.
    expect(lines).toHaveLength(2)
    expect(lines[0]).toContain(`ERROR: ${REF}: not found`)
    expect(lines[0]).toMatch(/\b5s\b/)
  })

  it('fails with the GHCR causes when docker’s login is refused and there is no token to try', async () => {
    const refused = `failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://ghcr.io/token?scope=repository%3Aacme%2Fapp%2Fci%3Apull&service=ghcr.io: 403 Forbidden`
    const { o, sleeps } = withDocker({ images: {}, error: refused })
    const error = (await inspectImage(REF, o).catch((e: unknown) => e)) as RegistryError
    expect(error).toBeInstanceOf(RegistryError)
    expect(error.fault).toBe('denied')
    expect(error.message.split('\n')[0]).toBe(`docker buildx imagetools inspect --raw ${REF} failed: ERROR: ${refused}`)
    expect(error.message).toContain('On ghcr.io the usual causes are:')
    expect(error.message).toContain('"Manage Actions access"')
    expect(sleeps).toEqual([])
  })
})

describe('when docker cannot help, the registry API with the GitHub token', () => {
  async function fakeGhcr(image: FakeImage) {
    registry = await FakeRegistry.start({ passwords: { [TOKEN]: 'read' } })
    registry.push('acme/app/ci', 'pr-42', image)
    return { registry, ref: `${registry.host}/acme/app/ci:pr-42` }
  }

  it('takes over when docker’s login is refused', async () => {
    const image = buildxImage({ labels: LABELS })
    const { registry: r, ref } = await fakeGhcr(image)
    const { docker, o, lines } = withDocker(
      { images: {}, error: 'unexpected status from GET request to https://ghcr.io/token: 401 Unauthorized' },
      { token: TOKEN, tokenHosts: [r.host], fetch },
    )
    expect(await inspectImage(ref, o)).toMatchObject({ digest: image.root.digest, revision: HEAD, via: 'http' })
    // A refused login is not asked again; one line says so, with docker's answer, and what is done instead.
    expect(imagetoolsCalls(docker)).toHaveLength(1)
    expect(lines).toEqual([expect.stringMatching(/login was refused .*401 Unauthorized.*HTTP API with the GitHub token/)])
    expect(lines.join('')).not.toContain(TOKEN)
  })

  it('is used at once when docker has no buildx plugin', async () => {
    const { ref } = await fakeGhcr(dockerV2Image({ labels: LABELS }))
    const { docker, o, lines } = withDocker({ images: {}, buildx: false }, { token: TOKEN, tokenHosts: [registry!.host], fetch })
    expect(await inspectImage(ref, o)).toMatchObject({ revision: HEAD, via: 'http' })
    expect(imagetoolsCalls(docker)).toEqual([])
    expect(lines).toEqual([expect.stringMatching(/buildx is not available.*HTTP API/)])
  })

  it('is used at once when there is no docker at all', async () => {
    const { ref } = await fakeGhcr(dockerV2Image({ labels: LABELS }))
    process.env.PATH = tempDir('ci-image-empty-')
    const o: InspectOptions = { token: TOKEN, tokenHosts: [registry!.host], sleep: async () => undefined }
    expect(await inspectImage(ref, o)).toMatchObject({ revision: HEAD, via: 'http' })
  })

  it('is the only way with docker: never, even with docker on PATH', async () => {
    const { ref } = await fakeGhcr(dockerV2Image({ labels: LABELS }))
    const { docker, o } = withDocker({ images: {} }, { token: TOKEN, tokenHosts: [registry!.host], fetch, docker: 'never' })
    expect(await inspectImage(ref, o)).toMatchObject({ via: 'http' })
    expect(docker.calls()).toEqual([])
  })
})
