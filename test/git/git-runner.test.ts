// The git runner (src/git/git.ts) on real git: an argument array reaches git as it is, input
// goes to its standard input, failures come back as exit code and stderr, and a missing git says so.
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { createGit } from '../../src/git/git.js'
import { git, tempDir } from '../support/git.js'

describe('createGit', () => {
  it('hands each argument to git as it is: no shell reads them', async () => {
    const run = createGit(tempDir())
    const args = ['a b', '$(touch pwned)', "it's", '; rm -rf /']
    const result = await run(['rev-parse', '--sq-quote', ...args])
    expect(result.exitCode).toBe(0)
    // git quotes each argument it received for a shell: one quoted word per argument, unchanged.
    expect(result.stdout.trim()).toBe(`'a b' '$(touch pwned)' 'it'\\''s' '; rm -rf /'`)
  })

  it('writes the input to git’s standard input and returns its output as text and as bytes', async () => {
    const run = createGit(tempDir())
    const input = 'héllo\n'
    const result = await run(['hash-object', '--stdin'], { input })
    const expected = execFileSync('git', ['hash-object', '--stdin'], { input, encoding: 'utf8' })
    expect(result.stdout).toBe(expected)
    expect(result.stdoutBytes?.toString('utf8')).toBe(expected)
  })

  it('returns a failure as its exit code and stderr, without throwing', async () => {
    const dir = tempDir()
    git(dir, 'init', '-q')
    const result = await createGit(dir)(['rev-parse', '--verify', 'no-such-ref'])
    expect(result.exitCode).toBe(128)
    expect(result.stderr).toMatch(/fatal: /)
  })

  it('adds the environment of a call to the process’s own', async () => {
    const result = await createGit(tempDir())(['var', 'GIT_AUTHOR_IDENT'], {
      env: { GIT_AUTHOR_NAME: 'Env Only', GIT_AUTHOR_EMAIL: 'e@x' },
    })
    expect(result.stdout).toMatch(/^Env Only <e@x> /)
  })

  it('says what to do when git is not installed', async () => {
    await expect(createGit(tempDir())(['--version'], { env: { PATH: tempDir() } })).rejects.toThrow(
      'git is not installed or not on PATH: install git in the job (or its container), or pass github-token so that the API answers instead.',
    )
  })
})
