// The registry HTTP path answers a challenge with the credentials docker stored, read where and
// as docker reads them (docker/cli, cli/config/…; see src/registry/docker-config.ts), against a real
// distribution registry behind htpasswd. A credential helper is a program that speaks
// docker-credential-helpers' protocol (`get`, the server on stdin, JSON on stdout): the shell
// scripts below are real helpers of that protocol, with their secret in the script's own file.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inspectImage } from '../../src/registry/inspect.js'
import { registryFailure } from '../support/registry-error.js'
import { tempDir } from '../support/git.js'
import { pushImage, type PushedImage } from '../support/registry-push.js'
import { startRegistry, type RegistryService } from '../support/registry-service.js'

const A = 'a1'.repeat(20)
const ACCOUNT = { user: 'alice', password: 'correct-horse-battery' }
let registry: RegistryService
let pushed: PushedImage

beforeAll(async () => {
  registry = await startRegistry({ auth: ACCOUNT })
  pushed = await pushImage({ url: registry.url, auth: ACCOUNT }, 'acme/app/ci', ['pr-42-sha-a1a1a1a'], {
    labels: { 'org.opencontainers.image.revision': A },
  })
})
afterAll(() => registry.stop())

const reference = () => `${registry.host}/acme/app/ci:pr-42-sha-a1a1a1a`

/** A DOCKER_CONFIG directory holding `config`, and a PATH with helper scripts in it. */
function dockerConfig(config: unknown, helpers: Record<string, string> = {}) {
  const dir = tempDir('ci-image-docker-config-')
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config))
  const bin = join(dir, 'bin')
  mkdirSync(bin)
  for (const [name, script] of Object.entries(helpers)) {
    const file = join(bin, `docker-credential-${name}`)
    writeFileSync(file, `#!/bin/sh\n${script}\n`)
    chmodSync(file, 0o755)
  }
  return { DOCKER_CONFIG: dir, HOME: dir, PATH: `${bin}:${process.env.PATH ?? ''}` }
}

const auth = (user: string, password: string) => Buffer.from(`${user}:${password}`).toString('base64')

function inspect(env: NodeJS.ProcessEnv, token?: string) {
  const lines: string[] = []
  const result = inspectImage(reference(), { docker: 'never', token, sleep: async () => undefined, log: (l) => lines.push(l), env })
  return { result, lines }
}

describe("docker's stored credentials, over the registry's HTTP API (issue: docker login done, still 401)", () => {
  it('reads `auths` (base64 user:password), as `docker login` writes it', async () => {
    const env = dockerConfig({ auths: { [registry.host]: { auth: auth(ACCOUNT.user, ACCOUNT.password) } } })
    expect(await inspect(env).result).toMatchObject({ digest: pushed.digest, revision: A, via: 'http' })
  })

  it('finds a legacy `https://host/v1/` key, as docker does (fileStore.Get, ConvertToHostname)', async () => {
    const env = dockerConfig({ auths: { [`https://${registry.host}/v1/`]: { auth: auth(ACCOUNT.user, ACCOUNT.password) } } })
    expect(await inspect(env).result).toMatchObject({ revision: A })
  })

  it('asks the credHelpers entry for the host, before credsStore and the file', async () => {
    const env = dockerConfig(
      { credHelpers: { [registry.host]: 'good' }, credsStore: 'broken', auths: { [registry.host]: { auth: auth('mallory', 'x') } } },
      {
        // The server address arrives on stdin; the answer names it back.
        good: `read server; [ "$1" = get ] || exit 9; printf '{"ServerURL":"%s","Username":"${ACCOUNT.user}","Secret":"${ACCOUNT.password}"}' "$server"`,
        broken: 'exit 3',
      },
    )
    expect(await inspect(env).result).toMatchObject({ revision: A })
  })

  it('asks credsStore when no credHelpers entry names the host', async () => {
    const env = dockerConfig(
      { credsStore: 'store' },
      { store: `printf '{"ServerURL":"x","Username":"${ACCOUNT.user}","Secret":"${ACCOUNT.password}"}'` },
    )
    expect(await inspect(env).result).toMatchObject({ revision: A })
  })

  it('names a helper that fails, and what it said', async () => {
    const env = dockerConfig({ credsStore: 'pass' }, { pass: 'echo "pass store is locked"; exit 1' })
    const error = await registryFailure(inspect(env).result)
    expect(error.message).toContain(
      `The credential helper docker-credential-pass (configured in ${env.DOCKER_CONFIG}/config.json) failed to give the credentials for ${registry.host}: it exited with 1: pass store is locked.`,
    )
  })

  it('names a helper that is not installed', async () => {
    const env = dockerConfig({ credsStore: 'osxkeychain' })
    const error = await registryFailure(inspect(env).result)
    expect(error.message).toMatch(/The credential helper docker-credential-osxkeychain .* cannot run it: .*ENOENT/)
  })

  it('no credentials stored: says there are none for the host, and to log in', async () => {
    const error = await registryFailure(inspect(dockerConfig({}), 'ghs_notForThisHost').result)
    expect(error.fault).toBe('denied')
    expect(error.message).toContain(`There are no credentials for ${registry.host}`)
    expect(error.message).toContain(`Log in to ${registry.host} before this step (docker/login-action)`)
    expect(error.message).not.toContain('ghs_notForThisHost')
  })

  it('credentials refused: names the account and where it came from, never the password', async () => {
    const env = dockerConfig({ auths: { [registry.host]: { auth: auth(ACCOUNT.user, 'wrong-password-123') } } })
    const { result, lines } = inspect(env)
    const error = await registryFailure(result)
    expect(error.message).toContain(`${registry.host} refused the credentials of "alice" (from ${env.DOCKER_CONFIG}/config.json)`)
    expect(error.message).toContain('That account may not pull the image, or its password or token expired')
    expect(`${error.message}${lines.join('')}`).not.toContain('wrong-password-123')
  })
})
