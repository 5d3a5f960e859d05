// resolve-image in a private repository checked out with `persist-credentials: false`: the
// checkout keeps no credentials, so the action's own `git fetch` authenticates with github-token,
// through its environment only. The repository is served by `git http-backend` behind a loopback
// server that lets in only that token; the bundle runs as the runner runs it, with a `git` on
// PATH that writes down every command line it is given.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runAction } from '../support/action.js'
import { useEmbeddedGitHub } from '../support/embedded-github.js'
import { pullRequestEvent } from '../support/events.js'
import { serveCompare } from '../support/fake-compare.js'
import { checkoutMerge, git, makePullRequestRepo, type PullRequestRepo } from '../support/git.js'
import { serveGitOverHttp, type GitHttpServer } from '../support/git-http-server.js'
import { recordGitCalls } from '../support/git-recorder.js'
import { debugLines } from '../support/workflow-commands.js'

const TOKEN = 'ghs_privateRepositoryToken0123456789'
const CREDENTIAL = Buffer.from(`x-access-token:${TOKEN}`).toString('base64')

const github = useEmbeddedGitHub()
let server: GitHttpServer | undefined
afterEach(async () => {
  await server?.stop()
  server = undefined
})

/** A private origin, and a default actions/checkout of its PR with `persist-credentials: false`. */
async function privateCheckout(): Promise<{ repo: PullRequestRepo; workspace: string; server: GitHttpServer }> {
  const repo = makePullRequestRepo({ prFiles: { 'Dockerfile.ci': 'FROM node:24\n' }, baseCommitsAfterFork: 3 })
  server = await serveGitOverHttp({ repo: repo.origin, token: TOKEN })
  const workspace = checkoutMerge(repo, 1)
  // What actions/checkout leaves behind: the https URL of the repository, no credentials.
  git(workspace, 'remote', 'set-url', 'origin', server.url)
  serveCompare(github(), repo.origin)
  github().pullFiles.set(repo.prNumber, [{ filename: 'Dockerfile.ci' }])
  return { repo, workspace, server }
}

async function resolveImage(
  repo: PullRequestRepo,
  workspace: string,
  o: { token?: string; serverUrl: string; recorderDir: string; env?: Record<string, string> },
) {
  return runAction({
    inputs: { command: 'resolve-image', 'github-token': o.token ?? TOKEN },
    eventName: 'pull_request',
    event: pullRequestEvent({ number: repo.prNumber, baseRef: repo.baseRef, baseSha: repo.baseSha, headSha: repo.headSha }),
    workspace,
    apiUrl: github().url,
    sha: repo.mergeSha,
    env: { GITHUB_SERVER_URL: o.serverUrl, PATH: `${o.recorderDir}:${process.env.PATH ?? ''}`, ...(o.env ?? {}) },
  })
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  )
}

/** Files under `dir` whose bytes contain one of `secrets`. */
function filesContaining(dir: string, secrets: string[]): string[] {
  return filesUnder(dir).filter((file) => {
    const bytes = readFileSync(file)
    return secrets.some((secret) => bytes.includes(secret))
  })
}

/** The commits `dir`'s object store holds, reachable or not. */
const commitsIn = (dir: string) =>
  new Set(
    git(dir, 'cat-file', '--batch-all-objects', '--batch-check=%(objecttype) %(objectname)')
      .split('\n')
      .filter((line) => line.startsWith('commit '))
      .map((line) => line.slice('commit '.length)),
  )

/** The git subcommand of a recorded call, after git's own options (`-c name=value`). */
const subcommand = (args: string[]) => args.find((arg, i) => !arg.startsWith('-') && args[i - 1] !== '-c')

/** The step's output without the lines that register secrets with the runner (which never prints them). */
const printed = (run: { stdout: string; stderr: string }) =>
  (run.stdout + run.stderr)
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n')

describe('resolve-image in a private repository checked out without credentials', () => {
  it('fetches the PR head and its merge base with github-token, which reaches no output, no file and no command line', async () => {
    const { repo, workspace, server } = await privateCheckout()
    const recorder = recordGitCalls()
    const configBefore = readFileSync(join(workspace, '.git', 'config'), 'utf8')
    const run = await resolveImage(repo, workspace, { serverUrl: server.origin, recorderDir: recorder.dir })

    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.outputs).toMatchObject({ tag: 'pr-42', modified: 'true', 'changed-files': '["Dockerfile.ci"]' })
    expect(run.summary).toContain('(listed by git)')
    // The API answered the merge base, and nothing else: the build workflow was read from the fetched commits.
    expect(github().requests.map((r) => r.path)).toEqual([`/repos/acme/app/compare/${repo.baseSha}...${repo.headSha}`])
    // Every request to the git server carried the token, once, and none was refused.
    expect(server.requests.length).toBeGreaterThan(0)
    for (const request of server.requests) expect([request.status, request.authorizations]).toEqual([200, [`basic ${CREDENTIAL}`]])

    // One fetch brings exactly the commits the diff needs (docs/how-it-decides.md): the merge base,
    // the head and the base tip, none of their history; six git processes at most.
    const calls = recorder.calls()
    expect(calls.filter((args) => subcommand(args) === 'fetch')).toHaveLength(1)
    const mergeBase = git(repo.origin, 'merge-base', repo.baseSha, repo.headSha)
    expect(commitsIn(workspace)).toEqual(new Set([repo.mergeSha, mergeBase, repo.headSha, repo.baseSha]))
    expect(calls.length).toBeLessThanOrEqual(6)
    expect(recorder.raw()).not.toContain(TOKEN)
    expect(recorder.raw()).not.toContain(CREDENTIAL)
    expect(printed(run)).not.toContain(TOKEN)
    expect(printed(run)).not.toContain(CREDENTIAL)
    expect(filesContaining(join(workspace, '.git'), [TOKEN, CREDENTIAL])).toEqual([])
    expect(readFileSync(join(workspace, '.git', 'config'), 'utf8')).toBe(configBefore)
  })

  it('sends the token to the GitHub server only: to another host git fetches without it, fails, and the API lists the files', async () => {
    const { repo, workspace, server } = await privateCheckout()
    const recorder = recordGitCalls()
    const run = await resolveImage(repo, workspace, { serverUrl: 'https://github.com', recorderDir: recorder.dir })

    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.outputs).toMatchObject({ tag: 'pr-42', 'changed-files': '["Dockerfile.ci"]' })
    expect(run.summary).toContain('(listed by api)')
    expect(server.requests.every((request) => request.authorizations.length === 0)).toBe(true)
    // The debug log says why the token stayed home: origin is not on the GitHub server.
    expect(debugLines(run.stdout)).toContainEqual(expect.stringMatching(/without github-token.*not on https:\/\/github\.com/))
    // git's own reason, in the log: it would have to ask for a password, and an action cannot.
    expect(run.stdout).toMatch(
      /git fetch .* failed \(exit 128\): fatal: could not read Username for 'http:\/\/127\.0\.0\.1:\d+': terminal prompts disabled/,
    )
    expect(github().requests.map((r) => r.path)).toContain('/repos/acme/app/pulls/42/files')
  })

  it('without github-token, git cannot fetch either: the step fails naming the input', async () => {
    const { repo, workspace, server } = await privateCheckout()
    const recorder = recordGitCalls()
    const run = await resolveImage(repo, workspace, { token: '', serverUrl: server.origin, recorderDir: recorder.dir })

    expect(run.exitCode).toBe(1)
    expect(debugLines(run.stdout)).toContainEqual(expect.stringMatching(/git alone.*no github-token/))
    expect(run.stdout).toContain('terminal prompts disabled')
    expect(run.stdout).toContain('::error::git could not list the files of PR #42 and no token was given to ask the API')
    expect(server.requests.every((request) => request.status === 401)).toBe(true)
  })

  it('leaves a checkout that keeps its own credentials alone (persist-credentials: true)', async () => {
    const { repo, workspace, server } = await privateCheckout()
    // The header actions/checkout persists, with the token the server lets in; the action's is another.
    git(workspace, 'config', `http.${server.origin}/.extraheader`, `AUTHORIZATION: basic ${CREDENTIAL}`)
    const recorder = recordGitCalls()
    const otherToken = 'ghs_actionInputTokenNotForGit000000'
    const run = await resolveImage(repo, workspace, { token: otherToken, serverUrl: server.origin, recorderDir: recorder.dir })

    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.summary).toContain('(listed by git)')
    expect(debugLines(run.stdout)).toContainEqual(expect.stringMatching(/without github-token.*its own Authorization header/))
    for (const request of server.requests) expect(request.authorizations).toEqual([`basic ${CREDENTIAL}`])
  })
})
