// Which Node runs what: development and the action on the one in .node-version (the action's
// runtime, action.yml runs.using, and the CI image's), the CLI on every Node package.json engines
// admits, tested on the lowest (test/bundle/engines.test.ts) by the test workflow and .ci/run.
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const root = resolve(import.meta.dirname, '../..')
const read = (path: string) => readFileSync(join(root, path), 'utf8')
const development = read('.node-version').trim()
const floor = /^>=(\d+\.\d+\.\d+)$/.exec((JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node)?.[1]

describe('the Node versions', () => {
  it(".node-version is the action's runtime (action.yml runs.using) and the CI image's", () => {
    expect(`node${development}`).toBe((parse(read('action.yml')) as { runs: { using: string } }).runs.using)
    expect(read('Dockerfile.ci')).toMatch(new RegExp(`^FROM node:${development}-`, 'm'))
  })

  it('engines admits the development Node, from a lower floor', () => {
    expect(Number(floor?.split('.')[0])).toBeLessThanOrEqual(Number(development))
  })

  it('the test workflow runs the tests on .node-version and gives the CLI test the lowest Node engines admits', () => {
    const steps = (
      parse(read('.github/workflows/test.yml')) as { jobs: { test: { steps: { with?: Record<string, string>; run?: string }[] } } }
    ).jobs.test.steps
    const nodes = steps.filter((step) => step.with?.['node-version'] ?? step.with?.['node-version-file'])
    expect(nodes.map((step) => step.with)).toEqual([{ 'node-version': floor }, { 'node-version-file': '.node-version', cache: 'npm' }])
    expect(steps.map((step) => step.run)).toContain('echo "CI_IMAGE_FLOOR_NODE=$(command -v node)" >> "$GITHUB_ENV"')
  })

  it('.ci/run does the same on a machine that has neither', () => {
    const run = read('.ci/run')
    expect(run).toContain('CI_IMAGE_FLOOR_NODE="$(scripts/node.sh "$floor")"')
    expect(run).toContain('development="$(scripts/node.sh "$(cat .node-version)")"')
  })
})
