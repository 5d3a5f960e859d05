// Where docker's config.json keeps a registry's credentials, decided as docker/cli decides it
// (cli/config/configfile/file.go, cli/config/credentials/file_store.go and native_store.go).
import { describe, expect, it } from 'vitest'
import { authConfigKey, credentialSource, parseDockerConfig, parseHelperAnswer } from '../../src/registry/docker-config.js'

const FILE = '/home/runner/.docker/config.json'
const config = (json: unknown) => parseDockerConfig(JSON.stringify(json), FILE)
const auth = (text: string) => Buffer.from(text).toString('base64')

describe("docker's config.json", () => {
  it('stores Docker Hub under https://index.docker.io/v1/ (getAuthConfigKey), other registries under their host', () => {
    expect(authConfigKey('docker.io')).toBe('https://index.docker.io/v1/')
    expect(authConfigKey('ghcr.io')).toBe('ghcr.io')
    expect(credentialSource(config({ auths: { 'https://index.docker.io/v1/': { auth: auth('u:p') } } }), 'docker.io', FILE)).toMatchObject({
      kind: 'stored',
      credential: { username: 'u', password: 'p' },
    })
  })

  it('a credHelpers entry wins over credsStore, which wins over auths (getConfiguredCredentialStore)', () => {
    const c = config({ credHelpers: { 'ghcr.io': 'gh' }, credsStore: 'desktop', auths: { 'ghcr.io': { auth: auth('u:p') } } })
    expect(credentialSource(c, 'ghcr.io', FILE)).toEqual({ kind: 'helper', program: 'docker-credential-gh', serverAddress: 'ghcr.io' })
    expect(credentialSource(c, 'quay.io', FILE)).toEqual({ kind: 'helper', program: 'docker-credential-desktop', serverAddress: 'quay.io' })
  })

  it('keeps a password with colons whole, and an identity token as such', () => {
    const c = config({ auths: { 'r.example': { auth: auth('u:pa:ss'), identitytoken: 'refresh-1' } } })
    expect(credentialSource(c, 'r.example', FILE)).toMatchObject({
      credential: { username: 'u', password: 'pa:ss', identityToken: 'refresh-1', source: FILE },
    })
  })

  it('refuses an `auth` without a user name, naming the file and the key (decodeAuth)', () => {
    expect(() => credentialSource(config({ auths: { 'r.example': { auth: auth(':p') } } }), 'r.example', FILE)).toThrow(
      `${FILE}: the \`auth\` of "r.example" is not base64 of user:password`,
    )
  })

  it('refuses a helper name that could leave docker-credential-*', () => {
    expect(() => credentialSource(config({ credsStore: '../../bin/sh' }), 'r.example', FILE)).toThrow(
      'the credential helper "../../bin/sh" for r.example is not a valid helper name',
    )
  })

  it('no entry: none', () => {
    expect(credentialSource(config({ auths: { 'other.example': { auth: auth('u:p') } } }), 'r.example', FILE)).toEqual({ kind: 'none' })
  })

  it('a file that is not JSON is named', () => {
    expect(() => parseDockerConfig('{', FILE)).toThrow(`${FILE} is not valid JSON`)
  })

  it("a helper's `<token>` user marks an identity token (native_store.go, tokenUsername)", () => {
    expect(parseHelperAnswer('{"ServerURL":"r","Username":"<token>","Secret":"t"}', 'docker-credential-x')).toEqual({
      username: '',
      identityToken: 't',
      source: 'docker-credential-x',
    })
    expect(parseHelperAnswer('{"Username":"u","Secret":"s"}', 'docker-credential-x')).toMatchObject({ username: 'u', password: 's' })
  })
})
