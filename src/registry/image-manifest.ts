// What a registry answers about an image, read without I/O: the document a tag resolves to (an
// OCI image index, a Docker manifest list, or one OCI or Docker v2 image manifest), the platform
// manifest whose config to read, and the labels in that config, or the same labels set as the
// manifest's annotations.
//
// Formats: OCI image spec (image-index.md, manifest.md, config.md,
// https://github.com/opencontainers/image-spec) and Docker's Image Manifest V2, Schema 2
// (https://distribution.github.io/distribution/spec/manifest-v2-2/), the two GHCR stores
// (GitHub Docs, "Working with the Container registry": "About Container registry support").
import { createHash } from 'node:crypto'
import { pinnedReference, SHA256_DIGEST } from './image-ref.js'
import { INPUTS_LABEL, REVISION_LABEL, SOURCE_LABEL } from './labels.js'

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
const DOCKER_MANIFEST_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json'
const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json'

const INDEX_TYPES = new Set([OCI_INDEX, DOCKER_MANIFEST_LIST])
const MANIFEST_TYPES = new Set([OCI_MANIFEST, DOCKER_MANIFEST])

/** The Accept header of a manifest request: every type this module reads, and no other. */
export const MANIFEST_ACCEPT = [OCI_INDEX, OCI_MANIFEST, DOCKER_MANIFEST_LIST, DOCKER_MANIFEST].join(', ')

export interface Platform {
  os: string
  architecture: string
  variant?: string
}

export interface Descriptor {
  mediaType?: string
  digest: string
  size?: number
  platform?: Platform
  annotations?: Record<string, string>
}

export type ManifestDocument =
  /** An OCI image index or a Docker manifest list: one manifest per platform, and attestations. */
  | { kind: 'index'; mediaType: string; manifests: Descriptor[] }
  /**
   * One image: its config blob holds the labels; its layers, in order (none when the manifest lists
   * none); its annotations (OCI manifest.md), string values only.
   */
  | { kind: 'manifest'; mediaType: string; config: Descriptor; layers: Descriptor[]; annotations?: Record<string, string> }

export interface ImageConfig {
  labels: Record<string, string>
  /** `os/architecture[/variant]` when the config names them. */
  platform?: string
}

/** What the registry says a reference is: the answer of `inspectImage`. */
export interface InspectedImage {
  /** The reference asked about, e.g. ghcr.io/acme/app/ci:pr-42. */
  reference: string
  /** The digest the reference resolves to: the index's for a multi-platform image. */
  digest: string
  /** `reference@digest`: the exact image, whatever the tag points to later. */
  pinned: string
  /** The media type of what the reference resolves to (an index, a list or a manifest). */
  mediaType: string
  /** The image's platforms, attestations left out (`linux/amd64`, …). */
  platforms: string[]
  /**
   * The platform whose labels were read: from the index, or the config; unknown for a lone manifest
   * whose annotations carry the labels (its config is not read).
   */
  platform?: string
  labels: Record<string, string>
  /** The `org.opencontainers.image.revision` label: the commit the image says it was built from. */
  revision?: string
  /** The `org.opencontainers.image.source` label. */
  source?: string
}

export function digestOf(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
}

function stringMap(value: unknown): Record<string, string> {
  const record = asRecord(value) ?? {}
  return Object.fromEntries(Object.entries(record).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
}

function parseJson(text: string, what: string): Record<string, unknown> {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new Error(`The registry's ${what} is not JSON.`)
  }
  const record = asRecord(value)
  if (!record) throw new Error(`The registry's ${what} is not a JSON object.`)
  return record
}

function parseDescriptor(value: unknown, what: string): Descriptor {
  const d = asRecord(value)
  if (!d || typeof d.digest !== 'string') throw new Error(`The registry's ${what} has a descriptor without a digest.`)
  // The digest goes into a URL path (/v2/<name>/manifests/<digest>, /blobs/<digest>): only the form
  // registries name content by, nothing that could add a path segment or a query.
  if (!SHA256_DIGEST.test(d.digest)) {
    throw new Error(
      `The registry's ${what} has a descriptor digest ${JSON.stringify(d.digest.slice(0, 80))}, not sha256: and 64 lower-case hexadecimal characters.`,
    )
  }
  const platform = asRecord(d.platform)
  return {
    mediaType: typeof d.mediaType === 'string' ? d.mediaType : undefined,
    digest: d.digest,
    size: typeof d.size === 'number' ? d.size : undefined,
    platform:
      platform && typeof platform.os === 'string' && typeof platform.architecture === 'string'
        ? {
            os: platform.os,
            architecture: platform.architecture,
            ...(typeof platform.variant === 'string' && platform.variant !== '' ? { variant: platform.variant } : {}),
          }
        : undefined,
    annotations: d.annotations === undefined ? undefined : stringMap(d.annotations),
  }
}

/**
 * Reads a manifest or index. Its type comes from its own `mediaType` field, else from the
 * response's Content-Type (the distribution spec: "the Content-Type header will indicate which
 * manifest type is being returned"), else from its shape (OCI's `mediaType` is only a SHOULD).
 */
export function parseManifest(body: string, contentType?: string): ManifestDocument {
  const json = parseJson(body, 'manifest')
  const headerType = contentType?.split(';')[0]?.trim() || undefined
  const shape = Array.isArray(json.manifests) ? OCI_INDEX : asRecord(json.config) ? OCI_MANIFEST : undefined
  const mediaType = (typeof json.mediaType === 'string' ? json.mediaType : undefined) ?? headerType ?? shape
  if (mediaType !== undefined && INDEX_TYPES.has(mediaType)) {
    if (!Array.isArray(json.manifests)) throw new Error(`The registry's ${mediaType} has no manifests list.`)
    return { kind: 'index', mediaType, manifests: json.manifests.map((m) => parseDescriptor(m, 'index')) }
  }
  if (mediaType !== undefined && MANIFEST_TYPES.has(mediaType)) {
    const layers = Array.isArray(json.layers) ? json.layers.map((l) => parseDescriptor(l, 'manifest')) : []
    const annotations = json.annotations === undefined ? undefined : stringMap(json.annotations)
    return {
      kind: 'manifest',
      mediaType,
      config: parseDescriptor(json.config, 'manifest'),
      layers,
      ...(annotations ? { annotations } : {}),
    }
  }
  throw new Error(
    `The registry answered a manifest of type ${mediaType ?? '(unknown)'}; ci-image reads ${[...INDEX_TYPES, ...MANIFEST_TYPES].join(', ')}.`,
  )
}

export function formatPlatform(platform: Platform): string {
  return [platform.os, platform.architecture, platform.variant].filter((part) => part !== undefined && part !== '').join('/')
}

/**
 * An attestation manifest that BuildKit adds to an index (SBOM, provenance) is no image: it is
 * marked `vnd.docker.reference.type: attestation-manifest` on platform `unknown/unknown`
 * (moby/buildkit, docs/attestations/attestation-storage.md).
 */
export function isAttestation(descriptor: Descriptor): boolean {
  if (descriptor.annotations?.['vnd.docker.reference.type'] !== undefined) return true
  return descriptor.platform?.os === 'unknown' && descriptor.platform.architecture === 'unknown'
}

function isImageManifest(descriptor: Descriptor): boolean {
  return !isAttestation(descriptor) && (descriptor.mediaType === undefined || MANIFEST_TYPES.has(descriptor.mediaType))
}

/** The platforms of an index's images, attestations left out. */
export function indexPlatforms(index: Extract<ManifestDocument, { kind: 'index' }>): string[] {
  return index.manifests.filter(isImageManifest).flatMap((d) => (d.platform ? [formatPlatform(d.platform)] : []))
}

/** Every image of an index, attestations left out: each one's revision label is checked. */
export function indexImages(index: Extract<ManifestDocument, { kind: 'index' }>): Descriptor[] {
  return index.manifests.filter(isImageManifest)
}

/**
 * The manifest whose config to read: linux/amd64 (what GitHub-hosted runners run) when there is
 * one, else the first image of the index. Every platform of one build carries the same labels.
 */
export function choosePlatformManifest(index: Extract<ManifestDocument, { kind: 'index' }>): Descriptor {
  const images = index.manifests.filter(isImageManifest)
  const chosen = images.find((d) => d.platform?.os === 'linux' && d.platform.architecture === 'amd64') ?? images[0]
  if (!chosen) throw new Error(`The image index lists no image manifest, only ${index.manifests.length} attestation(s) or other artifacts.`)
  return chosen
}

/** An image config (OCI config.md, Docker's image JSON): the labels live in `config.Labels`. */
export function parseImageConfig(body: string): ImageConfig {
  if (body.trim() === 'null') return { labels: {} }
  const json = parseJson(body, 'image config')
  const labels = stringMap(asRecord(json.config)?.Labels)
  const { os, architecture, variant } = json
  const platform =
    typeof os === 'string' && typeof architecture === 'string'
      ? formatPlatform({ os, architecture, variant: typeof variant === 'string' ? variant : undefined })
      : undefined
  return { labels, platform }
}

/** The labels a build sets (resolve-image's `labels` output), which it sets as annotations as well. */
const ANNOTATED_LABELS = [REVISION_LABEL, SOURCE_LABEL, INPUTS_LABEL] as const

/**
 * The image's labels from its manifest's annotations, when they carry a proof (its revision or its
 * inputs hash); else undefined, and the config says. The build sets resolve-image's `labels` output
 * as docker/build-push-action's `annotations` too (`annotations` input since v5.1.0,
 * docker/build-push-action#992, `--annotation` of buildx >= 0.12), and an annotation without a
 * level prefix goes on the image manifest, each platform's of a multi-platform build (Docker Docs,
 * "Annotations", https://docs.docker.com/build/metadata/annotations/#specify-annotation-level:
 * "By default, annotations are added to the image manifest"; docker/buildx,
 * util/buildflags/export.go, ParseAnnotations: `key=value` without `type:` has no level). Only
 * those keys are taken: other annotations are no labels.
 */
export function annotatedLabels(manifest: Extract<ManifestDocument, { kind: 'manifest' }>): Record<string, string> | undefined {
  const annotations = manifest.annotations ?? {}
  if (annotations[REVISION_LABEL] === undefined && annotations[INPUTS_LABEL] === undefined) return undefined
  return Object.fromEntries(ANNOTATED_LABELS.flatMap((key) => (annotations[key] === undefined ? [] : [[key, annotations[key]]])))
}

/** The answer of an inspection, from the document the reference resolves to and the chosen image's config. */
export function describeImage(
  reference: string,
  resolved: { digest: string; document: ManifestDocument },
  config: ImageConfig,
  platform?: string,
): InspectedImage {
  const { document } = resolved
  const chosenPlatform = platform ?? config.platform
  return {
    reference,
    digest: resolved.digest,
    pinned: reference.includes('@') ? reference : pinnedReference(reference, resolved.digest),
    mediaType: document.mediaType,
    platforms: document.kind === 'index' ? indexPlatforms(document) : chosenPlatform ? [chosenPlatform] : [],
    platform: chosenPlatform,
    labels: config.labels,
    revision: config.labels[REVISION_LABEL],
    source: config.labels[SOURCE_LABEL],
  }
}
