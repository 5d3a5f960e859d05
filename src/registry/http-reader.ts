// The registry's HTTP API as every reader here reaches it (inspect.ts for an image's digest and
// labels, diff/compare.ts for two images' layers and SBOMs): with the credentials docker stored for
// the registry, the GitHub token only where it may go, Node's fetch.
import { dockerCredential, type RegistryCredential } from './docker-credentials.js'
import { httpTransport, type HttpTransport } from './http.js'
import type { ParsedImageReference } from './image-ref.js'

/** Where the GitHub token may go unless told otherwise: github.com's Container registry. */
export const GITHUB_TOKEN_HOSTS: readonly string[] = ['ghcr.io']

export interface RegistryReadOptions {
  /** The GitHub token, sent only to `tokenHosts` (never logged). */
  token?: string
  /** Registries the token is for: ghcr.io unless told otherwise (a GHES container registry host). */
  tokenHosts?: readonly string[]
  /** The username sent with the token; the runner's GITHUB_ACTOR by default. */
  username?: string
  /**
   * The credentials for the image's registry; by default those docker stored
   * (`$DOCKER_CONFIG/config.json`, its credential helpers), read from `env`.
   */
  credential?: RegistryCredential
  /** Where DOCKER_CONFIG and HOME are read: process.env by default. */
  env?: NodeJS.ProcessEnv
  fetch?: typeof fetch
}

/** The HTTP API of `ref`'s registry; without docker's stored credentials when `dockerCredentials` is false. */
export async function readRegistryOverHttp(
  ref: ParsedImageReference,
  o: RegistryReadOptions,
  dockerCredentials = true,
): Promise<HttpTransport> {
  const credential = o.credential ?? (dockerCredentials ? await dockerCredential(ref.registry, o.env) : undefined)
  return httpTransport(ref, {
    token: o.token,
    tokenHosts: o.tokenHosts ?? GITHUB_TOKEN_HOSTS,
    username: o.username,
    credential,
    fetch: o.fetch ?? fetch,
  })
}
