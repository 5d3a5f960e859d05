// The repository's Makefile, target by target, against docker and npm stand-ins that record their
// arguments: the image names, the mounts, the Dockerfile, and no branch name reaching a shell.
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, symlinkSync } from 'node:fs'
import { userInfo } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { recordingCommands } from '../support/recording-commands.js'
import { git, makePullRequestRepo, tempDir } from '../support/git.js'

const ROOT = resolve(import.meta.dirname, '../..')

/** A depth-1 clone of acme/app's PR branch holding this Makefile, with this repository's dist/ beside it. */
function cloneWithMakefile(prFiles: Record<string, string>, headRef = 'feature', originUrl = 'https://github.com/acme/app.git'): string {
  const repo = makePullRequestRepo({ baseRef: 'v2', headRef, prFiles })
  // The origin is github.com/acme/app, so the CLI names the image ghcr.io/acme/app/ci; git fetches
  // it from a local mirror (url.<base>.insteadOf).
  const parent = join(tempDir('ci-image-remote-'), 'acme')
  mkdirSync(parent)
  git(parent, 'clone', '-q', '--mirror', repo.origin, 'app.git')
  const clone = tempDir('ci-image-make-')
  git(clone, 'clone', '-q', '--depth', '1', '--branch', headRef, `file://${join(parent, 'app.git')}`, '.')
  git(clone, 'remote', 'set-url', 'origin', originUrl)
  git(clone, 'config', `url.file://${join(parent, 'app.git')}.insteadOf`, originUrl)
  copyFileSync(join(ROOT, 'Makefile'), join(clone, 'Makefile'))
  symlinkSync(join(ROOT, 'dist'), join(clone, 'dist'))
  return clone
}

function make(cwd: string, target: string, ...variables: string[]) {
  const recorder = recordingCommands('docker', 'npm')
  const env = {
    PATH: `${recorder.dir}:${process.env.PATH}`,
    HOME: cwd,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
  }
  const result = spawnSync('make', ['--no-print-directory', target, ...variables], { cwd, env, encoding: 'utf8' })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, calls: recorder.calls() }
}

const LOCAL = 'ci-image:local'

describe('Makefile', () => {
  it('docker-pull: in a depth-1 clone, pulls the image CI uses for the branch', () => {
    const clone = cloneWithMakefile({ 'src/a.ts': 'x\n' })
    const run = make(clone, 'docker-pull')
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toBe('docker pull ghcr.io/acme/app/ci:v2\n')
    expect(run.calls).toEqual([{ command: 'docker', args: ['pull', 'ghcr.io/acme/app/ci:v2'] }])
  })

  it('docker-pull: pulls nothing when resolve-image fails', () => {
    const clone = cloneWithMakefile({ 'Dockerfile.ci': 'FROM y\n' })
    const run = make(clone, 'docker-pull')
    expect(run.code).not.toBe(0)
    expect(run.stderr).toContain('pass the PR number (--pr-number N)')
    expect(run.calls).toEqual([])
  })

  it('docker-pull: on an origin that is not on github.com, says how to give the image through make, and takes it', () => {
    const clone = cloneWithMakefile({ 'src/a.ts': 'x\n' }, 'feature', 'git@gitlab.example:team/app.git')
    const refused = make(clone, 'docker-pull')
    expect(refused.code).not.toBe(0)
    expect(refused.stderr).toContain('error: The origin remote is on gitlab.example, not github.com')
    expect(refused.stderr).toContain(
      'Through make, give the options as variables: make docker-pull IMAGE=registry.example/team/app/ci (--image)',
    )
    expect(refused.calls).toEqual([])
    const run = make(clone, 'docker-pull', 'IMAGE=registry.example/team/app/ci')
    expect(run.code, run.stderr).toBe(0)
    expect(run.calls).toEqual([{ command: 'docker', args: ['pull', 'registry.example/team/app/ci:v2'] }])
  })

  it("docker-pull: PR=N pulls the PR's own image; a variable made of shell syntax runs nothing", () => {
    const clone = cloneWithMakefile({ 'Dockerfile.ci': 'FROM y\n' })
    const run = make(clone, 'docker-pull', 'PR=7')
    expect(run.code, run.stderr).toBe(0)
    expect(run.calls).toEqual([{ command: 'docker', args: ['pull', 'ghcr.io/acme/app/ci:pr-7'] }])
    const hostile = make(clone, 'docker-pull', 'PR=7', 'IMAGE=x$(touch pwned)`touch pwned2`"; touch pwned3')
    expect(hostile.code).not.toBe(0)
    expect(hostile.calls).toEqual([])
    expect(['pwned', 'pwned2', 'pwned3'].some((file) => existsSync(join(clone, file)))).toBe(false)
  })

  it('docker-pull: a branch name made of shell syntax runs nothing', () => {
    const clone = cloneWithMakefile({ 'src/a.ts': 'x\n' }, 'x$(touch${IFS}pwned)`touch${IFS}pwned2`')
    const run = make(clone, 'docker-pull')
    expect(run.code, run.stderr).toBe(0)
    expect(run.calls).toEqual([{ command: 'docker', args: ['pull', 'ghcr.io/acme/app/ci:v2'] }])
    expect(existsSync(join(clone, 'pwned')) || existsSync(join(clone, 'pwned2'))).toBe(false)
  })

  it('docker-dev: builds Dockerfile.ci with the newest base image, then a shell with the workspace mounted', () => {
    const clone = cloneWithMakefile({})
    const run = make(clone, 'docker-dev')
    expect(run.code, run.stderr).toBe(0)
    expect(run.calls).toEqual([
      { command: 'docker', args: ['build', '--pull', '-f', 'Dockerfile.ci', '-t', LOCAL, '.'] },
      { command: 'docker', args: ['run', '--rm', '-it', '-v', `${clone}:/workspace`, '-w', '/workspace', LOCAL, 'bash'] },
    ])
  })

  it('docker-build-fast: rebuilds from the cache, without pulling the base image', () => {
    const run = make(cloneWithMakefile({}), 'docker-build-fast')
    expect(run.code, run.stderr).toBe(0)
    expect(run.calls).toEqual([{ command: 'docker', args: ['build', '-f', 'Dockerfile.ci', '-t', LOCAL, '.'] }])
  })

  it('docker-gen-local: regenerates dist/ inside the freshly rebuilt local image, as the current user', () => {
    const clone = cloneWithMakefile({})
    const run = make(clone, 'docker-gen-local')
    expect(run.code, run.stderr).toBe(0)
    const { uid, gid } = userInfo()
    expect(run.calls).toEqual([
      { command: 'docker', args: ['build', '-f', 'Dockerfile.ci', '-t', LOCAL, '.'] },
      {
        command: 'docker',
        args: ['run', '--rm', '--user', `${uid}:${gid}`, '-e', 'HOME=/tmp', '-v', `${clone}:/workspace`, '-w', '/workspace'].concat([
          LOCAL,
          'sh',
          '-c',
          'npm ci && npm run bundle',
        ]),
      },
    ])
  })

  it('gen: bundles dist/ with the Node on this machine', () => {
    const run = make(cloneWithMakefile({}), 'gen')
    expect(run.code, run.stderr).toBe(0)
    expect(run.calls).toEqual([{ command: 'npm', args: ['run', 'bundle'] }])
  })
})
