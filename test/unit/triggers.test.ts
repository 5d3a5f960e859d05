// The build workflow's pull request triggers as GitHub reads and evaluates them: which copy of
// the file each trigger comes from, every YAML form of `on`, types, branches and paths.
// Sources: docs.github.com, "Workflow syntax for GitHub Actions" (on, on.<event>.types,
// branches/branches-ignore, paths/paths-ignore) and "Events that trigger workflows"
// (pull_request: GITHUB_SHA is the merge commit; pull_request_target: the base branch's).
import { describe, expect, it } from 'vitest'
import { evaluateTrigger, readPullRequestTriggers } from '../../src/core/triggers.js'
import { decideWatch, type WatchSources } from '../../src/core/watch.js'

const FILE = '.github/workflows/build-ci-image.yml'
const wf = (on: string) => `name: Build CI image\n${on}\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps: [{ run: 'true' }]\n`
const facts = (changedPaths: string[], o: { baseRef?: string; action?: string } = {}) => ({
  baseRef: o.baseRef ?? 'main',
  action: o.action ?? 'synchronize',
  changedPaths,
})
const sources = (o: Partial<WatchSources>): WatchSources => ({ input: [], buildWorkflow: 'build-ci-image.yml', ...o })

describe('every YAML form of `on` (docs: Workflow syntax, on)', () => {
  it.each([
    ['a string', 'on: pull_request', ['pull_request']],
    ['a list', 'on: [push, pull_request]', ['pull_request']],
    ['a list with both events', 'on: [pull_request_target, pull_request]', ['pull_request', 'pull_request_target']],
    ['a map', 'on:\n  pull_request:\n    branches: [main]', ['pull_request']],
    ['a map entry without a body', 'on:\n  pull_request:\n  push:', ['pull_request']],
    ['quoted keys', `"on":\n  'pull_request':\n    paths: [x]`, ['pull_request']],
    ['a block list', 'on:\n  - push\n  - pull_request_target', ['pull_request_target']],
    ['no pull request event', 'on:\n  push:\n    branches: [main]', []],
  ])('%s', async (_, on, events) => {
    expect((await readPullRequestTriggers(wf(on), FILE)).map((t) => t.event)).toEqual(events)
  })

  it('defaults the activity types to opened, synchronize and reopened (docs: pull_request)', async () => {
    expect((await readPullRequestTriggers(wf('on: pull_request'), FILE))[0]!.types).toEqual(['opened', 'synchronize', 'reopened'])
  })

  it.each([
    [
      'paths and paths-ignore',
      'on:\n  pull_request:\n    paths: [a]\n    paths-ignore: [b]',
      /has both paths and paths-ignore, which GitHub rejects/,
    ],
    [
      'branches and branches-ignore',
      'on:\n  pull_request:\n    branches: [a]\n    branches-ignore: [b]',
      /has both branches and branches-ignore/,
    ],
    [
      'a filter that is not a list of strings',
      'on:\n  pull_request:\n    paths: { a: 1 }',
      /on\.pull_request\.paths in .* is not a list of strings/,
    ],
    [
      'a filter that is a single string',
      'on:\n  pull_request:\n    paths: Dockerfile.ci',
      /on\.pull_request\.paths in .* is not a list of strings/,
    ],
    ['no `on`', 'jobs: {}', /has no `on`/],
    ['broken YAML', 'on: [pull_request', /is not valid YAML/],
  ])('refuses %s, as GitHub does', async (_, on, message) => {
    const text = on.startsWith('jobs') || on.startsWith('on: [pull_request\n') ? on : wf(on)
    await expect(readPullRequestTriggers(text, FILE)).rejects.toThrow(message)
  })

  it('names the file and the line of a pattern GitHub rejects', async () => {
    const text = wf("on:\n  pull_request:\n    paths:\n      - Dockerfile.ci\n      - '[!a]/**'")
    await expect(readPullRequestTriggers(text, FILE)).rejects.toThrow(`Invalid paths pattern in ${FILE} (line 6), on.pull_request: `)
  })
})

describe('when a trigger fires', () => {
  const trigger = async (on: string) => (await readPullRequestTriggers(wf(on), FILE))[0]!
  it.each([
    { name: 'no filter: every PR', on: 'on: pull_request', changed: ['src/a.ts'], fires: true, matched: ['src/a.ts'] },
    {
      name: 'paths: a watched file',
      on: 'on:\n  pull_request:\n    paths: [Dockerfile.ci]',
      changed: ['src/a.ts', 'Dockerfile.ci'],
      fires: true,
      matched: ['Dockerfile.ci'],
    },
    {
      name: 'paths: nothing watched',
      on: 'on:\n  pull_request:\n    paths: [Dockerfile.ci]',
      changed: ['src/a.ts'],
      fires: false,
      filter: 'paths',
    },
    {
      name: 'paths-ignore: everything ignored',
      on: "on:\n  pull_request:\n    paths-ignore: ['docs/**']",
      changed: ['docs/a.md'],
      fires: false,
      filter: 'paths',
    },
    {
      name: 'paths-ignore: one file not ignored',
      on: "on:\n  pull_request:\n    paths-ignore: ['docs/**']",
      changed: ['docs/a.md', 'x.ts'],
      fires: true,
      matched: ['x.ts'],
    },
    { name: 'branches: base listed', on: 'on:\n  pull_request:\n    branches: [main, v2]', changed: ['a'], fires: true },
    { name: 'branches: base not listed', on: 'on:\n  pull_request:\n    branches: [v2]', changed: ['a'], fires: false, filter: 'branches' },
    {
      name: "branches: 'releases/**'",
      on: "on:\n  pull_request:\n    branches: ['releases/**']",
      baseRef: 'releases/1.x/hotfix',
      changed: ['a'],
      fires: true,
    },
    {
      name: 'branches-ignore: base ignored',
      on: "on:\n  pull_request:\n    branches-ignore: ['main']",
      changed: ['a'],
      fires: false,
      filter: 'branches',
    },
    { name: 'types: default, synchronize', on: 'on: pull_request', changed: ['a'], fires: true },
    { name: 'types: default, labeled', on: 'on: pull_request', action: 'labeled', changed: ['a'], fires: false, filter: 'types' },
    {
      name: 'types: [opened] on synchronize',
      on: 'on:\n  pull_request:\n    types: [opened]',
      changed: ['a'],
      fires: false,
      filter: 'types',
    },
    {
      name: 'types: [labeled] on labeled',
      on: 'on:\n  pull_request:\n    types: [labeled]',
      action: 'labeled',
      changed: ['a'],
      fires: true,
    },
  ])('$name', async ({ on, changed, baseRef, action, fires, matched, filter }) => {
    const verdict = evaluateTrigger(await trigger(on), facts(changed, { baseRef, action }))
    expect(verdict.fires).toBe(fires)
    if (matched) expect(verdict.matched).toEqual(matched)
    if (filter) expect(verdict.excluded?.filter).toBe(filter)
  })

  it('outside a pull request event, asks whether it runs when a PR gets a new head', async () => {
    expect(evaluateTrigger(await trigger('on: pull_request'), { baseRef: 'main', changedPaths: ['a'] }).fires).toBe(true)
    expect(
      evaluateTrigger(await trigger('on:\n  pull_request:\n    types: [labeled]'), { baseRef: 'main', changedPaths: ['a'] }).fires,
    ).toBe(false)
  })
})

describe('which copy of the workflow, which trigger', () => {
  const PR = "on:\n  pull_request:\n    paths: ['Dockerfile.ci']"
  const TARGET = "on:\n  pull_request_target:\n    paths: ['Dockerfile.ci']"

  it('reads pull_request from the merge commit and pull_request_target from the base branch', async () => {
    // The base branch triggers on pull_request_target: the build runs as pull_request_target.
    const d = await decideWatch(sources({ mergeCopy: wf(TARGET), baseCopy: wf(TARGET) }), facts(['Dockerfile.ci']))
    expect(d).toMatchObject({ modified: true, events: ['pull_request_target'], matched: ['Dockerfile.ci'] })
  })

  it('a PR that switches the trigger from pull_request_target to pull_request starts both: its merge copy and the base', async () => {
    const d = await decideWatch(sources({ mergeCopy: wf(PR), baseCopy: wf(TARGET) }), facts(['Dockerfile.ci', FILE]))
    expect(d).toMatchObject({ modified: true, events: ['pull_request', 'pull_request_target'] })
  })

  it('a PR that switches it from pull_request to pull_request_target starts no build at all', async () => {
    // GitHub reads pull_request from the merge copy (it has none now) and pull_request_target from the base (none there yet).
    const d = await decideWatch(sources({ mergeCopy: wf(TARGET), baseCopy: wf(PR) }), facts(['Dockerfile.ci', FILE]))
    expect(d.modified).toBe(false)
    expect(d.events).toEqual([])
    expect(d.noBuildBecause).toBe(`${FILE} has no pull_request or pull_request_target trigger`)
  })

  it('both triggers firing: either run is the build', async () => {
    const both = "on:\n  pull_request:\n    paths: ['Dockerfile.ci']\n  pull_request_target:\n    paths: ['Dockerfile.ci']"
    const d = await decideWatch(sources({ mergeCopy: wf(both), baseCopy: wf(both) }), facts(['Dockerfile.ci']))
    expect(d.events).toEqual(['pull_request', 'pull_request_target'])
  })

  it('a workflow that exists is never replaced by the defaults: no trigger, no build, and it says why', async () => {
    const pushOnly = wf('on:\n  push:\n    branches: [main]')
    const d = await decideWatch(sources({ mergeCopy: pushOnly, baseCopy: pushOnly }), facts(['Dockerfile.ci']))
    expect(d).toMatchObject({ modified: false, matched: [], noBuildBecause: `${FILE} has no pull_request or pull_request_target trigger` })
  })

  it('a base branch the build does not run for: no build, naming the filter', async () => {
    const d = await decideWatch(
      sources({ mergeCopy: wf('on:\n  pull_request:\n    branches: [main]'), baseCopy: wf('on: push') }),
      facts(['Dockerfile.ci'], { baseRef: 'v2' }),
    )
    expect(d.modified).toBe(false)
    expect(d.noBuildBecause).toBe(`the base branch v2 does not match branches (main) in on.pull_request of ${FILE}`)
  })

  it('changes no watched path: the everyday answer, nothing to warn about', async () => {
    const d = await decideWatch(sources({ mergeCopy: wf(PR), baseCopy: wf(PR) }), facts(['src/a.ts']))
    expect(d.modified).toBe(false)
    expect(d.noBuildBecause).toBeUndefined()
  })

  it('only without any copy of the file: the defaults', async () => {
    const d = await decideWatch(sources({}), facts(['Dockerfile.ci', 'src/a.ts']))
    expect(d).toMatchObject({
      modified: true,
      matched: ['Dockerfile.ci'],
      source: `the defaults (no ${FILE})`,
      events: ['pull_request', 'pull_request_target'],
    })
  })

  it('the watch input is taken at its word: no trigger is read', async () => {
    const d = await decideWatch(sources({ input: ['ci.Dockerfile'], mergeCopy: 'not even YAML: [' }), facts(['ci.Dockerfile']))
    expect(d).toMatchObject({ modified: true, matched: ['ci.Dockerfile'], source: 'the `watch` input' })
  })

  it('changed-files lists only the matches of the triggers that fire', async () => {
    const target = "on:\n  pull_request_target:\n    branches: [v2]\n    paths: ['docs/**']"
    const d = await decideWatch(sources({ mergeCopy: wf(PR), baseCopy: wf(target) }), facts(['Dockerfile.ci', 'docs/a.md']))
    expect(d).toMatchObject({ events: ['pull_request'], matched: ['Dockerfile.ci'] })
  })
})
