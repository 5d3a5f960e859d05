// `npm run local -- resolve-image`: the bundle on a developer's checkout, no GitHub, no token.
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { repositoryFromRemote } from '../../src/local.js'
import { DIST } from '../support/action.js'
import { commit, git, makePullRequestRepo, tempDir } from '../support/git.js'

function runLocal(cwd: string, ...args: string[]) {
  return runLocalWith({}, cwd, ...args)
}

function runLocalWith(extraEnv: Record<string, string>, cwd: string, ...args: string[]) {
  const env = { PATH: process.env.PATH, HOME: cwd, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', ...extraEnv }
  const result = spawnSync(process.execPath, [DIST, ...args], { cwd, env, encoding: 'utf8' })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** A developer's clone of `origin`, on the PR branch. */
function developerClone(prFiles: Record<string, string>, baseRef = 'v2'): string {
  const repo = makePullRequestRepo({ baseRef, prFiles, baseCommitsAfterFork: 2 })
  const clone = tempDir()
  git(clone, 'clone', '-q', `file://${repo.origin}`, '.')
  git(clone, 'remote', 'set-url', 'origin', 'git@github.com:Acme/App.git')
  git(clone, 'checkout', '-q', 'feature')
  return clone
}

describe('local run', () => {
  it('prints the base branch image for a branch that leaves the image alone', () => {
    const clone = developerClone({ 'src/a.ts': 'x\n' })
    const run = runLocal(clone, 'resolve-image')
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toBe('ghcr.io/acme/app/ci:v2\n')
    expect(run.stderr).toContain('This branch changes no watched path, so it uses the stable image of base branch v2.')
  })

  it('works the same inside a CI job shell step (make docker-pull in a run: step)', () => {
    const clone = developerClone({ 'src/a.ts': 'x\n' })
    const run = runLocalWith({ GITHUB_ACTIONS: 'true', CI: 'true' }, clone, 'resolve-image')
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toBe('ghcr.io/acme/app/ci:v2\n')
  })

  it('prints the PR image for a branch that changes the image, given its PR number', () => {
    const clone = developerClone({ 'Dockerfile.ci': 'FROM x\n' })
    const run = runLocal(clone, 'resolve-image', '--pr-number', '12', '--json')
    expect(run.code, run.stderr).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ image: 'ghcr.io/acme/app/ci:pr-12', modified: true, 'changed-files': ['Dockerfile.ci'] })
  })

  it('asks for the PR number when the branch changes the image', () => {
    const clone = developerClone({ 'Dockerfile.ci': 'FROM x\n' })
    const run = runLocal(clone, 'resolve-image')
    expect(run.code).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain(
      "error: This branch changes the CI image, so its image is its PR's (pr-N): pass the PR number (--pr-number N)",
    )
  })

  it('on a long-lived branch, prints that branch stable image', () => {
    const clone = developerClone({ 'src/a.ts': 'x\n' }, 'main')
    git(clone, 'checkout', '-q', 'main')
    commit(clone, 'local work', { 'b.txt': 'x\n' })
    expect(runLocal(clone, 'resolve-image').stdout).toBe('ghcr.io/acme/app/ci:latest\n')
  })

  it('explains the other commands need GitHub Actions', () => {
    const run = runLocal(developerClone({}), 'wait-for-build')
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('Only resolve-image runs locally; "wait-for-build" needs GitHub Actions.')
  })

  it.each([
    ['git@github.com:Acme/App.git', 'Acme/App'],
    ['https://github.com/acme/app', 'acme/app'],
    ['https://github.com/acme/app.git/', 'acme/app'],
    ['ssh://git@ghe.example.com:2222/org/repo.git', 'org/repo'],
  ])('reads the repository from %s', (url, expected) => {
    expect(repositoryFromRemote(url)).toBe(expected)
  })
})
