// A comparison as Markdown: a collapsed section of the PR comment, bounded so that the comment
// stays well inside GitHub's 65,536 characters, and the full list for the job summary (GitHub
// keeps at most 1 MiB of a step's summary: docs, "Adding a job summary"). Everything a registry
// or an SBOM says is escaped (action/html.ts) and cut to one line. Pure.
import { code, escapeHtml, oneLine } from '../action/html.js'
import { byPackagesOutcome, type DiffOutcome, type ImageDiff } from './image-diff.js'
import type { PackageChange } from './package-diff.js'
import {
  headline,
  MARKDOWN_STYLE,
  packageName,
  packagesHeadline,
  packagesNote,
  PLATFORM_COLUMNS,
  platformCells,
  platformList,
  versionList,
} from './format.js'

export interface MarkdownLayout {
  /** In a `<details>` element (the comment), or open under a heading (the summary). */
  collapsed: boolean
  /** Package rows at most, all platforms together. */
  rows: number
  /** Characters at most for the package rows: a hostile SBOM's long names cost rows, not the comment. */
  chars: number
  /** Where the rows left out are all listed, if anywhere. */
  restIn?: string
}

export const IN_COMMENT: MarkdownLayout = { collapsed: true, rows: 30, chars: 16_000, restIn: 'the job summary of the build' }
export const IN_SUMMARY: MarkdownLayout = { collapsed: false, rows: 5_000, chars: 512 * 1024 }

const text = (value: string, max?: number) => escapeHtml(oneLine(value, max))

function platformTable(diff: ImageDiff): string[] {
  const lines = [
    `| ${PLATFORM_COLUMNS.join(' | ')} |`,
    `| --- |${' ---: |'.repeat(PLATFORM_COLUMNS.length - 1)}`,
    ...diff.platforms.map((p) => `| ${platformCells(p, MARKDOWN_STYLE).join(' | ')} |`),
  ]
  const notes = [
    diff.onlyPr.length > 0 && `Only in this PR's image: ${escapeHtml(platformList(diff.onlyPr))}.`,
    diff.onlyStable.length > 0 && `Only in the stable image: ${escapeHtml(platformList(diff.onlyStable))}.`,
    diff.notCompared.length > 0 &&
      `Not compared (ci-image compares ${diff.platforms.length}): ${escapeHtml(platformList(diff.notCompared))}.`,
  ].filter((note): note is string => typeof note === 'string')
  return notes.length > 0 ? [...lines, '', notes.join(' ')] : lines
}

function changeRow(change: PackageChange): string {
  const versions = (list: string[]) => (list.length > 0 ? code(oneLine(versionList(list), 120)) : '')
  return `| ${code(oneLine(packageName(change)))} | ${text(change.type, 20)} | ${versions(change.stable)} | ${versions(change.pr)} |`
}

function packageSections(diff: ImageDiff, layout: MarkdownLayout): string[] {
  const lines: string[] = []
  let rows = 0
  let chars = 0
  let left = 0
  for (const group of byPackagesOutcome(diff.platforms)) {
    const on = `**Packages** (${escapeHtml(platformList(group.platforms))})`
    const { packages } = group
    if (packages.kind !== 'compared') {
      lines.push('', `${on}: ${packagesNote(packages, escapeHtml)}`)
      continue
    }
    lines.push('', `${on}: ${packagesHeadline(packages)}.`)
    if (packages.changes.length === 0) continue
    lines.push('', '| package | type | stable | this PR |', '| --- | --- | --- | --- |')
    for (const change of packages.changes) {
      const row = rows < layout.rows ? changeRow(change) : ''
      if (rows >= layout.rows || chars + row.length > layout.chars) {
        left++
        continue
      }
      lines.push(row)
      rows++
      chars += row.length
    }
  }
  if (left > 0) {
    lines.push(
      '',
      `${left} more package ${left === 1 ? 'change' : 'changes'}${layout.restIn ? `: ${layout.restIn} lists them all` : ' not shown'}.`,
    )
  }
  return lines
}

function stableName(reference: string): string {
  return code(oneLine(reference, 200))
}

export function renderDiffMarkdown(outcome: DiffOutcome, layout: MarkdownLayout): string {
  if (outcome.kind === 'none') return `No comparison with the stable image ${stableName(outcome.stable)}: ${text(outcome.reason, 300)}`
  const { diff } = outcome
  const title = `Compared with the stable image ${stableName(diff.stable)}`
  const body = [...platformTable(diff), ...packageSections(diff, layout)]
  if (layout.collapsed) {
    return [`<details><summary>${title}: ${headline(diff, MARKDOWN_STYLE)}</summary>`, '', ...body, '', '</details>'].join('\n')
  }
  return [`#### ${title}`, '', `${headline(diff, MARKDOWN_STYLE)}.`, '', ...body].join('\n')
}
