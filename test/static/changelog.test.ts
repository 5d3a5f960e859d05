// CHANGELOG.md, scripts/changelog-section.mjs and scripts/release-notes.mjs, which the release
// workflow runs to write a release's notes: the lines that use it, then its changelog section.
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../support/git.js'

const root = resolve(import.meta.dirname, '../..')
const SCRIPT = join(root, 'scripts', 'changelog-section.mjs')
const NOTES = join(root, 'scripts', 'release-notes.mjs')
const SHA = '0123456789abcdef0123456789abcdef01234567'

function section(changelog: string, tag: string) {
  const file = join(tempDir('ci-image-changelog-'), 'CHANGELOG.md')
  writeFileSync(file, changelog)
  const run = spawnSync(process.execPath, [SCRIPT, tag, file], { encoding: 'utf8' })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

const CHANGELOG = `# Changelog

## [Unreleased]

- Something not released.

## [1.10.0] - 2026-03-01

### Added

- A newer thing.

## [1.1.0] - 2026-02-01

### Fixed

- The wait names the commit.

## [1.0.0] - 2026-01-01

- First release.

[1.10.0]: https://github.com/acme/ci-image/compare/v1.1.0...v1.10.0
[1.1.0]: https://github.com/acme/ci-image/compare/v1.0.0...v1.1.0
`

describe('changelog-section', () => {
  it('prints the section of the tagged version, without its heading, up to the next version', () => {
    expect(section(CHANGELOG, 'v1.1.0')).toEqual({ code: 0, stdout: '### Fixed\n\n- The wait names the commit.\n', stderr: '' })
  })

  it('takes the version with or without its v, and tells 1.1.0 from 1.10.0', () => {
    expect(section(CHANGELOG, '1.10.0').stdout).toBe('### Added\n\n- A newer thing.\n')
  })

  it('stops at the link definitions that close the file', () => {
    expect(section(CHANGELOG, 'v1.0.0').stdout).toBe('- First release.\n')
  })

  it('fails, saying what to add, for a version without a section', () => {
    const run = section(CHANGELOG, 'v1.2.0')
    expect(run.code).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain('has no section for 1.2.0: add "## [1.2.0] - YYYY-MM-DD"')
  })

  it('fails for an empty section: no release goes out without notes', () => {
    const run = section('# Changelog\n\n## [2.0.0] - 2026-04-01\n\n## [1.0.0] - 2026-01-01\n\n- First.\n', 'v2.0.0')
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('The section of 2.0.0')
  })
})

/** release-notes.mjs on a changelog and a package.json of `version`. */
function notes(changelog: string, version: string, ...args: string[]) {
  const dir = tempDir('ci-image-notes-')
  writeFileSync(join(dir, 'CHANGELOG.md'), changelog)
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'ci-image', version }))
  const run = spawnSync(process.execPath, [NOTES, ...args, join(dir, 'CHANGELOG.md'), join(dir, 'package.json')], { encoding: 'utf8' })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

describe('release-notes', () => {
  it('starts with the exact lines that use the release: the action pinned to its commit, the CLI at it', () => {
    const run = notes(CHANGELOG, '1.1.0', 'v1.1.0', 'acme/ci-image', SHA)
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toContain(`\n\`\`\`yaml\nuses: acme/ci-image@${SHA} # v1.1.0\n\`\`\`\n`)
    expect(run.stdout).toContain(`\n\`\`\`console\nnpx --yes github:acme/ci-image#${SHA} resolve-image\n\`\`\`\n`)
    expect(run.stdout).toContain('(https://github.com/acme/ci-image/blob/v1.1.0/docs/local-use.md)')
    expect(run.stdout.endsWith('## Changes\n\n### Fixed\n\n- The wait names the commit.\n')).toBe(true)
  })

  it.each([
    [['v1.1.0', 'acme/ci-image', SHA], '1.0.0', 'package.json says version 1.0.0, the tag v1.1.0: set "version": "1.1.0"'],
    [['v1.2.0', 'acme/ci-image', SHA], '1.2.0', 'has no section for 1.2.0'],
    [['1.1.0', 'acme/ci-image', SHA], '1.1.0', '1.1.0 is not a vX.Y.Z[-prerelease] tag.'],
    [['v1.1.0', 'acme/ci-image', 'v1'], '1.1.0', 'v1 is not a full commit SHA'],
    [['v1.1.0', 'acme/ci-image;x', SHA], '1.1.0', 'acme/ci-image;x is not an owner/repo name.'],
  ])('%j with package.json %s fails: %s', (args, version, message) => {
    const run = notes(CHANGELOG, version, ...args)
    expect(run.code).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain(message)
  })
})

describe('CHANGELOG.md', () => {
  const text = readFileSync(join(root, 'CHANGELOG.md'), 'utf8')
  const headings = text.split('\n').filter((line) => line.startsWith('## '))
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version

  it('starts with the Unreleased section', () => {
    expect(headings[0]).toBe('## [Unreleased]')
  })

  it("has the section of package.json's version, newest of the released ones: the release to tag", () => {
    expect(headings[1]).toMatch(new RegExp(`^## \\[${version.replaceAll('.', '\\.')}\\] - `))
    const run = notes(text, version, `v${version}`, 'acme/ci-image', SHA)
    expect(run.code, run.stderr).toBe(0)
  })

  it('dates every released version, newest first (Keep a Changelog)', () => {
    const released = headings.slice(1)
    for (const heading of released) expect(heading).toMatch(/^## \[\d+\.\d+\.\d+\] - \d{4}-\d{2}-\d{2}$/)
    const dates = released.map((heading) => heading.slice(-10))
    expect(dates).toEqual([...dates].sort().reverse())
  })
})
