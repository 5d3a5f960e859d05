// comment-image compares the PR's image with the stable image it replaces, as the runner runs it:
// the bundle, the embedded GitHub for the comment, and a real registry (CNCF distribution on
// loopback) holding both images as BuildKit pushes them with `sbom: true`
// (test/support/buildkit-image.ts).
import { spawnSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DIST, runAction } from '../support/action.js'
import { buildkitImage, pushBuildkitImage } from '../support/buildkit-image.js'
import { ciImage } from '../support/ci-images.js'
import { pullRequestEvent } from '../support/events.js'
import { FakeComments } from '../support/fake-comments.js'
import { useEmbeddedGitHub } from '../support/embedded-github.js'
import { tempDir } from '../support/git.js'
import { startRegistry, type RegistryService } from '../support/registry-service.js'
import { FORGED, unintendedCommands } from '../support/workflow-commands.js'

const HEAD = '1'.repeat(40)
let registry: RegistryService
beforeAll(async () => {
  registry = await startRegistry()
})
afterAll(() => registry.stop())

let comments: FakeComments
const github = useEmbeddedGitHub((github) => {
  comments = new FakeComments(github)
  github.pullFiles.set(42, [{ filename: 'Dockerfile.ci' }])
})

let repository = 0
/** The build's images: the base branch's `latest` (when given) and this PR's, in a repository of their own. */
async function push(stable: ReturnType<typeof ciImage> | undefined, pr: ReturnType<typeof ciImage>) {
  const image = `${registry.host}/acme/app${++repository}/ci`
  const path = image.slice(registry.host.length + 1)
  if (stable) await pushBuildkitImage({ url: registry.url }, path, ['latest'], stable)
  const digest = await pushBuildkitImage({ url: registry.url }, path, ['pr-42', 'pr-42-sha-1111111'], pr)
  return { image, digest }
}

async function commentImage(image: string, inputs: Record<string, string> = {}) {
  const run = await runAction({
    inputs: { command: 'comment-image', 'github-token': 'ghs_commentDiffToken', image, diff: 'true', ...inputs },
    eventName: 'pull_request',
    event: pullRequestEvent({ number: 42, headSha: HEAD }),
    ref: 'refs/pull/42/merge',
    apiUrl: github().url,
    env: {
      GITHUB_RUN_ID: '987654',
      GITHUB_WORKFLOW_REF: 'acme/app/.github/workflows/build-ci-image.yml@refs/pull/42/merge',
      DOCKER_CONFIG: tempDir(),
    },
  })
  expect(run.exitCode, run.stdout).toBe(0)
  expect(unintendedCommands(run.stdout)).toEqual([])
  return { run, body: comments.on(42)[0]?.body ?? '' }
}

describe('comment-image compares with the stable image', () => {
  it('two builds that differ in one package and one layer: the comment says what changed (a readable snapshot)', async () => {
    const { image, digest } = await push(ciImage({ go: '1.22.5' }), ciImage({ go: '1.23.1' }))
    const { run, body } = await commentImage(image, { digest })
    expect(body).toContain(
      `<details><summary>Compared with the stable image <code>${image}:latest</code>: +122 KiB (+4%), 1 new layer, 1 package changed</summary>`,
    )
    expect(body).toContain('| <code>go</code> | generic | <code>1.22.5</code> | <code>1.23.1</code> |')
    // The registry's port changes with every run; the snapshot names it as a developer's would.
    await expect(body.replaceAll(registry.host, 'localhost:5000')).toMatchFileSnapshot('__snapshots__/comment-diff.md')
    expect(run.summary).toContain(`#### Compared with the stable image <code>${image}:latest</code>`)
    expect(run.stdout).toContain('1 package changed')
  })

  it('a stable image not in the registry: the comment says there is no comparison, in one line, and the step passes', async () => {
    const { image } = await push(undefined, ciImage({ go: '1.23.1' }))
    const { body } = await commentImage(image)
    expect(body).toContain(
      `No comparison with the stable image <code>${image}:latest</code>: the registry does not have it (no build has pushed it yet)`,
    )
    expect(body).not.toContain('<details>')
  })

  it('diff: false, or a build that failed: no comparison at all', async () => {
    const { image } = await push(ciImage({ go: '1.22.5' }), ciImage({ go: '1.23.1' }))
    expect((await commentImage(image, { diff: 'false' })).body).not.toContain('stable image <code>')
    const failed = await commentImage(image, { 'job-status': 'failure' })
    expect(failed.body).toContain('### ❌ Docker CI image build failed')
    expect(failed.body).not.toContain('Compared with')
  })

  it('a package whose name is a workflow command starts none in the log, and stays inert in the comment', async () => {
    const forged = [{ name: `::error::${FORGED}`, version: '1', purl: `pkg:generic/${encodeURIComponent(`::error::${FORGED}`)}@1` }]
    const base = { platform: 'linux/amd64', layers: [{ seed: 'base', size: 1000 }] }
    const stable = buildkitImage({ platforms: [{ ...base, packages: [] }] })
    const pr = buildkitImage({ platforms: [{ ...base, packages: forged }] })
    const { image } = await push(stable, pr)
    const { run, body } = await commentImage(image)
    expect(unintendedCommands(run.stdout)).toEqual([])
    expect(body).toContain(`| <code>::error::${FORGED}</code> | generic |  | <code>1</code> |`)
  })
})

describe('ci-image diff, in a terminal', () => {
  const cli = (args: string[]) => {
    const cwd = tempDir()
    const result = spawnSync(process.execPath, [DIST, 'diff', ...args], {
      cwd,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: cwd },
    })
    return { code: result.status, stdout: result.stdout, stderr: result.stderr }
  }

  it('prints the table of the comment, every package change listed', async () => {
    const { image } = await push(ciImage({ go: '1.22.5', apt: ['bash', 'curl'] }), ciImage({ go: '1.23.1', apt: ['bash', 'curl', 'make'] }))
    const result = cli([`${image}:pr-42`, '--to', `${image}:latest`])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).toBe(`Comparing ${image}:pr-42 with ${image}:latest.\n`)
    expect(result.stdout.split('\n')).toEqual([
      `${image}:pr-42 compared with ${image}:latest: +166 KiB, 2 new layers, 1 package changed, 1 added`,
      '',
      'platform     compressed size  change    layers     shared  new           removed',
      'linux/amd64  3.16 MiB         +166 KiB  3 (was 3)  1       2 (2.01 MiB)  2',
      '',
      'Packages (linux/amd64): 1 package changed, 1 added',
      'package  type     stable  this image',
      'go       generic  1.22.5  1.23.1',
      'make     deb      -       4.3-4.1',
      '',
    ])
  })

  it('without --to, the stable tag of the default branch (latest); a missing one is an error on stderr', async () => {
    const { image } = await push(undefined, ciImage({ go: '1.23.1' }))
    const result = cli([`${image}:pr-42`])
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain(
      `error: No comparison with ${image}:latest: the registry does not have it (no build has pushed it yet).`,
    )
  })
})
