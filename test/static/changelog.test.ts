// CHANGELOG.md and scripts/changelog-section.mjs, which the release workflow runs to turn a
// version's section into its release notes.
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../support/git.js'

const root = resolve(import.meta.dirname, '../..')
const SCRIPT = join(root, 'scripts', 'changelog-section.mjs')

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

describe('CHANGELOG.md', () => {
  const text = readFileSync(join(root, 'CHANGELOG.md'), 'utf8')
  const headings = text.split('\n').filter((line) => line.startsWith('## '))

  it('starts with the Unreleased section, which says something', () => {
    expect(headings[0]).toBe('## [Unreleased]')
    expect(section(text, 'Unreleased').stdout).toMatch(/^### (Added|Changed|Deprecated|Removed|Fixed|Security)\n/)
  })

  it('dates every released version, newest first (Keep a Changelog)', () => {
    const released = headings.slice(1)
    for (const heading of released) expect(heading).toMatch(/^## \[\d+\.\d+\.\d+\] - \d{4}-\d{2}-\d{2}$/)
    const dates = released.map((heading) => heading.slice(-10))
    expect(dates).toEqual([...dates].sort().reverse())
  })
})
