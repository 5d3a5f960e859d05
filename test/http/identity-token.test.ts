// An `identitytoken` docker stored (`docker login` to a registry with an OAuth2 token service) is
// sent as docker sends it: a refresh token in a form POST to the challenge's realm
// (distribution/distribution, internal/client/auth/session.go, fetchTokenWithOAuth). distribution
// itself ships no token service, so a loopback server stands in for registry and token service.
import { createHash } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { inspectImage } from '../../src/registry/inspect.js'
import { tempDir } from '../support/git.js'

const A = 'a1'.repeat(20)
const REFRESH = 'refresh-token-8d1f'
let server: Server | undefined
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve))
})

const sha = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`

describe('an identity token from docker', () => {
  it('is exchanged for a bearer token by a refresh_token POST, never sent to the registry itself', async () => {
    const config = Buffer.from(
      JSON.stringify({ architecture: 'amd64', os: 'linux', config: { Labels: { 'org.opencontainers.image.revision': A } } }),
    )
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha(config), size: config.length },
      }),
    )
    const forms: URLSearchParams[] = []
    const registryAuth: (string | undefined)[] = []
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x')
      if (url.pathname === '/token') {
        let body = ''
        req.on('data', (d: Buffer) => (body += d.toString()))
        req.on('end', () => {
          forms.push(new URLSearchParams(body))
          const ok = req.method === 'POST' && new URLSearchParams(body).get('refresh_token') === REFRESH
          res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' })
          res.end(JSON.stringify(ok ? { access_token: 'bearer-1' } : {}))
        })
        return
      }
      registryAuth.push(req.headers.authorization)
      if (req.headers.authorization !== 'Bearer bearer-1') {
        const realm = `http://${req.headers.host}/token`
        res.writeHead(401, { 'www-authenticate': `Bearer realm="${realm}",service="test-registry",scope="repository:acme/app/ci:pull"` })
        return res.end()
      }
      const body = url.pathname.includes('/blobs/') ? config : manifest
      res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json' })
      res.end(body)
    })
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
    const address = server.address()
    const host = `127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    const dir = tempDir('ci-image-docker-config-')
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ auths: { [host]: { auth: '', identitytoken: REFRESH } } }))

    const image = await inspectImage(`${host}/acme/app/ci:pr-42`, {
      docker: 'never',
      sleep: async () => undefined,
      env: { DOCKER_CONFIG: dir },
    })

    expect(image.revision).toBe(A)
    expect(Object.fromEntries(forms[0]!)).toEqual({
      grant_type: 'refresh_token',
      refresh_token: REFRESH,
      client_id: 'ci-image',
      service: 'test-registry',
      scope: 'repository:acme/app/ci:pull',
    })
    expect(registryAuth.every((a) => a === undefined || a === 'Bearer bearer-1')).toBe(true)
  })
})

describe('docker’s credentials and a token realm elsewhere on plain HTTP', () => {
  let other: Server | undefined
  afterEach(async () => {
    await new Promise((resolve) => other?.close(resolve))
  })

  it.each([
    ['a password (basic auth on a GET)', { auth: Buffer.from('alice:s3cret-pass').toString('base64') }],
    ['an identity token (a refresh_token POST)', { auth: '', identitytoken: REFRESH }],
  ])('%s is not sent: the realm is asked anonymously, and the refusal says why', async (_, stored) => {
    // The token service a registry names: another port, plain HTTP. It records what it is sent.
    const sent: { authorization?: string; body: string }[] = []
    other = createServer((req, res) => {
      let body = ''
      req.on('data', (d: Buffer) => (body += d.toString()))
      req.on('end', () => {
        sent.push({ authorization: req.headers.authorization, body })
        res
          .writeHead(401, { 'content-type': 'application/json' })
          .end('{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}')
      })
    })
    await new Promise<void>((resolve) => other!.listen(0, '127.0.0.1', resolve))
    const otherAddress = other.address()
    const realm = `http://127.0.0.1:${typeof otherAddress === 'object' && otherAddress ? otherAddress.port : 0}/token`
    server = createServer((_req, res) => {
      res
        .writeHead(401, { 'www-authenticate': `Bearer realm="${realm}",service="test-registry",scope="repository:acme/app/ci:pull"` })
        .end()
    })
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
    const address = server.address()
    const host = `127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    const dir = tempDir('ci-image-docker-config-')
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ auths: { [host]: stored } }))

    const error = await inspectImage(`${host}/acme/app/ci:pr-42`, {
      docker: 'never',
      sleep: async () => undefined,
      env: { DOCKER_CONFIG: dir },
    }).catch((e: unknown) => e)

    expect(sent).toHaveLength(1)
    expect(sent[0]).toEqual({ authorization: undefined, body: '' })
    expect(error).toMatchObject({ fault: 'denied', credentials: 'withheld' })
    expect((error as Error).message).toContain(
      `The credentials docker stored for the registry (from ${dir}/config.json) were not sent to its token service http://${new URL(realm).host}, on plain HTTP`,
    )
    expect((error as Error).message).toContain(`Serve ${host}'s token service over HTTPS`)
    expect((error as Error).message).not.toMatch(/s3cret-pass|refresh-token-8d1f/)
  })
})
