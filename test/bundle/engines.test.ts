// The CLI (dist/index.js, which node runs directly: npx, make docker-pull) runs on every Node that
// package.json `engines` admits, so it is run on the lowest. CI_IMAGE_FLOOR_NODE names that Node's
// binary (.ci/run and the test workflow provide it; scripts/node.sh installs it); without it, the
// Node running the tests stands in when it is that version. Otherwise the test is skipped, saying
// why, on a developer's machine, and fails in CI.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DIST } from '../support/action.js'
import { git, makePullRequestRepo, tempDir } from '../support/git.js'

const ROOT = resolve(import.meta.dirname, '../..')
const engines = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node
const floor = /^>=(\d+\.\d+\.\d+)$/.exec(engines)?.[1]
const floorNode = process.env.CI_IMAGE_FLOOR_NODE || (process.version === `v${floor}` ? process.execPath : undefined)

describe('package.json engines', () => {
  it('names the lowest Node it admits exactly (>=X.Y.Z), so that it can be tested', () => {
    expect(floor, `engines.node is "${engines}"`).toBeDefined()
  })
})

describe.runIf(floorNode !== undefined || process.env.CI === 'true')(`the CLI on Node ${floor}, the lowest engines admits`, () => {
  function cli(cwd: string, ...args: string[]) {
    const env = { PATH: process.env.PATH, HOME: cwd, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' }
    const result = spawnSync(floorNode!, [DIST, ...args], { cwd, env, encoding: 'utf8' })
    return { code: result.status, stdout: result.stdout, stderr: result.stderr }
  }

  it('is that version', () => {
    expect(floorNode, `set CI_IMAGE_FLOOR_NODE to a Node ${floor} binary: scripts/node.sh ${floor} prints one`).toBeDefined()
    expect(spawnSync(floorNode!, ['--version'], { encoding: 'utf8' }).stdout.trim()).toBe(`v${floor}`)
  })

  it("resolves a PR's own image, with every output, and refuses a bad command line with exit 2", () => {
    const repo = makePullRequestRepo({ baseRef: 'main', prFiles: { 'Dockerfile.ci': 'FROM y\n' } })
    const clone = tempDir()
    git(clone, 'clone', '-q', `file://${repo.origin}`, '.')
    git(clone, 'remote', 'set-url', 'origin', 'git@github.com:acme/app.git')
    git(clone, 'checkout', '-q', 'feature')
    const run = cli(clone, 'resolve-image', '--pr-number', '7', '--json')
    expect(run.code, run.stderr).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({
      image: 'ghcr.io/acme/app/ci:pr-7',
      modified: true,
      'changed-files': ['Dockerfile.ci'],
      'inputs-hash': expect.stringMatching(/^[0-9a-f]{64}$/),
    })
    expect(cli(clone, 'resolve-image', 'extra').code).toBe(2)
  })
})
