// The decisions of a comparison: which package changes come first, how packages and layers are
// matched, which platforms are compared, how sizes read.
import { describe, expect, it } from 'vitest'
import { diffLayers, MAX_PLATFORMS, planPlatforms, planSboms } from '../../src/diff/image-diff.js'
import { formatChange, formatSize } from '../../src/diff/format.js'
import { diffPackages } from '../../src/diff/package-diff.js'
import { relevanceRank } from '../../src/diff/relevance.js'
import { packageKey, type ImagePackage } from '../../src/diff/sbom.js'

const pkg = (type: string, namespace: string, name: string, version: string): ImagePackage => ({
  key: packageKey({ type, namespace, name }),
  type,
  namespace,
  name,
  version,
})

describe('most relevant first: toolchains (by name, however installed), then OS packages, then the rest', () => {
  it.each([
    ['generic', '', 'go', 0],
    ['golang', '', 'stdlib', 0],
    ['deb', 'debian', 'golang-1.22-go', 0],
    ['generic', '', 'python', 0],
    ['deb', 'debian', 'python3.11', 0],
    ['deb', 'debian', 'python3-minimal', 0],
    ['generic', '', 'node', 0],
    ['deb', 'debian', 'nodejs', 0],
    ['deb', 'debian', 'rustc', 0],
    ['generic', 'oracle', 'openjdk', 0],
    ['deb', 'debian', 'openjdk-17-jdk-headless', 0],
    ['apk', 'alpine', 'ruby3.2', 0],
    ['deb', 'debian', 'gcc-12', 0],
    ['deb', 'debian', 'curl', 1],
    ['apk', 'alpine', 'musl', 1],
    ['rpm', 'fedora', 'openssl', 1],
    ['deb', 'debian', 'python3-pip', 1],
    ['golang', 'github.com/spf13', 'cobra', 2],
    ['pypi', '', 'requests', 2],
    ['npm', '', 'node-fetch', 2],
    ['generic', '', 'busybox', 2],
  ])('%s %s/%s: rank %i', (type, namespace, name, rank) => {
    expect(relevanceRank({ type, namespace, name })).toBe(rank)
  })
})

describe('diffPackages', () => {
  it('matches by type, namespace and name; lists added, removed and changed by relevance, then name', () => {
    const stable = [
      pkg('deb', 'debian', 'curl', '7.88.1'),
      pkg('deb', 'debian', 'python3-pip', '23.0.1'),
      pkg('generic', '', 'go', '1.22.5'),
      pkg('pypi', '', 'requests', '2.31.0'),
      pkg('deb', 'debian', 'bash', '5.2.15'),
    ]
    const pr = [
      pkg('deb', 'debian', 'curl', '7.88.1'),
      pkg('deb', 'debian', 'protobuf-compiler', '3.21.12-3'),
      pkg('generic', '', 'go', '1.23.1'),
      pkg('pypi', '', 'requests', '2.32.3'),
      pkg('deb', 'ubuntu', 'bash', '5.2.15'),
    ]
    expect(diffPackages(stable, pr).map((c) => `${c.kind} ${c.type}/${c.namespace}/${c.name} ${c.stable.join()} → ${c.pr.join()}`)).toEqual(
      [
        'changed generic//go 1.22.5 → 1.23.1',
        'removed deb/debian/bash 5.2.15 → ',
        'added deb/ubuntu/bash  → 5.2.15',
        'added deb/debian/protobuf-compiler  → 3.21.12-3',
        'removed deb/debian/python3-pip 23.0.1 → ',
        'changed pypi//requests 2.31.0 → 2.32.3',
      ],
    )
  })

  it('a package found several times is compared by its set of versions', () => {
    const stable = [
      pkg('npm', '', 'semver', '7.5.4'),
      pkg('npm', '', 'semver', '6.3.1'),
      pkg('npm', '', 'ms', '2.1.3'),
      pkg('npm', '', 'ms', '2.1.3'),
    ]
    const pr = [pkg('npm', '', 'semver', '6.3.1'), pkg('npm', '', 'semver', '7.6.0'), pkg('npm', '', 'ms', '2.1.3')]
    expect(diffPackages(stable, pr)).toEqual([
      { kind: 'changed', type: 'npm', namespace: '', name: 'semver', stable: ['6.3.1', '7.5.4'], pr: ['6.3.1', '7.6.0'] },
    ])
  })

  it('no change, no rows', () => {
    const same = [pkg('deb', 'debian', 'curl', '7.88.1')]
    expect(diffPackages(same, [...same])).toEqual([])
  })
})

describe('diffLayers', () => {
  it('shared and new by digest; sizes as the manifests give them, anything but a whole number of bytes as 0', () => {
    const stable = [
      { digest: 'sha256:base', size: 1000 },
      { digest: 'sha256:apt', size: 300 },
      { digest: 'sha256:go-1.22', size: 500 },
    ]
    const pr = [
      { digest: 'sha256:base', size: 1000 },
      { digest: 'sha256:apt', size: 300 },
      { digest: 'sha256:go-1.23', size: 700 },
      { digest: 'sha256:hostile', size: -5 },
      { digest: 'sha256:none' },
    ]
    expect(diffLayers(stable, pr)).toEqual({
      stable: { size: 1800, layers: 3 },
      pr: { size: 2000, layers: 5 },
      shared: 2,
      added: 3,
      addedSize: 700,
      removed: 1,
    })
  })
})

describe('planPlatforms', () => {
  it('compares the platforms both images have, linux/amd64 then linux/arm64 first, and names the others', () => {
    expect(
      planPlatforms(
        ['linux/s390x', 'linux/arm64', 'linux/amd64', 'linux/riscv64'],
        ['linux/amd64', 'linux/arm64', 'linux/s390x', 'windows/amd64'],
      ),
    ).toEqual({
      compare: ['linux/amd64', 'linux/arm64', 'linux/s390x'],
      notCompared: [],
      onlyPr: ['linux/riscv64'],
      onlyStable: ['windows/amd64'],
    })
  })

  it(`compares at most ${MAX_PLATFORMS} platforms`, () => {
    const many = ['linux/386', 'linux/amd64', 'linux/arm/v6', 'linux/arm/v7', 'linux/arm64', 'linux/ppc64le', 'linux/s390x']
    expect(planPlatforms(many, many)).toMatchObject({
      compare: ['linux/amd64', 'linux/arm64', 'linux/386', 'linux/arm/v6'],
      notCompared: ['linux/arm/v7', 'linux/ppc64le', 'linux/s390x'],
    })
  })
})

describe('planSboms: an SBOM is read only when both sides have one', () => {
  it.each([
    [
      { kind: 'found', blob: 'A' },
      { kind: 'found', blob: 'B' },
      { kind: 'read-both', stable: 'A', pr: 'B' },
    ],
    [{ kind: 'missing' }, { kind: 'found', blob: 'B' }, { kind: 'missing', sides: ['stable'] }],
    [{ kind: 'found', blob: 'A' }, { kind: 'missing' }, { kind: 'missing', sides: ['pr'] }],
    [{ kind: 'missing' }, { kind: 'missing' }, { kind: 'missing', sides: ['pr', 'stable'] }],
    [{ kind: 'unreadable', why: 'denied' }, { kind: 'missing' }, { kind: 'unreadable', side: 'stable', why: 'denied' }],
  ] as const)('stable %j, PR %j', (stable, pr, plan) => {
    expect(planSboms(stable, pr)).toEqual(plan)
  })
})

describe('sizes as a person reads them', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1536, '1.50 KiB'],
    [46_400_000, '44.3 MiB'],
    [312 * 1024 * 1024, '312 MiB'],
    [1.21 * 1024 ** 3, '1.21 GiB'],
  ])('%i bytes: %s', (bytes, text) => {
    expect(formatSize(bytes)).toBe(text)
  })

  it.each([
    [1000 * 1024 ** 2 + 312 * 1024 ** 2, 1000 * 1024 ** 2, '+312 MiB (+31%)'],
    [1000, 1000, 'no change'],
    [999_000, 1_000_000, '-1000 B (-0.1%)'],
    [2048, 0, '+2.00 KiB'],
  ])('%i after %i: %s', (after, before, text) => {
    expect(formatChange(after, before)).toBe(text)
  })
})
