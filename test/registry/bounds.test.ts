// What a registry answers is bounded and checked before use. A real registry cannot serve some of
// what these tests need (distribution refuses a manifest over 4 MiB on push and checks the digests
// an index names), so a loopback server stands in for a hostile or broken one there; the indexes
// that fan out and the platforms that disagree are pushed to a real distribution registry.
import { createHash } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { inspectImage, RegistryError } from '../../src/registry/inspect.js'
import { judgeReusable } from '../../src/resolution/reuse.js'
import { registryReader } from '../../src/resolution/reuse-lookup.js'
import { countingProxy, type CountingProxy } from '../support/counting-proxy.js'
import { registryFailure } from '../support/registry-error.js'
import { tempDir } from '../support/git.js'
import { pushImage } from '../support/registry-push.js'
import { startRegistry, type RegistryService } from '../support/registry-service.js'

const A = 'a1'.repeat(20)
const B = 'b2'.repeat(20)
const REVISION = 'org.opencontainers.image.revision'
const INPUTS = 'ci-image.inputs'
const HASH = 'c3'.repeat(32)
const OTHER_HASH = 'd4'.repeat(32)
const options = () => ({
  docker: 'never' as const,
  sleep: async () => undefined,
  env: { DOCKER_CONFIG: tempDir('ci-image-docker-config-') },
})

/** A loopback "registry" that answers every manifest request with `body`, and records the paths asked. */
async function serving(body: Buffer, contentType: string) {
  const paths: string[] = []
  const server: Server = createServer((req, res) => {
    paths.push(req.url ?? '')
    res.writeHead(200, { 'content-type': contentType })
    res.end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const host = `127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  servers.push(server)
  return { host, paths }
}
const servers: Server[] = []
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((resolve) => s.close(resolve))
})

describe('answers the client does not trust', () => {
  it("refuses a manifest over 4 MiB, distribution's own cap (registry/handlers/manifests.go)", async () => {
    const huge = Buffer.from(JSON.stringify({ schemaVersion: 2, manifests: [], padding: 'x'.repeat(4 * 1024 * 1024) }))
    const { host } = await serving(huge, 'application/vnd.oci.image.index.v1+json')
    const error = await registryFailure(inspectImage(`${host}/acme/app/ci:pr-42`, options()))
    expect(error.fault).toBe('invalid')
    expect(error.message).toContain(`${host} answered more than 4 MiB for ${host}/acme/app/ci:pr-42; ci-image reads no more than that.`)
  })

  it('refuses a descriptor digest that is not sha256: and 64 lower-case hex, before it goes into a URL', async () => {
    const index = {
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: 'sha256:../../../../token?scope=x',
          size: 1,
          platform: { os: 'linux', architecture: 'amd64' },
        },
      ],
    }
    const { host, paths } = await serving(Buffer.from(JSON.stringify(index)), 'application/vnd.oci.image.index.v1+json')
    const error = await registryFailure(inspectImage(`${host}/acme/app/ci:pr-42`, options()))
    expect(error.fault).toBe('invalid')
    expect(error.message).toContain('not sha256: and 64 lower-case hexadecimal characters')
    expect(paths).toEqual(['/v2/acme/app/ci/manifests/pr-42'])
  })

  it('refuses an upper-case digest too', async () => {
    const upper = `sha256:${createHash('sha256').update('x').digest('hex').toUpperCase()}`
    const manifest = { schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: { digest: upper, size: 1 } }
    const { host, paths } = await serving(Buffer.from(JSON.stringify(manifest)), 'application/vnd.oci.image.manifest.v1+json')
    const error = await registryFailure(inspectImage(`${host}/acme/app/ci:pr-42`, options()))
    expect(error.message).toContain(`descriptor digest "${upper}", not sha256: and 64 lower-case hexadecimal characters`)
    expect(paths).toEqual(['/v2/acme/app/ci/manifests/pr-42'])
  })
})

describe('an index fans out to a bounded number of reads (a real registry, behind a counting proxy)', () => {
  let registry: RegistryService
  let proxy: CountingProxy
  beforeAll(async () => {
    registry = await startRegistry()
    proxy = await countingProxy(registry.url)
  })
  afterAll(async () => {
    await proxy.stop()
    await registry.stop()
  })
  const platforms = (count: number) => Array.from({ length: count }, (_, i) => (i === 0 ? 'linux/amd64' : `linux/arch${i}`))
  /** What the client asked after `since`: the paths, and how many were open at once. */
  const inspectCounting = async (tag: string) => {
    const since = proxy.paths.length
    proxy.maxInFlight = 0
    const result = await inspectImage(`${proxy.host}/acme/app/ci:${tag}`, options()).catch((error: unknown) => error)
    return { result, paths: proxy.paths.slice(since), maxInFlight: proxy.maxInFlight }
  }

  it('an index of 65 images is refused before any of them is read (64 at most)', async () => {
    await pushImage({ url: registry.url }, 'acme/app/ci', ['wide'], { labels: { [REVISION]: A }, platforms: platforms(65) })
    const { result, paths } = await inspectCounting('wide')
    expect(result).toBeInstanceOf(RegistryError)
    expect(result).toMatchObject({
      fault: 'invalid',
      message: `${proxy.host}/acme/app/ci:wide is an index of 65 images; ci-image reads at most 64, and a build pushes one per platform.`,
    })
    expect(paths).toEqual(['/v2/acme/app/ci/manifests/wide'])
  })

  it('an index that lists one image 300 times reads it once', async () => {
    await pushImage({ url: registry.url }, 'acme/app/ci', ['repeated'], { labels: { [REVISION]: A }, listEach: 300 })
    const { result, paths } = await inspectCounting('repeated')
    expect(result).toMatchObject({ revision: A, platform: 'linux/amd64' })
    expect(paths).toHaveLength(3)
  })

  it('64 images are read, 3 at a time (as dockerd pulls layers)', async () => {
    await pushImage({ url: registry.url }, 'acme/app/ci', ['widest'], { labels: { [REVISION]: A }, platforms: platforms(64) })
    const { result, paths, maxInFlight } = await inspectCounting('widest')
    expect(result).toMatchObject({ revision: A, platform: 'linux/amd64' })
    expect(paths.filter((p) => p.includes('/manifests/sha256:'))).toHaveLength(64)
    expect(maxInFlight).toBeLessThanOrEqual(3)
  })
})

describe('every platform of an index carries the same revision and inputs labels (a real registry)', () => {
  let registry: RegistryService
  beforeAll(async () => {
    registry = await startRegistry()
  })
  afterAll(() => registry.stop())

  it('two platforms built from one commit: read, linux/amd64 chosen', async () => {
    await pushImage({ url: registry.url }, 'acme/app/ci', ['same'], {
      labels: { [REVISION]: A },
      platforms: ['linux/amd64', 'linux/arm64'],
    })
    expect(await inspectImage(`${registry.host}/acme/app/ci:same`, options())).toMatchObject({
      revision: A,
      platform: 'linux/amd64',
      platforms: ['linux/amd64', 'linux/arm64'],
    })
  })

  it('arm64 from another commit: refused, naming each platform and its revision', async () => {
    await pushImage({ url: registry.url }, 'acme/app/ci', ['mixed'], {
      labels: { [REVISION]: A },
      labelsFor: { 'linux/arm64': { [REVISION]: B } },
      platforms: ['linux/amd64', 'linux/arm64'],
    })
    const error = await registryFailure(inspectImage(`${registry.host}/acme/app/ci:mixed`, options()))
    expect(error.fault).toBe('invalid')
    expect(error.message).toBe(
      `The platforms of ${registry.host}/acme/app/ci:mixed disagree on ${REVISION} (linux/amd64: ${A}; linux/arm64: ${B}): they were not built together from one commit.`,
    )
  })

  it('one platform without the label: refused as well', async () => {
    await pushImage({ url: registry.url }, 'acme/app/ci', ['half'], {
      labels: { [REVISION]: A },
      labelsFor: { 'linux/arm64': undefined },
      platforms: ['linux/amd64', 'linux/arm64'],
    })
    const error = await registryFailure(inspectImage(`${registry.host}/acme/app/ci:half`, options()))
    expect(error.message).toContain(`(linux/amd64: ${A}; linux/arm64: no label)`)
  })

  it('BuildKit’s attestation manifests (unknown/unknown, no labels) are not platforms: neither listed nor checked', async () => {
    await pushImage({ url: registry.url }, 'acme/app/ci', ['attested'], {
      labels: { [REVISION]: A, [INPUTS]: HASH },
      platforms: ['linux/amd64', 'linux/arm64'],
      attestations: true,
    })
    expect(await inspectImage(`${registry.host}/acme/app/ci:attested`, options())).toMatchObject({
      revision: A,
      labels: { [INPUTS]: HASH },
      platforms: ['linux/amd64', 'linux/arm64'],
    })
  })

  it('arm64 built from other inputs: refused, naming each platform and its inputs label', async () => {
    await pushImage({ url: registry.url }, 'acme/app/ci', ['other-inputs'], {
      labels: { [REVISION]: A, [INPUTS]: HASH },
      labelsFor: { 'linux/arm64': { [REVISION]: A, [INPUTS]: OTHER_HASH } },
      platforms: ['linux/amd64', 'linux/arm64'],
      attestations: true,
    })
    const error = await registryFailure(inspectImage(`${registry.host}/acme/app/ci:other-inputs`, options()))
    expect(error.message).toBe(
      `The platforms of ${registry.host}/acme/app/ci:other-inputs disagree on ${INPUTS} (linux/amd64: ${HASH}; linux/arm64: ${OTHER_HASH}): they were not built from the same inputs.`,
    )
  })

  it('reuse takes an index only when every platform carries the hash (resolve’s lookup, registryReader)', async () => {
    await pushImage({ url: registry.url }, 'acme/app/ci', ['pr-42-inputs-same'], {
      labels: { [REVISION]: A, [INPUTS]: HASH },
      platforms: ['linux/amd64', 'linux/arm64'],
    })
    await pushImage({ url: registry.url }, 'acme/app/ci', ['pr-42-inputs-mixed'], {
      labels: { [REVISION]: A, [INPUTS]: HASH },
      labelsFor: { 'linux/arm64': { [REVISION]: A, [INPUTS]: OTHER_HASH } },
      platforms: ['linux/amd64', 'linux/arm64'],
    })
    const read = registryReader(
      '',
      async () => undefined,
      () => undefined,
    )
    const same = `${registry.host}/acme/app/ci:pr-42-inputs-same`
    expect(judgeReusable(same, HASH, (await read(same))!)).toMatchObject({ kind: 'reusable' })
    await expect(read(`${registry.host}/acme/app/ci:pr-42-inputs-mixed`)).rejects.toThrow(
      `disagree on ${INPUTS} (linux/amd64: ${HASH}; linux/arm64: ${OTHER_HASH})`,
    )
  })
})
