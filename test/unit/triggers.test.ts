// The build workflow's pull request triggers as GitHub reads and evaluates them: which copy of
// the file each trigger comes from, every YAML form of `on`, types, branches and paths.
// Sources: docs.github.com, "Workflow syntax for GitHub Actions" (on, on.<event>.types,
// branches/branches-ignore, paths/paths-ignore) and "Events that trigger workflows"
// (pull_request: GITHUB_SHA is the merge commit; pull_request_target: the base branch's).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { evaluateTrigger, readPullRequestTriggers } from '../../src/watch/triggers.js'
import { decideWatch, type WatchSources } from '../../src/watch/watch.js'

const ROOT = join(import.meta.dirname, '../..')
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
    ['null spelled out', 'on:\n  pull_request: ~', ['pull_request']],
    ['quoted keys', `"on":\n  'pull_request':\n    paths: [x]`, ['pull_request']],
    ['a block list', 'on:\n  - push\n  - pull_request_target', ['pull_request_target']],
    ['a flow map', 'on: { pull_request: { paths: [a] } }', ['pull_request']],
    ['no pull request event', 'on:\n  push:\n    branches: [main]', []],
    [
      'settings of other events',
      "on:\n  push:\n    tags: ['v*']\n  schedule:\n    - cron: '0 4 * * 1'\n  workflow_dispatch:\n    inputs:\n      force:\n        type: boolean\n        description: |\n          It's \"forced\"\n  pull_request:",
      ['pull_request'],
    ],
  ])('%s', async (_, on, events) => {
    expect((await readPullRequestTriggers(wf(on), FILE)).map((t) => t.event)).toEqual(events)
  })

  it('defaults the activity types to opened, synchronize and reopened (docs: pull_request)', async () => {
    expect((await readPullRequestTriggers(wf('on: pull_request'), FILE))[0]!.types).toEqual(['opened', 'synchronize', 'reopened'])
  })

  // What each filter reads as: the parser's model (workflow-v1.0.json of actions/languageservices
  // allows a string or a sequence for every filter and for `types`).
  it.each([
    [
      'a single string',
      'on:\n  pull_request:\n    paths: Dockerfile.ci\n    branches: v2\n    types: opened',
      ['Dockerfile.ci'],
      ['v2'],
      ['opened'],
    ],
    ['a block list', "on:\n  pull_request:\n    paths:\n      - Dockerfile.ci\n      - '.github/**'", ['Dockerfile.ci', '.github/**']],
    [
      'a list at its key’s indentation',
      'on:\n  pull_request:\n    paths:\n    - Dockerfile.ci\n    - docker/**',
      ['Dockerfile.ci', 'docker/**'],
    ],
    ['spaces inside brackets', "on:\n  pull_request:\n    branches: [ main, 'releases/**' ]", undefined, ['main', 'releases/**']],
    [
      'negated, double-quoted',
      'on:\n  pull_request:\n    paths:\n      - "docker/**"\n      - \'!docker/README.md\'',
      ['docker/**', '!docker/README.md'],
    ],
    [
      'comments everywhere',
      "on: # when\n  pull_request: # PRs\n# at column 0\n    paths: [a#b, 'c # d'] # end\n    # indented",
      ['a#b', 'c # d'],
    ],
    ['a colon and a bracket in plain scalars', 'on:\n  pull_request:\n    paths:\n      - a:b\n      - x]', ['a:b', 'x]']],
    ['a doubled single quote', "on:\n  pull_request:\n    paths: ['it''s']", ["it's"]],
    ['an escape', 'on:\n  pull_request:\n    paths: ["a\\u0041"]', ['aA']],
    ['an anchor and its alias', 'on:\n  push:\n    paths: &p [a, b]\n  pull_request:\n    paths: *p', ['a', 'b']],
    ['a block scalar', 'on:\n  pull_request:\n    paths: |-\n      Dockerfile.ci', ['Dockerfile.ci']],
    ['a number and a boolean, as strings', 'on:\n  pull_request:\n    branches: [2, true]', undefined, ['2', 'true']],
  ])('%s', async (_, on, paths, branches?: string[], types?: string[]) => {
    const [trigger] = await readPullRequestTriggers(wf(on), FILE)
    expect(trigger?.paths?.patterns).toEqual(paths)
    expect(trigger?.branches?.patterns).toEqual(branches)
    if (types) expect(trigger?.types).toEqual(types)
  })

  it.each([
    ['a document marker and Windows line ends', `---\r\nname: CI\r\non:\r\n  pull_request:\r\n    paths: [a]\r\n`],
    ['a byte order mark', `\uFEFFon:\n  pull_request:\n    paths: [a]\n`],
    [
      'an indented document',
      `  on:\n    pull_request:\n      paths: [a]\n  jobs:\n    build:\n      runs-on: ubuntu-latest\n      steps: [{ run: 'true' }]\n`,
    ],
  ])('%s', async (_, text) => {
    const jobs = text.includes('jobs:') ? '' : `jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps: [{ run: 'true' }]\n`
    expect((await readPullRequestTriggers(text + jobs, FILE))[0]?.paths?.patterns).toEqual(['a'])
  })

  it.each(
    ['.github/workflows', 'examples/container-job', 'examples/monorepo'].flatMap((dir) =>
      readdirSync(join(ROOT, dir)).map((name) => join(dir, name)),
    ),
  )('reads %s (this repository)', async (path) => {
    await expect(readPullRequestTriggers(readFileSync(join(ROOT, path), 'utf8'), path)).resolves.toBeInstanceOf(Array)
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
    ['a filter that is a map', 'on:\n  pull_request:\n    paths: { a: 1 }', /\(Line: 4, Col: 12\): A mapping was not expected/],
    ['an unknown filter', 'on:\n  pull_request:\n    brnaches: [main]', /\(Line: 4, Col: 5\): Unexpected value 'brnaches'/],
    ['a form feed after a value', 'on:\n  pull_request:\n    branches: [v2]\f', /Unexpected scalar/],
    ['no `on`', 'jobs: {}', /Required property is missing: on/],
    ['broken YAML', 'on: [pull_request', /Flow sequence in block collection must be sufficiently indented/],
  ])('refuses %s, as GitHub does, quoting its parser and naming the file', async (_, on, message) => {
    const text = on.startsWith('jobs') ? on : wf(on)
    const refusal = readPullRequestTriggers(text, FILE)
    await expect(refusal).rejects.toThrow(message)
    await expect(refusal).rejects.toThrow(FILE)
  })

  it('reads a line that starts with a vertical tab as a top-level key (not YAML white space), not as a filter of the event above', async () => {
    // GitHub's parser reports "Unexpected value" there and fails the run it starts; the trigger itself has no filter.
    const [trigger] = await readPullRequestTriggers(wf('on:\n  pull_request:\n\v    branches: [v2]'), FILE)
    expect(trigger).toMatchObject({ event: 'pull_request', branches: undefined })
  })

  it('reads the triggers of a file with a mistake outside `on`: GitHub starts that run, which fails at once', async () => {
    const [trigger] = await readPullRequestTriggers('on:\n  pull_request:\n    paths: [a]\n', FILE)
    expect(trigger?.paths?.patterns).toEqual(['a'])
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

  it('without any copy of the file there is no answer: an error naming the file, never a guess', async () => {
    await expect(decideWatch(sources({}), facts(['Dockerfile.ci', 'src/a.ts']))).rejects.toThrow(
      `The build workflow ${FILE} does not exist at the commits read`,
    )
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

describe('what reading a PR’s workflow may cost (GitHub’s limits, actions/runner src/Sdk/WorkflowParser)', () => {
  const on = 'on:\n  pull_request:\n    paths: [Dockerfile.ci]'
  const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`

  it.each([
    [
      'more than 1 MiB (ParseOptions.MaxFileSize)',
      wf(`${on}\nenv:\n  A: "${'x'.repeat(1024 * 1024)}"`),
      /it has 1,048,7\d\d characters, more than the 1,048,576 GitHub's workflow parser reads \(MaxFileSize\)/,
    ],
    [
      'collections nested 51 deep (ParseOptions.MaxDepth)',
      wf(`${on}\nenv:\n  A: ${nested(49)}`),
      /it nests collections more than 50 deep, the most GitHub's workflow parser reads \(MaxDepth\)/,
    ],
    [
      'aliases that expand past 50,000 nodes (YamlObjectReader.cs, c_maxYamlNodes)',
      wf(`${on}\nenv:\n  A: &a [${Array(100).fill('x').join(', ')}]\n  B: &b [${Array(100).fill('*a').join(', ')}]\n  C: [*b, *b, *b, *b]`),
      /its aliases expand it to 51,\d{3} nodes, more than the 50,000 GitHub's workflow parser reads \("Maximum YAML nodes exceeded"\), so GitHub starts no run of it either/,
    ],
    [
      '50,001 scalars (counted from the tokens, before the document is composed)',
      wf(`${on}\nenv:\n  A: [${Array(50_001).fill('x').join(', ')}]`),
      /it has 50,0\d\d YAML nodes before any alias is expanded, more than the 50,000 GitHub's workflow parser reads/,
    ],
    [
      '24,000 aliases of one scalar: within GitHub’s limits, but 107 s for the parser library',
      wf(`${on}\nenv:\n  A: &a x\n  B: [${Array(24_000).fill('*a').join(', ')}]`),
      /its 24,000 alias uses in a document of 24,0\d\d nodes would take @actions\/workflow-parser 57\d,\d{3},\d{3} steps .* more than the 10,000,000 ci-image allows/,
    ],
  ])('refuses %s before parsing it, naming the file and the limit', async (_, text, message) => {
    const refusal = readPullRequestTriggers(text, FILE)
    await expect(refusal).rejects.toThrow(message)
    await expect(refusal).rejects.toThrow(`ci-image does not read ${FILE}: `)
  })

  it('reads a workflow at the limits: 50 deep, an anchor used in every job', async () => {
    const steps = Array.from({ length: 10 }, (_, i) => `    - run: echo ${i}`).join('\n')
    const jobs = Array.from({ length: 30 }, (_, i) => `  job${i}:\n    runs-on: ubuntu-latest\n    steps: *steps`).join('\n')
    const text = `${on}\nenv:\n  A: ${nested(48)}\nx-steps: &steps\n${steps}\njobs:\n${jobs}\n`
    const [trigger] = await readPullRequestTriggers(text, FILE)
    expect(trigger?.paths?.patterns).toEqual(['Dockerfile.ci'])
  })
})
