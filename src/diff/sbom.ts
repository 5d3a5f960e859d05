// The packages of an image's SBOM, as BuildKit attaches it (moby/buildkit,
// docs/attestations/sbom.md): an in-toto statement (https://github.com/in-toto/attestation,
// spec/v1/statement.md; BuildKit wrote `Statement/v0.1` before v0.31) whose predicate is an SPDX
// JSON document (SPDX 2.2 or 2.3: `packages[]`, each with `versionInfo` and `externalRefs`). A
// package is known by its package URL (the `purl` external reference); one without is left out,
// as it cannot be matched between two images. Pure.
import { parsePurl } from './purl.js'

/** The in-toto predicate type of an SPDX document (BuildKit: solver/result, intoto.PredicateSPDX). */
export const SPDX_PREDICATE = 'https://spdx.dev/Document'

export interface ImagePackage {
  /** What matches a package between two images: purl type, namespace and name. */
  key: string
  type: string
  namespace: string
  name: string
  /** `versionInfo`, else the purl's version; empty when neither says. */
  version: string
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
}

export function packageKey(p: Pick<ImagePackage, 'type' | 'namespace' | 'name'>): string {
  return JSON.stringify([p.type, p.namespace, p.name])
}

/**
 * The purl of an SPDX package: the external reference of type `purl`, whatever its category
 * (`PACKAGE_MANAGER` in SPDX 2.2 JSON, `PACKAGE-MANAGER` in 2.3: spdx/tools-golang#196).
 */
function purlOf(pkg: Record<string, unknown>): string | undefined {
  const refs = Array.isArray(pkg.externalRefs) ? pkg.externalRefs : []
  for (const ref of refs.map(record)) {
    if (ref?.referenceType === 'purl' && typeof ref.referenceLocator === 'string') return ref.referenceLocator
  }
  return undefined
}

/** The packages of one SBOM attestation blob. Throws, saying why, on anything else. */
export function sbomPackages(text: string): ImagePackage[] {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new Error('it is not JSON')
  }
  const statement = record(json)
  if (!statement || typeof statement._type !== 'string' || !statement._type.startsWith('https://in-toto.io/Statement/')) {
    throw new Error('it is not an in-toto statement')
  }
  if (statement.predicateType !== SPDX_PREDICATE) {
    throw new Error(`its predicate is ${JSON.stringify(String(statement.predicateType).slice(0, 100))}, not an SPDX document`)
  }
  const document = record(statement.predicate)
  if (!document) throw new Error('its SPDX document is not a JSON object')
  const packages = Array.isArray(document.packages) ? document.packages : []
  return packages.flatMap((value) => {
    const pkg = record(value)
    const purl = pkg && purlOf(pkg)
    const parsed = purl === undefined ? undefined : parsePurl(purl)
    if (!pkg || !parsed) return []
    const version = typeof pkg.versionInfo === 'string' && pkg.versionInfo !== '' ? pkg.versionInfo : (parsed.version ?? '')
    const { type, namespace, name } = parsed
    return [{ key: packageKey(parsed), type, namespace, name, version }]
  })
}
