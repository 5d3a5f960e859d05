// A build that pushed neither tag: the error names every tag tried and how long each was asked
// again, against a real registry with the waits injected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RegistryError } from '../../src/registry/inspect.js'
import { verifyBuiltImage } from '../../src/wait/verify-image.js'
import { tempDir } from '../support/git.js'
import { startRegistry, type RegistryService } from '../support/registry-service.js'

const A = 'a1'.repeat(20)
let registry: RegistryService
beforeAll(async () => {
  registry = await startRegistry()
  process.env.DOCKER_CONFIG = tempDir('ci-image-docker-config-')
})
afterAll(async () => {
  delete process.env.DOCKER_CONFIG
  await registry.stop()
})

describe('a missing tag', () => {
  it('names both tags, how often each was tried and how long the moving tag was retried', async () => {
    const sleeps: number[] = []
    const image = `${registry.host}/acme/app/ci`
    const error = await verifyBuiltImage(
      { reference: `${image}:pr-42`, commitReference: `${image}:pr-42-sha-a1a1a1a`, headSha: A },
      { token: '', sleep: async (ms) => void sleeps.push(ms), log: () => undefined },
    ).then(
      () => undefined,
      (e: unknown) => e as RegistryError,
    )
    expect(error).toBeInstanceOf(RegistryError)
    expect(error!.fault).toBe('missing')
    expect(error!.message.split('\n').slice(0, 3)).toEqual([
      `No image of ${A} is in the registry; both tags were tried:`,
      `- ${image}:pr-42-sha-a1a1a1a: ${image}:pr-42-sha-a1a1a1a is not in ${registry.host} (404 MANIFEST_UNKNOWN: manifest unknown). (1 try)`,
      `- ${image}:pr-42: ${image}:pr-42 is not in ${registry.host} (404 MANIFEST_UNKNOWN: manifest unknown). (4 tries over 35s)`,
    ])
    expect(error!.message).toContain('the build must push pr-<N>-sha-<7> as well as pr-<N>')
    expect(sleeps).toEqual([5_000, 10_000, 20_000])
  })
})
