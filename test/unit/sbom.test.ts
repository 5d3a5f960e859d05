// An SBOM attestation's packages, keyed by purl: package URLs parsed as the purl specification
// parses them (package-url/purl-spec, docs/specification/how-to-parse.md), in-toto statements of
// both versions BuildKit has written, SPDX 2.2 and 2.3 JSON.
import { describe, expect, it } from 'vitest'
import { parsePurl } from '../../src/diff/purl.js'
import { sbomPackages } from '../../src/diff/sbom.js'
import { spdxDocument, statement } from '../support/buildkit-image.js'

describe('parsePurl', () => {
  it.each([
    ['pkg:deb/debian/curl@7.88.1-10%2Bdeb12u8?arch=amd64&distro=debian-12', 'deb', 'debian', 'curl', '7.88.1-10+deb12u8'],
    ['pkg:golang/github.com/spf13/cobra@v1.8.0', 'golang', 'github.com/spf13', 'cobra', 'v1.8.0'],
    ['pkg:golang/stdlib@1.22.5', 'golang', '', 'stdlib', '1.22.5'],
    ['pkg:npm/%40babel/core@7.24.0', 'npm', '@babel', 'core', '7.24.0'],
    ['pkg:maven/org.apache.commons/commons-lang3@3.14.0?type=jar', 'maven', 'org.apache.commons', 'commons-lang3', '3.14.0'],
    ['pkg:generic/oracle/openjdk@21.0.2', 'generic', 'oracle', 'openjdk', '21.0.2'],
    ['pkg:PyPI/requests@2.31.0#src/requests', 'pypi', '', 'requests', '2.31.0'],
    ['pkg://apk/alpine/busybox@1.36.1-r15', 'apk', 'alpine', 'busybox', '1.36.1-r15'],
    ['pkg:generic/go', 'generic', '', 'go', undefined],
  ])('%s', (text, type, namespace, name, version) => {
    expect(parsePurl(text)).toEqual({ type, namespace, name, ...(version === undefined ? {} : { version }) })
  })

  it.each([['cpe:2.3:a:curl:curl:7.88.1'], ['pkg:deb'], ['pkg:/curl@1'], ['pkg:deb/'], ['pkg:9x/name'], ['pkg:deb/debian/%E0%A4%A@1']])(
    'is not a purl: %s',
    (text) => {
      expect(parsePurl(text)).toBeUndefined()
    },
  )
})

const about = { name: 'ghcr.io/acme/app/ci:pr-42', platform: 'linux/amd64', subject: `sha256:${'a'.repeat(64)}` }
const sbom = (predicate: unknown, o: { v1?: boolean; predicateType?: string } = {}) =>
  statement({ ...about, v1: o.v1 ?? true, predicateType: o.predicateType ?? 'https://spdx.dev/Document', predicate }).toString()

describe('sbomPackages', () => {
  it('reads each package by its purl, with versionInfo as its version (in-toto v1, SPDX 2.3)', () => {
    const text = sbom(
      spdxDocument([
        { name: 'curl', version: '7.88.1-10+deb12u8', purl: 'pkg:deb/debian/curl@7.88.1-10%2Bdeb12u8?arch=amd64&distro=debian-12' },
        { name: 'go', version: '1.23.1', purl: 'pkg:generic/go@1.23.1' },
      ]),
    )
    // BuildKit marshals with Go's HTML escaping: the purl's `&` is \u0026 in the blob.
    expect(text).toContain('arch=amd64\\u0026distro')
    expect(sbomPackages(text)).toEqual([
      { key: '["deb","debian","curl"]', type: 'deb', namespace: 'debian', name: 'curl', version: '7.88.1-10+deb12u8' },
      { key: '["generic","","go"]', type: 'generic', namespace: '', name: 'go', version: '1.23.1' },
    ])
  })

  it("takes BuildKit's in-toto v0.1 statements and SPDX 2.2's PACKAGE_MANAGER category; a package without purl is left out; the purl's version stands in for versionInfo", () => {
    const predicate = {
      spdxVersion: 'SPDX-2.2',
      packages: [
        {
          name: 'busybox',
          versionInfo: '1.36.1-r15',
          externalRefs: [
            { referenceCategory: 'PACKAGE_MANAGER', referenceType: 'purl', referenceLocator: 'pkg:apk/alpine/busybox@1.36.1-r15' },
          ],
        },
        { name: '/run/src/core/sbom', SPDXID: 'SPDXRef-DocumentRoot-Directory' },
        {
          name: 'musl',
          externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: 'pkg:apk/alpine/musl@1.2.4-r2' }],
        },
        { name: 'weird', externalRefs: [{ referenceType: 'purl', referenceLocator: 'not a purl' }] },
      ],
    }
    expect(sbomPackages(sbom(predicate, { v1: false })).map((p) => `${p.name} ${p.version}`)).toEqual([
      'busybox 1.36.1-r15',
      'musl 1.2.4-r2',
    ])
  })

  it('an SPDX document without packages has none', () => {
    expect(sbomPackages(sbom({ spdxVersion: 'SPDX-2.3' }))).toEqual([])
  })

  it.each([
    ['not JSON', 'nope', 'it is not JSON'],
    ['not a statement', JSON.stringify({ predicateType: 'https://spdx.dev/Document' }), 'it is not an in-toto statement'],
    [
      'a provenance statement',
      sbom({}, { predicateType: 'https://slsa.dev/provenance/v0.2' }),
      'its predicate is "https://slsa.dev/provenance/v0.2", not an SPDX document',
    ],
    ['a predicate that is no object', sbom('x'), 'its SPDX document is not a JSON object'],
  ])('refuses %s, saying why', (_, text, message) => {
    expect(() => sbomPackages(text)).toThrow(message)
  })
})
