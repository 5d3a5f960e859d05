// Image references as docker reads them, and the digest-pinned reference wait-for-build hands on.
import { describe, expect, it } from 'vitest'
import { isImageRepository, lowerCaseImagePath, parseImageReference, pinnedReference } from '../../src/registry/image-ref.js'

const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`

describe('an image reference, split as docker splits it', () => {
  it.each([
    ['ghcr.io/acme/app/ci:pr-42', { registry: 'ghcr.io', path: 'acme/app/ci', repository: 'ghcr.io/acme/app/ci', tag: 'pr-42' }],
    [`ghcr.io/acme/app/ci:pr-42@${DIGEST}`, { registry: 'ghcr.io', path: 'acme/app/ci', tag: 'pr-42', digest: DIGEST }],
    [`ghcr.io/acme/app/ci@${DIGEST}`, { registry: 'ghcr.io', path: 'acme/app/ci', tag: undefined, digest: DIGEST }],
    ['localhost:5000/ci:v2', { registry: 'localhost:5000', path: 'ci', tag: 'v2' }],
    ['localhost/ci:v2', { registry: 'localhost', path: 'ci', tag: 'v2' }],
    ['127.0.0.1:5000/acme/ci:v2', { registry: '127.0.0.1:5000', path: 'acme/ci', tag: 'v2' }],
    // No dot, colon or localhost in the first component: Docker Hub, official images under library/.
    ['node:24', { registry: 'docker.io', path: 'library/node', repository: 'node', tag: '24' }],
    ['acme/app:latest', { registry: 'docker.io', path: 'acme/app', tag: 'latest' }],
    ['index.docker.io/library/node:24', { registry: 'docker.io', path: 'library/node', tag: '24' }],
    ['containers.github.example.com/acme/app/ci:v2', { registry: 'containers.github.example.com', path: 'acme/app/ci', tag: 'v2' }],
    ['ghcr.io/acme/app/ci', { registry: 'ghcr.io', path: 'acme/app/ci', tag: undefined, digest: undefined }],
  ])('%s', (reference, parts) => {
    expect(parseImageReference(reference)).toMatchObject(parts)
  })

  it.each([
    ['ghcr.io/Acme/App/ci:v2', 'the repository path "Acme/App/ci" must be lower-case components separated by /'],
    ['ghcr.io/acme/app/ci:-bad', 'the tag "-bad" is not a valid tag'],
    ['ghcr.io/acme/app/ci@sha256:abc', 'the digest "sha256:abc" is not sha256: and 64 hexadecimal characters'],
    ['ghcr.io/acme//ci:v2', 'the repository path "acme//ci" must be lower-case components separated by /'],
  ])('refuses %s', (reference, why) => {
    expect(() => parseImageReference(reference)).toThrow(`"${reference}" is not an image reference: ${why}.`)
  })
})

// One grammar for the `image` input, the references read and the repository a comment prints:
// docker's (distribution/reference, regexp.go: `domainAndPort` then `remoteName`; normalize.go,
// splitDockerDomain, for where the registry ends).
describe("an image repository, in docker's grammar", () => {
  it.each([
    ['ghcr.io/acme/app/ci', true],
    ['node', true],
    ['localhost/ci', true],
    ['localhost:5000/ci', true],
    ['a__b/c--d.e_f', true],
    // A host may repeat dashes inside a component, be an IPv6 address in brackets, or be upper case.
    ['registry--1.example.com/acme/ci', true],
    ['[::1]:5000/ci', true],
    ['[2001:db8::1]/acme/ci', true],
    ['Registry.Example.com:443/acme/ci', true],
    // A first component with "." or ":" is the registry, which must be a host with an optional port.
    ['my_registry.io/acme/ci', false],
    ['host:abc/ci', false],
    ['-registry.io/ci', false],
    ['registry.io:/ci', false],
    // The path: lower-case alphanumeric runs joined by ".", "_", "__" or dashes, separated by one "/".
    ['acme//ci', false],
    ['acme/ci-', false],
    ['ghcr.io/Acme/ci', false],
    ['ghcr.io/acme/ci:v2', false],
    ['ghcr.io/acme/ci@sha256:abc', false],
    ['ghcr.io/acme/app ci', false],
    ['', false],
  ])('%j is a repository: %s', (repository, valid) => {
    expect(isImageRepository(repository)).toBe(valid)
  })

  it('names the host a reference cannot be read from', () => {
    expect(() => parseImageReference('my_registry.io/acme/ci:v2')).toThrow(
      '"my_registry.io/acme/ci:v2" is not an image reference: the registry "my_registry.io" is not a host name or address with an optional port.',
    )
  })

  it('lower-cases the path and keeps the host as written', () => {
    expect(lowerCaseImagePath('Registry.Example.com/Acme/CI')).toBe('Registry.Example.com/acme/ci')
    expect(lowerCaseImagePath('Acme/CI')).toBe('acme/ci')
  })
})

describe('the pinned reference', () => {
  it('keeps the tag for people and adds the digest for machines', () => {
    expect(pinnedReference('ghcr.io/acme/app/ci:pr-42', DIGEST)).toBe(`ghcr.io/acme/app/ci:pr-42@${DIGEST}`)
  })

  it.each(['sha256:abc', `sha512:${'a'.repeat(128)}`, DIGEST.toUpperCase().replace('SHA256', 'sha256'), ` ${DIGEST}`])(
    'refuses %j as a digest',
    (digest) => {
      expect(() => pinnedReference('ghcr.io/acme/app/ci:pr-42', digest)).toThrow(`"${digest}" is not an image digest`)
    },
  )

  it('refuses to pin twice', () => {
    expect(() => pinnedReference(`ghcr.io/acme/app/ci:pr-42@${DIGEST}`, DIGEST)).toThrow('is already pinned to a digest')
  })
})
