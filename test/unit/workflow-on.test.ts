// The plain reader of `on` (src/core/workflow-on.ts) against js-yaml, the parser it stands in
// for: whatever it answers must be what js-yaml reads (the event names, and the settings of the
// pull request events), on this repository's workflows, on the everyday forms, on the forms it
// must leave to js-yaml, and on a few thousand generated ones.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { readPlainOn } from '../../src/core/workflow-on.js'

const EVENTS = ['pull_request', 'pull_request_target']
const ROOT = join(import.meta.dirname, '../..')

/** What triggers.ts reads of `on`: its form, the event names and the pull request events' settings. */
function readable(on: unknown): unknown {
  if (on === null || typeof on !== 'object' || Array.isArray(on)) return on
  return Object.fromEntries(Object.entries(on).map(([event, config]) => [event, EVENTS.includes(event) ? config : null]))
}

/** Asserts agreement with js-yaml wherever the reader answers; says whether it did. */
function compare(text: string): 'answered' | 'declined' {
  const plain = readPlainOn(text, EVENTS)
  if (plain === undefined) return 'declined'
  let doc: unknown
  expect(() => (doc = load(text)), `js-yaml refuses what the reader answered:\n${text}`).not.toThrow()
  expect(readable(plain.on), text).toStrictEqual(readable((doc as { on?: unknown } | null)?.on))
  return 'answered'
}

const JOBS = 'jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "# not a comment" \'x\'\n'

describe('readPlainOn answers as js-yaml reads', () => {
  const workflows = [
    ...readdirSync(join(ROOT, '.github/workflows')).map((name) => join('.github/workflows', name)),
    ...readdirSync(join(ROOT, 'examples'), { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.yml'))
      .map((name) => join('examples', name)),
  ]

  it.each(workflows)('%s (this repository)', (path) => {
    expect(compare(readFileSync(join(ROOT, path), 'utf8'))).toBe('answered')
  })

  it.each([
    ['a string', 'on: pull_request\n'],
    ['a flow list', 'on: [push, pull_request]\n'],
    ['a block list', 'on:\n  - push\n  - pull_request_target\n'],
    ['an event without settings', 'on:\n  pull_request:\n  workflow_dispatch:\n'],
    ['paths as a block list', "on:\n  pull_request:\n    paths:\n      - Dockerfile.ci\n      - '.github/workflows/build-ci-image.yml'\n"],
    ['a list at its key’s indentation', 'on:\n  pull_request:\n    paths:\n    - Dockerfile.ci\n    - docker/**\n'],
    ['spaces inside brackets', "on:\n  pull_request:\n    branches: [ main, 'releases/**' ]\n    types: [ opened, synchronize ]\n"],
    ['negated and double-quoted patterns', 'on:\n  pull_request:\n    paths:\n      - "docker/**"\n      - \'!docker/README.md\'\n'],
    [
      'paths-ignore and branches-ignore',
      "on:\n  pull_request_target:\n    branches-ignore: [gh-pages]\n    paths-ignore: ['**.md', docs/**]\n",
    ],
    ['comments everywhere', "on: # when\n  pull_request: # PRs\n# at column 0\n    paths: [a#b, 'c # d'] # end\n    # indented\n"],
    ['a plain scalar with a colon and brackets', 'on:\n  pull_request:\n    paths:\n      - a:b\n      - x]\n'],
    ['a single quote doubled', "on:\n  pull_request:\n    paths: ['it''s']\n"],
    ['an empty filter', 'on:\n  pull_request:\n    paths:\n    types: []\n'],
    [
      'push, schedule and workflow_dispatch settings (skipped)',
      "on:\n  push:\n    branches: [main]\n    tags: ['v*']\n  schedule:\n    - cron: '0 4 * * 1'\n  workflow_dispatch:\n    inputs:\n      force:\n        type: boolean\n        default: false\n        description: |\n          It's \"forced\"\n  pull_request:\n    paths: [Dockerfile.ci]\n",
    ],
    [
      'a document marker, a name, permissions and env',
      `---\nname: "Build # CI"\nrun-name: \${{ github.actor }} builds\npermissions: {}\nenv: &env\n  A: 1\non:\n  pull_request:\n`,
    ],
    ['Windows line ends and a byte order mark', '\uFEFFon:\r\n  pull_request:\r\n    branches: [main]\r\n'],
    ['no on at all', 'name: x\n'],
    ['on without a value', 'on:\n'],
  ])('%s', (_, on) => {
    expect(compare(`${on}${JOBS}`)).toBe('answered')
  })
})

describe('readPlainOn leaves to js-yaml what it does not read', () => {
  it.each([
    ['an anchor', 'on:\n  pull_request:\n    paths: &p [a]\n'],
    ['an alias', 'x: &p [a]\non:\n  pull_request:\n    paths: *p\n'],
    ['an unquoted ** (an alias to YAML)', 'on:\n  pull_request:\n    paths: [**.md]\n'],
    ['a tag', 'on:\n  pull_request:\n    paths: [!!str a]\n'],
    ['a quoted key', '"on":\n  pull_request:\n'],
    ['an escape', 'on:\n  pull_request:\n    paths: ["a\\tb"]\n'],
    ['a flow map', 'on:\n  pull_request: { paths: [a] }\n'],
    ['a number', 'on:\n  pull_request:\n    paths: [1]\n'],
    ['a boolean', 'on:\n  pull_request:\n    paths: [true]\n'],
    ['null spelled out', 'on:\n  pull_request: ~\n'],
    ['a block scalar', 'on:\n  pull_request:\n    paths: |\n      a\n'],
    ['a tab', 'on:\n\tpull_request:\n'],
    ['a duplicated event', 'on:\n  pull_request:\n  pull_request:\n'],
    ['a duplicated on', 'on: push\non: pull_request\n'],
    ['a flow list over two lines', 'on:\n  pull_request:\n    paths: [a,\n      b]\n'],
    ['a trailing comma', 'on: [push, pull_request,]\n'],
    ['a second document', 'on: push\n---\non: pull_request\n'],
    ['a quoted value left open at the top level', 'name: "Build\non: push"\n'],
    ['a map in a list', 'on:\n  pull_request:\n    paths:\n      - a: b\n'],
    ['odd indentation', 'on:\n  pull_request:\n     paths: [a]\n    types: [opened]\n'],
    ['an explicit key', '? on\n: push\n'],
    ['a list at column 0', 'on:\n- push\n'],
    ['a multi-line plain scalar', 'on:\n  pull_request:\n    paths:\n      - a\n        b\n'],
    ['a multi-line plain value', 'on:\n  pull_request:\n    paths: a\n      b\n'],
    ['a quote left open in skipped settings', 'on:\n  push:\n    branches: "a\n  pull_request:\n    paths: [x]\n'],
    ['a bracket left open on a skipped event', 'on:\n  push: [main\n  pull_request:\n'],
    ['a quoted item without its comma', "on:\n  pull_request:\n    paths: ['a' bc]\n"],
    ['a lone carriage return (a line break to YAML)', 'on:\n  push:\n    branches: [main]\r  pull_request:\n'],
    ['a bracket left open at the top level', 'x: [a, [b]\non: push\n'],
    ['an inline value with lines under it', 'on: push\n  pull_request:\n'],
    ['a tab before a comment', 'on: push\t# c\n'],
  ])('%s', (_, text) => {
    expect(compare(`${text}${JOBS}`)).toBe('declined')
  })

  it('an empty file, or one of comments only (js-yaml refuses both)', () => {
    expect(compare('')).toBe('declined')
    expect(compare('# nothing yet\n\n')).toBe('declined')
  })

  it('does not read past `on`: a file broken elsewhere is answered, and GitHub fails that workflow’s runs itself', () => {
    const text = `on:\n  pull_request:\njobs:\n  a: 1\n  a: 2\n`
    expect(() => load(text)).toThrow(/duplicated mapping key/)
    expect(readPlainOn(text, EVENTS)).toStrictEqual({ on: { pull_request: null } })
  })
})

/** A small seeded generator (mulberry32), so that a failure names a case that runs again. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SCALARS = [
  // Plain and quoted strings the reader answers for.
  'main',
  'v2',
  'Dockerfile.ci',
  '.github/**',
  'docs/a b',
  'a#b',
  'a:b',
  'x]',
  "'**.md'",
  "'it''s'",
  '"docs/**"',
  "'#x'",
  "'!docs/**'",
  'opened',
  // Forms it must decline or read exactly as js-yaml does.
  '**.md',
  '&a x',
  '*a',
  '!x',
  '1',
  '9',
  '0.5',
  '.5',
  '.inf',
  'true',
  'False',
  'null',
  '~',
  '-x',
  '? x',
  'a: b',
  'a #c',
  '[a',
  '{a: b}',
  '|',
  '>',
  '"open',
  "'open",
  '"a\\"b"',
  '@x',
  '`x`',
  '%x',
  'nullify',
  'yes',
  'on',
]

function generate(next: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
  const chance = (p: number) => next() < p
  const step = pick([2, 4])
  const comment = () => (chance(0.15) ? pick([' # c', '  #c', '#c']) : '')
  const flow = () => `[${Array.from({ length: Math.floor(next() * 3) }, () => pick(SCALARS)).join(pick([', ', ',', ' , ']))}]`
  const value = (indent: number): string => {
    const form = next()
    if (form < 0.3) return ` ${flow()}${comment()}\n`
    if (form < 0.45) return ` ${pick(SCALARS)}${comment()}\n`
    if (form < 0.55) return `${comment()}\n`
    const items = Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(SCALARS))
    const at = chance(0.25) ? indent : indent + step + (chance(0.05) ? 1 : 0)
    return `${comment()}\n${items.map((item) => `${' '.repeat(at)}- ${item}${comment()}\n`).join('')}`
  }
  const event = (name: string, indent: number): string => {
    const pad = ' '.repeat(indent)
    if (!EVENTS.includes(name)) {
      const body = pick(['', `${pad}${' '.repeat(step)}branches: [main]\n`, `${pad}${' '.repeat(step)}- cron: '0 0 * * 1'\n`])
      return `${pad}${name}:${comment()}\n${body}`
    }
    if (chance(0.15)) return `${pad}${name}:${value(indent)}`
    const filters = ['branches', 'branches-ignore', 'paths', 'paths-ignore', 'types']
    const inner = Array.from({ length: Math.floor(next() * 3) }, () => pick(filters))
    const innerPad = indent + step + (chance(0.03) ? 1 : 0)
    return `${pad}${name}:${comment()}\n${inner.map((f) => `${' '.repeat(innerPad)}${f}:${value(innerPad)}`).join('')}`
  }
  let on: string
  if (chance(0.2)) on = `on: ${chance(0.5) ? flow() : pick([...SCALARS, 'pull_request', 'push'])}${comment()}\n`
  else {
    const names = Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick([...EVENTS, 'push', 'schedule', 'workflow_dispatch']))
    on = `on:${comment()}\n${names.map((name) => event(name, step)).join(chance(0.1) ? '\n# between\n' : '')}`
  }
  const prefix = pick(['', '---\n', '# a comment\n', 'name: CI\n', 'name: "CI # x"\n', "name: 'a''b'\n", 'name: "open\n  continued"\n'])
  return `${prefix}${on}${JOBS}`
}

describe('readPlainOn on generated workflows', () => {
  it('agrees with js-yaml on every one it answers, and answers and declines both often', () => {
    const next = random(14)
    const outcomes = { answered: 0, declined: 0 }
    for (let i = 0; i < 3000; i++) outcomes[compare(generate(next))]++
    expect(outcomes.answered).toBeGreaterThan(600)
    expect(outcomes.declined).toBeGreaterThan(600)
  })
})
