// Images as BuildKit pushes them with SBOM and provenance attestations (docker/build-push-action
// with `sbom: true`, which adds `--attest type=sbom`; provenance is its default: docker/build-push-action,
// src/context.ts, getAttestArgs), laid out byte for byte as BuildKit writes them:
//
// - moby/buildkit, exporter/containerimage/writer.go: the index and every manifest are Go's
//   json.MarshalIndent with two spaces (struct field order: schemaVersion, mediaType,
//   artifactType, config, layers, subject; a descriptor: mediaType, digest, size, annotations,
//   data, platform; a platform: architecture, os, variant), image manifests first, then one
//   attestation manifest per image (commitAttestationsManifest) on platform unknown/unknown,
//   annotated vnd.docker.reference.digest and vnd.docker.reference.type: attestation-manifest;
//   its layers are the in-toto statements, json.Marshal'led (compact, `<`, `>`, `&` escaped as
//   \u003c…), each annotated in-toto.io/predicate-type, the image's own SBOM first
//   (exporter/attestation/unbundle.go, sort);
// - docs/attestations/attestation-storage.md: since BuildKit v0.32 an attestation manifest is an
//   OCI artifact (artifactType application/vnd.docker.attestation.manifest.v1+json, the empty JSON
//   config, a subject); before, and with oci-artifact=false, an image config of platform
//   unknown/unknown whose diff_ids are the statements' digests. Statements are in-toto v1 since
//   v0.31 (`https://in-toto.io/Statement/v1`), v0.1 before;
// - the OCI image layout and manifest specs (opencontainers/image-spec: image-index.md,
//   manifest.md, descriptor.md "Empty Descriptor": `{}`, sha256:44136fa3…, data e30=);
// - the SPDX 2.3 document as syft writes it for BuildKit (docker/buildkit-syft-scanner): packages
//   with versionInfo and a `purl` external reference of category PACKAGE-MANAGER.
//
// The layers' bytes are not a filesystem (no part of ci-image reads them): deterministic bytes of
// the given size, so that digests and sizes are real.
import { createCipheriv, createHash } from 'node:crypto'
import type { FakeImage } from './fake-registry.js'
import type { PushTarget } from './registry-push.js'
import { pushBlob, pushManifest } from './registry-push.js'

interface Blob {
  mediaType: string
  digest: string
  bytes: Buffer
}

export interface SbomPackage {
  name: string
  version: string
  purl: string
}

interface PlatformSpec {
  platform: string
  /** Each layer: a seed (same seed and size, same layer) and its size in bytes. */
  layers: { seed: string; size: number }[]
  /** The SBOM's packages; undefined: built without `sbom: true`. */
  packages?: SbomPackage[]
  /** A statement to attach instead of the SPDX one built from `packages` (an oversized one). */
  sbomStatement?: Buffer
  labels?: Record<string, string>
}

export interface BuildkitImageOptions {
  platforms: PlatformSpec[]
  /** `oci-artifact`: BuildKit v0.32 and later (the default); `image-config`: earlier, or oci-artifact=false. */
  layout?: 'oci-artifact' | 'image-config'
  /** The name the image is built as, for the statements' subjects. */
  name?: string
  /** false: layer blobs are not made, only their descriptors (a stand-in registry that never serves them). */
  layerBlobs?: boolean
}

/** An image as pushed, in push order: blobs, then platform and attestation manifests, then the index. */
export interface BuildkitImage {
  root: Blob
  blobs: Blob[]
  manifests: Blob[]
  /** Each image manifest's config (for `docker buildx imagetools` in test/support/fake-docker.ts). */
  configs: Map<string, Blob>
}

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json'
const OCI_LAYER = 'application/vnd.oci.image.layer.v1.tar+gzip'
const IN_TOTO = 'application/vnd.in-toto+json'
const SPDX = 'https://spdx.dev/Document'
const PROVENANCE = 'https://slsa.dev/provenance/v0.2'

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex')

/** Go's json encoder escapes `<`, `>`, `&`, U+2028 and U+2029 in strings (encoding/json, HTMLEscape). */
function goJson(value: unknown, indent?: number): Buffer {
  const text = JSON.stringify(value, null, indent).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
  return Buffer.from(text)
}

function blob(mediaType: string, bytes: Buffer): Blob {
  return { mediaType, bytes, digest: `sha256:${sha256(bytes)}` }
}

const descriptor = (b: Blob) => ({ mediaType: b.mediaType, digest: b.digest, size: b.bytes.length })

/** `size` deterministic bytes that do not compress: AES-CTR's keystream, keyed by the seed. */
function layerBytes(seed: string, size: number): Buffer {
  const key = createHash('sha256').update(seed).digest().subarray(0, 16)
  return createCipheriv('aes-128-ctr', key, Buffer.alloc(16)).update(Buffer.alloc(size))
}

/** An SPDX 2.3 document with the given packages, as syft writes it (fields in its order). */
export function spdxDocument(packages: SbomPackage[], name = '/run/src/core/sbom'): Record<string, unknown> {
  return {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name,
    documentNamespace: `https://anchore.com/syft/dir/run/src/core/sbom-${sha256(JSON.stringify(packages)).slice(0, 32)}`,
    creationInfo: {
      licenseListVersion: '3.25',
      creators: ['Organization: Anchore, Inc', 'Tool: syft-v1.18.1', 'Tool: buildkit-v0.32.0'],
      created: '2026-05-01T12:00:00Z',
    },
    packages: packages.map((p) => ({
      name: p.name,
      SPDXID: `SPDXRef-Package-${sha256(p.purl).slice(0, 16)}`,
      versionInfo: p.version,
      supplier: 'NOASSERTION',
      downloadLocation: 'NOASSERTION',
      filesAnalyzed: false,
      licenseConcluded: 'NOASSERTION',
      licenseDeclared: 'NOASSERTION',
      copyrightText: 'NOASSERTION',
      externalRefs: [
        {
          referenceCategory: 'SECURITY',
          referenceType: 'cpe23Type',
          referenceLocator: `cpe:2.3:a:${p.name}:${p.name}:${p.version}:*:*:*:*:*:*:*`,
        },
        { referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: p.purl },
      ],
    })),
    relationships: [{ spdxElementId: 'SPDXRef-DOCUMENT', relatedSpdxElement: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES' }],
  }
}

/** An in-toto statement about the image manifest `subject`, compact as BuildKit marshals it. */
export function statement(o: {
  v1: boolean
  name: string
  platform: string
  subject: string
  predicateType: string
  predicate: unknown
}): Buffer {
  return goJson({
    _type: o.v1 ? 'https://in-toto.io/Statement/v1' : 'https://in-toto.io/Statement/v0.1',
    subject: [
      { name: `pkg:docker/${o.name}?platform=${encodeURIComponent(o.platform)}`, digest: { sha256: o.subject.slice('sha256:'.length) } },
    ],
    predicateType: o.predicateType,
    predicate: o.predicate,
  })
}

const platformOf = (platform: string) => {
  const [os, architecture, variant] = platform.split('/')
  return { architecture: architecture!, os: os!, ...(variant ? { variant } : {}) }
}

export function buildkitImage(o: BuildkitImageOptions): BuildkitImage {
  const layout = o.layout ?? 'oci-artifact'
  const name = o.name ?? 'ghcr.io/acme/app/ci:pr-42'
  const blobs: Blob[] = []
  const manifests: Blob[] = []
  const attestations: Record<string, unknown>[] = []
  const configs = new Map<string, Blob>()
  const images = o.platforms.map((spec) => {
    const layers = spec.layers.map(({ seed, size }) => {
      if (o.layerBlobs === false) return { mediaType: OCI_LAYER, digest: `sha256:${sha256(`${seed}/${size}`)}`, size }
      const layer = blob(OCI_LAYER, layerBytes(seed, size))
      blobs.push(layer)
      return descriptor(layer)
    })
    const { architecture, os, variant } = platformOf(spec.platform)
    const config = blob(
      OCI_CONFIG,
      goJson({
        architecture,
        os,
        ...(variant ? { variant } : {}),
        config: {
          Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
          ...(spec.labels ? { Labels: spec.labels } : {}),
        },
        rootfs: { type: 'layers', diff_ids: layers.map((l) => l.digest) },
      }),
    )
    blobs.push(config)
    const manifest = blob(OCI_MANIFEST, goJson({ schemaVersion: 2, mediaType: OCI_MANIFEST, config: descriptor(config), layers }, 2))
    manifests.push(manifest)
    configs.set(manifest.digest, config)
    return { spec, manifest }
  })
  for (const { spec, manifest } of images) {
    const about = { v1: layout === 'oci-artifact', name, platform: spec.platform, subject: manifest.digest }
    const sbom =
      spec.sbomStatement ?? (spec.packages && statement({ ...about, predicateType: SPDX, predicate: spdxDocument(spec.packages) }))
    const provenance = statement({ ...about, predicateType: PROVENANCE, predicate: { buildType: 'https://mobyproject.org/buildkit@v1' } })
    const statements = [...(sbom ? [{ bytes: sbom, type: SPDX }] : []), { bytes: provenance, type: PROVENANCE }].map((s) => {
      const b = blob(IN_TOTO, s.bytes)
      blobs.push(b)
      return { ...descriptor(b), annotations: { 'in-toto.io/predicate-type': s.type } }
    })
    let body: Record<string, unknown>
    if (layout === 'oci-artifact') {
      const empty = blob('application/vnd.oci.empty.v1+json', Buffer.from('{}'))
      blobs.push(empty)
      body = {
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        artifactType: 'application/vnd.docker.attestation.manifest.v1+json',
        config: { ...descriptor(empty), data: 'e30=' },
        layers: statements,
        subject: descriptor(manifest),
      }
    } else {
      const config = blob(
        OCI_CONFIG,
        goJson({
          architecture: 'unknown',
          os: 'unknown',
          config: {},
          rootfs: { type: 'layers', diff_ids: statements.map((s) => s.digest) },
        }),
      )
      blobs.push(config)
      body = { schemaVersion: 2, mediaType: OCI_MANIFEST, config: descriptor(config), layers: statements }
    }
    const attestation = blob(OCI_MANIFEST, goJson(body, 2))
    manifests.push(attestation)
    attestations.push({
      ...descriptor(attestation),
      annotations: { 'vnd.docker.reference.digest': manifest.digest, 'vnd.docker.reference.type': 'attestation-manifest' },
      platform: { architecture: 'unknown', os: 'unknown' },
    })
  }
  const root = blob(
    OCI_INDEX,
    goJson(
      {
        schemaVersion: 2,
        mediaType: OCI_INDEX,
        manifests: [
          ...images.map(({ spec, manifest }) => ({ ...descriptor(manifest), platform: platformOf(spec.platform) })),
          ...attestations,
        ],
      },
      2,
    ),
  )
  return { root, blobs, manifests, configs }
}

/** Pushes `image` to a real registry under every tag: its blobs, its manifests by digest, then the index. */
export async function pushBuildkitImage(target: PushTarget, path: string, tags: string[], image: BuildkitImage): Promise<string> {
  const seen = new Set<string>()
  for (const b of image.blobs) {
    if (seen.has(b.digest)) continue
    seen.add(b.digest)
    await pushBlob(target, path, b.bytes)
  }
  for (const m of image.manifests) await pushManifest(target, path, m.digest, m.mediaType, m.bytes)
  for (const tag of tags) await pushManifest(target, path, tag, image.root.mediaType, image.root.bytes)
  return image.root.digest
}

/** The image as the stand-in registry (fake-registry.ts) and `docker buildx imagetools` (fake-docker.ts) serve it. */
export function asFakeImage(image: BuildkitImage): FakeImage {
  return { root: image.root, blobs: [...image.blobs, ...image.manifests, image.root], configs: image.configs }
}
