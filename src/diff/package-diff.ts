// What a PR changes in an image's packages: added, removed and changed, matched by purl (type,
// namespace, name), most relevant first (relevance.ts). A package found several times (a library
// vendored twice) is compared by its set of versions. Pure.
import { sortByRelevance } from './relevance.js'
import type { ImagePackage } from './sbom.js'

export interface PackageChange {
  kind: 'added' | 'removed' | 'changed'
  type: string
  namespace: string
  name: string
  /** The versions in the stable image, sorted; none when added. */
  stable: string[]
  /** The versions in the PR's image, sorted; none when removed. */
  pr: string[]
}

interface Found {
  pkg: ImagePackage
  versions: Set<string>
}

function byKey(packages: readonly ImagePackage[]): Map<string, Found> {
  const map = new Map<string, Found>()
  for (const pkg of packages) {
    const found = map.get(pkg.key)
    if (found) found.versions.add(pkg.version)
    else map.set(pkg.key, { pkg, versions: new Set([pkg.version]) })
  }
  return map
}

const sorted = (versions: Set<string> | undefined) => [...(versions ?? [])].sort()

export function diffPackages(stable: readonly ImagePackage[], pr: readonly ImagePackage[]): PackageChange[] {
  const before = byKey(stable)
  const after = byKey(pr)
  const changes: PackageChange[] = []
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(key)
    const is = after.get(key)
    const { type, namespace, name } = (is ?? was)!.pkg
    const versions = { stable: sorted(was?.versions), pr: sorted(is?.versions) }
    if (!was) changes.push({ kind: 'added', type, namespace, name, ...versions })
    else if (!is) changes.push({ kind: 'removed', type, namespace, name, ...versions })
    else if (versions.stable.join('\n') !== versions.pr.join('\n')) changes.push({ kind: 'changed', type, namespace, name, ...versions })
  }
  return sortByRelevance(changes)
}

export interface ChangeCounts {
  changed: number
  added: number
  removed: number
}

export function countChanges(changes: readonly PackageChange[]): ChangeCounts {
  const counts = { changed: 0, added: 0, removed: 0 }
  for (const change of changes) counts[change.kind]++
  return counts
}
