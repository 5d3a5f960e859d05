// Reaching a registry: its API's base URL, the challenge it answers a client with, where the
// GitHub token and docker's credentials may go, and what a refusal or a missing tag usually means.
import { describe, expect, it } from 'vitest'
import { isLoopback, mayReceiveCredentials, mayReceiveToken, parseChallenge, registryBaseUrl } from '../../src/registry/registry-access.js'
import { deniedHint, ghcrDeniedCauses, missingTagHint } from '../../src/registry/registry-hints.js'

describe('the challenge of a 401', () => {
  it.each([
    [
      // ghcr.io's, as BuildKit logged it (docker/build-push-action#761).
      'Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:acme/app/ci:pull"',
      { scheme: 'bearer', params: { realm: 'https://ghcr.io/token', service: 'ghcr.io', scope: 'repository:acme/app/ci:pull' } },
    ],
    [
      // The token specification's example: a comma inside a quoted scope.
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:samalba/my-app:pull,push"',
      {
        scheme: 'bearer',
        params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:samalba/my-app:pull,push' },
      },
    ],
    ['Basic realm="Registry Realm"', { scheme: 'basic', params: { realm: 'Registry Realm' } }],
    ['bearer Realm=https://r.example/token , Service=r', { scheme: 'bearer', params: { realm: 'https://r.example/token', service: 'r' } }],
    ['Bearer realm="a \\"quoted\\" realm"', { scheme: 'bearer', params: { realm: 'a "quoted" realm' } }],
    ['Bearer', { scheme: 'bearer', params: {} }],
  ])('%s', (header, challenge) => {
    expect(parseChallenge(header)).toEqual(challenge)
  })

  it.each(['', '   ', '"quoted"'])('is no challenge: %j', (header) => {
    expect(parseChallenge(header)).toBeUndefined()
  })
})

describe('where a registry is reached', () => {
  it.each([
    ['ghcr.io', 'https://ghcr.io'],
    ['docker.io', 'https://registry-1.docker.io'],
    ['containers.github.example.com', 'https://containers.github.example.com'],
    ['127.0.0.1:5000', 'http://127.0.0.1:5000'],
    ['localhost:5000', 'http://localhost:5000'],
    ['[::1]:5000', 'http://[::1]:5000'],
    ['127.example.com:5000', 'https://127.example.com:5000'],
  ])('%s → %s', (registry, url) => {
    expect(registryBaseUrl(registry)).toBe(url)
  })

  it.each([
    ['localhost', true],
    ['127.1.2.3:80', true],
    ['[::1]', true],
    ['localhost.example.com', false],
    ['10.0.0.1:5000', false],
  ])('isLoopback(%s) = %s', (host, loopback) => {
    expect(isLoopback(host)).toBe(loopback)
  })
})

describe('where the GitHub token may be sent', () => {
  it.each([
    ['https://ghcr.io', ['ghcr.io'], 'https://ghcr.io/token', true],
    ['https://ghcr.io', ['ghcr.io'], undefined, true],
    ['https://ghcr.io', ['ghcr.io'], 'https://auth.example.com/token', false],
    ['https://ghcr.io', ['ghcr.io'], 'http://ghcr.io/token', false],
    ['https://ghcr.io', ['ghcr.io'], 'not a url', false],
    ['https://registry-1.docker.io', ['ghcr.io'], 'https://auth.docker.io/token', false],
    ['https://quay.io', ['ghcr.io'], 'https://quay.io/v2/auth', false],
    ['http://127.0.0.1:5000', ['127.0.0.1:5000'], 'http://127.0.0.1:5000/token', true],
    ['http://127.0.0.1:5000', ['127.0.0.1:5000'], 'http://127.0.0.1:5001/token', false],
  ])('%s with token hosts %j, realm %s → %s', (registry, hosts, realm, allowed) => {
    expect(mayReceiveToken(registry, hosts, realm)).toBe(allowed)
  })
})

describe('where docker’s stored credentials may be sent: a realm on HTTPS, or the loopback registry itself', () => {
  it.each([
    ['https://registry-1.docker.io', 'https://auth.docker.io/token', true],
    ['https://ghcr.io', 'https://ghcr.io/token', true],
    ['https://registry.example.com', 'http://registry.example.com/token', false],
    ['https://registry.example.com', 'http://auth.example.com/token', false],
    ['https://registry.example.com', 'http://127.0.0.1:5000/token', false],
    ['http://127.0.0.1:5000', 'http://127.0.0.1:5000/token', true],
    ['http://127.0.0.1:5000', 'http://127.0.0.1:5001/token', false],
    ['http://127.0.0.1:5000', 'http://auth.example.com/token', false],
    ['http://127.0.0.1:5000', 'https://auth.example.com/token', true],
    ['https://registry.example.com', 'ftp://registry.example.com/token', false],
    ['https://registry.example.com', 'not a url', false],
  ])('registry %s, realm %s → %s', (registry, realm, allowed) => {
    expect(mayReceiveCredentials(registry, realm)).toBe(allowed)
  })
})

describe('what a refusal or a missing tag usually means', () => {
  it('on ghcr.io: the job’s permissions, the package’s Actions access, the repository link, each with its docs', () => {
    const hint = deniedHint('ghcr.io')
    const causes = ghcrDeniedCauses()
    expect(causes).toHaveLength(3)
    expect(causes[0]).toContain('`packages: read`')
    expect(causes[0]).toContain('https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#permissions')
    expect(causes[1]).toContain('"Manage Actions access"')
    expect(causes[1]).toContain('#ensuring-workflow-access-to-your-package')
    expect(causes[2]).toContain('org.opencontainers.image.source')
    expect(causes[2]).toContain('https://docs.github.com/en/packages/learn-github-packages/connecting-a-repository-to-a-package')
    for (const cause of causes) expect(hint).toContain(cause)
  })

  it('elsewhere: log in, without GitHub’s package settings', () => {
    expect(deniedHint('registry.example.com')).toBe(
      'Log in to registry.example.com before this step (docker/login-action) with an account that may pull the image.',
    )
  })

  it('a missing pr-N-sha-<7> tag asks whether the build pushed it', () => {
    expect(missingTagHint('ghcr.io/acme/app/ci:pr-42-sha-1a2b3c4')).toContain('the build must push pr-<N>-sha-<7> as well as pr-<N>')
    expect(missingTagHint('ghcr.io/acme/app/ci:v2')).toContain("check the build's `tags` and `push: true`")
  })
})
