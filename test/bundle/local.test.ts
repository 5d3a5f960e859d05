// `npm run local -- resolve-image` (or `npx github:OWNER/REPO resolve-image`): the bundle on a
// developer's checkout, no GitHub, no token.
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
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

/** A `git clone --depth 1` of the PR branch alone, as a CI shell step or a quick clone has it. */
function shallowClone(origin: string, branch = 'feature'): string {
  const clone = tempDir()
  git(clone, 'clone', '-q', '--depth', '1', '--branch', branch, `file://${origin}`, '.')
  return clone
}

const IMAGE = ['--image', 'ghcr.io/acme/app/ci']
const ROOT = resolve(import.meta.dirname, '../..')

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

  it('fails on a build workflow that does not exist, naming it and the workflows there, unless --watch is given', () => {
    // The build workflow watches gen.Dockerfile; --build-workflow names a file that is not there.
    const workflow = 'on:\n  pull_request:\n    paths: [gen.Dockerfile]\n'
    const repo = makePullRequestRepo({
      baseRef: 'v2',
      baseFiles: { '.github/workflows/build-gen.yml': workflow, '.github/workflows/test.yaml': 'on: push\n' },
      prFiles: { 'gen.Dockerfile': 'FROM y\n' },
    })
    const clone = tempDir()
    git(clone, 'clone', '-q', `file://${repo.origin}`, '.')
    git(clone, 'checkout', '-q', 'feature')
    const run = runLocal(clone, 'resolve-image', ...IMAGE, '--build-workflow', 'nope.yml')
    expect(run.code).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toBe(
      `error: The build workflow .github/workflows/nope.yml does not exist on base branch v2 (${repo.baseSha.slice(0, 7)}) nor in the PR, ` +
        'so nothing says which changes need a new image. The workflow files there: build-ci-image.yml, build-gen.yml, test.yaml. ' +
        'Set `build-workflow` to the file that builds the image, or `watch` to the paths whose change needs a new one.\n',
    )
    const named = runLocal(clone, 'resolve-image', ...IMAGE, '--build-workflow', 'build-gen.yml', '--pr-number', '7')
    expect(named.stdout).toBe('ghcr.io/acme/app/ci:pr-7\n')
    const watched = runLocal(
      clone,
      'resolve-image',
      ...IMAGE,
      '--build-workflow',
      'nope.yml',
      '--watch',
      'gen.Dockerfile',
      '--pr-number',
      '7',
    )
    expect(watched.stdout).toBe('ghcr.io/acme/app/ci:pr-7\n')
  })

  it('on a long-lived branch without the build workflow, fails the same way', () => {
    const clone = developerClone({ 'src/a.ts': 'x\n' }, 'main')
    git(clone, 'checkout', '-q', 'main')
    const run = runLocal(clone, 'resolve-image', '--build-workflow', 'nope.yml')
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^error: The build workflow \.github\/workflows\/nope\.yml does not exist at [0-9a-f]{7} \(main\), /)
    expect(run.stderr).toContain('The workflow files there: build-ci-image.yml.')
  })

  it('in a depth-1 clone of the branch alone, fetches the base branches it lacks instead of failing', () => {
    const repo = makePullRequestRepo({ baseRef: 'v2', prFiles: { 'src/a.ts': 'x\n' }, baseCommitsAfterFork: 3 })
    const clone = shallowClone(repo.origin)
    expect(git(clone, 'branch', '-r')).toBe('origin/feature')
    const run = runLocal(clone, 'resolve-image', ...IMAGE)
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toBe('ghcr.io/acme/app/ci:v2\n')
    expect(run.stderr).toContain('This clone lacks v2: fetching the last 50 commits of them from origin.')
    expect(git(clone, 'rev-parse', 'refs/remotes/origin/v2')).toBe(repo.baseSha)
  })

  it('in a depth-1 clone, sees an image change made 120 commits behind the base tip', () => {
    // The fork point lies past the first 50 commits fetched of v2: HEAD's history is deepened to meet it.
    const repo = makePullRequestRepo({ baseRef: 'v2', prFiles: { 'Dockerfile.ci': 'FROM y\n' }, baseCommitsAfterFork: 120 })
    const run = runLocal(shallowClone(repo.origin), 'resolve-image', ...IMAGE, '--pr-number', '7', '--json')
    expect(run.code, run.stderr).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ image: 'ghcr.io/acme/app/ci:pr-7', modified: true, 'changed-files': ['Dockerfile.ci'] })
  })

  it('in a depth-1 clone, picks the nearest of several base branches, measured on history deepened to meet them', () => {
    // feature forked from main 60 commits after v2's last commit: main is nearer, but a depth-1
    // HEAD is one commit away from every branch until its history is deepened.
    const repo = makePullRequestRepo({ baseRef: 'main', prFiles: { 'src/a.ts': 'x\n' }, historyDepth: 60, baseCommitsAfterFork: 5 })
    git(repo.origin, 'branch', 'v2', git(repo.origin, 'rev-list', '--max-parents=0', 'HEAD'))
    const run = runLocal(shallowClone(repo.origin), 'resolve-image', ...IMAGE)
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toContain('This clone lacks v2, main: fetching the last 50 commits of them from origin.')
    expect(run.stdout).toBe('ghcr.io/acme/app/ci:latest\n')
  })

  it('in a depth-1 clone whose origin has none of the base branches, says what to pass', () => {
    const repo = makePullRequestRepo({ baseRef: 'release', prFiles: { 'src/a.ts': 'x\n' } })
    const run = runLocal(shallowClone(repo.origin), 'resolve-image', ...IMAGE)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('error: No base branch found (v2, main, master), here or on origin: pass --base BRANCH.')
    // --base names a branch that is on origin: fetched like the others.
    const withBase = runLocal(shallowClone(repo.origin), 'resolve-image', ...IMAGE, '--base', 'release')
    // release has no entry in branch-tags; origin's default branch (origin/HEAD) is release too.
    expect(withBase.stdout).toBe('ghcr.io/acme/app/ci:latest\n')
  })

  it("gives a base that branch-tags does not list the stable tag of origin's default branch (origin/HEAD), as the action does with the event's", () => {
    const repo = makePullRequestRepo({ baseRef: 'release', prFiles: { 'src/a.ts': 'x\n' } })
    git(repo.origin, 'branch', 'v2', 'release')
    git(repo.origin, 'symbolic-ref', 'HEAD', 'refs/heads/v2')
    // A full clone records it; a single-branch clone (--branch, --depth) does not, and gets latest.
    const clone = tempDir()
    git(clone, 'clone', '-q', `file://${repo.origin}`, '.')
    git(clone, 'checkout', '-q', 'feature')
    expect(git(clone, 'symbolic-ref', '--short', 'refs/remotes/origin/HEAD')).toBe('origin/v2')
    const run = runLocal(clone, 'resolve-image', ...IMAGE, '--base', 'release')
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toBe('ghcr.io/acme/app/ci:v2\n')
  })

  it('says that uncommitted changes to a watched path are in no CI image, and still prints the image CI uses', () => {
    const clone = developerClone({ 'src/a.ts': 'x\n' })
    writeFileSync(join(clone, 'Dockerfile.ci'), 'FROM node:24\n')
    writeFileSync(join(clone, 'notes.txt'), 'not watched\n')
    const run = runLocal(clone, 'resolve-image')
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toBe('ghcr.io/acme/app/ci:v2\n')
    expect(run.stderr).toContain(
      'Uncommitted changes to watched paths (Dockerfile.ci): the image CI would use, printed below, is not built from them, ' +
        'and no CI image is. Build the image locally to try them: make docker-dev.',
    )
    const json = JSON.parse(runLocal(clone, 'resolve-image', '--json').stdout)
    expect(json).toMatchObject({ image: 'ghcr.io/acme/app/ci:v2', modified: false, 'uncommitted-watched-files': ['Dockerfile.ci'] })
  })

  it('counts staged and renamed watched files, and on a long-lived branch too', () => {
    const clone = developerClone({ 'src/a.ts': 'x\n' }, 'main')
    git(clone, 'checkout', '-q', 'main')
    commit(clone, 'an image', { 'Dockerfile.ci': 'FROM x\n' })
    git(clone, 'mv', 'Dockerfile.ci', 'ci.Dockerfile')
    const json = JSON.parse(runLocal(clone, 'resolve-image', '--json').stdout)
    expect(json).toMatchObject({ image: 'ghcr.io/acme/app/ci:latest', 'uncommitted-watched-files': ['Dockerfile.ci'] })
    // A clean work tree: nothing to say.
    git(clone, 'mv', 'ci.Dockerfile', 'Dockerfile.ci')
    const clean = runLocal(clone, 'resolve-image', '--json')
    expect(JSON.parse(clean.stdout)['uncommitted-watched-files']).toEqual([])
    expect(clean.stderr).not.toContain('Uncommitted')
  })
})

// `npx github:OWNER/REPO` clones the repository, packs it as `npm pack` does (package.json
// `files`) and installs that package with its `dependencies`; the bundle needs none of them. Before
// packing, npm's git fetcher runs `npm install` (devDependencies included) in the clone when its
// package.json has a `build`, `prepare`, `prepack`, `preinstall`, `install` or `postinstall` script
// (npm/pacote lib/git.js, GitFetcher#prepareDir): this package has none of them.
describe('npm exec of this package', () => {
  function npm(cwd: string, work: string, ...args: string[]) {
    const env = {
      PATH: process.env.PATH,
      HOME: work,
      npm_config_cache: join(work, 'npm-cache'),
      // Nothing answers here: a request to the registry fails the run.
      npm_config_registry: 'http://127.0.0.1:9/',
      npm_config_fetch_retries: '0',
      npm_config_update_notifier: 'false',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
    }
    // A bound of its own: a synchronous child is beyond the test's timeout.
    const result = spawnSync('npm', args, { cwd, env, encoding: 'utf8', timeout: 50_000 })
    return { code: result.status, stdout: result.stdout, stderr: result.stderr }
  }

  function pack(work: string): { tarball: string; files: string[] } {
    const packed = npm(ROOT, work, 'pack', '--pack-destination', work, '--ignore-scripts', '--json')
    expect(packed.code, packed.stderr).toBe(0)
    const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[]
    return { tarball: join(work, info!.filename), files: info!.files.map((f) => f.path) }
  }

  it("runs resolve-image in another repository's clone, offline, from the packed dist/", () => {
    const work = tempDir('ci-image-npx-')
    const { tarball } = pack(work)
    const clone = developerClone({ 'src/a.ts': 'x\n' })
    const run = npm(clone, work, 'exec', '--yes', '--offline', '--package', tarball, '--', 'ci-image', 'resolve-image')
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toBe('ghcr.io/acme/app/ci:v2\n')
  })

  it('runs from a git repository as npx github:… fetches it, installing nothing: no devDependencies, no build', () => {
    const work = tempDir('ci-image-npx-git-')
    // This package as a repository holds it: package.json as it is, and the files it packs.
    const repo = join(work, 'repo')
    mkdirSync(repo)
    for (const file of pack(work).files) {
      mkdirSync(dirname(join(repo, file)), { recursive: true })
      copyFileSync(join(ROOT, file), join(repo, file))
    }
    git(repo, 'init', '-q')
    const sha = commit(repo, 'a release')
    const clone = developerClone({ 'src/a.ts': 'x\n' })
    // The registry answers nothing: an install of the devDependencies would fail the run.
    const run = npm(clone, work, 'exec', '--yes', '--package', `git+file://${repo}#${sha}`, '--', 'ci-image', 'resolve-image')
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toBe('ghcr.io/acme/app/ci:v2\n')
  })

  it('is the bundle and nothing to install: a node shebang, no dependencies', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
    // A dependency here would be fetched from the registry by every npx run; ncc already bundles it.
    expect(manifest.dependencies, 'dist/ bundles every dependency: list it under devDependencies').toBeUndefined()
    expect(manifest.bin).toEqual({ 'ci-image': 'dist/index.js' })
    expect(readFileSync(DIST, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node')
    const { files } = pack(tempDir('ci-image-npx-'))
    const built = readdirSync(join(ROOT, 'dist')).map((name) => `dist/${name}`)
    expect(files.sort()).toEqual([...built, 'LICENSE', 'README.md', 'action.yml', 'package.json'].sort())
  })
})
