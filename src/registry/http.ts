// The registry's HTTP API (OCI distribution spec, https://github.com/opencontainers/distribution-spec/blob/main/spec.md):
// the manifest a tag resolves to, the platform manifest, the config blob unless the manifest's
// annotations carry the labels (image-manifest.ts, annotatedLabels); a bearer token from the
// registry's token service when it challenges (distribution/distribution, docs/content/spec/auth/token.md).
// Node's built-in fetch, no dependency. A challenge is answered with the credentials docker stored
// for the registry (registry/docker-credentials.ts), else with the GitHub token where
// mayReceiveToken allows; no secret ever goes into a message.
import type { RegistryCredential } from './docker-config.js'
import type { ParsedImageReference } from './image-ref.js'
import {
  annotatedLabels,
  digestOf,
  MANIFEST_ACCEPT,
  parseImageConfig,
  parseManifest,
  type Descriptor,
  type ManifestDocument,
} from './image-manifest.js'
import { mayReceiveCredentials, mayReceiveToken, parseChallenge, registryBaseUrl, type Challenge } from './registry-access.js'
import { RegistryError } from './errors.js'
import type { Resolved, Transport } from './transport.js'
import { REGISTRY_REQUEST_TIMEOUT_MS } from '../timing/timing.js'

export interface HttpOptions {
  token?: string
  /** Registry hosts the token may be sent to (ghcr.io). */
  tokenHosts: readonly string[]
  fetch: typeof fetch
  /**
   * The username sent with the token. GitHub documents logging in to ghcr.io with `github.actor`
   * and the GITHUB_TOKEN as password (GitHub Docs, "Publishing Docker images"), that is the
   * runner's GITHUB_ACTOR, the default.
   */
  username?: string
  /** What docker stored for this registry (`docker login`); it comes before the GitHub token. */
  credential?: RegistryCredential
  /** Per request (default: timing's REGISTRY_REQUEST_TIMEOUT_MS). */
  timeoutMs?: number
}

/**
 * distribution refuses a manifest larger than 4 MiB on push (registry/handlers/manifests.go,
 * maxManifestBodySize), so no registry running it serves a larger one: more is not a manifest.
 */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024
/**
 * No registry caps an image config; ours: labels, environment and history are kilobytes, and
 * 8 MiB keeps a hostile answer from filling the runner's memory.
 */
const MAX_CONFIG_BYTES = 8 * 1024 * 1024
/** A token service's JSON answer. */
const MAX_TOKEN_BYTES = 1024 * 1024
const MAX_REDIRECTS = 5
const REDIRECTS = new Set([301, 302, 303, 307, 308])

interface Reply {
  status: number
  headers: Headers
  bytes: Uint8Array
}

/** `DENIED: requested access to the resource is denied`, from the distribution spec's error body. */
function errorText(reply: Reply): string {
  const text = new TextDecoder().decode(reply.bytes)
  try {
    const errors = (JSON.parse(text) as { errors?: { code?: string; message?: string }[] }).errors ?? []
    const described = errors.map((e) => [e.code, e.message].filter(Boolean).join(': ')).filter(Boolean)
    if (described.length > 0) return `${reply.status} ${described.join('; ')}`
  } catch {
    // Not the spec's error body: the status says enough.
  }
  return String(reply.status)
}

/** Who answered a challenge, for the message of a refusal: never the secret. */
type Sender =
  | { kind: 'docker'; username: string; source: string }
  | { kind: 'github' }
  | { kind: 'anonymous' }
  /** Docker's credentials were kept from a token service on plain HTTP (mayReceiveCredentials): asked anonymously. */
  | { kind: 'withheld'; source: string; realm: string }

function refusedBy(sender: Sender, host: string): string {
  switch (sender.kind) {
    case 'docker':
      return `${host} refused the credentials of ${sender.username ? `"${sender.username}"` : 'an identity token'} (from ${sender.source})`
    case 'github':
      return `${host} refused the GitHub token (github-token)`
    case 'anonymous':
      return `There are no credentials for ${host} (docker stored none, and the GitHub token is only for ghcr.io)`
    case 'withheld':
      return `The credentials docker stored for the registry (from ${sender.source}) were not sent to its token service ${sender.realm}, on plain HTTP, and ${host} refused to serve anonymously`
  }
}

function fail(reply: Reply, what: string, host: string, sender: Sender): RegistryError {
  const why = errorText(reply)
  if (reply.status === 401 || reply.status === 403) {
    return new RegistryError(
      'denied',
      `${refusedBy(sender, host)}: it does not serve ${what} (${why}).`,
      sender.kind === 'anonymous' ? 'none' : sender.kind === 'withheld' ? 'withheld' : 'refused',
    )
  }
  if (reply.status === 404) return new RegistryError('missing', `${what} is not in ${host} (${why}).`)
  if (reply.status === 429 || reply.status >= 500) return new RegistryError('unavailable', `${host} failed to serve ${what} (${why}).`)
  return new RegistryError('invalid', `${host} answered ${why} for ${what}.`)
}

/** The body, at most `limit` bytes: a larger answer is refused before it is all read. */
async function readCapped(response: Response, limit: number, what: string, host: string): Promise<Uint8Array> {
  const tooLarge = () =>
    new RegistryError('invalid', `${host} answered more than ${limit / (1024 * 1024)} MiB for ${what}; ci-image reads no more than that.`)
  if (Number(response.headers.get('content-length') ?? 0) > limit) {
    await response.body?.cancel()
    throw tooLarge()
  }
  if (!response.body) return new Uint8Array()
  const chunks: Uint8Array[] = []
  let size = 0
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength
    if (size > limit) {
      await response.body.cancel().catch(() => undefined)
      throw tooLarge()
    }
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

interface Request {
  accept: string
  limit: number
  what: string
  auth?: string
  /** A form POST (an OAuth2 token request); GET without. */
  form?: URLSearchParams
}

/** The HTTP transport also reads any manifest of the repository and any blob, each checked against its digest. */
export interface HttpTransport extends Transport {
  /** The manifest or index at `reference` (a tag or a digest). */
  manifest(reference: string): Promise<Resolved>
  /** The blob `descriptor` names: at most `limit` bytes (refused unread when its descriptor says more). */
  blob(descriptor: Descriptor, limit: number, what: string): Promise<Uint8Array>
}

export function httpTransport(ref: ParsedImageReference, o: HttpOptions): HttpTransport {
  const base = registryBaseUrl(ref.registry)
  const host = new URL(base).host
  let authorization: string | undefined
  let sender: Sender = { kind: 'anonymous' }
  const credential = o.credential

  /** One request, redirects followed by hand so that credentials never follow to another origin (a blob CDN). */
  async function send(url: URL, r: Request): Promise<Reply> {
    let target = url
    for (let hop = 0; ; hop++) {
      let response: Response
      try {
        const sameOrigin = target.origin === url.origin
        const headers: Record<string, string> = { accept: r.accept, 'user-agent': 'ci-image' }
        if (r.auth && sameOrigin) headers.authorization = r.auth
        if (r.form) headers['content-type'] = 'application/x-www-form-urlencoded'
        response = await o.fetch(target, {
          method: r.form ? 'POST' : 'GET',
          headers,
          body: r.form?.toString(),
          redirect: 'manual',
          signal: AbortSignal.timeout(o.timeoutMs ?? REGISTRY_REQUEST_TIMEOUT_MS),
        })
      } catch (error) {
        const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error)
        throw new RegistryError('unavailable', `Cannot reach ${target.host}: ${cause}.`)
      }
      const location = response.headers.get('location')
      if (REDIRECTS.has(response.status) && location && hop < MAX_REDIRECTS && !r.form) {
        await response.body?.cancel()
        target = new URL(location, target)
        continue
      }
      return { status: response.status, headers: response.headers, bytes: await readCapped(response, r.limit, r.what, target.host) }
    }
  }

  function basic(username: string, password: string): string {
    return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`
  }

  function githubBasic(token: string): string {
    return basic(o.username ?? (process.env.GITHUB_ACTOR || 'ci-image'), token)
  }

  function readToken(reply: Reply, tokenHost: string): string {
    let token: unknown
    try {
      const json = JSON.parse(new TextDecoder().decode(reply.bytes)) as { token?: unknown; access_token?: unknown }
      // "At least one of these fields must be specified" (token.md, Token Response Fields).
      token = json.token ?? json.access_token
    } catch {
      token = undefined
    }
    if (typeof token !== 'string' || token === '') throw new RegistryError('invalid', `${tokenHost} answered no token.`)
    return `Bearer ${token}`
  }

  /**
   * A bearer token from the challenge's realm: with docker's credentials as docker sends them
   * (basic auth on a GET, or an identity token as an OAuth2 refresh token in a POST:
   * distribution/distribution, internal/client/auth/session.go, fetchTokenWithOAuth) where they
   * may go (mayReceiveCredentials), else the GitHub token only where it may go, else anonymously.
   */
  async function bearer(challenge: Challenge): Promise<string> {
    const realm = challenge.params.realm
    let url: URL
    try {
      url = new URL(realm ?? '')
    } catch {
      throw new RegistryError('invalid', `${host} asked for a bearer token without a valid realm ("${realm ?? ''}").`)
    }
    const scopes = (challenge.params.scope ?? `repository:${ref.path}:pull`).split(' ').filter(Boolean)
    const what = `a token for ${ref.path}`
    const request: Request = { accept: 'application/json', limit: MAX_TOKEN_BYTES, what }
    const docker = credential && mayReceiveCredentials(base, url.href) ? credential : undefined
    if (docker?.identityToken) {
      const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: docker.identityToken, client_id: 'ci-image' })
      if (challenge.params.service) form.set('service', challenge.params.service)
      form.set('scope', scopes.join(' '))
      sender = { kind: 'docker', username: docker.username, source: docker.source }
      const reply = await send(url, { ...request, form })
      if (reply.status !== 200) throw fail(reply, what, url.host, sender)
      return readToken(reply, url.host)
    }
    if (challenge.params.service) url.searchParams.set('service', challenge.params.service)
    for (const scope of scopes) url.searchParams.append('scope', scope)
    let auth: string | undefined
    if (docker?.password !== undefined) {
      auth = basic(docker.username, docker.password)
      sender = { kind: 'docker', username: docker.username, source: docker.source }
    } else if (o.token && mayReceiveToken(base, o.tokenHosts, url.href)) {
      auth = githubBasic(o.token)
      sender = { kind: 'github' }
    } else if (credential && !docker) {
      sender = { kind: 'withheld', source: credential.source, realm: url.origin }
    }
    const reply = await send(url, { ...request, auth })
    if (reply.status !== 200) throw fail(reply, what, url.host, sender)
    return readToken(reply, url.host)
  }

  async function answer(challengeHeader: string | null): Promise<string | undefined> {
    const challenge = parseChallenge(challengeHeader ?? '')
    if (challenge?.scheme === 'bearer') return bearer(challenge)
    if (challenge?.scheme !== 'basic') return undefined
    if (credential?.password !== undefined) {
      sender = { kind: 'docker', username: credential.username, source: credential.source }
      return basic(credential.username, credential.password)
    }
    if (o.token && mayReceiveToken(base, o.tokenHosts)) {
      sender = { kind: 'github' }
      return githubBasic(o.token)
    }
    return undefined
  }

  /** GET with the registry's auth: anonymous first, then the answer to its challenge, once. */
  async function get(path: string, accept: string, what: string, limit: number): Promise<Reply> {
    const url = new URL(path, base)
    let reply = await send(url, { accept, what, limit, auth: authorization })
    if (reply.status === 401) {
      const answered = await answer(reply.headers.get('www-authenticate'))
      if (answered !== undefined) {
        authorization = answered
        reply = await send(url, { accept, what, limit, auth: authorization })
      }
    }
    if (reply.status !== 200) throw fail(reply, what, host, sender)
    return reply
  }

  /** The manifest at `reference` (a tag or a digest), its digest checked as the distribution spec asks. */
  async function manifest(reference: string): Promise<Resolved> {
    const what = `${ref.repository}${reference.startsWith('sha256:') ? '@' : ':'}${reference}`
    const reply = await get(`/v2/${ref.path}/manifests/${reference}`, MANIFEST_ACCEPT, what, MAX_MANIFEST_BYTES)
    const digest = digestOf(reply.bytes)
    // "the client MUST always verify the content against the digest used to fetch the content"; by
    // tag, the Docker-Content-Digest header is what the registry says it holds.
    const claimed = reference.startsWith('sha256:') ? reference : reply.headers.get('docker-content-digest')
    if (claimed?.startsWith('sha256:') && claimed !== digest) {
      throw new RegistryError('invalid', `${host} served ${what} with digest ${digest}, not ${claimed}.`)
    }
    try {
      return { digest, document: parseManifest(new TextDecoder().decode(reply.bytes), reply.headers.get('content-type') ?? undefined) }
    } catch (error) {
      throw new RegistryError('invalid', `${what}: ${(error as Error).message}`)
    }
  }

  /** A blob, its digest checked as for a manifest; one whose descriptor is over `limit` is not asked for. */
  async function blob(descriptor: Descriptor, limit: number, what: string): Promise<Uint8Array> {
    const tooLarge = () =>
      new RegistryError('invalid', `${what} is larger than ${limit / (1024 * 1024)} MiB; ci-image reads no more than that.`)
    if ((descriptor.size ?? 0) > limit) throw tooLarge()
    const reply = await get(`/v2/${ref.path}/blobs/${descriptor.digest}`, descriptor.mediaType ?? '*/*', what, limit)
    if (digestOf(reply.bytes) !== descriptor.digest)
      throw new RegistryError('invalid', `${host} served ${what} with content that does not match ${descriptor.digest}.`)
    return reply.bytes
  }

  return {
    via: 'http',
    manifest,
    blob,
    resolve: () => manifest(ref.digest ?? ref.tag!),
    async config(digest, resolved) {
      const document: ManifestDocument = digest === resolved.digest ? resolved.document : (await manifest(digest)).document
      if (document.kind !== 'manifest')
        throw new RegistryError('invalid', `${ref.repository}@${digest} is an index, not an image manifest.`)
      // The same labels, one request fewer; the platform is then the index's (inspect.ts).
      const annotated = annotatedLabels(document)
      if (annotated) return { labels: annotated }
      const bytes = await blob(document.config, MAX_CONFIG_BYTES, `the config of ${ref.repository}@${digest}`)
      try {
        return parseImageConfig(new TextDecoder().decode(bytes))
      } catch (error) {
        throw new RegistryError('invalid', `The config of ${ref.repository}@${digest}: ${(error as Error).message}`)
      }
    },
  }
}
