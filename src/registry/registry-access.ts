// How to reach a registry's HTTP API and answer its challenge, decided without I/O: the base URL
// of a registry, the parameters of a `WWW-Authenticate` challenge, and where a token may be sent.

/** Docker Hub's API does not live at docker.io (containerd, remotes/docker/registry.go: docker.io → registry-1.docker.io). */
const API_HOSTS: Record<string, string> = { 'docker.io': 'registry-1.docker.io' }

/**
 * Loopback registries speak plain HTTP, as containerd assumes for them (remotes/docker/registry.go,
 * MatchLocalhost: localhost, 127.0.0.1, ::1); every other registry is reached over HTTPS.
 */
export function isLoopback(host: string): boolean {
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d+$/, '')
  return name === 'localhost' || name === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(name)
}

/** `https://ghcr.io`, `https://registry-1.docker.io`, `http://127.0.0.1:5000`. */
export function registryBaseUrl(registry: string): string {
  const host = API_HOSTS[registry] ?? registry
  return `${isLoopback(host) ? 'http' : 'https'}://${host}`
}

export interface Challenge {
  /** Lower-cased: `bearer`, `basic`. */
  scheme: string
  params: Record<string, string>
}

const PARAM = /\s*([A-Za-z0-9!#$%&'*+.^_`|~-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,"]*))\s*(?:,|$)/y

/**
 * The first challenge of a `WWW-Authenticate` header (RFC 7235 auth-params, as the token
 * specification shows it: `Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:samalba/my-app:pull,push"`,
 * distribution/distribution, docs/content/spec/auth/token.md). Quoted values may hold commas.
 */
export function parseChallenge(header: string): Challenge | undefined {
  const scheme = /^\s*([A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*)(?:\s+|$)/.exec(header)
  if (!scheme) return undefined
  const params: Record<string, string> = {}
  PARAM.lastIndex = scheme[0].length
  for (let m = PARAM.exec(header); m; m = PARAM.exec(header)) {
    params[m[1]!.toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3]!
    if (PARAM.lastIndex >= header.length) break
  }
  return { scheme: scheme[1]!.toLowerCase(), params }
}

/**
 * Whether the credentials docker stored may answer a bearer challenge at `realm`: over HTTPS, to
 * whichever host the registry names, as docker sends them (Docker Hub's realm is auth.docker.io,
 * not registry-1.docker.io); over plain HTTP, where a password in a header can be read on the way
 * (distribution's configuration docs: basic auth only "with TLS configured", and a realm it makes
 * up is https), only to the registry's own host when that registry is plain HTTP on loopback.
 */
export function mayReceiveCredentials(registryUrl: string, realm: string): boolean {
  let target: URL
  try {
    target = new URL(realm)
  } catch {
    return false
  }
  if (target.protocol === 'https:') return true
  const registry = new URL(registryUrl)
  return (
    target.protocol === 'http:' &&
    registry.protocol === 'http:' &&
    isLoopback(registry.host) &&
    target.host.toLowerCase() === registry.host.toLowerCase()
  )
}

/**
 * Whether the GitHub token may be sent to answer a challenge: only to a registry it was given for
 * (ghcr.io by default), and for a bearer challenge only to a realm on that same host, over HTTPS
 * (plain HTTP on loopback alone). A registry, or a realm, elsewhere asks anonymously: the token is
 * worth more than any image.
 */
export function mayReceiveToken(registryUrl: string, tokenHosts: readonly string[], realm?: string): boolean {
  const registry = new URL(registryUrl)
  if (!tokenHosts.map((h) => h.toLowerCase()).includes(registry.host.toLowerCase())) return false
  if (realm === undefined) return true
  let target: URL
  try {
    target = new URL(realm)
  } catch {
    return false
  }
  const secure = target.protocol === 'https:' || (target.protocol === 'http:' && isLoopback(target.host))
  return secure && target.host.toLowerCase() === registry.host.toLowerCase()
}
