// The repository's own workflows use this action as its users will; these checks cover what
// actionlint cannot see: our action's inputs, pinning, and untrusted values in scripts.
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { load } from 'js-yaml'
import { COMMANDS } from '../../src/core/inputs.js'

const root = resolve(import.meta.dirname, '../..')
const action = load(readFileSync(join(root, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> }
const dir = join(root, '.github', 'workflows')
const workflows = readdirSync(dir)
  .filter((f) => f.endsWith('.yml'))
  .map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8'), doc: load(readFileSync(join(dir, file), 'utf8')) as Workflow }))

interface Step {
  uses?: string
  run?: string
  with?: Record<string, unknown>
}
interface Workflow {
  permissions?: unknown
  jobs: Record<string, { permissions?: unknown; steps: Step[] }>
}

const steps = (w: Workflow) => Object.values(w.jobs).flatMap((job) => job.steps)
// Values an outsider controls: PR titles and bodies, branch names, comments, commit messages.
const UNTRUSTED =
  /\$\{\{[^}]*(github\.head_ref|github\.event\.(pull_request|issue|comment|review|head_commit|commits)|steps\.[^}]*outputs)[^}]*\}\}/

describe.each(workflows)('$file', ({ doc, text }) => {
  it('grants at most read at the top; a job that needs more asks for it', () => {
    const top = doc.permissions as Record<string, string> | undefined
    expect(top).toBeDefined()
    expect(Object.values(top!).filter((p) => p !== 'read')).toEqual([])
    if (Object.keys(top!).length === 0) for (const job of Object.values(doc.jobs)) expect(job.permissions).toBeDefined()
  })

  it('pins third-party actions to a full commit SHA with the version in a comment', () => {
    for (const step of steps(doc).filter((s) => s.uses && !s.uses.startsWith('./'))) {
      expect(step.uses).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/)
      expect(text).toMatch(new RegExp(`${step.uses!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} # v\\d`))
    }
  })

  it('passes only known inputs to this action, with a valid command', () => {
    for (const step of steps(doc).filter((s) => s.uses === './')) {
      expect(Object.keys(step.with ?? {}).filter((name) => !(name in action.inputs))).toEqual([])
      expect(COMMANDS).toContain(step.with?.command)
    }
  })

  it('never expands an untrusted value inside a script', () => {
    for (const step of steps(doc).filter((s) => s.run)) expect(step.run).not.toMatch(UNTRUSTED)
  })
})

describe('the workflows', () => {
  it('are the three of the system and the tests', () => {
    expect(workflows.map((w) => w.file).sort()).toEqual([
      'build-ci-image.yml',
      'check-generate.yml',
      'regenerate-on-comment.yml',
      'test.yml',
    ])
  })

  it('the untrusted-value check catches a title in a script', () => {
    expect('echo "${{ github.event.pull_request.title }}"').toMatch(UNTRUSTED)
    expect('echo "${{ github.head_ref }}"').toMatch(UNTRUSTED)
    expect('echo "$TITLE"').not.toMatch(UNTRUSTED)
  })
})

describe('the README', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8')
  it.each(['build-ci-image.yml', 'check-generate.yml', 'regenerate-on-comment.yml'])('shows %s as it is', (file) => {
    expect(readme).toContain(readFileSync(join(dir, file), 'utf8').trimEnd())
  })

  it('lists every input and output of action.yml', () => {
    const outputs = (load(readFileSync(join(root, 'action.yml'), 'utf8')) as { outputs: Record<string, unknown> }).outputs
    for (const name of Object.keys(action.inputs)) expect(readme).toContain(`| \`${name}\` |`)
    for (const name of Object.keys(outputs)) expect(readme).toMatch(new RegExp(`\`${name}\``))
  })
})
