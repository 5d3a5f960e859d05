// A container registry on loopback, shaped like ghcr.io: the OCI distribution API (manifests by
// tag and by digest with Content-Type and Docker-Content-Digest, blobs), a bearer-token service
// behind the `WWW-Authenticate` challenge, and images as `docker buildx` pushes them.
//
// What it imitates, and where that comes from:
// - the challenge ghcr.io sends: `Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:<name>:pull"`
//   (buildkit's debug log in docker/build-push-action#761);
// - 401 `UNAUTHORIZED: authentication required` on a private image without a token (strausmann/mcp-dockhand#3),
//   401 from the token service for anonymous requests on a private package (TencentCloud/CubeSandbox#86),
//   `denied` for a token that may not read it (actions/runner#1039, dexidp/dex#2672);
// - error bodies and codes: OCI distribution spec, "Error Codes" (MANIFEST_UNKNOWN, NAME_UNKNOWN, DENIED, UNAUTHORIZED);
// - a multi-platform buildx push: an OCI index with one manifest per platform, then one
//   attestation manifest per platform on `unknown/unknown` with `vnd.docker.reference.*`
//   annotations (moby/buildkit, docs/attestations/attestation-storage.md).
import { createHash, randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Blob {
  mediaType: string
  digest: string
  bytes: Buffer
}

/** An image as pushed: what its tag points to, and every manifest and blob it is made of. */
export interface FakeImage {
  root: Blob
  blobs: Blob[]
  /** For each image manifest (platform manifests, or the root when it is one): its config's JSON. */
  configs: Map<string, Blob>
}

/** Indented JSON without a final newline: a client that re-serialised or trimmed the bytes would compute another digest. */
function blob(mediaType: string, content: unknown): Blob {
  const bytes = Buffer.from(typeof content === 'string' ? content : JSON.stringify(content, null, 2))
  return { mediaType, bytes, digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}` }
}

function descriptor(b: Blob, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { mediaType: b.mediaType, digest: b.digest, size: b.bytes.length, ...extra }
}

const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json'
const OCI_LAYER = 'application/vnd.oci.image.layer.v1.tar+gzip'

function config(platform: string, labels: Record<string, string> | null | undefined): Record<string, unknown> {
  const [os, architecture, variant] = platform.split('/')
  const layer = `sha256:${createHash('sha256').update(platform).digest('hex')}`
  const runtime: Record<string, unknown> = { Env: ['PATH=/usr/local/bin:/usr/bin:/bin'], Cmd: ['bash'] }
  if (labels !== undefined) runtime.Labels = labels
  return {
    architecture,
    config: runtime,
    created: '2024-05-01T12:00:00Z',
    history: [{ created: '2024-05-01T12:00:00Z', created_by: 'RUN apt-get install -y build-essential' }],
    os,
    ...(variant ? { variant } : {}),
    rootfs: { type: 'layers', diff_ids: [layer] },
  }
}

function imageManifest(mediaType: string, configBlob: Blob, layerType = OCI_LAYER): Blob {
  const layer = `sha256:${createHash('sha256').update(configBlob.digest).digest('hex')}`
  return blob(mediaType, {
    schemaVersion: 2,
    mediaType,
    config: descriptor(configBlob),
    layers: [{ mediaType: layerType, digest: layer, size: 31_415_926 }],
  })
}

function platformOf(platform: string): Record<string, string> {
  const [os, architecture, variant] = platform.split('/')
  return { architecture: architecture!, os: os!, ...(variant ? { variant } : {}) }
}

export interface BuildxImageOptions {
  /** The labels of every platform's config; null writes `"Labels": null`, undefined none at all. */
  labels?: Record<string, string> | null
  /** Labels for one platform only, to tell which config was read. */
  labelsFor?: Record<string, Record<string, string>>
  platforms?: string[]
  /** BuildKit's provenance attestations (build-push-action's default). */
  attestations?: boolean
}

/** `docker buildx build --platform linux/amd64,linux/arm64 --push`, as GHCR then serves it: an OCI index. */
export function buildxImage(o: BuildxImageOptions = {}): FakeImage {
  const platforms = o.platforms ?? ['linux/amd64', 'linux/arm64']
  const blobs: Blob[] = []
  const configs = new Map<string, Blob>()
  const images = platforms.map((platform) => {
    const configBlob = blob(OCI_CONFIG, config(platform, o.labelsFor?.[platform] ?? o.labels))
    const manifest = imageManifest('application/vnd.oci.image.manifest.v1+json', configBlob)
    blobs.push(configBlob, manifest)
    configs.set(manifest.digest, configBlob)
    return { platform, manifest }
  })
  const attestations =
    (o.attestations ?? true)
      ? images.map(({ manifest }) => {
          const attestationConfig = blob(OCI_CONFIG, {
            architecture: 'unknown',
            os: 'unknown',
            config: {},
            rootfs: { type: 'layers', diff_ids: [] },
          })
          const statement = blob('application/vnd.in-toto+json', {
            _type: 'https://in-toto.io/Statement/v0.1',
            predicateType: 'https://slsa.dev/provenance/v0.2',
          })
          const attestation = blob('application/vnd.oci.image.manifest.v1+json', {
            schemaVersion: 2,
            mediaType: 'application/vnd.oci.image.manifest.v1+json',
            config: descriptor(attestationConfig),
            layers: [descriptor(statement, { annotations: { 'in-toto.io/predicate-type': 'https://slsa.dev/provenance/v0.2' } })],
          })
          blobs.push(attestationConfig, statement, attestation)
          return descriptor(attestation, {
            annotations: { 'vnd.docker.reference.digest': manifest.digest, 'vnd.docker.reference.type': 'attestation-manifest' },
            platform: { architecture: 'unknown', os: 'unknown' },
          })
        })
      : []
  const root = blob('application/vnd.oci.image.index.v1+json', {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: [...images.map(({ platform, manifest }) => descriptor(manifest, { platform: platformOf(platform) })), ...attestations],
  })
  return { root, blobs: [...blobs, root], configs }
}

/** `docker build` + `docker push` of one platform: a Docker Image Manifest V2, Schema 2. */
export function dockerV2Image(o: { labels?: Record<string, string> | null; platform?: string } = {}): FakeImage {
  const configBlob = blob('application/vnd.docker.container.image.v1+json', config(o.platform ?? 'linux/amd64', o.labels))
  const root = imageManifest(
    'application/vnd.docker.distribution.manifest.v2+json',
    configBlob,
    'application/vnd.docker.image.rootfs.diff.tar.gzip',
  )
  return { root, blobs: [configBlob, root], configs: new Map([[root.digest, configBlob]]) }
}

export interface RegistryRequest {
  method: string
  path: string
  query: URLSearchParams
  /** The scheme of the Authorization header (`Basic`, `Bearer`), undefined without one. */
  auth?: string
  /** The Basic credentials' password, when Basic. */
  password?: string
  accept?: string
  status: number
}

export interface FakeRegistryOptions {
  /** `token`: ghcr.io's bearer flow. `none`: a registry that asks for nothing. */
  auth?: 'token' | 'none'
  /** Passwords the token service knows: `read` may pull every repository, `none` gets a token that reaches nothing. */
  passwords?: Record<string, 'read' | 'none'>
  /** Repository paths anyone may pull. */
  public?: string[]
  /** Where the challenge sends clients for a token; the registry's own /token by default. */
  realm?: (own: string) => string
  /** Serve blobs by redirecting to another origin, as ghcr.io sends them to its CDN. */
  cdn?: boolean
}

interface Tag {
  image: FakeImage
  /** Manifest requests that answer MANIFEST_UNKNOWN before the tag exists (a registry lagging the push). */
  hiddenFor: number
  /** Serve a Docker-Content-Digest that is not the body's. */
  wrongDigestHeader: boolean
}

function errors(code: string, message: string): string {
  return JSON.stringify({ errors: [{ code, message }] })
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  )
}

export class FakeRegistry {
  readonly requests: RegistryRequest[] = []
  /** Requests the CDN received, with their Authorization scheme if any. */
  readonly cdnRequests: RegistryRequest[] = []
  private readonly repositories = new Map<string, Map<string, Tag>>()
  private readonly content = new Map<string, Blob>()
  private readonly tokens = new Map<string, 'all' | 'public'>()
  private cdnUrl = ''

  private constructor(
    private readonly o: FakeRegistryOptions,
    private readonly server: Server,
    private readonly cdn: Server | undefined,
    readonly url: string,
  ) {}

  static async start(o: FakeRegistryOptions = {}): Promise<FakeRegistry> {
    const server = createServer()
    const cdn = o.cdn ? createServer() : undefined
    const url = await listen(server)
    const registry = new FakeRegistry(o, server, cdn, url)
    server.on('request', (req, res) => registry.handle(req, res))
    if (cdn) {
      registry.cdnUrl = await listen(cdn)
      cdn.on('request', (req, res) => registry.serveCdn(req, res))
    }
    return registry
  }

  /** host:port, the registry part of an image reference. */
  get host(): string {
    return new URL(this.url).host
  }

  push(path: string, tag: string, image: FakeImage, o: { appearsAfter?: number; wrongDigestHeader?: boolean } = {}): void {
    const tags = this.repositories.get(path) ?? new Map<string, Tag>()
    tags.set(tag, { image, hiddenFor: o.appearsAfter ?? 0, wrongDigestHeader: o.wrongDigestHeader ?? false })
    this.repositories.set(path, tags)
    for (const b of image.blobs) this.content.set(b.digest, b)
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server.close(resolve))
    if (this.cdn) await new Promise((resolve) => this.cdn!.close(resolve))
  }

  private record(req: IncomingMessage, url: URL, status: number, into = this.requests): void {
    const header = req.headers.authorization
    const [scheme, value] = header ? header.split(' ') : []
    const password = scheme === 'Basic' && value ? Buffer.from(value, 'base64').toString().split(':').slice(1).join(':') : undefined
    into.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      auth: scheme,
      password,
      accept: req.headers.accept,
      status,
    })
  }

  private send(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    status: number,
    body: string | Buffer,
    headers: Record<string, string> = {},
  ): void {
    this.record(req, url, status)
    res.writeHead(status, { 'content-type': 'application/json', 'docker-distribution-api-version': 'registry/2.0', ...headers })
    res.end(body)
  }

  private challenge(path: string): Record<string, string> {
    const realm = this.o.realm ? this.o.realm(`${this.url}/token`) : `${this.url}/token`
    return { 'www-authenticate': `Bearer realm="${realm}",service="${this.host}",scope="repository:${path}:pull"` }
  }

  private issueToken(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const header = req.headers.authorization
    if (header?.startsWith('Basic ')) {
      const password = Buffer.from(header.slice(6), 'base64').toString().split(':').slice(1).join(':')
      const grant = this.o.passwords?.[password]
      if (grant === undefined) return this.send(req, res, url, 403, errors('DENIED', 'denied'))
      const token = `reg_${randomBytes(8).toString('hex')}`
      this.tokens.set(token, grant === 'read' ? 'all' : 'public')
      return this.send(req, res, url, 200, JSON.stringify({ token, expires_in: 300 }))
    }
    const scope = url.searchParams.get('scope') ?? ''
    const path = /^repository:([^:]+):/.exec(scope)?.[1] ?? ''
    if (!this.o.public?.includes(path)) return this.send(req, res, url, 401, errors('UNAUTHORIZED', 'authentication required'))
    const token = `reg_${randomBytes(8).toString('hex')}`
    this.tokens.set(token, 'public')
    return this.send(req, res, url, 200, JSON.stringify({ token }))
  }

  /** undefined: allowed; else the reply that refuses. */
  private refusal(req: IncomingMessage, path: string): { status: number; body: string; headers?: Record<string, string> } | undefined {
    if ((this.o.auth ?? 'token') === 'none') return undefined
    const header = req.headers.authorization
    const access = header?.startsWith('Bearer ') ? this.tokens.get(header.slice(7)) : undefined
    if (access === undefined) return { status: 401, body: errors('UNAUTHORIZED', 'authentication required'), headers: this.challenge(path) }
    if (access === 'all' || this.o.public?.includes(path)) return undefined
    return { status: 403, body: errors('DENIED', 'installation not allowed to Read organization package') }
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', this.url)
    if (url.pathname === '/token') return this.issueToken(req, res, url)
    const route = /^\/v2\/(.+)\/(manifests|blobs)\/([^/]+)$/.exec(url.pathname)
    if (!route) return this.send(req, res, url, 404, errors('NOT_FOUND', 'no route'))
    const [, path, kind, reference] = route as unknown as [string, string, string, string]
    const refused = this.refusal(req, path)
    if (refused) return this.send(req, res, url, refused.status, refused.body, refused.headers)
    const tags = this.repositories.get(path)
    if (!tags) return this.send(req, res, url, 404, errors('NAME_UNKNOWN', 'repository name not known to registry'))
    if (kind === 'blobs') {
      const found = this.content.get(reference)
      if (!found) return this.send(req, res, url, 404, errors('BLOB_UNKNOWN', 'blob unknown to registry'))
      if (this.cdn) return this.send(req, res, url, 307, '', { location: `${this.cdnUrl}/blobs/${reference}` })
      return this.send(req, res, url, 200, found.bytes, { 'content-type': found.mediaType, 'docker-content-digest': found.digest })
    }
    let found: Blob | undefined
    let wrongDigestHeader = false
    if (reference.startsWith('sha256:')) {
      found = this.content.get(reference)
    } else {
      const tag = tags.get(reference)
      if (tag && tag.hiddenFor > 0) tag.hiddenFor--
      else if (tag) found = tag.image.root
      wrongDigestHeader = tag?.wrongDigestHeader ?? false
    }
    if (!found) return this.send(req, res, url, 404, errors('MANIFEST_UNKNOWN', 'manifest unknown'))
    const digest = wrongDigestHeader ? `sha256:${'0'.repeat(64)}` : found.digest
    return this.send(req, res, url, 200, found.bytes, { 'content-type': found.mediaType, 'docker-content-digest': digest })
  }

  private serveCdn(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', this.cdnUrl)
    const found = this.content.get(url.pathname.replace('/blobs/', ''))
    this.record(req, url, found ? 200 : 404, this.cdnRequests)
    res.writeHead(found ? 200 : 404, { 'content-type': 'application/octet-stream' })
    res.end(found?.bytes ?? '')
  }
}
