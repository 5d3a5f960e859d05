// What a run loads decides its start-up: a resolve-image that git answers must not load the REST
// client (@actions/github, Octokit) or undici, whose evaluation alone costs as much as Node's
// start, nor @actions/exec or js-yaml (bench/README.md, "Where the start-up time goes"). Checked
// on the bundle as the runner runs it, by recording the chunks each run loads.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DIST, runAction } from '../support/action.js'
import { useEmbeddedGitHub } from '../support/embedded-github.js'
import { pullRequestEvent } from '../support/events.js'
import { dockerWithBuiltImages, withDockerOnPath } from '../support/fake-docker.js'
import { FakeRuns } from '../support/fake-runs.js'
import { checkoutMerge, makePullRequestRepo, tempDir } from '../support/git.js'
import { recordGitCalls } from '../support/git-recorder.js'

const RECORDER = join(import.meta.dirname, '../support/record-loads.cjs')
const REST_CLIENT = ['node_modules/undici/', 'node_modules/@actions/github/', 'node_modules/@octokit/']
const github = useEmbeddedGitHub()

/** The dist/ files a run loaded, and the packages they bundle (the chunks keep ncc's module comments; the minified entry does not). */
async function chunksLoadedBy(o: Parameters<typeof runAction>[0]) {
  const log = join(tempDir('ci-image-loads-'), 'loads')
  const run = await runAction({ ...o, env: { ...o.env, NODE_OPTIONS: `--require ${RECORDER}`, CI_IMAGE_LOAD_LOG: log } })
  expect(run.exitCode, run.stdout).toBe(0)
  const dist = join(DIST, '..')
  const chunks = readFileSync(log, 'utf8')
    .split('\n')
    .filter((path) => path.startsWith(`${dist}/`) && path.endsWith('.js'))
  const packages = (pattern: string) => chunks.some((path) => readFileSync(path, 'utf8').includes(pattern))
  return { chunks, bundles: (patterns: string[]) => patterns.filter(packages) }
}

describe('dist/', () => {
  it('resolve-image answered by the checkout alone (fetch-depth: 0) loads the entry alone: no REST client, no undici', async () => {
    const repo = makePullRequestRepo({ prFiles: { 'Dockerfile.ci': 'FROM node:24\n' } })
    const event = pullRequestEvent({ number: repo.prNumber, baseRef: repo.baseRef, baseSha: repo.baseSha, headSha: repo.headSha })
    const loaded = await chunksLoadedBy({
      inputs: { command: 'resolve-image', 'github-token': 'ghs_x' },
      eventName: 'pull_request',
      event,
      workspace: checkoutMerge(repo, 0),
      apiUrl: github().url,
    })
    expect(loaded.chunks).toEqual([DIST])
    expect(github().requests).toHaveLength(0)
  })

  it('resolve-image answered by the checkout alone runs two git processes: the diff, and one read of the build workflow', async () => {
    const repo = makePullRequestRepo({ prFiles: { 'Dockerfile.ci': 'FROM node:24\n' } })
    const event = pullRequestEvent({ number: repo.prNumber, baseRef: repo.baseRef, baseSha: repo.baseSha, headSha: repo.headSha })
    const recorder = recordGitCalls()
    const run = await runAction({
      inputs: { command: 'resolve-image' },
      eventName: 'pull_request',
      event,
      workspace: checkoutMerge(repo, 0),
      env: { PATH: `${recorder.dir}:${process.env.PATH ?? ''}` },
    })
    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.outputs).toMatchObject({ modified: 'true', 'changed-files': '["Dockerfile.ci"]' })
    // Started side by side (the read first); each with `-c safe.directory=…` before the command.
    expect(recorder.calls().map((args) => args[2])).toEqual(['cat-file', 'diff'])
  })

  it('wait-for-build, which asks the API, does load them (the check above can fail)', async () => {
    const runs = new FakeRuns(github())
    runs.addWorkflow('build-ci-image.yml')
    runs.startRun({ headSha: '4'.repeat(40), status: 'completed', conclusion: 'success' })
    github().pullFiles.set(42, [{ filename: 'Dockerfile.ci' }])
    const loaded = await chunksLoadedBy({
      inputs: { command: 'wait-for-build', 'github-token': 'ghs_x', pull: 'false', 'poll-interval': '1', timeout: '30' },
      eventName: 'pull_request',
      event: pullRequestEvent({ number: 42, headSha: '4'.repeat(40) }),
      apiUrl: github().url,
      env: withDockerOnPath(dockerWithBuiltImages({ 'ghcr.io/acme/app/ci:pr-42-sha-4444444': '4'.repeat(40) })),
    })
    expect(loaded.bundles(REST_CLIENT)).toEqual(REST_CLIENT)
  })

  it('keeps the YAML parser and @actions/exec out of the entry, in chunks of their own', () => {
    const files = readdirSync(join(DIST, '..')).filter((name) => name.endsWith('.js'))
    // Strings of their code, which minifying keeps: js-yaml's error class, @actions/io's lookup of a tool.
    for (const code of ['YAMLException', 'Unable to locate executable file']) {
      const holding = files.filter((name) => readFileSync(join(DIST, '..', name), 'utf8').includes(code))
      expect(holding.length, code).toBeGreaterThan(0)
      expect(holding, code).not.toContain('index.js')
    }
  })
})
