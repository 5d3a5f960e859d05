// When resolve-image's own fetch carries the token, read from real git configurations.
import { describe, expect, it } from 'vitest'
import { fetchAuthEnv } from '../../src/git/git-auth.js'
import { createGit } from '../../src/git/git.js'
import { git, tempDir } from '../support/git.js'

const TOKEN = 'ghs_gitAuthTestToken0123456789'
const CREDENTIAL = Buffer.from(`x-access-token:${TOKEN}`).toString('base64')
const SERVER = 'https://github.com'
const NO_PROMPT = { GIT_TERMINAL_PROMPT: '0' }

function checkout(originUrl?: string, config: [string, string][] = []): string {
  const dir = tempDir()
  git(dir, 'init', '-q')
  if (originUrl) git(dir, 'remote', 'add', 'origin', originUrl)
  for (const [key, value] of config) git(dir, 'config', '--add', key, value)
  return dir
}

function counted(dir: string) {
  const calls: string[][] = []
  const run = createGit(dir)
  return { calls, git: (args: string[]) => (calls.push(args), run(args)) }
}

describe('the token for git fetch', () => {
  it('goes, as the header actions/checkout configures, to origin on the GitHub server when the checkout has no credentials', async () => {
    const env = await fetchAuthEnv(createGit(checkout('https://github.com/acme/app')), { serverUrl: SERVER, token: TOKEN }, {})
    expect(env).toEqual({
      ...NO_PROMPT,
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'http.https://github.com/.extraheader',
      GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${CREDENTIAL}`,
    })
  })

  it('comes after the GIT_CONFIG_* entries the environment already has', async () => {
    const env = await fetchAuthEnv(
      createGit(checkout('https://github.com/acme/app.git')),
      { serverUrl: SERVER, token: TOKEN },
      {
        GIT_CONFIG_COUNT: '2',
      },
    )
    expect(env).toMatchObject({ GIT_CONFIG_COUNT: '3', GIT_CONFIG_KEY_2: 'http.https://github.com/.extraheader' })
  })

  it('works on GitHub Enterprise Server, whose server URL is its own', async () => {
    const env = await fetchAuthEnv(createGit(checkout('https://ghe.example.com/acme/app')), {
      serverUrl: 'https://ghe.example.com',
      token: TOKEN,
    })
    expect(env).toMatchObject({ GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${CREDENTIAL}` })
  })

  it.each([
    ['origin is on another host', 'https://gitlab.example.com/acme/app', []],
    ['origin is the server over another scheme', 'http://github.com/acme/app', []],
    ['origin is ssh', 'git@github.com:acme/app.git', []],
    ['origin carries credentials in its URL', 'https://someone:secret@github.com/acme/app', []],
    [
      'the checkout keeps the Authorization header actions/checkout persists',
      'https://github.com/acme/app',
      [['http.https://github.com/.extraheader', 'AUTHORIZATION: basic b3RoZXI=']],
    ],
    ['a header for every URL carries Authorization', 'https://github.com/acme/app', [['http.extraheader', 'Authorization: bearer x']]],
  ] as [string, string, [string, string][]][])('stays away when %s', async (_, url, config) => {
    expect(await fetchAuthEnv(createGit(checkout(url, config)), { serverUrl: SERVER, token: TOKEN })).toEqual(NO_PROMPT)
  })

  it.each([
    ['an Authorization header for another host', [['http.https://gitlab.example.com/.extraheader', 'AUTHORIZATION: basic b3RoZXI=']]],
    ['a header that is no Authorization', [['http.https://github.com/.extraheader', 'X-Trace: 1']]],
    [
      'an Authorization header cleared by an empty value after it',
      [
        ['http.https://github.com/.extraheader', 'AUTHORIZATION: basic b3RoZXI='],
        ['http.https://github.com/.extraheader', ''],
      ],
    ],
  ] as [string, [string, string][]][])('goes despite %s', async (_, config) => {
    const env = await fetchAuthEnv(createGit(checkout('https://github.com/acme/app', config)), { serverUrl: SERVER, token: TOKEN })
    expect(env).toMatchObject({ GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${CREDENTIAL}` })
  })

  it('without a token, reads no configuration and only turns prompts off', async () => {
    const run = counted(checkout('https://github.com/acme/app'))
    expect(await fetchAuthEnv(run.git, { serverUrl: SERVER, token: '' })).toEqual(NO_PROMPT)
    expect(run.calls).toEqual([])
  })

  it('outside a repository, adds nothing', async () => {
    expect(await fetchAuthEnv(createGit(tempDir()), { serverUrl: SERVER, token: TOKEN })).toEqual(NO_PROMPT)
  })
})
