// The inputs hash as docs/reuse.md tells anyone to recompute it: `git ls-tree -r -z` of the build
// commit, `<object id> <path>` lines sorted by path bytes, `sha256sum`. On a real repository with
// names that quoting would change (spaces, non-ASCII), a symlink and a submodule's gitlink.
import { execFileSync } from 'node:child_process'
import { mkdirSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { pathsMatcher } from '../../src/resolve/patterns.js'
import { createGit } from '../../src/git/git.js'
import { hashTreeWithGit } from '../../src/resolve/reuse-lookup.js'
import { commit, git, tempDir } from '../support/git.js'

/** docs/reuse.md's recipe, run by a shell: what a person would type, not this project's code. */
const RECIPE = `git ls-tree -r -z --full-tree "$1" -- "\${@:2}" |
  perl -0ne 'chomp; my ($meta, $path) = split /\\t/, $_, 2; my ($mode, $type, $id) = split / /, $meta; print "$path\\0$id\\0"' |
  perl -0e 'my @f = <STDIN>; chomp @f; my %id = @f; print "$id{$_} $_\\n" for sort keys %id' |
  sha256sum | cut -d" " -f1`

function recipe(repo: string, commitSha: string, paths: string[] = []): string {
  return execFileSync('bash', ['-c', RECIPE, 'recipe', commitSha, ...paths], { cwd: repo, encoding: 'utf8' }).trim()
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
  git(repo, 'add', 'docker/link')
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
    expect(computed).toEqual({ hash: recipe(repo, head), files: 7 })
  })

  it('counts only the watched files: spaces, non-ASCII names, the symlink and the gitlink among them', async () => {
    const computed = await hashTreeWithGit(createGit(repo), head, pathsMatcher(['Dockerfile.ci', 'docker/**']))
    expect(computed).toEqual({ hash: recipe(repo, head, ['Dockerfile.ci', 'docker']), files: 6 })
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
