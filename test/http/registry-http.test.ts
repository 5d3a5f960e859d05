// Reading an image from its registry over the HTTP API, in process, against the fake registry on
// loopback. References name ghcr.io, as users' do: a fetch that sends https://ghcr.io to the fake
// lets the token policy (ghcr.io only, its own realm only) run as it runs for real.
import { afterEach, describe, expect, it } from 'vitest'
import { inspectImage, type InspectOptions } from '../../src/registry/inspect.js'
import { registryFailure } from '../support/registry-error.js'
import { buildxImage, dockerV2Image, FakeRegistry, type FakeRegistryOptions } from '../support/fake-registry.js'
import { tempDir } from '../support/git.js'

const TOKEN = 'ghs_jobTokenValue0123456789abcdef'
const HEAD = '1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d'
const LABELS = { 'org.opencontainers.image.revision': HEAD, 'org.opencontainers.image.source': 'https://github.com/acme/app' }
const REF = 'ghcr.io/acme/app/ci:pr-42-sha-1a2b3c4'
const PATH = 'acme/app/ci'

let registry: FakeRegistry | undefined
afterEach(async () => {
  await registry?.stop()
  registry = undefined
})

async function ghcr(o: FakeRegistryOptions = {}): Promise<FakeRegistry> {
  registry = await FakeRegistry.start({ passwords: { [TOKEN]: 'read' }, realm: () => 'https://ghcr.io/token', ...o })
  return registry
}

/** Options as wait-for-build passes them, over HTTP only; the sleeps and log lines recorded. */
function options(r: FakeRegistry, extra: Partial<InspectOptions> = {}) {
  const sleeps: number[] = []
  const lines: string[] = []
  const toFake: typeof fetch = (input, init) =>
    fetch(String(input instanceof Request ? input.url : input).replace('https://ghcr.io', r.url), init)
  const o: InspectOptions = {
    token: TOKEN,
    docker: 'never',
    sleep: async (ms) => void sleeps.push(ms),
    log: (line) => lines.push(line),
    fetch: toFake,
    // No docker login: an empty DOCKER_CONFIG, whatever the machine running the tests stored.
    env: { DOCKER_CONFIG: tempDir('ci-image-docker-config-') },
    ...extra,
  }
  return { o, sleeps, lines }
}

describe('reading an image over the registry API', () => {
  it('reads a buildx multi-platform push: the index digest, the amd64 config’s labels, never the attestations', async () => {
    const r = await ghcr()
    const image = buildxImage({ labels: LABELS })
    r.push(PATH, 'pr-42-sha-1a2b3c4', image)
    const { o, sleeps } = options(r)

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
      via: 'http',
    })
    // Every platform's manifest and config (each one's revision label is checked), never an attestation's.
    const platformReads = [...image.configs].flatMap(([manifest, config]) => [
      `200 /v2/${PATH}/manifests/${manifest}`,
      `200 /v2/${PATH}/blobs/${config.digest}`,
    ])
    const seen = r.requests.map((q) => `${q.status} ${q.path}`)
    expect(seen.slice(0, 3)).toEqual([
      `401 /v2/${PATH}/manifests/pr-42-sha-1a2b3c4`,
      '200 /token',
      `200 /v2/${PATH}/manifests/pr-42-sha-1a2b3c4`,
    ])
    expect(seen.slice(3).sort()).toEqual(platformReads.sort())
    // The challenge's service and scope, and the token as the Basic password, to ghcr.io's own realm only.
    const tokenRequest = r.requests[1]!
    expect(Object.fromEntries(tokenRequest.query)).toEqual({ service: r.host, scope: `repository:${PATH}:pull` })
    expect(tokenRequest).toMatchObject({ auth: 'Basic', password: TOKEN })
    expect(r.requests.filter((q) => q.path !== '/token').every((q) => q.password === undefined)).toBe(true)
    expect(r.requests.slice(2).every((q) => q.auth === 'Bearer')).toBe(true)
    // Every manifest type this client reads, and no other.
    expect(r.requests[2]!.accept).toBe(
      'application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json, ' +
        'application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.docker.distribution.manifest.v2+json',
    )
    expect(sleeps).toEqual([])
  })

  it('reads linux/amd64’s config even when the index lists another platform first', async () => {
    const r = await ghcr()
    const image = buildxImage({
      platforms: ['linux/arm64', 'linux/amd64'],
      labelsFor: { 'linux/arm64': { built: 'arm64' }, 'linux/amd64': { built: 'amd64' } },
    })
    r.push(PATH, 'pr-42-sha-1a2b3c4', image)
    expect(await inspectImage(REF, options(r).o)).toMatchObject({ platform: 'linux/amd64', labels: { built: 'amd64' } })
  })

  it('reads a single-platform Docker v2 manifest: its own digest and config', async () => {
    const r = await ghcr()
    const image = dockerV2Image({ labels: LABELS, platform: 'linux/arm64' })
    r.push(PATH, 'pr-42-sha-1a2b3c4', image)
    const inspected = await inspectImage(REF, options(r).o)
    expect(inspected).toMatchObject({
      digest: image.root.digest,
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      platforms: ['linux/arm64'],
      platform: 'linux/arm64',
      revision: HEAD,
    })
    // One manifest request after the challenge: the tag's document is the image manifest itself.
    expect(r.requests.filter((q) => q.path.includes('/manifests/') && q.status === 200)).toHaveLength(1)
  })

  it.each([
    ['no Labels at all', undefined],
    ['"Labels": null', null],
  ])('reads an image without labels (%s): no revision to check', async (_, labels) => {
    const r = await ghcr()
    r.push(PATH, 'pr-42-sha-1a2b3c4', buildxImage({ labels }))
    expect(await inspectImage(REF, options(r).o)).toMatchObject({ labels: {}, revision: undefined, source: undefined })
  })

  it('reads by digest, checking the bytes against it, and keeps a pinned reference as it is', async () => {
    const r = await ghcr()
    const image = buildxImage({ labels: LABELS })
    r.push(PATH, 'pr-42', image)
    const pinned = `ghcr.io/acme/app/ci:pr-42@${image.root.digest}`
    expect(await inspectImage(pinned, options(r).o)).toMatchObject({ digest: image.root.digest, pinned, revision: HEAD })
    expect(r.requests.some((q) => q.path === `/v2/${PATH}/manifests/${image.root.digest}` && q.status === 200)).toBe(true)
  })
})

describe('a registry that lags the push', () => {
  it('asks again, backing off, until the tag appears', async () => {
    const r = await ghcr()
    r.push(PATH, 'pr-42-sha-1a2b3c4', buildxImage({ labels: LABELS }), { appearsAfter: 2 })
    const { o, sleeps, lines } = options(r)
    expect(await inspectImage(REF, o)).toMatchObject({ revision: HEAD })
    expect(sleeps).toEqual([5_000, 10_000])
    // Each retry is said, with the registry's answer and the wait before the next try.
    expect(lines).toHaveLength(2)
    expect(lines[0]).toContain(`${REF} is not in ghcr.io (404 MANIFEST_UNKNOWN: manifest unknown)`)
    expect(lines[0]).toMatch(/\b5s\b/)
    // The bearer token is asked for once and reused.
    expect(r.requests.filter((q) => q.path === '/token')).toHaveLength(1)
  })

  it('gives up after a few tries, saying the tag was not pushed', async () => {
    const r = await ghcr()
    r.push(PATH, 'pr-42', buildxImage({ labels: LABELS }))
    const { o, sleeps } = options(r, { attempts: 3 })
    const error = await registryFailure(inspectImage(REF, o))
    expect(error.fault).toBe('missing')
    expect(error.message).toBe(
      `${REF} is not in ghcr.io (404 MANIFEST_UNKNOWN: manifest unknown). (3 tries over 15s)\n` +
        "Nothing pushed this tag: the build must push pr-<N>-sha-<7> as well as pr-<N>. Pass resolve-image's `tags` output to " +
        "docker/build-push-action's `tags` input with `push: true` (https://docs.github.com/en/actions/tutorials/publish-packages/publish-docker-images).",
    )
    expect(sleeps).toEqual([5_000, 10_000])
  })

  it('says NAME_UNKNOWN when the repository itself is not there', async () => {
    const r = await ghcr()
    const error = await registryFailure(inspectImage(REF, options(r, { attempts: 1 }).o))
    expect(error.fault).toBe('missing')
    expect(error.message).toContain('(404 NAME_UNKNOWN: repository name not known to registry)')
  })
})

describe('a refused token', () => {
  const causes = [
    '`packages: read`',
    '"Manage Actions access"',
    'org.opencontainers.image.source=',
    'https://docs.github.com/en/packages/learn-github-packages/configuring-a-packages-access-control-and-visibility#ensuring-workflow-access-to-your-package',
    'https://docs.github.com/en/packages/learn-github-packages/connecting-a-repository-to-a-package',
  ]

  it('fails at once with the GHCR causes when the token service denies the token', async () => {
    const r = await ghcr({ passwords: {} })
    r.push(PATH, 'pr-42-sha-1a2b3c4', buildxImage({ labels: LABELS }))
    const { o, sleeps, lines } = options(r)
    const error = await registryFailure(inspectImage(REF, o))
    expect(error.fault).toBe('denied')
    expect(error.message.split('\n')[0]).toBe(
      `ghcr.io refused the GitHub token (github-token): it does not serve a token for ${PATH} (403 DENIED: denied).`,
    )
    for (const cause of causes) expect(error.message).toContain(cause)
    expect(sleeps).toEqual([])
    expect(`${error.message}${lines.join('')}`).not.toContain(TOKEN)
  })

  it('fails when the token reaches no package: the package grants the repository nothing', async () => {
    const r = await ghcr({ passwords: { [TOKEN]: 'none' } })
    r.push(PATH, 'pr-42-sha-1a2b3c4', buildxImage({ labels: LABELS }))
    const error = await registryFailure(inspectImage(REF, options(r).o))
    expect(error.fault).toBe('denied')
    expect(error.message).toContain(
      `ghcr.io refused the GitHub token (github-token): it does not serve ${REF} (403 DENIED: installation not allowed to Read organization package).`,
    )
    for (const cause of causes) expect(error.message).toContain(cause)
  })

  it('without a token, a private package is refused by the token service', async () => {
    const r = await ghcr()
    r.push(PATH, 'pr-42-sha-1a2b3c4', buildxImage({ labels: LABELS }))
    const error = await registryFailure(inspectImage(REF, options(r, { token: undefined }).o))
    expect(error.message).toContain(
      `There are no credentials for ghcr.io (docker stored none, and the GitHub token is only for ghcr.io): it does not serve a token for ${PATH} (401 UNAUTHORIZED: authentication required).`,
    )
    expect(r.requests.every((q) => q.auth === undefined)).toBe(true)
  })
})

describe('the GitHub token goes to ghcr.io alone', () => {
  it('reads a public image anonymously when there is no token', async () => {
    const r = await ghcr({ public: [PATH] })
    r.push(PATH, 'pr-42-sha-1a2b3c4', buildxImage({ labels: LABELS }))
    expect(await inspectImage(REF, options(r, { token: undefined }).o)).toMatchObject({ revision: HEAD })
    expect(r.requests.some((q) => q.auth === 'Basic')).toBe(false)
  })

  it('asks a realm on another host anonymously', async () => {
    // The registry's own http://127.0.0.1:<port>/token: not ghcr.io, so not trusted with the token.
    const r = await ghcr({ realm: (own) => own, public: [PATH] })
    r.push(PATH, 'pr-42-sha-1a2b3c4', buildxImage({ labels: LABELS }))
    expect(await inspectImage(REF, options(r).o)).toMatchObject({ revision: HEAD })
    expect(r.requests.find((q) => q.path === '/token')).toMatchObject({ auth: undefined, password: undefined })
  })

  it('never sends it to a registry it was not given for', async () => {
    const r = await ghcr({ realm: (own) => own })
    r.push(PATH, 'pr-42', buildxImage({ labels: LABELS }))
    const error = await registryFailure(inspectImage(`${r.host}/${PATH}:pr-42`, options(r).o))
    expect(error.fault).toBe('denied')
    expect(error.message).toContain(`Log in to ${r.host} before this step`)
    expect(r.requests.every((q) => q.password === undefined)).toBe(true)
  })

  it('sends it to another registry only when told to (a GHES container registry)', async () => {
    const r = await ghcr({ realm: (own) => own })
    r.push(PATH, 'pr-42', buildxImage({ labels: LABELS }))
    expect(await inspectImage(`${r.host}/${PATH}:pr-42`, options(r, { tokenHosts: [r.host] }).o)).toMatchObject({ revision: HEAD })
    expect(r.requests.find((q) => q.path === '/token')).toMatchObject({ password: TOKEN })
  })

  it('does not follow a blob redirect to the CDN with the registry token', async () => {
    const r = await ghcr({ cdn: true })
    r.push(PATH, 'pr-42-sha-1a2b3c4', buildxImage({ labels: LABELS }))
    expect(await inspectImage(REF, options(r).o)).toMatchObject({ revision: HEAD })
    expect(r.requests.find((q) => q.path.includes('/blobs/'))).toMatchObject({ status: 307, auth: 'Bearer' })
    expect(r.cdnRequests).toHaveLength(2)
    expect(r.cdnRequests.every((q) => q.auth === undefined)).toBe(true)
  })
})

describe('what the registry serves is checked', () => {
  it('refuses a manifest whose bytes do not match its Docker-Content-Digest, without retrying', async () => {
    const r = await ghcr()
    const image = buildxImage({ labels: LABELS })
    r.push(PATH, 'pr-42-sha-1a2b3c4', image, { wrongDigestHeader: true })
    const { o, sleeps } = options(r)
    const error = await registryFailure(inspectImage(REF, o))
    expect(error.fault).toBe('invalid')
    expect(error.message).toBe(`ghcr.io served ${REF} with digest ${image.root.digest}, not sha256:${'0'.repeat(64)}.`)
    expect(sleeps).toEqual([])
  })

  it('works with a registry that asks for no token', async () => {
    const r = await ghcr({ auth: 'none' })
    r.push(PATH, 'v2', dockerV2Image({ labels: LABELS }))
    expect(await inspectImage(`${r.host}/${PATH}:v2`, options(r).o)).toMatchObject({ revision: HEAD, via: 'http' })
    expect(r.requests.some((q) => q.path === '/token' || q.auth !== undefined)).toBe(false)
  })

  it('tries again when the registry cannot be reached, then says so', async () => {
    const r = await ghcr()
    const url = r.url
    await r.stop()
    registry = undefined
    const { o, sleeps } = options({ url } as FakeRegistry, { attempts: 2, firstDelayMs: 1_000 })
    const error = await registryFailure(inspectImage(REF, o))
    expect(error.fault).toBe('unavailable')
    expect(error.message).toMatch(/^Cannot reach ghcr\.io: .*ECONNREFUSED.*\. \(2 tries over 1s\)$/)
    expect(sleeps).toEqual([1_000])
  })

  it('refuses a reference without a tag or digest, naming it', async () => {
    await expect(inspectImage('ghcr.io/acme/app/ci', { sleep: async () => undefined, docker: 'never' })).rejects.toThrow(
      '"ghcr.io/acme/app/ci" names no tag or digest',
    )
  })
})
