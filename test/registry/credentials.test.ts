// The registry HTTP path answers a challenge with the credentials docker stored, read where and
// as docker reads them (docker/cli, cli/config/…; see src/registry/docker-config.ts), against a real
// distribution registry behind htpasswd. A credential helper is a program that speaks
// docker-credential-helpers' protocol (`get`, the server on stdin, JSON on stdout): the shell
// scripts below are real helpers of that protocol, with their secret in the script's own file.
import { chmodSync, existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dockerCredential } from '../../src/registry/docker-credentials.js'
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

describe("docker's stored credentials, over the registry's HTTP API: after docker login, no 401", () => {
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
    expect(error.message).toMatch(
      /The credential helper docker-credential-osxkeychain .* cannot run it: it is in no absolute directory of PATH/,
    )
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

describe('a credential helper runs bounded, away from the checkout and the step’s secrets', () => {
  it('gets no INPUT_*, GITHUB_* or ACTIONS_* variable and runs outside the working directory; HOME and the rest stay', async () => {
    const env = dockerConfig(
      { credsStore: 'spy' },
      {
        spy: `env > "$DOCKER_CONFIG/seen-env"; pwd > "$DOCKER_CONFIG/seen-cwd"; printf '{"Username":"${ACCOUNT.user}","Secret":"${ACCOUNT.password}"}'`,
      },
    )
    const step = {
      ...env,
      'INPUT_GITHUB-TOKEN': 'ghs_inputTokenNeverForHelpers',
      GITHUB_OUTPUT: join(env.DOCKER_CONFIG, 'output'),
      GITHUB_ENV: join(env.DOCKER_CONFIG, 'env'),
      GITHUB_TOKEN: 'ghs_tokenNeverForHelpers',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-never-for-helpers',
      AWS_PROFILE: 'ci',
    }
    expect(await inspect(step).result).toMatchObject({ revision: A })
    const seen = readFileSync(join(env.DOCKER_CONFIG, 'seen-env'), 'utf8')
    expect(seen).not.toMatch(/^(INPUT|GITHUB|ACTIONS)_/m)
    expect(seen).not.toContain('NeverForHelpers')
    expect(seen).toContain(`HOME=${env.HOME}\n`)
    expect(seen).toContain('AWS_PROFILE=ci\n')
    expect(readFileSync(join(env.DOCKER_CONFIG, 'seen-cwd'), 'utf8').trim()).toBe(realpathSync(tmpdir()))
  })

  it('is found only in absolute PATH directories, as docker finds it (Go’s exec.LookPath refuses ".")', async () => {
    const env = dockerConfig({ credsStore: 'planted' })
    // Where the step runs (the checkout) holds a helper, and PATH has an empty entry and a `.`.
    const checkout = tempDir('ci-image-checkout-')
    writeFileSync(join(checkout, 'docker-credential-planted'), `#!/bin/sh\ntouch "${checkout}/ran"\n`)
    chmodSync(join(checkout, 'docker-credential-planted'), 0o755)
    const cwd = process.cwd()
    process.chdir(checkout)
    try {
      const error = await registryFailure(inspect({ ...env, PATH: `:.:${env.PATH}` }).result)
      expect(error.message).toContain(
        `The credential helper docker-credential-planted (configured in ${env.DOCKER_CONFIG}/config.json) failed to give the credentials for ${registry.host}: cannot run it: it is in no absolute directory of PATH (docker looks nowhere else).`,
      )
    } finally {
      process.chdir(cwd)
    }
    expect(existsSync(join(checkout, 'ran'))).toBe(false)
  })

  it('that hangs is stopped, with what it started, and named', async () => {
    const env = dockerConfig({ credsStore: 'hung' }, { hung: 'sleep 600 & sleep 600' })
    const error = await dockerCredential(registry.host, env, 300).catch((e: unknown) => e)
    expect(error).toMatchObject({
      fault: 'denied',
      message: `The credential helper docker-credential-hung (configured in ${env.DOCKER_CONFIG}/config.json) failed to give the credentials for ${registry.host}: it did not answer within 0.3 s, so it was stopped.`,
    })
  })
})
