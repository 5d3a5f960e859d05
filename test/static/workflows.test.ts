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
  id?: string
  if?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
  env?: Record<string, string>
}
interface Job {
  if?: string
  needs?: string | string[]
  permissions?: Record<string, string>
  steps: Step[]
}
interface Workflow {
  on: unknown
  permissions?: unknown
  jobs: Record<string, Job>
}

const steps = (w: Workflow) => Object.values(w.jobs).flatMap((job) => job.steps)
const isAction = (step: Step, name: string) => step.uses?.startsWith(`${name}@`) === true
const isCommand = (step: Step, command: string) => step.uses === './' && step.with?.command === command
// Steps that pull the CI image: wait-for-build (unless told not to) and `docker run`.
const pullsImage = (step: Step) =>
  (isCommand(step, 'wait-for-build') && ![false, 'false'].includes(step.with?.pull as string | boolean)) ||
  /\bdocker\s+(run|pull)\b/.test(step.run ?? '')

/**
 * Inputs the pinned artifact actions declare; actionlint checks a popular action's inputs only
 * when `uses:` names a tag it knows (rhysd/actionlint, rule_action.go: PopularActions[spec]), never
 * for a commit SHA. Sources: upload-artifact's action.yml (name, path, if-no-files-found,
 * retention-days, compression-level, overwrite), include-hidden-files since v4.4.0, archive since
 * v7.0.0 (release notes, https://github.com/actions/upload-artifact/releases); download-artifact
 * v8.0.1's inputs as listed on https://github.com/marketplace/actions/download-a-build-artifact.
 */
const ARTIFACT_ACTION_INPUTS: Record<string, string[]> = {
  'actions/upload-artifact@043fb46d1a93c77aae656e7c1c64a875d1fc6a0a': [
    'name',
    'path',
    'if-no-files-found',
    'retention-days',
    'compression-level',
    'overwrite',
    'include-hidden-files',
    'archive',
  ],
  'actions/download-artifact@3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c': [
    'name',
    'artifact-ids',
    'path',
    'pattern',
    'merge-multiple',
    'github-token',
    'repository',
    'run-id',
    'skip-decompress',
    'digest-mismatch',
  ],
}
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

  it('logs in to the registry before a step pulls the image (private registries)', () => {
    for (const job of Object.values(doc.jobs)) {
      const firstPull = job.steps.findIndex(pullsImage)
      if (firstPull === -1) continue
      const login = job.steps.findIndex((s) => isAction(s, 'docker/login-action') && s.with?.registry === 'ghcr.io')
      expect(login).toBeGreaterThanOrEqual(0)
      expect(login).toBeLessThan(firstPull)
    }
  })

  it('passes the pinned artifact actions only inputs they declare', () => {
    for (const step of steps(doc).filter((s) => s.uses && s.uses in ARTIFACT_ACTION_INPUTS)) {
      expect(Object.keys(step.with ?? {}).filter((name) => !ARTIFACT_ACTION_INPUTS[step.uses!]!.includes(name))).toEqual([])
    }
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

// `/regen` builds a PR's code and pushes to its branch: the PR's code (install scripts included)
// must never run where a token can write, and what it produces reaches the branch only as dist/.
describe('regenerate-on-comment.yml', () => {
  const { doc } = workflows.find((w) => w.file === 'regenerate-on-comment.yml')!
  const jobs = Object.entries(doc.jobs)
  // A script runs the PR's code when it starts its build tools or its image (not when a message names them).
  const RUNS_PR_CODE = /(^|[;&|]\s*)\s*(docker\s+run|npm|npx|yarn|pnpm|make|node)\b/m
  const runsPrCode = (job: Job) => job.steps.some((s) => RUNS_PR_CODE.test(s.run ?? ''))
  const canWrite = (job: Job) => Object.values(job.permissions ?? {}).includes('write')
  const scripts = (job: Job) => job.steps.flatMap((s) => (s.run ? [s.run] : []))
  const builders = jobs.filter(([, job]) => runsPrCode(job))
  const writers = jobs.filter(([, job]) => canWrite(job))
  const [builderName, builder] = builders[0] ?? ['', { steps: [] }]
  const [, writer] = writers[0] ?? ['', { steps: [] }]

  it('answers only new comments, so that an edit cannot change what was asked', () => {
    expect(doc.on).toEqual({ issue_comment: { types: ['created'] } })
  })

  it('runs the PR code in one job, whose token can only read', () => {
    expect(builders).toHaveLength(1)
    expect(builder.permissions).toEqual({ contents: 'read', actions: 'read', packages: 'read', 'pull-requests': 'read' })
  })

  it('writes from one job, which runs nothing of the PR', () => {
    expect(writers).toHaveLength(1)
    expect(runsPrCode(writer)).toBe(false)
    expect(writer.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' })
    // In this job the workspace is the PR's checkout: `./` would be the PR's copy of the action.
    expect(writer.steps.filter((s) => s.uses?.startsWith('./'))).toEqual([])
  })

  it('leaves no credentials in any checkout', () => {
    const checkouts = steps(doc).filter((s) => isAction(s, 'actions/checkout'))
    expect(checkouts.length).toBeGreaterThan(0)
    for (const step of checkouts) expect(step.with?.['persist-credentials']).toBe(false)
  })

  it('checks the commenter before anything else runs', () => {
    const first = builder.steps.findIndex((s) => s.uses === './')
    expect(isCommand(builder.steps[first]!, 'resolve-image')).toBe(true)
    // Only the default branch's checkout, which `uses: ./` needs, comes before.
    for (const step of builder.steps.slice(0, first)) {
      expect(isAction(step, 'actions/checkout')).toBe(true)
      expect(step.with?.ref).toBeUndefined()
    }
  })

  it('builds and pushes exactly the commit the comment resolved', () => {
    const prCheckout = builder.steps.find((s) => isAction(s, 'actions/checkout') && s.with?.ref !== undefined)
    expect(prCheckout?.with?.ref).toMatch(/^\$\{\{ steps\.\w+\.outputs\.head-sha \}\}$/)
    const writerCheckout = writer.steps.find((s) => isAction(s, 'actions/checkout'))
    expect(writerCheckout?.with?.ref).toBe(`\${{ needs.${builderName}.outputs.head-sha }}`)
  })

  it('hands over dist/ alone, as plain files', () => {
    const uploads = builder.steps.filter((s) => isAction(s, 'actions/upload-artifact'))
    expect(uploads).toHaveLength(1)
    const upload = uploads[0]!
    expect(upload.with).toMatchObject({ path: 'pr/dist/', 'if-no-files-found': 'error' })
    expect(upload.with?.['include-hidden-files']).toBeUndefined()
    const refusesLinks = (step: Step) => /find .* ! -type f ! -type d/.test(step.run ?? '')
    expect(builder.steps.slice(0, builder.steps.indexOf(upload)).some(refusesLinks)).toBe(true)

    const download = writer.steps.find((s) => isAction(s, 'actions/download-artifact'))
    expect(download?.with?.name).toBe(upload.with?.name)
    expect(String(download?.with?.path)).toMatch(/^\$\{\{ runner\.temp \}\}\//)
    const commit = writer.steps.findIndex((s) => /\bcommit\b/.test(s.run ?? ''))
    expect(writer.steps.slice(0, commit).some(refusesLinks)).toBe(true)
  })

  it('commits only dist/, with hooks and fsmonitor off for every git command', () => {
    const commands = scripts(writer)
      .flatMap((script) => [...script.replace(/\\\n\s*/g, ' ').matchAll(/(?<![\w.$/-])git((?:\s+-c\s+\S+)*)\s+([a-z][a-z-]*)/g)])
      .map(([, options, command]) => ({ options: options!, command: command! }))
    expect(commands.map((c) => c.command)).toEqual(expect.arrayContaining(['add', 'commit', 'push']))
    for (const { options } of commands) {
      expect(options).toContain('-c core.hooksPath=/dev/null')
      expect(options).toContain('-c core.fsmonitor=false')
    }
    const script = scripts(writer).join('\n')
    expect(script).toMatch(/\sadd --all -- dist\n/)
    expect(script).toMatch(/\scommit [^\n]* -- dist\n/)
  })

  it('pushes without force, the token in no URL and no argument', () => {
    const script = scripts(writer).join('\n')
    expect(script).not.toMatch(/https?:\/\/[^\s"']*@/)
    expect(script).not.toMatch(/--force|\spush\s[^\n]*\s-f\b|:\+|"\+/)
    expect(script).toMatch(/\spush --quiet "\$remote" "HEAD:refs\/heads\/\$HEAD_REF"/)
    // The credential travels in git's environment, as an extra header for the server only.
    expect(script).toContain('GIT_CONFIG_KEY_0="http.$GITHUB_SERVER_URL/.extraheader"')
    expect(script).not.toMatch(/git\s[^\n]*\$\{?(TOKEN|auth)\b/)
  })

  it('pushes only for a trusted commenter, and replies on the PR whatever happened', () => {
    expect([writer.needs].flat()).toContain(builderName)
    // pr-number is set only once resolve-image has found the commenter trusted.
    expect(writer.if).toContain(`needs.${builderName}.outputs.pr-number != ''`)
    expect(writer.if).toContain('!cancelled()')
    const reply = writer.steps.at(-1)!
    expect(reply.if).toBe('always()')
    expect(reply.run).toMatch(/^gh pr comment "\$PR"/m)
    expect(reply.env?.GH_TOKEN).toBe('${{ github.token }}')
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
