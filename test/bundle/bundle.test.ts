// What a run loads decides its start-up: a resolve-image that git answers must not load the REST
// client (@actions/github, Octokit) or undici, whose evaluation alone costs as much as Node's
// start. Checked on the bundle as the runner runs it, by recording the chunks each run loads.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { DIST, runAction } from '../support/action.js'
import { useEmbeddedGitHub } from '../support/embedded-github.js'
import { pullRequestEvent } from '../support/events.js'
import { dockerWithBuiltImages, withDockerOnPath } from '../support/fake-docker.js'
import { FakeRuns } from '../support/fake-runs.js'
import { checkoutMerge, makePullRequestRepo, tempDir } from '../support/git.js'

const RECORDER = pathToFileURL(join(import.meta.dirname, '../support/record-loads.mjs')).href
const REST_CLIENT = ['node_modules/undici/', 'node_modules/@actions/github/', 'node_modules/@octokit/']
const github = useEmbeddedGitHub()

/** The dist/ chunks a run loaded, by file name, and the packages they bundle. */
async function chunksLoadedBy(o: Parameters<typeof runAction>[0]) {
  const log = join(tempDir('ci-image-loads-'), 'loads')
  const run = await runAction({ ...o, env: { ...o.env, NODE_OPTIONS: `--import ${RECORDER}`, CI_IMAGE_LOAD_LOG: log } })
  expect(run.exitCode, run.stdout).toBe(0)
  const dist = pathToFileURL(join(DIST, '..')).href
  const chunks = readFileSync(log, 'utf8')
    .split('\n')
    .filter((url) => url.startsWith(`${dist}/`) && url.endsWith('.js'))
  const packages = (pattern: string) => chunks.some((url) => readFileSync(fileURLToPath(url), 'utf8').includes(pattern))
  return { chunks, bundles: (patterns: string[]) => patterns.filter(packages) }
}

describe('dist/', () => {
  it('resolve-image answered by the checkout alone (fetch-depth: 0) loads neither the REST client nor undici', async () => {
    const repo = makePullRequestRepo({ prFiles: { 'Dockerfile.ci': 'FROM node:24\n' } })
    const event = pullRequestEvent({ number: repo.prNumber, baseRef: repo.baseRef, baseSha: repo.baseSha, headSha: repo.headSha })
    const loaded = await chunksLoadedBy({
      inputs: { command: 'resolve-image', 'github-token': 'ghs_x' },
      eventName: 'pull_request',
      event,
      workspace: checkoutMerge(repo, 0),
      apiUrl: github().url,
    })
    expect(loaded.chunks[0]).toMatch(/\/index\.js$/)
    expect(loaded.bundles(REST_CLIENT)).toEqual([])
    expect(github().requests).toHaveLength(0)
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

  it('keeps the YAML parser out of the entry chunk', () => {
    expect(readFileSync(DIST, 'utf8')).not.toContain('node_modules/js-yaml/')
  })
})
