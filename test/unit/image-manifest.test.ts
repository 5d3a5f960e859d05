// Reading what a registry answers, without a registry: the documents a tag resolves to, the
// platform whose config is read, the labels in that config.
import { describe, expect, it } from 'vitest'
import {
  annotatedLabels,
  choosePlatformManifest,
  describeImage,
  digestOf,
  indexPlatforms,
  isAttestation,
  parseImageConfig,
  parseManifest,
  type ManifestDocument,
} from '../../src/registry/image-manifest.js'
import { buildxImage, dockerV2Image } from '../support/fake-registry.js'

const D = (c: string) => `sha256:${c.repeat(64)}`
type Index = Extract<ManifestDocument, { kind: 'index' }>
const index = (manifests: unknown[]): Index =>
  parseManifest(JSON.stringify({ schemaVersion: 2, manifests }), 'application/vnd.oci.image.index.v1+json') as Index
const amd64 = { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: D('a'), platform: { os: 'linux', architecture: 'amd64' } }
const arm64 = { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: D('b'), platform: { os: 'linux', architecture: 'arm64' } }
const armv7 = { digest: D('c'), platform: { os: 'linux', architecture: 'arm', variant: 'v7' } }
const attestation = {
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  digest: D('e'),
  platform: { os: 'unknown', architecture: 'unknown' },
  annotations: { 'vnd.docker.reference.digest': D('a'), 'vnd.docker.reference.type': 'attestation-manifest' },
}

describe('the document a tag resolves to', () => {
  it.each([
    [
      'a buildx multi-platform push (OCI index)',
      buildxImage().root.bytes.toString(),
      undefined,
      'index',
      'application/vnd.oci.image.index.v1+json',
    ],
    [
      'a single-platform docker push (Docker v2 manifest)',
      dockerV2Image().root.bytes.toString(),
      undefined,
      'manifest',
      'application/vnd.docker.distribution.manifest.v2+json',
    ],
    [
      'a Docker manifest list',
      JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.docker.distribution.manifest.list.v2+json', manifests: [amd64] }),
      undefined,
      'index',
      'application/vnd.docker.distribution.manifest.list.v2+json',
    ],
    [
      'an OCI manifest without mediaType, typed by Content-Type',
      JSON.stringify({ schemaVersion: 2, config: { digest: D('c') }, layers: [] }),
      'application/vnd.oci.image.manifest.v1+json; charset=utf-8',
      'manifest',
      'application/vnd.oci.image.manifest.v1+json',
    ],
    [
      'an OCI index without mediaType or header, typed by its shape',
      JSON.stringify({ schemaVersion: 2, manifests: [] }),
      undefined,
      'index',
      'application/vnd.oci.image.index.v1+json',
    ],
  ])('%s', (_, body, contentType, kind, mediaType) => {
    expect(parseManifest(body, contentType)).toMatchObject({ kind, mediaType })
  })

  it('reads the config descriptor of an image manifest', () => {
    const image = dockerV2Image()
    const document = parseManifest(image.root.bytes.toString())
    expect(document).toMatchObject({ kind: 'manifest', config: { digest: image.configs.get(image.root.digest)!.digest } })
  })

  it.each([
    ['not JSON', '<html>', undefined, "The registry's manifest is not JSON."],
    ['a JSON array', '[]', undefined, "The registry's manifest is not a JSON object."],
    [
      'a schema 1 manifest',
      JSON.stringify({ schemaVersion: 1, name: 'x' }),
      'application/vnd.docker.distribution.manifest.v1+prettyjws',
      'The registry answered a manifest of type application/vnd.docker.distribution.manifest.v1+prettyjws; ci-image reads',
    ],
    [
      'an index without its list',
      JSON.stringify({ mediaType: 'application/vnd.oci.image.index.v1+json' }),
      undefined,
      'has no manifests list',
    ],
    [
      'a descriptor without digest',
      JSON.stringify({ mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [{}] }),
      undefined,
      'without a digest',
    ],
  ])('refuses %s, saying why', (_, body, contentType, message) => {
    expect(() => parseManifest(body, contentType)).toThrow(message)
  })
})

describe('the platform manifest whose config is read', () => {
  it.each([
    ['linux/amd64 when listed first', [amd64, arm64, attestation], D('a')],
    ['linux/amd64 even when listed after arm64', [arm64, amd64, attestation], D('a')],
    ['the first image when there is no amd64', [attestation, armv7, arm64], D('c')],
    ['never an attestation, even first', [{ ...attestation, digest: D('f') }, arm64], D('b')],
    ['never a nested index', [{ mediaType: 'application/vnd.oci.image.index.v1+json', digest: D('d') }, arm64], D('b')],
  ])('%s', (_, manifests, digest) => {
    expect(choosePlatformManifest(index(manifests)).digest).toBe(digest)
  })

  it('fails clearly when the index holds only attestations', () => {
    expect(() => choosePlatformManifest(index([attestation]))).toThrow('The image index lists no image manifest, only 1 attestation(s)')
  })

  it('lists the platforms of a buildx push without its unknown/unknown attestations', () => {
    const document = parseManifest(buildxImage({ platforms: ['linux/amd64', 'linux/arm64', 'linux/arm/v7'] }).root.bytes.toString())
    expect(document.kind).toBe('index')
    expect(indexPlatforms(document as Index)).toEqual(['linux/amd64', 'linux/arm64', 'linux/arm/v7'])
    expect((document as Index).manifests.filter(isAttestation)).toHaveLength(3)
  })

  it.each([
    [{ digest: D('a'), annotations: { 'vnd.docker.reference.type': 'attestation-manifest' } }, true],
    // "If any other value is specified, the entire manifest should be ignored" (attestation-storage.md).
    [{ digest: D('a'), annotations: { 'vnd.docker.reference.type': 'something-else' } }, true],
    [{ digest: D('a'), platform: { os: 'unknown', architecture: 'unknown' } }, true],
    [{ digest: D('a'), platform: { os: 'linux', architecture: 'amd64' }, annotations: { 'org.opencontainers.image.created': 'x' } }, false],
    [{ digest: D('a') }, false],
  ])('isAttestation(%j) = %s', (descriptor, expected) => {
    expect(isAttestation(descriptor)).toBe(expected)
  })
})

describe('the labels of an image config', () => {
  it.each([
    [
      'labels',
      JSON.stringify({ os: 'linux', architecture: 'amd64', config: { Labels: { a: '1', b: '2' } } }),
      { a: '1', b: '2' },
      'linux/amd64',
    ],
    [
      '"Labels": null (a Dockerfile without LABEL)',
      JSON.stringify({ os: 'linux', architecture: 'arm64', config: { Labels: null } }),
      {},
      'linux/arm64',
    ],
    ['no config at all', JSON.stringify({ os: 'linux', architecture: 'arm', variant: 'v7' }), {}, 'linux/arm/v7'],
    ['only string values', JSON.stringify({ config: { Labels: { a: '1', n: 2, o: {} } } }), { a: '1' }, undefined],
    ["buildx's `null` for an image without config", 'null', {}, undefined],
  ])('%s', (_, body, labels, platform) => {
    expect(parseImageConfig(body)).toEqual({ labels, platform })
  })
})

describe('the labels of an image manifest’s annotations (the build sets them as labels and annotations)', () => {
  type Manifest = Extract<ManifestDocument, { kind: 'manifest' }>
  const manifest = (annotations: unknown): Manifest =>
    parseManifest(
      JSON.stringify({ schemaVersion: 2, config: { digest: D('8') }, layers: [], annotations }),
      'application/vnd.oci.image.manifest.v1+json',
    ) as Manifest
  const revision = 'org.opencontainers.image.revision'
  const source = 'org.opencontainers.image.source'
  const inputs = 'ci-image.inputs'
  it.each([
    [
      'the revision, source and inputs',
      { [revision]: 'a1', [source]: 'https://github.com/acme/app', [inputs]: 'c3' },
      { [revision]: 'a1', [source]: 'https://github.com/acme/app', [inputs]: 'c3' },
    ],
    ['the inputs alone', { [inputs]: 'c3' }, { [inputs]: 'c3' }],
    ['other annotations left out', { [revision]: 'a1', 'org.opencontainers.image.title': 'CI' }, { [revision]: 'a1' }],
    ['no proof (a source alone): the config says', { [source]: 'https://github.com/acme/app' }, undefined],
    ['a revision that is no string: the config says', { [revision]: 1 }, undefined],
    ['no annotations: the config says', undefined, undefined],
  ])('%s', (_, annotations, labels) => {
    expect(annotatedLabels(manifest(annotations))).toEqual(labels)
  })
})

describe('the inspected image', () => {
  const revision = '1a2b3c4d'.repeat(5)
  const labels = { 'org.opencontainers.image.revision': revision, 'org.opencontainers.image.source': 'https://github.com/acme/app' }

  it('pins the reference to the digest of what the tag resolves to: the index, not a platform manifest', () => {
    const image = buildxImage({ labels })
    const document = parseManifest(image.root.bytes.toString())
    const described = describeImage('ghcr.io/acme/app/ci:pr-42', { digest: image.root.digest, document }, { labels }, 'linux/amd64')
    expect(described).toEqual({
      reference: 'ghcr.io/acme/app/ci:pr-42',
      digest: image.root.digest,
      pinned: `ghcr.io/acme/app/ci:pr-42@${image.root.digest}`,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      platforms: ['linux/amd64', 'linux/arm64'],
      platform: 'linux/amd64',
      labels,
      revision,
      source: 'https://github.com/acme/app',
    })
  })

  it('takes a single image’s platform from its config, and keeps a pinned reference as it is', () => {
    const digest = D('9')
    const described = describeImage(
      `ghcr.io/acme/app/ci@${digest}`,
      {
        digest,
        document: {
          kind: 'manifest',
          mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
          config: { digest: D('8') },
          layers: [],
        },
      },
      { labels: {}, platform: 'linux/arm64' },
    )
    expect(described).toMatchObject({
      pinned: `ghcr.io/acme/app/ci@${digest}`,
      platforms: ['linux/arm64'],
      revision: undefined,
      source: undefined,
    })
  })

  it('computes digests as sha256 of the exact bytes', () => {
    expect(digestOf(Buffer.from(''))).toBe('sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    expect(digestOf(Buffer.from('{}'))).not.toBe(digestOf(Buffer.from('{}\n')))
  })
})
