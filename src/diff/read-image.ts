// Reads one image for a comparison from its registry's HTTP API: its platforms, each platform's
// layers, and where its SBOM is. BuildKit's layout (moby/buildkit,
// docs/attestations/attestation-storage.md): the index lists, after the images, one attestation
// manifest per image on platform unknown/unknown, annotated `vnd.docker.reference.type:
// attestation-manifest` and `vnd.docker.reference.digest: <the image manifest>`; its layers are
// in-toto statements (`application/vnd.in-toto+json`) annotated `in-toto.io/predicate-type`. The
// SBOM of the image itself comes first among them (exporter/attestation/unbundle.go, sort: "the
// core SBOM" before those of build stages and the context), so one blob is read per platform.
// Every manifest and blob is checked against its digest (registry/http.ts).
import type { Descriptor } from '../registry/image-manifest.js'
import { formatPlatform } from '../registry/image-manifest.js'
import type { HttpTransport } from '../registry/http.js'
import { RegistryError } from '../registry/errors.js'
import type { Layer, SbomLocation, SbomRead } from './image-diff.js'
import { sbomPackages, SPDX_PREDICATE } from './sbom.js'

/**
 * BuildKit reads no more than 40 MiB of an SBOM before it wraps it in its in-toto statement
 * (exporter/attestation/make.go, maxAttestationBytes); with the statement around it, 41 MiB is
 * the most a BuildKit SBOM can weigh, and more is not one.
 */
export const MAX_SBOM_BYTES = 41 * 1024 * 1024

const ATTESTATION_MANIFEST = 'attestation-manifest'
const IN_TOTO = 'application/vnd.in-toto+json'

interface PlatformLayers {
  layers: Layer[]
  sbom: SbomLocation<Descriptor>
}

export interface OpenedImage {
  reference: string
  /** Its platforms (`linux/amd64`), attestations left out. */
  platforms: string[]
  platform(platform: string): Promise<PlatformLayers>
  /** The packages of the SBOM blob `platform` found: never throws, an unreadable one says why. */
  sbom(blob: Descriptor): Promise<SbomRead>
}

/** What went wrong, in the words of its first line. */
export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message.split('\n')[0]! : String(error)).replace(/\.$/, '')
}

/** Where the SBOM of the image manifest `digest` is, from its attestation manifest. */
async function locateSbom(transport: HttpTransport, attestation: Descriptor | undefined): Promise<SbomLocation<Descriptor>> {
  if (!attestation) return { kind: 'missing' }
  try {
    const { document } = await transport.manifest(attestation.digest)
    if (document.kind !== 'manifest') return { kind: 'unreadable', why: 'its attestation manifest is an index' }
    const blob = document.layers.find((l) => l.mediaType === IN_TOTO && l.annotations?.['in-toto.io/predicate-type'] === SPDX_PREDICATE)
    return blob ? { kind: 'found', blob } : { kind: 'missing' }
  } catch (error) {
    return { kind: 'unreadable', why: firstLine(error) }
  }
}

/**
 * Opens `reference` through `transport`: one request for what it resolves to, one more for a
 * single image's platform (its config says it).
 */
export async function openImage(reference: string, transport: HttpTransport): Promise<OpenedImage> {
  const resolved = await transport.resolve()
  const images = new Map<string, Descriptor>()
  const attestations = new Map<string, Descriptor>()
  let single: PlatformLayers | undefined
  if (resolved.document.kind === 'index') {
    for (const d of resolved.document.manifests) {
      const type = d.annotations?.['vnd.docker.reference.type']
      const subject = d.annotations?.['vnd.docker.reference.digest']
      if (type === ATTESTATION_MANIFEST && subject !== undefined) {
        if (!attestations.has(subject)) attestations.set(subject, d)
      } else if (type === undefined && d.platform && !(d.platform.os === 'unknown' && d.platform.architecture === 'unknown')) {
        const platform = formatPlatform(d.platform)
        if (!images.has(platform)) images.set(platform, d)
      }
    }
  } else {
    const config = await transport.config(resolved.digest, resolved)
    images.set(config.platform ?? 'unknown', { digest: resolved.digest, mediaType: resolved.document.mediaType })
    // An image pushed without an index has nowhere to keep an attestation.
    single = { layers: resolved.document.layers, sbom: { kind: 'missing' } }
  }
  return {
    reference,
    platforms: [...images.keys()],
    async platform(platform) {
      if (single) return single
      const descriptor = images.get(platform)!
      const { document } = await transport.manifest(descriptor.digest)
      if (document.kind !== 'manifest') throw new RegistryError('invalid', `${reference} lists an index as its ${platform} image.`)
      return { layers: document.layers, sbom: await locateSbom(transport, attestations.get(descriptor.digest)) }
    },
    async sbom(blob) {
      try {
        const bytes = await transport.blob(blob, MAX_SBOM_BYTES, 'the SBOM')
        return { kind: 'read', packages: sbomPackages(new TextDecoder().decode(bytes)) }
      } catch (error) {
        return { kind: 'unreadable', why: firstLine(error) }
      }
    },
  }
}
