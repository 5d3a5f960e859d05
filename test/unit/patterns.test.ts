import { describe, expect, it } from 'vitest'
import { PatternError, pathsIgnoreMatcher, pathsMatcher } from '../../src/watch/patterns.js'

// Where each row comes from:
// docs: https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax, the sections
//   "Filter pattern cheat sheet" (its two tables), "on.<push|pull_request|pull_request_target>.<paths|paths-ignore>"
//   and "on.push.<branches|tags|branches-ignore|tags-ignore>".
// act: nektos/act pkg/workflowpattern/workflow_pattern.go (the regex GitHub's syntax becomes) and its _test.go cases.
// actionlint: rhysd/actionlint glob.go and glob_test.go (the patterns GitHub refuses).
const CHEAT = 'docs: cheat sheet'
const BRANCHES = 'docs: patterns to match branches and tags'
const PATHS = 'docs: patterns to match file paths'
const PATHS_ORDER = 'docs: on.push.paths order'
const PATHS_IGNORE = 'docs: on.push.paths-ignore'
const BRANCHES_ORDER = 'docs: on.push.branches order'
const ACT_TEST = 'act workflow_pattern_test.go'
const ACT = 'act workflow_pattern.go'
const ACTIONLINT = 'actionlint glob_test.go'

interface Row {
  source: string
  patterns: string[]
  value: string
  counts: boolean
}

const row = (source: string, patterns: string | string[], value: string, counts: boolean): Row => ({
  source,
  patterns: typeof patterns === 'string' ? [patterns] : patterns,
  value,
  counts,
})

const pathsRows: Row[] = [
  // The special characters, one by one.
  row(CHEAT, 'Octo*', 'Octocat', true),
  row(CHEAT, 'Octo*', 'Octo/cat', false),
  row(CHEAT, 'Octo**', 'Octo/c/at', true),
  row(CHEAT, 'colou?r', 'color', true),
  row(CHEAT, 'colou?r', 'colour', true),
  row(CHEAT, 'colou?r', 'colouur', false),
  row(CHEAT, 'Octo+cat', 'Octoooocat', true),
  row(CHEAT, 'Octo+cat', 'Octcat', false),
  row(CHEAT, '[CB]at', 'Cat', true),
  row(CHEAT, '[CB]at', 'Bat', true),
  row(CHEAT, '[CB]at', 'Dat', false),
  row(CHEAT, '[1-2]00', '100', true),
  row(CHEAT, '[1-2]00', '200', true),
  row(CHEAT, '[1-2]00', '300', false),
  row(CHEAT, 'v[0-9a-z]', 'v7', true),
  row(CHEAT, 'v[0-9a-z]', 'vQ', false),
  row(CHEAT, 'a!b', 'a!b', true),
  row(CHEAT, 'naï?ve', 'nave', true),
  row(CHEAT, 'naï?ve', 'naïve', true),
  row(CHEAT, 'naï?ve', 'naïïve', false),

  // The table of branch and tag patterns.
  row(BRANCHES, 'feature/*', 'feature/my-branch', true),
  row(BRANCHES, 'feature/*', 'feature/your-branch', true),
  row(BRANCHES, 'feature/*', 'feature/beta-a/my-branch', false),
  row(BRANCHES, 'feature/**', 'feature/beta-a/my-branch', true),
  row(BRANCHES, 'feature/**', 'feature/your-branch', true),
  row(BRANCHES, 'feature/**', 'feature/mona/the/octocat', true),
  row(BRANCHES, ['main', 'releases/mona-the-octocat'], 'main', true),
  row(BRANCHES, ['main', 'releases/mona-the-octocat'], 'releases/mona-the-octocat', true),
  row(BRANCHES, ['main', 'releases/mona-the-octocat'], 'mains', false),
  row(BRANCHES, '*', 'main', true),
  row(BRANCHES, '*', 'releases', true),
  row(BRANCHES, '*', 'releases/v1', false),
  row(BRANCHES, '**', 'all/the/branches', true),
  row(BRANCHES, '**', 'every/tag', true),
  row(BRANCHES, '*feature', 'mona-feature', true),
  row(BRANCHES, '*feature', 'feature', true),
  row(BRANCHES, '*feature', 'ver-10-feature', true),
  row(BRANCHES, 'v2*', 'v2', true),
  row(BRANCHES, 'v2*', 'v2.0', true),
  row(BRANCHES, 'v2*', 'v2.9', true),
  row(BRANCHES, 'v2*', 'v3.0', false),
  row(BRANCHES, 'v[12].[0-9]+.[0-9]+', 'v1.10.1', true),
  row(BRANCHES, 'v[12].[0-9]+.[0-9]+', 'v2.0.0', true),
  row(BRANCHES, 'v[12].[0-9]+.[0-9]+', 'v3.0.0', false),
  row(BRANCHES, 'v[12].[0-9]+.[0-9]+', 'v1.x.0', false),
  row(BRANCHES_ORDER, ['releases/**', '!releases/**-alpha'], 'releases/10', true),
  row(BRANCHES_ORDER, ['releases/**', '!releases/**-alpha'], 'releases/beta/mona', true),
  row(BRANCHES_ORDER, ['releases/**', '!releases/**-alpha'], 'releases/10-alpha', false),
  row(BRANCHES_ORDER, ['releases/**', '!releases/**-alpha'], 'releases/beta/3-alpha', false),

  // The table of path patterns.
  row(PATHS, '*', 'README.md', true),
  row(PATHS, '*', 'server.rb', true),
  row(PATHS, '*', 'docs/README.md', false),
  row(PATHS, '*.jsx?', 'page.js', true),
  row(PATHS, '*.jsx?', 'page.jsx', true),
  row(PATHS, '*.jsx?', 'page.jsxx', false),
  row(PATHS, '**', 'all/the/files.md', true),
  row(PATHS, '*.js', 'app.js', true),
  row(PATHS, '*.js', 'index.js', true),
  row(PATHS, '*.js', 'js/app.js', false),
  row(PATHS, '**.js', 'index.js', true),
  row(PATHS, '**.js', 'js/index.js', true),
  row(PATHS, '**.js', 'src/js/app.js', true),
  row(PATHS, 'docs/*', 'docs/README.md', true),
  row(PATHS, 'docs/*', 'docs/file.txt', true),
  row(PATHS, 'docs/*', 'docs/mona/octocat.txt', false),
  row(PATHS, 'docs/**', 'docs/README.md', true),
  row(PATHS, 'docs/**', 'docs/mona/octocat.txt', true),
  row(PATHS, 'docs/**/*.md', 'docs/README.md', true),
  row(PATHS, 'docs/**/*.md', 'docs/mona/hello-world.md', true),
  row(PATHS, 'docs/**/*.md', 'docs/a/markdown/file.md', true),
  row(PATHS, '**/docs/**', 'docs/hello.md', true),
  row(PATHS, '**/docs/**', 'dir/docs/my-file.txt', true),
  row(PATHS, '**/docs/**', 'space/docs/plan/space.doc', true),
  row(PATHS, '**/README.md', 'README.md', true),
  row(PATHS, '**/README.md', 'js/README.md', true),
  row(PATHS, '**/*src/**', 'a/src/app.js', true),
  row(PATHS, '**/*src/**', 'my-src/code/js/app.js', true),
  row(PATHS, '**/*-post.md', 'my-post.md', true),
  row(PATHS, '**/*-post.md', 'path/their-post.md', true),
  row(PATHS, '**/migrate-*.sql', 'migrate-10909.sql', true),
  row(PATHS, '**/migrate-*.sql', 'db/migrate-v1.0.sql', true),
  row(PATHS, '**/migrate-*.sql', 'db/sept/migrate-v1.sql', true),
  row(PATHS, ['*.md', '!README.md'], 'hello.md', true),
  row(PATHS, ['*.md', '!README.md'], 'README.md', false),
  row(PATHS, ['*.md', '!README.md'], 'docs/hello.md', false),
  row(PATHS, ['*.md', '!README.md', 'README*'], 'hello.md', true),
  row(PATHS, ['*.md', '!README.md', 'README*'], 'README.md', true),
  row(PATHS, ['*.md', '!README.md', 'README*'], 'README.doc', true),
  row(PATHS, 'Dockerfile.ci', 'Dockerfile.ci', true),
  row(PATHS, 'Dockerfile.ci', 'sub/Dockerfile.ci', false),

  // Negation order.
  row(PATHS_ORDER, ['sub-project/**', '!sub-project/docs/**'], 'sub-project/index.js', true),
  row(PATHS_ORDER, ['sub-project/**', '!sub-project/docs/**'], 'sub-project/src/index.js', true),
  row(PATHS_ORDER, ['sub-project/**', '!sub-project/docs/**'], 'sub-project/docs/readme.md', false),
  row(PATHS_ORDER, ['sub-project/**', '!sub-project/docs/**', 'sub-project/docs/keep.md'], 'sub-project/docs/keep.md', true),
  row(PATHS_ORDER, ['sub-project/**', '!sub-project/docs/**', 'sub-project/docs/keep.md'], 'other/a.ts', false),
  row(PATHS_ORDER, ['!docs/**', 'docs/**'], 'docs/a.md', true),
  row(PATHS_ORDER, ['!docs/**'], 'src/a.ts', false),

  // act's own cases.
  row(ACT_TEST, '*', 'path/with/slash', false),
  row(ACT_TEST, ['path/a', 'path/b', 'path/c'], 'path/b', true),
  row(ACT_TEST, ['path/a', 'path/b', 'path/c'], 'path/d', false),
  row(ACT_TEST, '\\!file', '!file', true),
  row(ACT_TEST, 'escape\\\\backslash', 'escape\\backslash', true),
  row(ACT_TEST, '.yml', 'fyml', false),

  // How act builds the regex, where picomatch answered otherwise (#11).
  row(`${PATHS} (#11: from the root, no ./)`, './docker/Dockerfile', 'docker/Dockerfile', false),
  row(`${PATHS} (#11: from the root, no ./)`, './docker/*', 'docker/Dockerfile', false),
  row(`${PATHS} (#11: from the root, no ./)`, './*.md', 'README.md', false),
  row(`${ACT} (#11: docs/** is docs/.*)`, 'docker/**', 'docker', false),
  row(`${ACT} (#11: docs/** is docs/.*)`, 'docker/**', 'docker/Dockerfile', true),
  row(`${ACT} (#11: **/ is (.+/)?)`, 'x**/y', 'xy', true),
  row(`${ACT} (#11: **/ is (.+/)?)`, 'x**/y', 'xa/y', true),
  row(`${ACT} (#11: **/ is (.+/)?)`, 'x**/y', 'xa/b/y', true),
  row(`${ACT} (#11: **/ is (.+/)?)`, 'x**/y', 'x/y', false),
  row(`${ACT} (#11: ? repeats /)`, 'a/?b', 'ab', true),
  row(`${ACT} (#11: ? repeats /)`, 'a/?b', 'a/b', true),
  row(`${ACT} (#11: + repeats /)`, 'a/+b', 'a//b', true),
  row(`${ACT} (#11: + repeats /)`, 'a/+b', 'ab', false),
  row(`${ACT} (** is .*)`, 'a**b', 'a/x/b', true),
  row(`${ACT} (**/ is (.+/)?)`, 'a/**/b', 'a/b', true),
  row(`${ACT} (**/ is (.+/)?)`, 'a/**/b', 'a/x/y/b', true),
  row(`${ACT} (other characters are literal)`, '{a,b}.txt', 'a.txt', false),
  row(`${ACT} (other characters are literal)`, '{a,b}.txt', '{a,b}.txt', true),
  row(`${ACT} (other characters are literal)`, 'docs/(draft).md', 'docs/(draft).md', true),
  row(`${ACT} (other characters are literal)`, 'a.b', 'axb', false),
  row(`${ACT} (other characters are literal)`, 'a|b', 'a', false),
  row(`${ACT} (other characters are literal)`, '^a$', '^a$', true),
  row(`${ACT} (no case folding)`, 'README.md', 'readme.md', false),
  row(`${ACT} (no case folding)`, '*.MD', 'a.md', false),
  row(`${ACT} (\\ escapes)`, 'a\\*b', 'a*b', true),
  row(`${ACT} (\\ escapes)`, 'a\\*b', 'axb', false),
  row(`${ACT} (\\ escapes)`, '\\[x]', '[x]', true),
  row(`${ACT} (\\ escapes)`, 'a\\*?b', 'ab', true),
  row(`${ACT} (\\ escapes)`, 'a\\*?b', 'a*b', true),
  row(ACTIONLINT, '\\++', '+++', true),
  row(ACTIONLINT, 'a!+', 'a!!', true),
  row(ACTIONLINT, '[xA-Zy0-9z]', 'Q', true),
  row(ACTIONLINT, '*.*.*-**', 'a.b.c-d/e', true),
]

const ignoreRows: Row[] = [
  row(PATHS_IGNORE, 'docs/**', 'docs/readme.md', false),
  row(PATHS_IGNORE, 'docs/**', 'src/main.ts', true),
  row(PATHS_IGNORE, '**.md', 'README.md', false),
  row(`${PATHS_ORDER} (negations re-include)`, ['docs/**', '!docs/Dockerfile.ci'], 'docs/Dockerfile.ci', true),
  row(`${PATHS_ORDER} (negations re-include)`, ['docs/**', '!docs/Dockerfile.ci'], 'docs/a.md', false),
]

interface Rejected {
  source: string
  pattern: string
  reason: string
}

const BRACKET_RULE = 'brackets may hold only letters, digits and the ranges a-z, A-Z, 0-9'
const rejected: Rejected[] = [
  { source: CHEAT, pattern: '[!a]', reason: `${BRACKET_RULE}, not "!"` },
  { source: CHEAT, pattern: '[^a]', reason: `${BRACKET_RULE}, not "^"` },
  { source: CHEAT, pattern: '[.]', reason: `${BRACKET_RULE}, not "."` },
  { source: CHEAT, pattern: '[_a]', reason: `${BRACKET_RULE}, not "_"` },
  { source: CHEAT, pattern: '[a\\]]', reason: `${BRACKET_RULE}, not "\\"` },
  { source: CHEAT, pattern: '[A-z]', reason: 'the range "A-z" must run from low to high within one of a-z, A-Z, 0-9' },
  { source: ACTIONLINT, pattern: '[b-a]', reason: 'the range "b-a" must run from low to high' },
  { source: ACTIONLINT, pattern: '[a-]', reason: '"-" in brackets needs a letter or digit on both sides' },
  { source: ACT, pattern: '[-a]', reason: '"-" in brackets needs a letter or digit on both sides' },
  { source: ACTIONLINT, pattern: '[]', reason: '"[]" is empty' },
  { source: ACTIONLINT, pattern: '[', reason: '"[" opens brackets that are never closed; write "\\[" for a literal "["' },
  { source: ACTIONLINT, pattern: 'v[0-9', reason: '"[" opens brackets that are never closed' },
  { source: ACTIONLINT, pattern: '?', reason: '"?" means zero or one of the character before it, but it starts the pattern; write "\\?"' },
  { source: ACTIONLINT, pattern: '+', reason: '"+" means one or more of the character before it, but it starts the pattern; write "\\+"' },
  { source: ACTIONLINT, pattern: '*?', reason: 'but it follows "*"' },
  { source: ACTIONLINT, pattern: '*+', reason: 'but it follows "*"' },
  { source: ACTIONLINT, pattern: 'a??', reason: 'but it follows "?"' },
  { source: ACTIONLINT, pattern: 'a++', reason: 'but it follows "+"' },
  { source: ACTIONLINT, pattern: '!?', reason: 'but it starts the pattern' },
  { source: ACTIONLINT, pattern: '!+', reason: 'but it starts the pattern' },
  { source: `${ACT} (.*+ does not compile)`, pattern: 'releases/**+', reason: 'but it follows "**"' },
  { source: `our rule (act would repeat the group (.+/)?, not /)`, pattern: 'src/**/?x', reason: 'but it follows "**/"' },
  { source: `${ACT} (Missing symbol after \\)`, pattern: 'a\\', reason: '"\\" at the end escapes nothing' },
  { source: ACTIONLINT, pattern: '', reason: 'a pattern cannot be empty' },
  { source: ACTIONLINT, pattern: '!', reason: '"!" must be followed by the pattern it excludes' },
]

const title = (kind: string, r: Row) =>
  `${r.source}: ${kind} [${r.patterns.join(', ')}] → ${r.value} ${r.counts ? 'counts' : 'does not count'}`

describe('GitHub filter patterns', () => {
  // Plain loops rather than it.each: its $field titles cut strings at 40 characters, hiding sources.
  for (const r of pathsRows) {
    it(title('paths', r), () => {
      expect(pathsMatcher(r.patterns)(r.value)).toBe(r.counts)
    })
  }

  for (const r of ignoreRows) {
    it(title('paths-ignore', r), () => {
      expect(pathsIgnoreMatcher(r.patterns)(r.value)).toBe(r.counts)
    })
  }

  for (const { source, pattern, reason } of rejected) {
    it(`${source}: "${pattern}" is refused`, () => {
      for (const matcher of [pathsMatcher, pathsIgnoreMatcher]) {
        const error = catchError(() => matcher(['Dockerfile.ci', pattern]))
        expect(error).toBeInstanceOf(PatternError)
        expect(error).toMatchObject({ pattern, index: 1 })
        expect((error as PatternError).reason).toContain(reason)
        expect((error as PatternError).message).toBe(`pattern "${pattern}": ${(error as PatternError).reason}`)
      }
    })
  }

  it('names the pattern, its place in the list and what brackets accept', () => {
    const error = catchError(() => pathsMatcher(['ci/**', '!ci/[!a]*']))
    expect(error).toMatchObject({ name: 'PatternError', pattern: '!ci/[!a]*', index: 1 })
    expect((error as Error).message).toBe(`pattern "!ci/[!a]*": ${BRACKET_RULE}, not "!"`)
  })
})

function catchError(run: () => unknown): unknown {
  try {
    run()
  } catch (error) {
    return error
  }
  throw new Error('expected an error')
}

// act's regex (pkg/workflowpattern/workflow_pattern.go), piece by piece, as the reference for the
// linear-time matcher: a pattern is built from pieces, and its regex from theirs.
const PIECES: { glob: string; regex: string; repeatable: boolean; star?: boolean }[] = [
  { glob: 'a', regex: 'a', repeatable: true },
  { glob: 'b', regex: 'b', repeatable: true },
  { glob: '/', regex: '\\/', repeatable: true },
  { glob: '.', regex: '\\.', repeatable: true },
  { glob: 'é', regex: 'é', repeatable: true },
  { glob: '[ab]', regex: '[ab]', repeatable: true },
  { glob: '[0-9a]', regex: '[0-9a]', repeatable: true },
  { glob: '\\*', regex: '\\*', repeatable: true },
  { glob: '*', regex: '[^/]*', repeatable: false, star: true },
  { glob: '**', regex: '.*', repeatable: false, star: true },
  { glob: '**/', regex: '(?:.+/)?', repeatable: false },
]
const PATH_CHARS = ['a', 'b', '/', '.', 'é', '*', '0', '\n', '😀']

/** mulberry32: the same pseudo-random cases on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function randomPattern(next: () => number): { glob: string; regex: string } {
  let glob = ''
  let regex = '^'
  let previous: (typeof PIECES)[number] | undefined
  for (let n = 1 + Math.floor(next() * 6); n > 0; n--) {
    // A star right after a star would read as another piece (`*` `*` is `**`), and so would `/` after `**`.
    const fits = PIECES.filter((p) => !(previous?.star && (p.star || p.glob.startsWith('*') || (previous.glob === '**' && p.glob === '/'))))
    const piece = fits[Math.floor(next() * fits.length)]!
    glob += piece.glob
    regex += piece.regex
    if (piece.repeatable && next() < 0.3) {
      const quantifier = next() < 0.5 ? '?' : '+'
      glob += quantifier
      regex += quantifier
    }
    previous = piece
  }
  return { glob, regex: `${regex}$` }
}

describe('matches what act’s regex matches, in time linear in the path', () => {
  it('agrees with the regex on 400 generated patterns, 60 paths each', () => {
    const next = random(26)
    let matched = 0
    for (let p = 0; p < 400; p++) {
      const { glob, regex } = randomPattern(next)
      const reference = new RegExp(regex, 'u')
      const matcher = pathsMatcher([glob])
      for (let q = 0; q < 60; q++) {
        const path = Array.from({ length: Math.floor(next() * 9) }, () => PATH_CHARS[Math.floor(next() * PATH_CHARS.length)]).join('')
        expect(matcher(path), `${glob} (${regex}) against ${JSON.stringify(path)}`).toBe(reference.test(path))
        if (reference.test(path)) matched++
      }
    }
    // Not only the easy answer: a good share of the pairs match.
    expect(matched).toBeGreaterThan(1000)
  })

  it('`**/` thirteen times over paths 25 directories deep: answered, as a regex would answer it', () => {
    const pattern = `${'**/'.repeat(13)}z`
    const deep = `${'a/'.repeat(25)}b`
    expect(pathsMatcher([pattern])(deep)).toBe(false)
    expect(pathsMatcher([pattern])(`${'a/'.repeat(25)}z`)).toBe(true)
    expect(pathsMatcher([`${'**'.repeat(13)}z`, `${'*a'.repeat(13)}z`])(`${'a'.repeat(200)}b`)).toBe(false)
  })
})
