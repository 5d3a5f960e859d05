// A stand-in for the build workflow's registry writes, over the registry's HTTP API (OCI
// distribution spec: blob upload POST + PUT ?digest=, manifest PUT by tag): docker buildx
// cannot run here (no Docker daemon for the tests; docker/build-push-action and `docker buildx
// imagetools create` need one and the buildx plugin). A "build" pushes a tiny image whose config
// carries the labels resolve-image gave; a "copy" puts the reusable image's manifest, byte for
// byte, under each tag, as imagetools create does with one source (docker/buildx docs,
// buildx_imagetools_create.md: "If only one source is specified create performs a carbon copy").
import { createHash } from 'node:crypto'

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
const digestOf = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`

/** `127.0.0.1:5000/acme/app/ci:tag` → its repository path and tag. */
function split(reference: string): { path: string; tag: string } {
  const slash = reference.indexOf('/')
  const rest = reference.slice(slash + 1)
  const colon = rest.lastIndexOf(':')
  return { path: rest.slice(0, colon), tag: rest.slice(colon + 1) }
}

async function ok(response: Response, what: string): Promise<Response> {
  if (!response.ok) throw new Error(`${what}: ${response.status} ${await response.text()}`)
  return response
}

async function pushBlob(registryUrl: string, path: string, bytes: Buffer): Promise<string> {
  const digest = digestOf(bytes)
  const started = await ok(await fetch(`${registryUrl}/v2/${path}/blobs/uploads/`, { method: 'POST' }), 'start upload')
  const location = new URL(started.headers.get('location')!, registryUrl)
  location.searchParams.set('digest', digest)
  await ok(await fetch(location, { method: 'PUT', body: bytes, headers: { 'content-type': 'application/octet-stream' } }), 'upload')
  return digest
}

/** "Builds" an image: a config with `labels` and one empty layer, pushed under every reference of `tags`. */
export async function pushBuiltImage(registryUrl: string, tags: string[], labels: string[]): Promise<string> {
  const { path } = split(tags[0]!)
  // An empty tar archive: two 512-byte zero blocks.
  const layer = Buffer.alloc(1024)
  const layerDigest = await pushBlob(registryUrl, path, layer)
  const Labels = Object.fromEntries(labels.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]))
  const config = Buffer.from(
    JSON.stringify({ architecture: 'amd64', os: 'linux', config: { Labels }, rootfs: { type: 'layers', diff_ids: [layerDigest] } }),
  )
  const configDigest = await pushBlob(registryUrl, path, config)
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: configDigest, size: config.length },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: layerDigest, size: layer.length }],
    }),
  )
  await putManifest(registryUrl, tags, manifest, OCI_MANIFEST)
  return digestOf(manifest)
}

async function putManifest(registryUrl: string, tags: string[], bytes: Buffer, mediaType: string): Promise<void> {
  for (const reference of tags) {
    const { path, tag } = split(reference)
    await ok(
      await fetch(`${registryUrl}/v2/${path}/manifests/${tag}`, { method: 'PUT', body: bytes, headers: { 'content-type': mediaType } }),
      `put ${reference}`,
    )
  }
}

/** Copies `pinned` (`…/ci:tag@sha256:…`) to every reference of `tags`, manifest bytes unchanged. */
export async function copyImage(registryUrl: string, pinned: string, tags: string[]): Promise<void> {
  const [reference, digest] = pinned.split('@') as [string, string]
  const { path } = split(reference)
  const response = await ok(await fetch(`${registryUrl}/v2/${path}/manifests/${digest}`, { headers: { accept: OCI_MANIFEST } }), 'get')
  const bytes = Buffer.from(await response.arrayBuffer())
  await putManifest(registryUrl, tags, bytes, response.headers.get('content-type') ?? OCI_MANIFEST)
}

/** The labels of `pinned`'s config, read straight from the registry (not through the action). */
export async function imageLabels(registryUrl: string, pinned: string): Promise<Record<string, string>> {
  const [reference, digest] = pinned.split('@') as [string, string]
  const { path } = split(reference)
  const manifest = (await (
    await ok(await fetch(`${registryUrl}/v2/${path}/manifests/${digest}`, { headers: { accept: OCI_MANIFEST } }), 'get manifest')
  ).json()) as { config: { digest: string } }
  const config = (await (await ok(await fetch(`${registryUrl}/v2/${path}/blobs/${manifest.config.digest}`), 'get config')).json()) as {
    config?: { Labels?: Record<string, string> }
  }
  return config.config?.Labels ?? {}
}
