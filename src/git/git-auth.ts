// Authenticates resolve-image's own `git fetch` when the checkout keeps no credentials: a private
// repository checked out with `persist-credentials: false`. The header is the one actions/checkout
// configures (actions/checkout, src/git-auth-helper.ts: `http.<server origin>/.extraheader` =
// `AUTHORIZATION: basic base64(x-access-token:<token>)`), but it reaches git only through the
// environment of the fetch (GIT_CONFIG_COUNT, GIT_CONFIG_KEY_<n>, GIT_CONFIG_VALUE_<n>, git 2.31+:
// https://git-scm.com/docs/git-config#Documentation/git-config.txt-GITCONFIGCOUNT): never a file,
// never a command line (git.ts logs those in debug), never a log line.
import * as core from '@actions/core'
import { debug } from '../log/log.js'

/** Runs git (git.ts's runner, declared here so that the two files do not import each other). */
type RunGit = (args: string[]) => Promise<{ exitCode: number; stdout: string }>

export interface FetchAuth {
  /** GITHUB_SERVER_URL: the only host the token may go to. */
  serverUrl: string
  /** The `github-token` input; empty when none was given. */
  token: string
}

interface ConfigEntry {
  key: string
  value: string
}

// An action has no terminal to ask on: a fetch that needs a password fails instead of waiting.
// https://git-scm.com/docs/git#Documentation/git.txt-GITTERMINALPROMPT
const NO_PROMPT = { GIT_TERMINAL_PROMPT: '0' }

// `git config --get-regexp` matches keys with section and variable names lower-cased (git-config docs).
const CONFIG_KEYS = '^remote\\.origin\\.url$|^http\\.(.+\\.)?extraheader$'

/** `git config -z` output: `key\nvalue\0` per entry. */
function parseConfig(stdout: string): ConfigEntry[] {
  return stdout
    .split('\0')
    .filter((entry) => entry !== '')
    .map((entry) => {
      const newline = entry.indexOf('\n')
      return newline < 0 ? { key: entry, value: '' } : { key: entry.slice(0, newline), value: entry.slice(newline + 1) }
    })
}

/** The URL scope of an `http.<url>.extraheader` key; '' for plain `http.extraheader`. */
function headerScope(key: string): string | undefined {
  if (key === 'http.extraheader') return ''
  return /^http\.(.+)\.extraheader$/.exec(key)?.[1]
}

/**
 * Whether git already sends an Authorization header to `url`: the extraheaders whose URL is a
 * prefix of it, in config order, an empty value clearing the ones before it (git-config,
 * http.extraHeader and http.<url>.*).
 */
function hasAuthorizationHeader(entries: ConfigEntry[], url: string): boolean {
  let headers: string[] = []
  for (const { key, value } of entries) {
    const scope = headerScope(key)
    if (scope === undefined || !url.startsWith(scope)) continue
    headers = value === '' ? [] : [...headers, value]
  }
  return headers.some((header) => /^authorization:/i.test(header))
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url)
  } catch {
    return undefined
  }
}

/** Why the token is not needed for `origin`, or undefined when it is. */
function reasonToLeaveAlone(entries: ConfigEntry[], server: URL): string | undefined {
  const originUrl = entries.find((entry) => entry.key === 'remote.origin.url')?.value
  if (!originUrl) return 'the checkout has no origin remote'
  const origin = parseUrl(originUrl)
  // Also rules out ssh (git@host:path), whose keys are not ours to manage.
  if (origin?.origin !== server.origin) return `origin is not on ${server.origin}`
  if (origin.username || origin.password) return "origin's URL carries its own credentials"
  if (hasAuthorizationHeader(entries, originUrl)) return 'the checkout keeps its own Authorization header'
  return undefined
}

/** GIT_CONFIG_* entries appended after any the environment already has. */
function configEnv(entries: [string, string][], env: NodeJS.ProcessEnv): Record<string, string> {
  const first = Math.max(0, Number.parseInt(env.GIT_CONFIG_COUNT ?? '', 10) || 0)
  const result: Record<string, string> = { GIT_CONFIG_COUNT: String(first + entries.length) }
  entries.forEach(([key, value], i) => {
    result[`GIT_CONFIG_KEY_${first + i}`] = key
    result[`GIT_CONFIG_VALUE_${first + i}`] = value
  })
  return result
}

/** The environment for fetches from origin: no prompts, and the token when the checkout has no credentials. */
export async function fetchAuthEnv(git: RunGit, auth: FetchAuth, env: NodeJS.ProcessEnv = process.env): Promise<Record<string, string>> {
  const server = parseUrl(auth.serverUrl)
  if (!auth.token || !server) return NO_PROMPT
  // Exit 1 means none of the keys is set: no origin, so nothing to authenticate.
  const config = await git(['config', '-z', '--get-regexp', CONFIG_KEYS])
  const reason = reasonToLeaveAlone(parseConfig(config.stdout), server)
  if (reason !== undefined) {
    debug(`git fetch without github-token: ${reason}.`)
    return NO_PROMPT
  }
  const credential = Buffer.from(`x-access-token:${auth.token}`, 'utf8').toString('base64')
  core.setSecret(credential)
  debug(`git fetch authenticates to ${server.origin} with github-token (the checkout keeps no credentials).`)
  return { ...NO_PROMPT, ...configEnv([[`http.${server.origin}/.extraheader`, `AUTHORIZATION: basic ${credential}`]], env) }
}
