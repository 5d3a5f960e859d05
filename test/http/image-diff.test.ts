// What a real registry cannot be made to serve, for the comparison with the stable image: an SBOM
// whose content is not its digest's (distribution checks digests on push), a registry that never
// answers. The loopback stand-ins are test/support/fake-registry.ts and a bare TCP server.
import { createServer, type Server, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { compareImages } from '../../src/diff/compare.js'
import { asFakeImage } from '../support/buildkit-image.js'
import { ciImage } from '../support/ci-images.js'
import { FakeRegistry } from '../support/fake-registry.js'
import { tempDir } from '../support/git.js'

const env = () => ({ DOCKER_CONFIG: tempDir('ci-image-docker-config-') })
const stops: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop()
})

describe('answers the comparison does not trust', () => {
  it('an SBOM whose bytes are not its digest is not read: its packages are "not compared", saying why', async () => {
    const registry = await FakeRegistry.start({ auth: 'none' })
    stops.push(() => registry.stop())
    registry.push('acme/app/ci', 'latest', asFakeImage(ciImage({ go: '1.22.5', layerBlobs: false })))
    const pr = asFakeImage(ciImage({ go: '1.23.1', layerBlobs: false }))
    const sbom = pr.blobs.find((b) => b.mediaType === 'application/vnd.in-toto+json' && b.bytes.includes('spdx.dev/Document'))!
    sbom.bytes = Buffer.from(sbom.bytes.toString().replace('1.23.1', '6.66.6'))
    registry.push('acme/app/ci', 'pr-42', pr)
    const outcome = await compareImages(`${registry.host}/acme/app/ci:pr-42`, `${registry.host}/acme/app/ci:latest`, { env: env() })
    expect(outcome.kind === 'compared' && outcome.diff.platforms[0]!.packages).toEqual({
      kind: 'unreadable',
      side: 'pr',
      why: `${registry.host} served the SBOM with content that does not match ${sbom.digest}`,
    })
  })

  it('a registry that accepts connections and never answers: no comparison once the budget is spent', async () => {
    const sockets: Socket[] = []
    const server: Server = createServer((socket) => void sockets.push(socket))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    stops.push(
      () =>
        new Promise((resolve) => {
          for (const socket of sockets) socket.destroy()
          server.close(resolve)
        }),
    )
    const address = server.address()
    const host = `127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    const started = Date.now()
    const outcome = await compareImages(`${host}/acme/app/ci:pr-42`, `${host}/acme/app/ci:latest`, { env: env(), budgetMs: 300 })
    expect(outcome).toMatchObject({ kind: 'none', reason: 'the registry did not answer within 0.3 s' })
    expect(Date.now() - started).toBeLessThan(5_000)
  })
})
