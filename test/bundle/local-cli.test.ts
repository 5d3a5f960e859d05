// The local CLI as a person runs it (a terminal: no GITHUB_ACTIONS) and as a CI shell step does:
// the image it prints is checked as the action checks it, and what it says is plain text.
import { spawnSync } from 'node:child_process'
import { relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { invokedAs } from '../../src/resolve/local.js'
import { DIST } from '../support/action.js'
import { git, makePullRequestRepo, tempDir } from '../support/git.js'
import { FORGED, unintendedCommands } from '../support/workflow-commands.js'

const ROOT = resolve(import.meta.dirname, '../..')

function run(cwd: string, args: string[], extraEnv: Record<string, string> = {}, command = [process.execPath, DIST]) {
  const env = { PATH: process.env.PATH, HOME: cwd, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', ...extraEnv }
  const result = spawnSync(command[0]!, [...command.slice(1), ...args], { cwd, env, encoding: 'utf8' })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** A developer's clone on a PR branch that leaves the image alone, its origin at `originUrl`. */
function cloneWithOrigin(originUrl: string, prFiles: Record<string, string> = { 'src/a.ts': 'x\n' }): string {
  const repo = makePullRequestRepo({ baseRef: 'main', prFiles })
  const clone = tempDir()
  git(clone, 'clone', '-q', `file://${repo.origin}`, '.')
  git(clone, 'remote', 'set-url', 'origin', originUrl)
  git(clone, 'checkout', '-q', 'feature')
  return clone
}

describe('the image the local CLI prints', () => {
  it('is never one docker would refuse: an origin whose name makes none is an error, and nothing is printed', () => {
    const clone = cloneWithOrigin('https://github.com/a$(id)b/r`id`;x.git')
    const result = run(clone, ['resolve-image'])
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('error: The repository a$(id)b/r`id`;x gives no valid image repository')
    expect(result.stderr).toContain('--image')
    expect(result.stderr).not.toContain('ghcr.io/a$(id)b')
  })

  it('needs --image for an origin that is not on github.com, and says so', () => {
    const clone = cloneWithOrigin('git@gitlab.com:team/app.git')
    const refused = run(clone, ['resolve-image'])
    expect(refused.code).toBe(1)
    expect(refused.stdout).toBe('')
    expect(refused.stderr).toContain('error: The origin remote is on gitlab.com, not github.com')
    expect(refused.stderr).toContain('pass --image REPO')
    const given = run(clone, ['resolve-image', '--image', 'registry.gitlab.com/team/app/ci'])
    expect(given.code, given.stderr).toBe(0)
    expect(given.stdout).toBe('registry.gitlab.com/team/app/ci:latest\n')
  })

  it('comes from the origin as configured or as git expands it (url.<base>.insteadOf)', () => {
    const clone = cloneWithOrigin('gh:acme/app')
    git(clone, 'config', 'url.git@github.com:.insteadOf', 'gh:')
    const result = run(clone, ['resolve-image'])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toBe('ghcr.io/acme/app/ci:latest\n')
  })

  it('is checked as the action checks its image input', () => {
    const clone = cloneWithOrigin('git@github.com:acme/app.git')
    const result = run(clone, ['resolve-image', '--image', 'ghcr.io/acme/app/ci:v2'])
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('error: Input `image` is the image repository without a tag or digest')
  })
})

describe('the local CLI in a terminal', () => {
  it('without arguments prints its usage, not a workflow command', () => {
    const result = run(tempDir(), [])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('resolve-image [options]')
    expect(`${result.stdout}${result.stderr}`).not.toContain('::')
  })

  it('prints a bad option as a plain error', () => {
    const clone = cloneWithOrigin('git@github.com:acme/app.git')
    const result = run(clone, ['resolve-image', '--pr-number', 'x'])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^error: Input `pr-number` /m)
    expect(`${result.stdout}${result.stderr}`).not.toContain('::')
  })

  it('--help names the command as it was run: node and the path from here', () => {
    const elsewhere = tempDir()
    const result = run(elsewhere, ['--help'])
    expect(result.stdout.split('\n')[0]).toBe(`Usage: node ${relative(elsewhere, DIST)} resolve-image [options]`)
    expect(result.stdout).not.toContain('npm run local')
  })

  it('--help names `npm run local --` when run so in this repository', () => {
    // npm keeps its logs under HOME: a scratch one, not this checkout.
    const result = run(ROOT, ['run', '--silent', 'local', '--', '--help'], { HOME: tempDir() }, ['npm'])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout.split('\n')[0]).toBe('Usage: npm run local -- resolve-image [options]')
  })

  it.each([
    [
      { npm_command: 'exec', npm_config_package: 'github:acme/ci-image' },
      '/x/.npm/_npx/1/node_modules/.bin/ci-image',
      'npx github:acme/ci-image',
    ],
    [{ npm_command: 'exec' }, '/x/.npm/_npx/1/node_modules/.bin/ci-image', 'npx github:<owner>/ci-image'],
    [{}, '/usr/local/bin/ci-image', 'ci-image'],
    [
      { npm_command: 'run', npm_lifecycle_event: 'local', npm_package_name: 'other' },
      '/w/tools/ci/dist/index.js',
      'node tools/ci/dist/index.js',
    ],
  ])('--help under %o, script %s, says %s', (env, script, expected) => {
    expect(invokedAs(env, script, '/w')).toBe(expected)
  })
})

describe('the local CLI in a CI shell step', () => {
  it("says what the build workflow's patterns are without starting a workflow command", () => {
    const pattern = JSON.stringify(`release/*\n::set-output name=image::ghcr.io/attacker/evil\n::error::${FORGED}`)
    const workflow = `on:\n  pull_request:\n    branches: [${pattern}]\n    paths: [Dockerfile.ci]\n`
    const clone = cloneWithOrigin('git@github.com:acme/app.git', { '.github/workflows/build-ci-image.yml': workflow })
    const result = run(clone, ['resolve-image', '--json'], { GITHUB_ACTIONS: 'true', CI: 'true' })
    expect(result.code, result.stderr).toBe(0)
    // The runner reads a step's stdout and stderr alike.
    expect(unintendedCommands(result.stdout)).toEqual([])
    expect(unintendedCommands(result.stderr)).toEqual([])
    expect(JSON.parse(result.stdout).reason).toContain('::set-output name=image::')
  })
})
