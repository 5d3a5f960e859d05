// Where docker keeps the credentials of a registry, read from its config.json as the docker CLI
// reads it (docker/cli, cli/config/configfile/file.go and cli/config/credentials/file_store.go):
// - `credHelpers[<key>]`, else `credsStore`: a program `docker-credential-<name>` holds them
//   (getConfiguredCredentialStore);
// - else `auths[<key>]`, or an entry whose key reduces to the same host (`https://host/v1/`,
//   fileStore.Get with ConvertToHostname): `auth` is base64 of `user:password` (decodeAuth),
//   `identitytoken` an OAuth2 refresh token.
// Docker Hub's key is `https://index.docker.io/v1/` (getAuthConfigKey).

export interface RegistryCredential {
  username: string
  /** The password, or the token a helper or `auth` stored. */
  password?: string
  /** An OAuth2 refresh token (`identitytoken`, or a helper's answer with the user `<token>`). */
  identityToken?: string
  /** Where it came from, for messages: `config.json` or `docker-credential-<name>`. */
  source: string
}

export type CredentialSource =
  { kind: 'helper'; program: string; serverAddress: string } | { kind: 'stored'; credential: RegistryCredential } | { kind: 'none' }

interface AuthEntry {
  auth?: unknown
  identitytoken?: unknown
}

export interface DockerConfig {
  auths: Record<string, AuthEntry>
  credHelpers: Record<string, string>
  credsStore?: string
}

const DOCKER_HUB_KEY = 'https://index.docker.io/v1/'

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}

/** The key docker stores a registry's credentials under (getAuthConfigKey). */
export function authConfigKey(registry: string): string {
  return registry === 'docker.io' || registry === 'index.docker.io' || registry === 'registry-1.docker.io' ? DOCKER_HUB_KEY : registry
}

/** The host an `auths` key names: `https://127.0.0.1:5000/v1/` → `127.0.0.1:5000` (ConvertToHostname). */
function convertToHostname(key: string): string {
  const stripped = key.includes('://') ? key.slice(key.indexOf('://') + 3) : key
  return stripped.split('/')[0]!
}

/** config.json's text; `what` names the file in the error. */
export function parseDockerConfig(text: string, what: string): DockerConfig {
  let json: Record<string, unknown>
  try {
    json = record(JSON.parse(text))
  } catch {
    throw new Error(`${what} is not valid JSON: fix or remove it (docker reads the same file).`)
  }
  const helpers = Object.entries(record(json.credHelpers)).filter((e): e is [string, string] => typeof e[1] === 'string')
  return {
    auths: record(json.auths) as Record<string, AuthEntry>,
    credHelpers: Object.fromEntries(helpers),
    credsStore: typeof json.credsStore === 'string' && json.credsStore !== '' ? json.credsStore : undefined,
  }
}

/** A helper's name becomes a program name: nothing that could leave docker-credential-*. */
const HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/

function stored(entry: AuthEntry, key: string, what: string): RegistryCredential | undefined {
  const identityToken = typeof entry.identitytoken === 'string' && entry.identitytoken !== '' ? entry.identitytoken : undefined
  if (typeof entry.auth !== 'string' || entry.auth === '') return identityToken ? { username: '', identityToken, source: what } : undefined
  const decoded = Buffer.from(entry.auth, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  // decodeAuth: "invalid auth configuration file" without a user name.
  if (colon <= 0) throw new Error(`${what}: the \`auth\` of "${key}" is not base64 of user:password (docker would refuse it too).`)
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1).replace(/\0+$/, ''), identityToken, source: what }
}

/** Where the credentials for `registry` are, as docker would look for them. */
export function credentialSource(config: DockerConfig, registry: string, what: string): CredentialSource {
  const key = authConfigKey(registry)
  const helper = config.credHelpers[key] ?? config.credsStore
  if (helper !== undefined) {
    if (!HELPER_NAME.test(helper)) throw new Error(`${what}: the credential helper "${helper}" for ${registry} is not a valid helper name.`)
    return { kind: 'helper', program: `docker-credential-${helper}`, serverAddress: key }
  }
  const entry = config.auths[key] ?? Object.entries(config.auths).find(([k]) => convertToHostname(k) === key)?.[1]
  const credential = entry ? stored(record(entry), key, what) : undefined
  return credential ? { kind: 'stored', credential } : { kind: 'none' }
}

/**
 * A helper's answer to `get` (docker-credential-helpers, credentials.Credentials: ServerURL,
 * Username, Secret); the user `<token>` marks the secret as an identity token (docker/cli,
 * cli/config/credentials/native_store.go, tokenUsername).
 */
export function parseHelperAnswer(stdout: string, program: string): RegistryCredential | undefined {
  let json: Record<string, unknown>
  try {
    json = record(JSON.parse(stdout))
  } catch {
    throw new Error(`${program} get answered something that is not JSON.`)
  }
  const username = typeof json.Username === 'string' ? json.Username : ''
  const secret = typeof json.Secret === 'string' ? json.Secret : ''
  if (secret === '') return undefined
  return username === '<token>' ? { username: '', identityToken: secret, source: program } : { username, password: secret, source: program }
}
