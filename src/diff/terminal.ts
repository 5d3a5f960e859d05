// A comparison as plain text for a terminal (`ci-image diff`): the same facts as the comment,
// every package change listed, columns aligned. Untrusted text is cut to one line here; the CLI
// writes each line so that no workflow command can start in it (log/log.ts). Pure.
import { oneLine } from '../action/html.js'
import { byPackagesOutcome, type ImageDiff } from './image-diff.js'
import {
  headline,
  packageName,
  packagesHeadline,
  packagesNote,
  PLATFORM_COLUMNS,
  platformCells,
  TEXT_STYLE,
  platformList,
  versionList,
} from './format.js'

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => Array.from(row[column]!).length)))
  return rows.map((row) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell + ' '.repeat(widths[column]! - Array.from(cell).length)))
      .join('  ')
      .trimEnd(),
  )
}

export function renderDiffText(diff: ImageDiff): string[] {
  const lines = [
    `${oneLine(diff.pr, 200)} compared with ${oneLine(diff.stable, 200)}: ${headline(diff, TEXT_STYLE)}`,
    '',
    ...table([PLATFORM_COLUMNS, ...diff.platforms.map((p) => platformCells(p, TEXT_STYLE))]),
  ]
  if (diff.onlyPr.length > 0) lines.push(`Only in ${oneLine(diff.pr, 200)}: ${platformList(diff.onlyPr)}`)
  if (diff.onlyStable.length > 0) lines.push(`Only in ${oneLine(diff.stable, 200)}: ${platformList(diff.onlyStable)}`)
  if (diff.notCompared.length > 0) lines.push(`Not compared: ${platformList(diff.notCompared)}`)
  for (const group of byPackagesOutcome(diff.platforms)) {
    const { packages } = group
    const on = `Packages (${platformList(group.platforms)})`
    lines.push('')
    if (packages.kind !== 'compared') {
      lines.push(`${on}: ${packagesNote(packages)}`)
      continue
    }
    lines.push(`${on}: ${packagesHeadline(packages)}`)
    if (packages.changes.length === 0) continue
    const rows = packages.changes.map((c) => [
      oneLine(packageName(c)),
      oneLine(c.type, 20),
      c.stable.length > 0 ? oneLine(versionList(c.stable), 120) : '-',
      c.pr.length > 0 ? oneLine(versionList(c.pr), 120) : '-',
    ])
    lines.push(...table([['package', 'type', 'stable', 'this image'], ...rows]))
  }
  return lines
}
