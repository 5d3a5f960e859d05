// The registry's HTTP API (OCI distribution spec, https://github.com/opencontainers/distribution-spec/blob/main/spec.md):
// the manifest a tag resolves to, the platform manifest, the config blob; a bearer token from the
// registry's token service when it challenges (distribution/distribution, docs/content/spec/auth/token.md).
// Node's built-in fetch, no dependency. The GitHub token goes only where mayReceiveToken allows,
// and never into a message.
import type { ParsedImageReference } from '../core/image-ref.js'
import { digestOf, MANIFEST_ACCEPT, parseImageConfig, parseManifest, type ManifestDocument } from '../core/image-manifest.js'
import { mayReceiveToken, parseChallenge, registryBaseUrl, type Challenge } from '../core/registry-access.js'
import { RegistryError } from './errors.js'
import type { Resolved, Transport } from './transport.js'

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
  /** Per request. */
  timeoutMs?: number
}

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

function fail(reply: Reply, what: string, host: string): RegistryError {
  const why = errorText(reply)
  if (reply.status === 401 || reply.status === 403) return new RegistryError('denied', `${host} refused to serve ${what} (${why}).`)
  if (reply.status === 404) return new RegistryError('missing', `${what} is not in ${host} (${why}).`)
  if (reply.status === 429 || reply.status >= 500) return new RegistryError('unavailable', `${host} failed to serve ${what} (${why}).`)
  return new RegistryError('invalid', `${host} answered ${why} for ${what}.`)
}

export function httpTransport(ref: ParsedImageReference, o: HttpOptions): Transport {
  const base = registryBaseUrl(ref.registry)
  const host = new URL(base).host
  let authorization: string | undefined

  /** One GET, redirects followed by hand so that credentials never follow to another origin (a blob CDN). */
  async function send(url: URL, accept: string, auth: string | undefined): Promise<Reply> {
    let target = url
    for (let hop = 0; ; hop++) {
      let response: Response
      try {
        const sameOrigin = target.origin === url.origin
        response = await o.fetch(target, {
          headers: { accept, 'user-agent': 'ci-image', ...(auth && sameOrigin ? { authorization: auth } : {}) },
          redirect: 'manual',
          signal: AbortSignal.timeout(o.timeoutMs ?? 30_000),
        })
      } catch (error) {
        const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error)
        throw new RegistryError('unavailable', `Cannot reach ${target.host}: ${cause}.`)
      }
      const location = response.headers.get('location')
      if (REDIRECTS.has(response.status) && location && hop < MAX_REDIRECTS) {
        await response.body?.cancel()
        target = new URL(location, target)
        continue
      }
      return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) }
    }
  }

  /** A bearer token from the challenge's realm, with the GitHub token only where it may go. */
  async function bearer(challenge: Challenge): Promise<string> {
    const realm = challenge.params.realm
    let url: URL
    try {
      url = new URL(realm ?? '')
    } catch {
      throw new RegistryError('invalid', `${host} asked for a bearer token without a valid realm ("${realm ?? ''}").`)
    }
    if (challenge.params.service) url.searchParams.set('service', challenge.params.service)
    const scopes = (challenge.params.scope ?? `repository:${ref.path}:pull`).split(' ').filter(Boolean)
    for (const scope of scopes) url.searchParams.append('scope', scope)
    const credentials = o.token && mayReceiveToken(base, o.tokenHosts, url.href) ? basic(o.token) : undefined
    const reply = await send(url, 'application/json', credentials)
    if (reply.status !== 200) throw fail(reply, `a token for ${ref.path} (${credentials ? 'with' : 'without'} the GitHub token)`, url.host)
    let token: unknown
    try {
      const json = JSON.parse(new TextDecoder().decode(reply.bytes)) as { token?: unknown; access_token?: unknown }
      // "At least one of these fields must be specified" (token.md, Token Response Fields).
      token = json.token ?? json.access_token
    } catch {
      token = undefined
    }
    if (typeof token !== 'string' || token === '') throw new RegistryError('invalid', `${url.host} answered no token.`)
    return `Bearer ${token}`
  }

  function basic(token: string): string {
    const username = o.username ?? (process.env.GITHUB_ACTOR || 'ci-image')
    return `Basic ${Buffer.from(`${username}:${token}`).toString('base64')}`
  }

  async function answer(challengeHeader: string | null): Promise<string | undefined> {
    const challenge = parseChallenge(challengeHeader ?? '')
    if (challenge?.scheme === 'bearer') return bearer(challenge)
    if (challenge?.scheme === 'basic' && o.token && mayReceiveToken(base, o.tokenHosts)) return basic(o.token)
    return undefined
  }

  /** GET with the registry's auth: anonymous first, then the answer to its challenge, once. */
  async function get(path: string, accept: string, what: string): Promise<Reply> {
    const url = new URL(path, base)
    let reply = await send(url, accept, authorization)
    if (reply.status === 401) {
      const answered = await answer(reply.headers.get('www-authenticate'))
      if (answered !== undefined) {
        authorization = answered
        reply = await send(url, accept, authorization)
      }
    }
    if (reply.status !== 200) throw fail(reply, what, host)
    return reply
  }

  /** The manifest at `reference` (a tag or a digest), its digest checked as the distribution spec asks. */
  async function manifest(reference: string): Promise<Resolved> {
    const what = `${ref.repository}${reference.startsWith('sha256:') ? '@' : ':'}${reference}`
    const reply = await get(`/v2/${ref.path}/manifests/${reference}`, MANIFEST_ACCEPT, what)
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

  return {
    via: 'http',
    resolve: () => manifest(ref.digest ?? ref.tag!),
    async config(digest, resolved) {
      const document: ManifestDocument = digest === resolved.digest ? resolved.document : (await manifest(digest)).document
      if (document.kind !== 'manifest')
        throw new RegistryError('invalid', `${ref.repository}@${digest} is an index, not an image manifest.`)
      const blob = document.config
      const reply = await get(`/v2/${ref.path}/blobs/${blob.digest}`, blob.mediaType ?? '*/*', `the config of ${ref.repository}@${digest}`)
      if (digestOf(reply.bytes) !== blob.digest)
        throw new RegistryError('invalid', `${host} served a config that does not match ${blob.digest}.`)
      try {
        return parseImageConfig(new TextDecoder().decode(reply.bytes))
      } catch (error) {
        throw new RegistryError('invalid', `The config of ${ref.repository}@${digest}: ${(error as Error).message}`)
      }
    },
  }
}
