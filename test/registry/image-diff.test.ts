// The comparison of a PR's image with the stable one, read from a real registry (CNCF
// distribution on loopback) that holds images laid out as BuildKit pushes them with `sbom: true`
// (test/support/buildkit-image.ts: moby/buildkit's attestation-storage.md and writer.go, the OCI
// image-spec's index, manifest and empty descriptor).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compareImages, type CompareOptions } from '../../src/diff/compare.js'
import type { DiffOutcome, ImageDiff } from '../../src/diff/image-diff.js'
import { MAX_SBOM_BYTES } from '../../src/diff/read-image.js'
import { buildkitImage, pushBuildkitImage, statement } from '../support/buildkit-image.js'
import { ciImage, type CiImageSpec } from '../support/ci-images.js'
import { tempDir } from '../support/git.js'
import { startRegistry, type RegistryService } from '../support/registry-service.js'

let registry: RegistryService
beforeAll(async () => {
  registry = await startRegistry()
})
afterAll(() => registry.stop())

let repository = 0
/** Pushes the stable image as `latest` and the PR's as `pr-42` to a repository of their own. */
async function pushPair(stable: CiImageSpec | undefined, pr: CiImageSpec) {
  const path = `acme/app${++repository}/ci`
  const target = { url: registry.url }
  if (stable) await pushBuildkitImage(target, path, ['latest'], ciImage(stable))
  await pushBuildkitImage(target, path, ['pr-42'], ciImage(pr))
  return { pr: `${registry.host}/${path}:pr-42`, stable: `${registry.host}/${path}:latest`, path }
}

/** Compares, recording every request: a comparison makes a few per platform, never a layer's. */
async function compare(pair: { pr: string; stable: string }, o: CompareOptions = {}) {
  const requests: string[] = []
  const recording: typeof fetch = (input, init) => {
    // registry/http.ts asks with a URL.
    requests.push((input as URL).pathname)
    return fetch(input, init)
  }
  const outcome = await compareImages(pair.pr, pair.stable, {
    env: { DOCKER_CONFIG: tempDir('ci-image-docker-config-') },
    fetch: recording,
    ...o,
  })
  return { outcome, requests }
}

function compared(outcome: DiffOutcome): ImageDiff {
  expect(outcome.kind, JSON.stringify(outcome)).toBe('compared')
  return (outcome as Extract<DiffOutcome, { kind: 'compared' }>).diff
}

describe('two builds of Dockerfile.ci, from the registry alone', () => {
  it('Go 1.22.5 → 1.23.1: one layer and one package differ', async () => {
    const pair = await pushPair({ go: '1.22.5' }, { go: '1.23.1' })
    const { outcome, requests } = await compare(pair)
    const diff = compared(outcome)
    expect(diff.platforms).toEqual([
      {
        platform: 'linux/amd64',
        layers: {
          stable: { size: 1_200_000 + 570_000 + 1_550_000, layers: 3 },
          pr: { size: 1_200_000 + 570_000 + 1_675_000, layers: 3 },
          shared: 2,
          added: 1,
          addedSize: 1_675_000,
          removed: 1,
        },
        packages: {
          kind: 'compared',
          changes: [{ kind: 'changed', type: 'generic', namespace: '', name: 'go', stable: ['1.22.5'], pr: ['1.23.1'] }],
          counts: { changed: 1, added: 0, removed: 0 },
        },
      },
    ])
    // Per image: the index, the platform's manifest, its attestation manifest, the SBOM; no layer.
    expect(requests.filter((p) => p.includes('/manifests/'))).toHaveLength(6)
    expect(requests.filter((p) => p.includes('/blobs/'))).toHaveLength(2)
  })

  it('packages added, removed and changed, toolchains first, then OS packages by name', async () => {
    const pair = await pushPair(
      { go: '1.22.5', apt: ['bash', 'curl', 'git', 'python3-pip'] },
      { go: '1.23.1', apt: ['bash', 'curl', 'git', 'protobuf-compiler'] },
    )
    const diff = compared((await compare(pair)).outcome)
    const changes = diff.platforms[0]!.packages
    expect(changes.kind === 'compared' && changes.changes.map((c) => [c.kind, c.type, c.name, c.stable.join(), c.pr.join()])).toEqual([
      ['changed', 'generic', 'go', '1.22.5', '1.23.1'],
      ['added', 'deb', 'protobuf-compiler', '', '3.21.12-3'],
      ['removed', 'deb', 'python3-pip', '23.0.1+dfsg-1', ''],
    ])
    expect(diff.platforms[0]!.layers).toMatchObject({ shared: 1, added: 2, removed: 2 })
  })

  it('a multi-platform index: each platform compared (amd64 first), the packages of each read from its own SBOM', async () => {
    const platforms = ['linux/arm64', 'linux/amd64']
    const pair = await pushPair({ go: '1.22.5', platforms }, { go: '1.23.1', platforms: [...platforms, 'linux/s390x'] })
    const { outcome, requests } = await compare(pair)
    const diff = compared(outcome)
    expect(diff.platforms.map((p) => [p.platform, p.layers.added, p.packages.kind])).toEqual([
      ['linux/amd64', 1, 'compared'],
      ['linux/arm64', 1, 'compared'],
    ])
    expect(diff.onlyPr).toEqual(['linux/s390x'])
    expect(requests.filter((p) => p.includes('/blobs/'))).toHaveLength(4)
  })

  it('BuildKit before v0.32 (and oci-artifact=false): the attestation manifest with an image config, in-toto v0.1 statements', async () => {
    const pair = await pushPair({ go: '1.22.5', layout: 'image-config' }, { go: '1.23.1', layout: 'oci-artifact' })
    const diff = compared((await compare(pair)).outcome)
    expect(diff.platforms[0]!.packages).toMatchObject({ kind: 'compared', counts: { changed: 1, added: 0, removed: 0 } })
  })
})

describe('what cannot be compared', () => {
  it('a stable image built without an SBOM: size and layers only, its SBOM not fetched, and a note on what to do', async () => {
    const pair = await pushPair({ go: '1.22.5', sbom: false }, { go: '1.23.1' })
    const { outcome, requests } = await compare(pair)
    const diff = compared(outcome)
    expect(diff.platforms[0]).toMatchObject({ layers: { added: 1 }, packages: { kind: 'missing', sides: ['stable'] } })
    expect(requests.filter((p) => p.includes('/blobs/'))).toEqual([])
  })

  it('a missing stable image: no comparison, in one sentence', async () => {
    const pair = await pushPair(undefined, { go: '1.23.1' })
    const { outcome } = await compare(pair)
    expect(outcome).toEqual({
      kind: 'none',
      pr: pair.pr,
      stable: pair.stable,
      reason: 'the registry does not have it (no build has pushed it yet)',
    })
  })

  it('an SBOM over 41 MiB (more than BuildKit writes) is refused by its descriptor, never fetched', async () => {
    const path = `acme/app${++repository}/ci`
    await pushBuildkitImage({ url: registry.url }, path, ['latest'], ciImage({ go: '1.22.5' }))
    const padding = 'x'.repeat(MAX_SBOM_BYTES)
    const huge = statement({
      v1: true,
      name: 'ghcr.io/acme/app/ci:pr-42',
      platform: 'linux/amd64',
      subject: `sha256:${'0'.repeat(64)}`,
      predicateType: 'https://spdx.dev/Document',
      predicate: { spdxVersion: 'SPDX-2.3', packages: [], comment: padding },
    })
    const image = buildkitImage({ platforms: [{ platform: 'linux/amd64', layers: [{ seed: 'base', size: 1000 }], sbomStatement: huge }] })
    await pushBuildkitImage({ url: registry.url }, path, ['pr-42'], image)
    const { outcome, requests } = await compare({ pr: `${registry.host}/${path}:pr-42`, stable: `${registry.host}/${path}:latest` })
    expect(compared(outcome).platforms[0]!.packages).toEqual({
      kind: 'unreadable',
      side: 'pr',
      why: 'the SBOM is larger than 41 MiB; ci-image reads no more than that',
    })
    const sbomDigest = image.blobs.find((b) => b.bytes === huge)!.digest
    expect(requests).not.toContain(`/v2/${path}/blobs/${sbomDigest}`)
  })

  it('a registry that refuses (wrong credentials): no comparison, saying who refused', async () => {
    const account = { user: 'alice', password: 'correct-horse-battery' }
    const locked = await startRegistry({ auth: account })
    try {
      await pushBuildkitImage({ url: locked.url, auth: account }, 'acme/app/ci', ['latest', 'pr-42'], ciImage({ go: '1.22.5' }))
      const pair = { pr: `${locked.host}/acme/app/ci:pr-42`, stable: `${locked.host}/acme/app/ci:latest` }
      const { outcome } = await compare(pair)
      expect(outcome).toMatchObject({
        kind: 'none',
        reason: expect.stringMatching(/^this PR's image .* cannot be read \(There are no credentials for 127\.0\.0\.1:\d+/),
      })
    } finally {
      await locked.stop()
    }
  })
})
