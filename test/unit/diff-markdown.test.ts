// The comparison as the PR comment and the job summary show it: bounded, escaped, one line per
// row whatever an SBOM names its packages.
import { describe, expect, it } from 'vitest'
import { renderComment, MAX_COMMENT_LENGTH } from '../../src/comment/comment-body.js'
import type { DiffOutcome, ImageDiff, PlatformDiff } from '../../src/diff/image-diff.js'
import { IN_COMMENT, IN_SUMMARY, renderDiffMarkdown } from '../../src/diff/markdown.js'
import type { PackageChange } from '../../src/diff/package-diff.js'
import { renderDiffText } from '../../src/diff/terminal.js'

const layers = { stable: { size: 1000, layers: 3 }, pr: { size: 1500, layers: 3 }, shared: 2, added: 1, addedSize: 700, removed: 1 }

function platform(name: string, changes: PackageChange[]): PlatformDiff {
  const counts = { changed: 0, added: 0, removed: 0 }
  for (const c of changes) counts[c.kind]++
  return { platform: name, layers, packages: { kind: 'compared', changes, counts } }
}

const diff = (platforms: PlatformDiff[]): DiffOutcome => ({
  kind: 'compared',
  diff: {
    pr: 'ghcr.io/acme/app/ci:pr-42',
    stable: 'ghcr.io/acme/app/ci:latest',
    platforms,
    onlyPr: [],
    onlyStable: [],
    notCompared: [],
  } satisfies ImageDiff,
})

const changed = (name: string, i = 0): PackageChange => ({
  kind: 'changed',
  type: 'deb',
  namespace: 'debian',
  name,
  stable: [`1.${i}`],
  pr: [`2.${i}`],
})
const rowsOf = (markdown: string) => markdown.split('\n').filter((line) => line.startsWith('| <code>'))

describe('the section of the comment', () => {
  it('shows the first 30 package changes and says where the others are; the summary lists them all', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => changed(`lib${String(i).padStart(3, '0')}`, i))
    const outcome = diff([platform('linux/amd64', hundred)])
    const comment = renderDiffMarkdown(outcome, IN_COMMENT)
    expect(rowsOf(comment)).toHaveLength(30)
    expect(rowsOf(comment)[29]).toContain('lib029')
    expect(comment).toContain('70 more package changes: the job summary of the build lists them all.')
    expect(
      comment.startsWith(
        '<details><summary>Compared with the stable image <code>ghcr.io/acme/app/ci:latest</code>: +500 B (+50%), 1 new layer, 100 packages changed</summary>',
      ),
    ).toBe(true)
    const summary = renderDiffMarkdown(outcome, IN_SUMMARY)
    expect(rowsOf(summary)).toHaveLength(100)
    expect(summary).not.toContain('more package')
  })

  it("platforms whose packages changed alike share one table; the rows' budget is shared by all", () => {
    const same = [changed('curl')]
    const markdown = renderDiffMarkdown(
      diff([platform('linux/amd64', same), platform('linux/arm64', same), platform('linux/s390x', [changed('zlib')])]),
      IN_COMMENT,
    )
    expect(markdown).toContain('**Packages** (linux/amd64, linux/arm64): 1 package changed.')
    expect(markdown).toContain('**Packages** (linux/s390x): 1 package changed.')
    expect(rowsOf(markdown)).toHaveLength(2)
  })

  it('escapes whatever an SBOM or a registry says, keeps each row on one line, and the comment under its limit', () => {
    const hostile = [
      '|x|</code></details><script>alert(1)</script>',
      'line\nbreak ::error::forged',
      '`code` **bold** [link](javascript:alert(1)) @octocat #1',
      'long'.repeat(10_000),
    ]
    const changes = Array.from({ length: 400 }, (_, i): PackageChange => ({
      kind: 'changed',
      type: 'deb',
      namespace: 'debian',
      name: `${hostile[i % hostile.length]}${i}`,
      stable: [hostile[(i + 1) % hostile.length]!],
      pr: Array.from({ length: 5 }, (_, j) => `${hostile[(i + j) % hostile.length]!}${j}`),
    }))
    const platforms = ['linux/amd64', 'linux/arm64', 'linux/arm/v7', 'linux/s390x|<b>'].map((p, i) => platform(p, changes.slice(i)))
    const section = renderDiffMarkdown(diff(platforms), IN_COMMENT)
    for (const row of rowsOf(section)) {
      // Four cells: five unescaped pipes, and no tag other than <code>.
      expect(row.split('|')).toHaveLength(6)
      // Names and versions are cut (100 and 120 characters, each escaped in at most 5).
      expect(row.length).toBeLessThan(2_000)
      expect(row.replace(/<\/?code>/g, '')).not.toMatch(/[<>`\n]/)
    }
    expect(section).not.toContain('<script>')
    expect(section).not.toContain('::error::forged\n')
    const body = renderComment({
      state: 'built',
      imageRepository: 'ghcr.io/acme/app/ci',
      tag: 'pr-42',
      commitSha: 'a'.repeat(40),
      repositoryUrl: 'https://github.com/acme/app',
      localCommand: 'make gen',
      diff: section,
    })
    expect(body.length).toBeLessThan(MAX_COMMENT_LENGTH / 2)
  })

  it('no comparison: one line, the reason escaped', () => {
    const outcome: DiffOutcome = {
      kind: 'none',
      pr: 'ghcr.io/acme/app/ci:pr-42',
      stable: 'ghcr.io/acme/app/ci:latest',
      reason: 'ghcr.io said <b>no</b>\nreally',
    }
    expect(renderDiffMarkdown(outcome, IN_COMMENT)).toBe(
      'No comparison with the stable image <code>ghcr.io/acme/app/ci:latest</code>: ghcr.io said &#60;b&#62;no&#60;/b&#62;\uFFFDreally',
    )
  })

  it.each([
    [
      ['stable'],
      'not compared: the stable image has no SBOM attestation yet; it gets one when a build with `sbom: true` (docker/build-push-action) pushes it.',
    ],
    [['pr'], "not compared: this PR's image has no SBOM attestation; set `sbom: true` on docker/build-push-action to compare packages."],
    [
      ['pr', 'stable'],
      'not compared: neither image has an SBOM attestation; set `sbom: true` on docker/build-push-action to compare packages.',
    ],
  ] as const)('without an SBOM on %j: size and layers, and one line on how to turn SBOMs on', (sides, note) => {
    const outcome = diff([{ platform: 'linux/amd64', layers, packages: { kind: 'missing', sides: [...sides] } }])
    const markdown = renderDiffMarkdown(outcome, IN_COMMENT)
    expect(markdown).toContain('| linux/amd64 | 1.46 KiB | +500 B (+50%) | 3 (was 3) | 2 | 1 (700 B) | 1 |')
    expect(markdown).toContain(`**Packages** (linux/amd64): ${note}`)
    expect(markdown).toContain('packages not compared (no SBOM)</summary>')
  })
})

describe('the terminal table', () => {
  it('aligns the columns and lists every change, without control characters', () => {
    const outcome = diff([
      platform('linux/amd64', [changed('curl'), { ...changed('evil\u001b[31m'), kind: 'added', stable: [] }]),
    ]) as Extract<DiffOutcome, { kind: 'compared' }>
    expect(renderDiffText(outcome.diff)).toEqual([
      'ghcr.io/acme/app/ci:pr-42 compared with ghcr.io/acme/app/ci:latest: +500 B, 1 new layer, 1 package changed, 1 added',
      '',
      'platform     compressed size  change  layers     shared  new        removed',
      'linux/amd64  1.46 KiB         +500 B  3 (was 3)  2       1 (700 B)  1',
      '',
      'Packages (linux/amd64): 1 package changed, 1 added',
      'package    type  stable  this image',
      'curl       deb   1.0     2.0',
      'evil\uFFFD[31m  deb   -       2.0',
    ])
  })
})
