// What a PR changes in its CI image, platform by platform, decided from what the registry holds
// of both images: their layers (by digest, with the compressed sizes the manifests give) and their
// SBOMs' packages. Pure: diff/read-image.ts reads the registry.
import { countChanges, diffPackages, type ChangeCounts, type PackageChange } from './package-diff.js'
import type { ImagePackage } from './sbom.js'

/** Platforms compared at most: the rest are named, not read (a few requests each). */
export const MAX_PLATFORMS = 4

export interface Layer {
  digest: string
  /** As the manifest says; anything but a whole number of bytes counts as 0. */
  size?: number
}

/** Where one side's SBOM is on one platform, before it is read. */
export type SbomLocation<Blob> =
  | { kind: 'found'; blob: Blob }
  /** No SBOM attestation for this platform. */
  | { kind: 'missing' }
  /** There may be one, but the registry's answer cannot be read: why, in a few words. */
  | { kind: 'unreadable'; why: string }

/** One side's SBOM, read. */
export type SbomRead = { kind: 'read'; packages: ImagePackage[] } | { kind: 'unreadable'; why: string }

export interface LayerDiff {
  stable: { size: number; layers: number }
  pr: { size: number; layers: number }
  /** The PR's layers the stable image has too (same digest). */
  shared: number
  /** The PR's layers the stable image lacks, and their size: what a pull costs over the stable image. */
  added: number
  addedSize: number
  /** The stable image's layers the PR's lacks. */
  removed: number
}

export type PackagesOutcome =
  | { kind: 'compared'; changes: PackageChange[]; counts: ChangeCounts }
  /** Which side(s) have no SBOM. */
  | { kind: 'missing'; sides: ('pr' | 'stable')[] }
  | { kind: 'unreadable'; side: 'pr' | 'stable'; why: string }

export interface PlatformDiff {
  platform: string
  layers: LayerDiff
  packages: PackagesOutcome
}

export interface ImageDiff {
  /** The PR's image and the stable one, as compared (references). */
  pr: string
  stable: string
  platforms: PlatformDiff[]
  /** Platforms one image has and the other lacks, and those left out beyond MAX_PLATFORMS. */
  onlyPr: string[]
  onlyStable: string[]
  notCompared: string[]
}

export type DiffOutcome =
  | { kind: 'compared'; diff: ImageDiff }
  /** No comparison, in one sentence (a registry's refusal, a missing stable image, the time budget). */
  | { kind: 'none'; pr: string; stable: string; reason: string }

const bytes = (size: number | undefined) => (Number.isSafeInteger(size) && size! >= 0 ? size! : 0)
const total = (layers: readonly Layer[]) => layers.reduce((sum, layer) => sum + bytes(layer.size), 0)

export function diffLayers(stable: readonly Layer[], pr: readonly Layer[]): LayerDiff {
  const before = new Set(stable.map((l) => l.digest))
  const after = new Set(pr.map((l) => l.digest))
  const added = pr.filter((l) => !before.has(l.digest))
  return {
    stable: { size: total(stable), layers: stable.length },
    pr: { size: total(pr), layers: pr.length },
    shared: pr.length - added.length,
    added: added.length,
    addedSize: total(added),
    removed: stable.filter((l) => !after.has(l.digest)).length,
  }
}

/**
 * Whether the SBOMs are worth reading: only when both sides have one (each weighs up to 41 MiB);
 * otherwise the packages outcome, known without them.
 */
export function planSboms<Blob>(
  stable: SbomLocation<Blob>,
  pr: SbomLocation<Blob>,
): PackagesOutcome | { kind: 'read-both'; stable: Blob; pr: Blob } {
  if (stable.kind === 'unreadable') return { kind: 'unreadable', side: 'stable', why: stable.why }
  if (pr.kind === 'unreadable') return { kind: 'unreadable', side: 'pr', why: pr.why }
  if (stable.kind === 'found' && pr.kind === 'found') return { kind: 'read-both', stable: stable.blob, pr: pr.blob }
  const sides = [...(pr.kind === 'missing' ? ['pr' as const] : []), ...(stable.kind === 'missing' ? ['stable' as const] : [])]
  return { kind: 'missing', sides }
}

export function diffSboms(stable: SbomRead, pr: SbomRead): PackagesOutcome {
  if (stable.kind === 'unreadable') return { kind: 'unreadable', side: 'stable', why: stable.why }
  if (pr.kind === 'unreadable') return { kind: 'unreadable', side: 'pr', why: pr.why }
  const changes = diffPackages(stable.packages, pr.packages)
  return { kind: 'compared', changes, counts: countChanges(changes) }
}

/** GitHub-hosted runners first (linux/amd64, then linux/arm64), then as the PR's image lists them. */
function runnerFirst(platform: string): number {
  return platform === 'linux/amd64' ? 0 : platform === 'linux/arm64' ? 1 : 2
}

export interface PlatformPlan {
  compare: string[]
  onlyPr: string[]
  onlyStable: string[]
  notCompared: string[]
}

/** Which platforms to compare: those both images have, at most MAX_PLATFORMS of them. */
export function planPlatforms(pr: readonly string[], stable: readonly string[]): PlatformPlan {
  const common = pr.filter((p) => stable.includes(p))
  const ordered = common.map((p, i) => ({ p, i })).sort((a, b) => runnerFirst(a.p) - runnerFirst(b.p) || a.i - b.i)
  return {
    compare: ordered.slice(0, MAX_PLATFORMS).map((o) => o.p),
    notCompared: ordered.slice(MAX_PLATFORMS).map((o) => o.p),
    onlyPr: pr.filter((p) => !stable.includes(p)),
    onlyStable: stable.filter((p) => !pr.includes(p)),
  }
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i])

function sameChange(a: PackageChange, b: PackageChange): boolean {
  return (
    a.kind === b.kind &&
    a.type === b.type &&
    a.namespace === b.namespace &&
    a.name === b.name &&
    sameList(a.stable, b.stable) &&
    sameList(a.pr, b.pr)
  )
}

/** Compared field by field, stopping at the first difference: a hostile SBOM's changes are not serialised to be compared. */
function sameOutcome(a: PackagesOutcome, b: PackagesOutcome): boolean {
  if (a.kind === 'compared' && b.kind === 'compared')
    return a.changes.length === b.changes.length && a.changes.every((c, i) => sameChange(c, b.changes[i]!))
  if (a.kind === 'missing' && b.kind === 'missing') return sameList(a.sides, b.sides)
  if (a.kind === 'unreadable' && b.kind === 'unreadable') return a.side === b.side && a.why === b.why
  return false
}

/** Platforms whose packages changed alike (one build of one Dockerfile, usually) are told once. */
export function byPackagesOutcome(platforms: readonly PlatformDiff[]): { platforms: string[]; packages: PackagesOutcome }[] {
  const groups: { platforms: string[]; packages: PackagesOutcome }[] = []
  for (const p of platforms) {
    const group = groups.find((g) => sameOutcome(g.packages, p.packages))
    if (group) group.platforms.push(p.platform)
    else groups.push({ platforms: [p.platform], packages: p.packages })
  }
  return groups
}
