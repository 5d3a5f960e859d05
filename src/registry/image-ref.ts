// An image *repository* says where a project's images live (`ghcr.io/acme/app/ci`); an image
// *reference* names one image in it, by tag (`ghcr.io/acme/app/ci:pr-42`) or also by digest
// (`ghcr.io/acme/app/ci:pr-42@sha256:…`). Inputs take repositories; outputs give references.

/** Docker's tag grammar (distribution/reference, reference.go: `tag := /[\w][\w.-]{0,127}/`). */
export const MAX_TAG_LENGTH = 128
const VALID_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/

export function isValidTag(tag: string): boolean {
  return VALID_TAG.test(tag)
}

export function imageReference(imageRepository: string, tag: string): string {
  return `${imageRepository}:${tag}`
}

/** A sha256 digest as registries name content: `sha256:` and 64 lower-case hexadecimal characters. */
export const SHA256_DIGEST = /^sha256:[0-9a-f]{64}$/

/** `ghcr.io/acme/app/ci:pr-42@sha256:…`: the tag kept for people, the digest for machines. */
export function pinnedReference(reference: string, digest: string): string {
  if (!SHA256_DIGEST.test(digest)) throw new Error(`"${digest}" is not an image digest (sha256: and 64 hexadecimal characters).`)
  if (reference.includes('@')) throw new Error(`${reference} is already pinned to a digest.`)
  return `${reference}@${digest}`
}

export interface ParsedImageReference {
  /** The registry as the reference names it (`ghcr.io`, `localhost:5000`), `docker.io` when it names none. */
  registry: string
  /**
   * The repository's path inside the registry, the distribution spec's `<name>` (`acme/app/ci`;
   * `library/node` for Docker Hub's official images).
   */
  path: string
  /** The image repository as written: the reference without tag or digest. */
  repository: string
  tag?: string
  digest?: string
}

// distribution/reference's grammar (regexp.go): a repository is an optional registry host and
// port (`domainAndPort`: components of letters and digits with dashes inside, joined by `.`, or an
// IPv6 address in brackets) and a path of lower-case components separated by `/`, each alphanumeric
// runs joined by `.`, `_`, `__` or dashes (`remoteName`).
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*'
const REPOSITORY_PATH = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`)
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])'
const REGISTRY_HOST = new RegExp(`^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?$`)

/**
 * A repository's registry and the path after it, as docker splits them (distribution/reference,
 * normalize.go, splitDockerDomain): the first component is a registry only when it contains `.` or
 * `:` or is `localhost`; otherwise there is none (the image is on Docker Hub).
 */
function splitRegistry(repository: string): { registry?: string; path: string } {
  const slash = repository.indexOf('/')
  const first = slash < 0 ? undefined : repository.slice(0, slash)
  if (first !== undefined && (/[.:]/.test(first) || first === 'localhost')) return { registry: first, path: repository.slice(slash + 1) }
  return { path: repository }
}

/** Why `repository` (no tag, no digest) is not an image repository; undefined when it is one. */
function repositoryFault(repository: string): string | undefined {
  const { registry, path } = splitRegistry(repository)
  if (registry !== undefined && !REGISTRY_HOST.test(registry))
    return `the registry "${registry}" is not a host name or address with an optional port`
  if (!REPOSITORY_PATH.test(path)) return `the repository path "${path}" must be lower-case components separated by /`
  return undefined
}

/** Whether `repository` is an image repository docker takes: `ghcr.io/acme/app/ci`, `localhost:5000/ci`, `node`. */
export function isImageRepository(repository: string): boolean {
  return repositoryFault(repository) === undefined
}

/**
 * The image repository with its path lower-cased: what registries take. The path grammar is
 * lower-case and docker refuses anything else ("repository name must be lowercase", normalize.go);
 * the registry's host, which the grammar lets be upper-case, is kept as given.
 */
export function lowerCaseImagePath(repository: string): string {
  const { registry, path } = splitRegistry(repository)
  return registry === undefined ? path.toLowerCase() : `${registry}/${path.toLowerCase()}`
}

/**
 * Splits an image reference as docker reads it (distribution/reference, normalize.go,
 * splitDockerDomain): without a registry the image is on Docker Hub, whose one-component names
 * live in `library/`.
 */
export function parseImageReference(reference: string): ParsedImageReference {
  const bad = (why: string) => new Error(`"${reference}" is not an image reference: ${why}.`)
  const at = reference.indexOf('@')
  const digest = at >= 0 ? reference.slice(at + 1) : undefined
  if (digest !== undefined && !SHA256_DIGEST.test(digest)) throw bad(`the digest "${digest}" is not sha256: and 64 hexadecimal characters`)
  const named = at >= 0 ? reference.slice(0, at) : reference
  const colon = named.lastIndexOf(':')
  const tag = colon > named.lastIndexOf('/') ? named.slice(colon + 1) : undefined
  const repository = tag === undefined ? named : named.slice(0, colon)
  if (tag !== undefined && !isValidTag(tag)) throw bad(`the tag "${tag}" is not a valid tag`)
  const fault = repositoryFault(repository)
  if (fault !== undefined) throw bad(fault)
  const split = splitRegistry(repository)
  const registry = split.registry === undefined || split.registry === 'index.docker.io' ? 'docker.io' : split.registry
  const path = registry === 'docker.io' && !split.path.includes('/') ? `library/${split.path}` : split.path
  return { registry, path, repository, tag, digest }
}
