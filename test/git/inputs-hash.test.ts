// The inputs hash as docs/reuse.md tells anyone to recompute it: `git ls-tree -r -z` of the build
// commit, `<mode> <object id> <path>` lines sorted by path bytes, `sha256sum`. On a real repository
// with names that quoting would change (spaces, non-ASCII), an executable, a symlink and a
// submodule's gitlink.
import { execFileSync } from 'node:child_process'
import { chmodSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { pathsMatcher } from '../../src/watch/patterns.js'
import { createGit } from '../../src/git/git.js'
import { hashTreeWithGit } from '../../src/resolution/reuse-lookup.js'
import { commit, git, tempDir } from '../support/git.js'

/**
 * docs/reuse.md's recipe, as the page writes it, run by a shell: what a person would type, not this
 * project's code. Only its commit (`$1`) and its paths (the rest of the arguments) are the test's.
 */
function docsRecipe(): string {
  const page = readFileSync(resolve(import.meta.dirname, '../../docs/reuse.md'), 'utf8')
  const block = /## Recompute it[\s\S]*?```sh\n([\s\S]*?)```/.exec(page)?.[1]
  if (!block) throw new Error('docs/reuse.md has no sh block under "Recompute it"')
  const [first, ...rest] = block.trimEnd().split('\n')
  expect(first).toMatch(/^commit=\$\(git rev-parse HEAD\)/)
  expect(rest[0]).toContain('-- Dockerfile.ci docker |')
  return ['commit=$1', rest[0]!.replace('-- Dockerfile.ci docker', '-- "${@:2}"'), ...rest.slice(1)].join('\n') + ' | cut -d" " -f1'
}
const RECIPE = docsRecipe()

function recipe(repo: string, commitSha: string, paths: string[] = []): string {
  return execFileSync('bash', ['-c', RECIPE, 'recipe', commitSha, ...paths], { cwd: repo, encoding: 'utf8' }).trim()
}

function writeExecutable(repo: string, path: string, text: string): void {
  execFileSync('sh', ['-c', 'printf %s "$1" > "$2"', 'sh', text, path], { cwd: repo })
  chmodSync(join(repo, path), 0o755)
}

function makeRepo(): { repo: string; head: string } {
  const repo = tempDir('ci-image-inputs-')
  git(repo, 'init', '-q', '-b', 'main')
  commit(repo, 'base', {
    'Dockerfile.ci': 'FROM node:24\n',
    'docker/with space.sh': 'echo\n',
    'docker/ünïcödé.txt': 'x\n',
    'docker/Zeta.txt': 'upper case sorts first in bytes\n',
    'src/app.ts': 'code\n',
  })
  symlinkSync('with space.sh', join(repo, 'docker', 'link'))
  writeExecutable(repo, 'docker/entry.sh', 'exec "$@"\n')
  git(repo, 'add', 'docker/link', 'docker/entry.sh')
  // A submodule as the tree holds it: a gitlink (mode 160000) naming the submodule's commit, its
  // directory empty as in a checkout that did not fetch submodules.
  mkdirSync(join(repo, 'docker', 'vendored'))
  git(repo, 'update-index', '--add', '--cacheinfo', `160000,${'1'.repeat(40)},docker/vendored`)
  git(repo, 'commit', '-q', '-m', 'symlink and submodule')
  return { repo, head: git(repo, 'rev-parse', 'HEAD') }
}

describe('the inputs hash', () => {
  const { repo, head } = makeRepo()

  it('equals git ls-tree -r -z | sha256sum over every file when every file is an input (a trigger without a path filter)', async () => {
    const computed = await hashTreeWithGit(createGit(repo), head, () => true)
    expect(computed).toEqual({ hash: recipe(repo, head), files: 8 })
  })

  it('counts only the watched files: spaces, non-ASCII names, the executable, the symlink and the gitlink among them', async () => {
    const computed = await hashTreeWithGit(createGit(repo), head, pathsMatcher(['Dockerfile.ci', 'docker/**']))
    expect(computed).toEqual({ hash: recipe(repo, head, ['Dockerfile.ci', 'docker']), files: 7 })
  })

  it('changes with a chmod +x alone, as the recipe does: the mode is an input', async () => {
    const own = makeRepo()
    const watched = pathsMatcher(['Dockerfile.ci', 'docker/**'])
    const before = await hashTreeWithGit(createGit(own.repo), own.head, watched)
    chmodSync(join(own.repo, 'docker', 'with space.sh'), 0o755)
    const chmodOnly = commit(own.repo, 'chmod +x')
    expect(git(own.repo, 'diff', '--name-only', own.head, chmodOnly)).toBe('docker/with space.sh')
    const after = await hashTreeWithGit(createGit(own.repo), chmodOnly, watched)
    expect(after?.hash).not.toBe(before?.hash)
    expect(after?.hash).toBe(recipe(own.repo, chmodOnly, ['Dockerfile.ci', 'docker']))
  })

  it('stays the same when only unwatched code changes, and changes with a watched file', async () => {
    const watched = pathsMatcher(['Dockerfile.ci', 'docker/**'])
    const before = await hashTreeWithGit(createGit(repo), head, watched)
    const codeOnly = commit(repo, 'code', { 'src/app.ts': 'more code\n' })
    expect(await hashTreeWithGit(createGit(repo), codeOnly, watched)).toEqual(before)
    const inputChange = commit(repo, 'image', { 'docker/ünïcödé.txt': 'y\n' })
    expect((await hashTreeWithGit(createGit(repo), inputChange, watched))?.hash).not.toEqual(before?.hash)
  })

  it('is unknown (no reuse) when the checkout lacks the commit', async () => {
    expect(await hashTreeWithGit(createGit(repo), 'f'.repeat(40), () => true)).toBeUndefined()
  })
})
