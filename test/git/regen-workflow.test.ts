// The `/regen` workflow's shell steps, run as the runner runs them (`bash -e <file>`), against
// real repositories: a bare "server" reached over file://, a shallow clone of the PR's commit like
// actions/checkout's, and a workspace with hooks and an fsmonitor planted in it.
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parse } from 'yaml'
import { beforeEach, describe, expect, it } from 'vitest'
import { commit, git, tempDir } from '../support/git.js'

interface Step {
  id?: string
  name?: string
  run?: string
}
const workflow = parse(readFileSync(resolve(import.meta.dirname, '../../.github/workflows/regenerate-on-comment.yml'), 'utf8')) as {
  jobs: Record<string, { steps: Step[] }>
}
function script(job: string, find: (step: Step) => boolean): string {
  const run = workflow.jobs[job]?.steps.find(find)?.run
  if (!run) throw new Error(`regenerate-on-comment.yml: no such step in job ${job}`)
  return run
}
const buildCheck = script('build', (s) => s.name === 'Refuse anything in dist/ but plain files')
const artifactCheck = script('push', (s) => s.id === 'check')
const commitAndPush = script('push', (s) => s.id === 'push')

const TOKEN = 'ghs_not-a-real-token'
const REAL_GIT = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim()

interface StepRun {
  status: number | null
  output: string
  outputs: Record<string, string>
}

function runStep(run: string, cwd: string, env: Record<string, string>): StepRun {
  const dir = tempDir('regen-step-')
  const file = join(dir, 'step.sh')
  writeFileSync(file, run)
  const outputFile = join(dir, 'output')
  writeFileSync(outputFile, '')
  const result = spawnSync('bash', ['-e', file], {
    cwd,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH!,
      HOME: dir,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GITHUB_OUTPUT: outputFile,
      ...env,
    },
  })
  const outputs = Object.fromEntries(
    readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  )
  return { status: result.status, output: result.stdout + result.stderr, outputs }
}

describe('build: refuse anything in dist/ but plain files', () => {
  let pr: string
  beforeEach(() => {
    pr = tempDir('regen-pr-')
    mkdirSync(join(pr, 'dist', 'sub'), { recursive: true })
    writeFileSync(join(pr, 'dist', 'index.js'), 'built\n')
    writeFileSync(join(pr, 'dist', 'sub', 'chunk.js'), 'built\n')
  })

  it('passes a dist/ of plain files and directories', () => {
    expect(runStep(buildCheck, pr, {}).status).toBe(0)
  })

  it('refuses a symbolic link, which upload-artifact would follow to the file it names', () => {
    symlinkSync('/etc/hostname', join(pr, 'dist', 'sub', 'innocent.js'))
    const run = runStep(buildCheck, pr, {})
    expect(run.status).toBe(1)
    expect(run.output).toContain('::error::dist/ holds something other than plain files')
  })

  it('refuses a dist/ that is itself a link', () => {
    const elsewhere = tempDir('regen-elsewhere-')
    writeFileSync(join(elsewhere, 'secret'), 'x')
    const other = tempDir('regen-pr-')
    symlinkSync(elsewhere, join(other, 'dist'))
    expect(runStep(buildCheck, other, {}).status).toBe(1)
  })

  it('refuses a build that made no dist/', () => {
    expect(runStep(buildCheck, tempDir('regen-pr-'), {}).output).toContain('::error::The build made no dist/.')
  })
})

describe('push: refuse anything in the artifact but plain files', () => {
  let artifact: string
  beforeEach(() => {
    artifact = join(tempDir('regen-temp-'), 'regen-dist')
    mkdirSync(join(artifact, 'sub'), { recursive: true })
    writeFileSync(join(artifact, 'index.js'), 'built\n')
    writeFileSync(join(artifact, 'sub', 'chunk.js'), 'built\n')
  })
  const check = () => runStep(artifactCheck, tempDir('regen-ws-'), { NEW: artifact })

  it('passes plain files and directories', () => {
    expect(check().status).toBe(0)
  })

  it.each([
    ['a symbolic link', () => symlinkSync('../../.git/config', join(artifact, 'sub', 'config'))],
    ['a hidden file (.gitattributes)', () => writeFileSync(join(artifact, '.gitattributes'), '* filter=x\n')],
    ['a hidden directory (.git)', () => mkdirSync(join(artifact, 'sub', '.git'))],
  ])('refuses %s, and says so for the reply', (_what, plant) => {
    plant()
    const run = check()
    expect(run.status).toBe(1)
    expect(run.outputs.result).toBe('refused')
  })

  it('refuses an empty artifact', () => {
    const empty = join(tempDir('regen-temp-'), 'regen-dist')
    mkdirSync(empty)
    expect(runStep(artifactCheck, tempDir('regen-ws-'), { NEW: empty }).outputs.result).toBe('refused')
  })
})

describe('push: commit dist/ and push it to the PR branch', () => {
  let server: string
  let origin: string
  let author: string
  let headSha: string
  let workspace: string
  let artifact: string
  let marks: string
  let argvLog: string
  let pushEnvLog: string
  let path: string

  beforeEach(() => {
    // The "server": GITHUB_SERVER_URL/GITHUB_REPOSITORY.git resolves to this bare repository.
    server = tempDir('regen-server-')
    origin = join(server, 'acme', 'app.git')
    mkdirSync(origin, { recursive: true })
    git(origin, 'init', '-q', '--bare')
    author = tempDir('regen-author-')
    git(author, 'init', '-q')
    headSha = commit(author, 'The PR', { 'src/a.ts': 'a\n', 'dist/index.js': 'old\n', 'dist/stale.js': 'gone soon\n' })
    git(author, 'push', '-q', origin, 'HEAD:refs/heads/feature/regen')

    // As actions/checkout leaves it: depth 1, detached at the resolved commit, no credentials.
    workspace = tempDir('regen-ws-')
    git(workspace, 'clone', '-q', '--depth', '1', '--branch', 'feature/regen', `file://${origin}`, '.')
    git(workspace, 'checkout', '-q', '--detach', headSha)

    // Whatever a hook or an fsmonitor would do, it leaves a mark here.
    marks = tempDir('regen-marks-')
    for (const hook of ['pre-commit', 'prepare-commit-msg', 'commit-msg', 'post-commit', 'pre-push']) {
      writeFileSync(join(workspace, '.git', 'hooks', hook), `#!/bin/sh\ntouch '${marks}/${hook}'\n`)
      chmodSync(join(workspace, '.git', 'hooks', hook), 0o755)
    }
    const fsmonitor = join(marks, 'fsmonitor.sh')
    writeFileSync(fsmonitor, `#!/bin/sh\ntouch '${marks}/fsmonitor'\n`)
    chmodSync(fsmonitor, 0o755)
    git(workspace, 'config', 'core.fsmonitor', fsmonitor)

    artifact = join(tempDir('regen-temp-'), 'regen-dist')
    mkdirSync(join(artifact, 'sub'), { recursive: true })
    writeFileSync(join(artifact, 'index.js'), 'new\n')
    writeFileSync(join(artifact, 'sub', 'chunk.js'), 'new chunk\n')

    // git as the step sees it, recording every command line and what a push gets from its environment.
    const bin = tempDir('regen-bin-')
    argvLog = join(bin, 'argv.log')
    pushEnvLog = join(bin, 'push-env.log')
    writeFileSync(
      join(bin, 'git'),
      `#!/bin/sh\nprintf '%s\\n' "$*" >> '${argvLog}'\n` +
        `case " $* " in *" push "*) printf '%s\\n%s\\n' "$GIT_CONFIG_KEY_0" "$GIT_CONFIG_VALUE_0" > '${pushEnvLog}';; esac\n` +
        `exec '${REAL_GIT}' "$@"\n`,
    )
    chmodSync(join(bin, 'git'), 0o755)
    path = `${bin}:${process.env.PATH}`
  })

  const push = () =>
    runStep(commitAndPush, workspace, {
      PATH: path,
      NEW: artifact,
      TOKEN,
      HEAD_REF: 'feature/regen',
      HEAD_SHA: headSha,
      GITHUB_SERVER_URL: `file://${server}`,
      GITHUB_REPOSITORY: 'acme/app',
    })
  const tip = () => git(origin, 'rev-parse', 'refs/heads/feature/regen')

  it('pushes one commit of dist/ alone on top of the resolved commit, running no hook and no fsmonitor', () => {
    const run = push()
    expect(run.status).toBe(0)
    expect(run.outputs).toEqual({ result: 'pushed', commit: tip() })
    expect(git(origin, 'rev-parse', `${tip()}^`)).toBe(headSha)
    expect(git(origin, 'diff', '--name-status', headSha, tip()).split('\n')).toEqual([
      'M\tdist/index.js',
      'D\tdist/stale.js',
      'A\tdist/sub/chunk.js',
    ])
    expect(readFileSync(argvLog, 'utf8')).toMatch(/ commit /)
    for (const mark of ['pre-commit', 'prepare-commit-msg', 'commit-msg', 'post-commit', 'pre-push', 'fsmonitor']) {
      expect(existsSync(join(marks, mark)), mark).toBe(false)
    }
  })

  it('hands git the token only through its environment, as the header actions/checkout writes', () => {
    expect(push().status).toBe(0)
    const basic = Buffer.from(`x-access-token:${TOKEN}`).toString('base64')
    expect(readFileSync(pushEnvLog, 'utf8')).toBe(`http.file://${server}/.extraheader\nAUTHORIZATION: basic ${basic}\n`)
    const argv = readFileSync(argvLog, 'utf8')
    expect(argv).not.toContain(TOKEN)
    expect(argv).not.toContain(basic)
    expect(readFileSync(join(workspace, '.git', 'config'), 'utf8')).not.toContain(basic)
  })

  it('pushes nothing, forces nothing, and says the branch moved when it did', () => {
    commit(author, 'Pushed after the comment', { 'src/b.ts': 'b\n' })
    git(author, 'push', '-q', origin, 'HEAD:refs/heads/feature/regen')
    const moved = tip()

    const run = push()
    expect(run.status).toBe(1)
    expect(run.outputs.result).toBe('moved')
    expect(run.output).toContain(`::error::The PR branch moved since /regen was asked (it was at ${headSha})`)
    expect(tip()).toBe(moved)
  })

  it('commits nothing when dist/ is already what the build made', () => {
    const same = join(tempDir('regen-temp-'), 'regen-dist')
    mkdirSync(same)
    writeFileSync(join(same, 'index.js'), 'old\n')
    writeFileSync(join(same, 'stale.js'), 'gone soon\n')
    artifact = same

    const run = push()
    expect(run.status).toBe(0)
    expect(run.outputs).toEqual({ result: 'up-to-date' })
    expect(tip()).toBe(headSha)
  })
})
