// Words and numbers of a comparison, shared by the Markdown and the terminal: sizes as a person
// reads them, the one-line headline, package names and versions. Pure.
import type { ImageDiff, LayerDiff, PackagesOutcome, PlatformDiff } from './image-diff.js'
import type { PackageChange } from './package-diff.js'
import { escapeHtml, oneLine } from '../action/html.js'
import { isOsPackage } from './relevance.js'

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB']

/** `512 B`, `1.50 KiB`, `45.3 MiB`, `312 MiB`, `1.21 GiB`: three significant digits, binary units. */
export function formatSize(size: number): string {
  let value = Math.abs(size)
  let unit = 0
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024
    unit++
  }
  const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2
  return `${value.toFixed(digits)} ${UNITS[unit]}`
}

/**
 * `+312 MiB (+34%)`, `-1.20 KiB (-0.1%)`, `no change`. Without the percentage for a log or a
 * terminal, where log/log.ts writes `%` as `%25`.
 */
export function formatChange(after: number, before: number, percentage = true): string {
  if (after === before) return 'no change'
  const sign = after > before ? '+' : '-'
  const ratio = (Math.abs(after - before) / before) * 100
  const percent = before > 0 && percentage ? ` (${sign}${ratio.toFixed(ratio >= 1 ? 0 : 1)}%)` : ''
  return `${sign}${formatSize(after - before)}${percent}`
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

function layerHeadline(layers: LayerDiff, percentage = true): string {
  const size = layers.pr.size === layers.stable.size ? 'same size' : formatChange(layers.pr.size, layers.stable.size, percentage)
  return `${size}, ${plural(layers.added, 'new layer')}`
}

export function packagesHeadline(packages: PackagesOutcome): string {
  switch (packages.kind) {
    case 'compared': {
      const { changed, added, removed } = packages.counts
      if (changed + added + removed === 0) return 'packages unchanged'
      const parts = [
        changed > 0 && `${plural(changed, 'package')} changed`,
        added > 0 && `${added} added`,
        removed > 0 && `${removed} removed`,
      ]
      return parts.filter(Boolean).join(', ')
    }
    case 'missing':
      return 'packages not compared (no SBOM)'
    case 'unreadable':
      return 'packages not compared (SBOM unreadable)'
  }
}

/** Untrusted text as it goes into the output: escaped for Markdown, as it is for a terminal. */
type Escape = (text: string) => string
const asIs: Escape = (text) => text

/** How the output shows what a registry says: escaped (Markdown) or not (a terminal), with or without percentages. */
export interface Style {
  escape: Escape
  percentage: boolean
}
export const MARKDOWN_STYLE: Style = { escape: escapeHtml, percentage: true }
export const TEXT_STYLE: Style = { escape: asIs, percentage: false }

/** The first compared platform's change in a few words; the platform named when there are several. */
export function headline(diff: ImageDiff, style: Style): string {
  const first = diff.platforms[0]!
  const on = diff.platforms.length > 1 ? ` on ${style.escape(oneLine(first.platform, 40))}` : ''
  return `${layerHeadline(first.layers, style.percentage)}, ${packagesHeadline(first.packages)}${on}`
}

/** Why packages were not compared, with what to do: one sentence. */
export function packagesNote(packages: Exclude<PackagesOutcome, { kind: 'compared' }>, escape = asIs): string {
  const enable = 'set `sbom: true` on docker/build-push-action'
  if (packages.kind === 'unreadable') {
    const whose = packages.side === 'pr' ? "this PR's image" : 'the stable image'
    return `not compared: the SBOM of ${whose} cannot be read (${escape(oneLine(packages.why, 300))}).`
  }
  if (packages.sides.length === 2) return `not compared: neither image has an SBOM attestation; ${enable} to compare packages.`
  if (packages.sides[0] === 'stable') {
    return `not compared: the stable image has no SBOM attestation yet; it gets one when a build with \`sbom: true\` (docker/build-push-action) pushes it.`
  }
  return `not compared: this PR's image has no SBOM attestation; ${enable} to compare packages.`
}

/** How a package is named in a table: an OS package by its name (its namespace is the distribution), others with their namespace. */
export function packageName(change: Pick<PackageChange, 'type' | 'namespace' | 'name'>): string {
  return change.namespace === '' || isOsPackage(change.type) ? change.name : `${change.namespace}/${change.name}`
}

/** A version set in one cell: at most three, then how many more. */
export function versionList(versions: readonly string[]): string {
  const shown = versions.slice(0, 3).map((v) => (v === '' ? '(no version)' : v))
  return versions.length > 3 ? `${shown.join(', ')} and ${versions.length - 3} more` : shown.join(', ')
}

/** A list of platforms in a sentence, at most eight named. */
export function platformList(platforms: readonly string[]): string {
  const named = platforms.slice(0, 8).map((p) => oneLine(p, 40))
  return platforms.length > 8 ? `${named.join(', ')} and ${platforms.length - 8} more` : named.join(', ')
}

export const PLATFORM_COLUMNS = ['platform', 'compressed size', 'change', 'layers', 'shared', 'new', 'removed']

/** One platform's row of the size and layer table, in PLATFORM_COLUMNS' order. */
export function platformCells(p: PlatformDiff, style: Style): string[] {
  const { stable, pr, shared, added, addedSize, removed } = p.layers
  return [
    style.escape(oneLine(p.platform, 40)),
    formatSize(pr.size),
    formatChange(pr.size, stable.size, style.percentage),
    `${pr.layers} (was ${stable.layers})`,
    String(shared),
    added > 0 ? `${added} (${formatSize(addedSize)})` : '0',
    String(removed),
  ]
}
