// Pushes a small image to a real registry over its HTTP API, without Docker: a layer and a config
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

async function pushBlob(target: PushTarget, path: string, bytes: Buffer): Promise<{ digest: string; size: number }> {
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

async function pushManifest(target: PushTarget, path: string, reference: string, mediaType: string, body: unknown): Promise<string> {
  const bytes = Buffer.from(JSON.stringify(body))
  const response = await fetch(`${target.url}/v2/${path}/manifests/${reference}`, {
    method: 'PUT',
    headers: headers(target, { 'content-type': mediaType }),
    body: bytes,
  })
  await expectStatus(response, `manifest ${path}:${reference}`)
  return digestOf(bytes)
}

/** One platform's image manifest, pushed by digest; its digest. */
async function pushPlatform(target: PushTarget, path: string, platform: string, labels: Record<string, string> | undefined) {
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
 * Pushes an image under `tags`: one platform as an image manifest, several as an OCI index.
 * `labelsFor` gives one platform its own labels.
 */
export async function pushImage(
  target: PushTarget,
  path: string,
  tags: string[],
  o: { labels?: Record<string, string>; platforms?: string[]; labelsFor?: Record<string, Record<string, string> | undefined> } = {},
): Promise<PushedImage> {
  const platforms = o.platforms ?? ['linux/amd64']
  const labelsOf = (p: string) => (o.labelsFor && p in o.labelsFor ? o.labelsFor[p] : o.labels)
  const manifests = []
  for (const platform of platforms) manifests.push(await pushPlatform(target, path, platform, labelsOf(platform)))
  let digest = ''
  for (const tag of tags) {
    digest =
      manifests.length === 1
        ? await pushManifest(target, path, tag, OCI_MANIFEST, manifests[0]!.manifest)
        : await pushManifest(target, path, tag, OCI_INDEX, {
            schemaVersion: 2,
            mediaType: OCI_INDEX,
            manifests: manifests.map((m) => m.descriptor),
          })
  }
  return { digest }
}
