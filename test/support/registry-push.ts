// Pushes a small image to a real registry over its HTTP API, without Docker (a stand-in for
// docker/build-push-action and `docker buildx imagetools create`, which need a daemon with the
// buildx plugin, not here): a layer and a config
// blob (POST then PUT of an upload, distribution spec "Pushing blobs"), an image manifest, and for
// several platforms an OCI index of them (the referenced manifests pushed first: distribution
// checks that they exist).
import { createHash } from 'node:crypto'

export interface PushTarget {
  /** `http://127.0.0.1:<port>` */
  url: string
  /** Basic auth, for a registry behind htpasswd. */
  auth?: { user: string; password: string }
}

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'

function digestOf(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`
}

function headers(target: PushTarget, extra: Record<string, string> = {}): Record<string, string> {
  if (!target.auth) return extra
  const { user, password } = target.auth
  return { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`, ...extra }
}

async function expectStatus(response: Response, what: string): Promise<void> {
  if (response.status >= 300) throw new Error(`pushing ${what}: ${response.status} ${await response.text()}`)
}

export async function pushBlob(target: PushTarget, path: string, bytes: Buffer): Promise<{ digest: string; size: number }> {
  const digest = digestOf(bytes)
  const start = await fetch(`${target.url}/v2/${path}/blobs/uploads/`, { method: 'POST', headers: headers(target) })
  await expectStatus(start, `an upload to ${path}`)
  const location = new URL(start.headers.get('location')!, target.url)
  location.searchParams.set('digest', digest)
  const put = await fetch(location, {
    method: 'PUT',
    headers: headers(target, { 'content-type': 'application/octet-stream' }),
    body: bytes,
  })
  await expectStatus(put, `blob ${digest}`)
  return { digest, size: bytes.length }
}

/** `body` as JSON, or as the exact bytes to put (a copy keeps the manifest's digest). */
export async function pushManifest(target: PushTarget, path: string, reference: string, mediaType: string, body: unknown): Promise<string> {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body))
  const response = await fetch(`${target.url}/v2/${path}/manifests/${reference}`, {
    method: 'PUT',
    headers: headers(target, { 'content-type': mediaType }),
    body: bytes,
  })
  await expectStatus(response, `manifest ${path}:${reference}`)
  return digestOf(bytes)
}

/** One platform's image manifest, pushed by digest; its digest. */
async function pushPlatform(
  target: PushTarget,
  path: string,
  platform: string,
  labels: Record<string, string> | undefined,
  annotations: Record<string, string> | undefined,
) {
  const [os, architecture] = platform.split('/')
  const layerBytes = Buffer.from(`layer of ${platform}`)
  const layer = await pushBlob(target, path, layerBytes)
  const config = await pushBlob(
    target,
    path,
    Buffer.from(
      JSON.stringify({ architecture, os, config: labels ? { Labels: labels } : {}, rootfs: { type: 'layers', diff_ids: [layer.digest] } }),
    ),
  )
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
    layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', ...layer }],
    ...(annotations ? { annotations } : {}),
  }
  const bytes = Buffer.from(JSON.stringify(manifest))
  const digest = await pushManifest(target, path, digestOf(bytes), OCI_MANIFEST, manifest)
  return { descriptor: { mediaType: OCI_MANIFEST, digest, size: bytes.length, platform: { os, architecture } }, manifest }
}

export interface PushedImage {
  /** What the tags point to. */
  digest: string
}

/**
 * An attestation manifest for the image `subject`, as BuildKit stores an SBOM (moby/buildkit,
 * docs/attestations/attestation-storage.md): an in-toto statement as its one layer, a config
 * without labels, and in the index platform unknown/unknown and the `vnd.docker.reference.*`
 * annotations.
 */
async function pushAttestation(target: PushTarget, path: string, subject: string) {
  const statement = {
    _type: 'https://in-toto.io/Statement/v0.1',
    predicateType: 'https://spdx.dev/Document',
    subject: [{ name: '_', digest: { sha256: subject.slice(7) } }],
    predicate: {},
  }
  const layer = await pushBlob(target, path, Buffer.from(JSON.stringify(statement)))
  const config = await pushBlob(
    target,
    path,
    Buffer.from(
      JSON.stringify({ architecture: 'unknown', os: 'unknown', config: {}, rootfs: { type: 'layers', diff_ids: [layer.digest] } }),
    ),
  )
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
    layers: [
      { mediaType: 'application/vnd.in-toto+json', ...layer, annotations: { 'in-toto.io/predicate-type': 'https://spdx.dev/Document' } },
    ],
  }
  const bytes = Buffer.from(JSON.stringify(manifest))
  const digest = await pushManifest(target, path, digestOf(bytes), OCI_MANIFEST, manifest)
  return {
    mediaType: OCI_MANIFEST,
    digest,
    size: bytes.length,
    annotations: { 'vnd.docker.reference.digest': subject, 'vnd.docker.reference.type': 'attestation-manifest' },
    platform: { architecture: 'unknown', os: 'unknown' },
  }
}

/**
 * Pushes an image under `tags`: one platform as an image manifest, several as an OCI index.
 * `labelsFor` gives one platform its own labels; `annotations` go on each platform's manifest, as
 * buildx puts an annotation without a level prefix (docs.docker.com/build/metadata/annotations),
 * `annotationsFor` on one platform's; `attestations` adds an SBOM attestation per platform, after
 * the images, as BuildKit does.
 */
export async function pushImage(
  target: PushTarget,
  path: string,
  tags: string[],
  o: {
    labels?: Record<string, string>
    platforms?: string[]
    labelsFor?: Record<string, Record<string, string> | undefined>
    annotations?: Record<string, string>
    annotationsFor?: Record<string, Record<string, string> | undefined>
    attestations?: boolean
    /** The index lists each image this many times, as no build does. */
    listEach?: number
  } = {},
): Promise<PushedImage> {
  const platforms = o.platforms ?? ['linux/amd64']
  const labelsOf = (p: string) => (o.labelsFor && p in o.labelsFor ? o.labelsFor[p] : o.labels)
  const annotationsOf = (p: string) => (o.annotationsFor && p in o.annotationsFor ? o.annotationsFor[p] : o.annotations)
  // Platforms pushed side by side, as buildx does: an index of 65 takes seconds, not tens.
  const manifests = await Promise.all(
    platforms.map((platform) => pushPlatform(target, path, platform, labelsOf(platform), annotationsOf(platform))),
  )
  const attestations = o.attestations ? await Promise.all(manifests.map((m) => pushAttestation(target, path, m.descriptor.digest))) : []
  let digest = ''
  for (const tag of tags) {
    digest =
      manifests.length === 1 && attestations.length === 0 && (o.listEach ?? 1) === 1
        ? await pushManifest(target, path, tag, OCI_MANIFEST, manifests[0]!.manifest)
        : await pushManifest(target, path, tag, OCI_INDEX, {
            schemaVersion: 2,
            mediaType: OCI_INDEX,
            manifests: [...manifests.flatMap((m) => Array<typeof m.descriptor>(o.listEach ?? 1).fill(m.descriptor)), ...attestations],
          })
  }
  return { digest }
}

/** `127.0.0.1:5000/acme/app/ci:tag` → its repository path and tag. */
function split(reference: string): { path: string; tag: string } {
  const rest = reference.slice(reference.indexOf('/') + 1)
  const colon = rest.lastIndexOf(':')
  return { path: rest.slice(0, colon), tag: rest.slice(colon + 1) }
}

/**
 * The build workflow's "build": an image whose config carries `labels` (`key=value` lines, as
 * resolve-image gives them) and whose manifest carries them as annotations (the workflow passes
 * them to build-push-action's `labels` and `annotations`), pushed under every reference of `tags`.
 */
export async function pushBuiltImage(registryUrl: string, tags: string[], labels: string[]): Promise<string> {
  const { path } = split(tags[0]!)
  const Labels = Object.fromEntries(labels.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]))
  const { digest } = await pushImage(
    { url: registryUrl },
    path,
    tags.map((reference) => split(reference).tag),
    { labels: Labels, annotations: Labels },
  )
  return digest
}

async function ok(response: Response, what: string): Promise<Response> {
  if (!response.ok) throw new Error(`${what}: ${response.status} ${await response.text()}`)
  return response
}

async function manifestOf(registryUrl: string, pinned: string): Promise<{ path: string; response: Response }> {
  const [reference, digest] = pinned.split('@') as [string, string]
  const { path } = split(reference)
  const response = await ok(
    await fetch(`${registryUrl}/v2/${path}/manifests/${digest}`, { headers: { accept: OCI_MANIFEST } }),
    `get ${pinned}`,
  )
  return { path, response }
}

/**
 * The build workflow's copy of a reusable image: `pinned`'s manifest, byte for byte, under every
 * reference of `tags`, as imagetools create does with one source (docker/buildx docs,
 * buildx_imagetools_create.md: "If only one source is specified create performs a carbon copy").
 */
export async function copyImage(registryUrl: string, pinned: string, tags: string[]): Promise<void> {
  const { path, response } = await manifestOf(registryUrl, pinned)
  const bytes = Buffer.from(await response.arrayBuffer())
  const mediaType = response.headers.get('content-type') ?? OCI_MANIFEST
  for (const reference of tags) await pushManifest({ url: registryUrl }, path, split(reference).tag, mediaType, bytes)
}

/** The labels of `pinned`'s config, read straight from the registry (not through the action). */
export async function imageLabels(registryUrl: string, pinned: string): Promise<Record<string, string>> {
  const { path, response } = await manifestOf(registryUrl, pinned)
  const manifest = (await response.json()) as { config: { digest: string } }
  const config = (await (await ok(await fetch(`${registryUrl}/v2/${path}/blobs/${manifest.config.digest}`), 'get config')).json()) as {
    config?: { Labels?: Record<string, string> }
  }
  return config.config?.Labels ?? {}
}
