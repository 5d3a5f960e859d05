// GitHub's filter patterns: the `paths`/`paths-ignore` and `branches`/`branches-ignore`/`tags`
// filters of a workflow trigger. Each pattern matches what the anchored regex of nektos/act's port
// of GitHub's matcher (pkg/workflowpattern/workflow_pattern.go) matches, in time linear in the
// path (the patterns come from the PR); a pattern GitHub refuses is a PatternError, never a guess
// at what it could mean.
// Syntax: https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#filter-pattern-cheat-sheet

export type PathMatcher = (path: string) => boolean

/** A pattern GitHub refuses, with the reason in words a user can act on. */
export class PatternError extends Error {
  override readonly name = 'PatternError'

  constructor(
    /** The pattern as written, with its leading `!` if it has one. */
    readonly pattern: string,
    readonly reason: string,
    /** Its position in the list of patterns, from 0. */
    readonly index: number,
  ) {
    super(`pattern "${pattern}": ${reason}`)
  }
}

// Without these characters a pattern is a plain name, compared by equality (nothing to compile).
const SPECIAL = /[*?+[\\]/

// What one code point of the path must be: for `*` (act's `[^/]`) anything but `/`; for `**`
// and `**/` (act's `.`) anything but a line terminator, as a RegExp's `.` with the `u` flag.
type Test = (ch: string) => boolean
const notSlash: Test = (ch) => ch !== '/'
const notLineTerminator: Test = (ch) => ch !== '\n' && ch !== '\r' && ch !== '\u2028' && ch !== '\u2029'

// A pattern as a sequence of steps, each what act's regex has in its place: one character or
// class, maybe with `?` or `+` after it; `[^/]*` for `*`, `.*` for `**`, `(?:.+/)?` for `**/`.
type Step = { kind: 'one'; test: Test; repeat?: '?' | '+' } | { kind: 'any'; test: Test } | { kind: 'dirs' }

const BRACKET_RULE = 'brackets may hold only letters, digits and the ranges a-z, A-Z, 0-9'
const LETTER_OR_DIGIT = /^[a-zA-Z0-9]$/
const RANGE_SPANS = [/^[a-z]$/, /^[A-Z]$/, /^[0-9]$/]

/**
 * The inside of `[...]`. The docs allow "one alphanumeric character listed in the brackets or
 * included in ranges. Ranges can only include a-z, A-Z, and 0-9"; anything else (`[!a]`, `[^a]`,
 * `[.]`, `[\]]`) is refused rather than read as a shell or regex class. act checks the wider
 * ASCII span A..z (so it lets `_`, `^` and `[A-z]` through); we hold to the docs.
 */
function bracketClass(inside: string[], fail: (reason: string) => PatternError): Test {
  if (inside.length === 0) throw fail('"[]" is empty: brackets must hold at least one letter, digit or range')
  const spans: [string, string][] = []
  for (let i = 0; i < inside.length;) {
    const ch = inside[i]!
    if (inside[i + 1] === '-' && i + 2 < inside.length) {
      const end = inside[i + 2]!
      const span = RANGE_SPANS.find((re) => re.test(ch))
      if (!span?.test(end) || ch > end) throw fail(`the range "${ch}-${end}" must run from low to high within one of a-z, A-Z, 0-9`)
      spans.push([ch, end])
      i += 3
    } else if (ch === '-') {
      throw fail(`"-" in brackets needs a letter or digit on both sides (${BRACKET_RULE})`)
    } else if (!LETTER_OR_DIGIT.test(ch)) {
      throw fail(`${BRACKET_RULE}, not "${ch}"`)
    } else {
      spans.push([ch, ch])
      i++
    }
  }
  // Single ASCII characters: a code point outside them compares outside every span.
  return (ch) => spans.some(([low, high]) => ch.length === 1 && ch >= low && ch <= high)
}

/** The steps of one pattern without its leading `!`. */
function toSteps(body: string, fail: (reason: string) => PatternError): Step[] {
  // Code points, so that a quantifier after a non-ASCII character repeats the whole character.
  const chars = Array.from(body)
  const steps: Step[] = []
  // Why a `?`/`+` here would have nothing to repeat; null after a character, escaped character or
  // class. actionlint (rhysd/actionlint glob.go, glob_test.go: `?`, `+`, `*?`, `*+`, `a??`, `a++`,
  // `!?`, `!+`) reports GitHub refusing one at the start, after a wildcard or after a quantifier.
  // After `**/` too: act would repeat its whole `(.+/)?` group, not the `/` a reader sees.
  let nothingToRepeat: string | null = 'it starts the pattern'
  const one = (test: Test) => {
    steps.push({ kind: 'one', test })
    nothingToRepeat = null
  }
  for (let i = 0; i < chars.length;) {
    const ch = chars[i]!
    if (ch === '*' && chars[i + 1] === '*' && chars[i + 2] === '/') {
      // `**/` is zero or more whole directories (act: `(.+/)?`), so `x**/y` matches `xy` and
      // `xa/y` but not `x/y`, and `**/README.md` matches `README.md`.
      steps.push({ kind: 'dirs' })
      i += 3
      nothingToRepeat = 'it follows "**/"'
    } else if (ch === '*' && chars[i + 1] === '*') {
      steps.push({ kind: 'any', test: notLineTerminator })
      i += 2
      nothingToRepeat = 'it follows "**"'
    } else if (ch === '*') {
      steps.push({ kind: 'any', test: notSlash })
      i++
      nothingToRepeat = 'it follows "*"'
    } else if (ch === '?' || ch === '+') {
      if (nothingToRepeat !== null) {
        const what = ch === '?' ? 'zero or one' : 'one or more'
        throw fail(`"${ch}" means ${what} of the character before it, but ${nothingToRepeat}; write "\\${ch}" for a literal "${ch}"`)
      }
      // act writes the quantifier as is: it repeats the character, escaped character or
      // class before it, `/` included (`a/?b` matches `ab`).
      ;(steps[steps.length - 1] as Extract<Step, { kind: 'one' }>).repeat = ch
      i++
      nothingToRepeat = `it follows "${ch}"`
    } else if (ch === '[') {
      const close = chars.indexOf(']', i + 1)
      if (close === -1) throw fail('"[" opens brackets that are never closed; write "\\[" for a literal "["')
      one(bracketClass(chars.slice(i + 1, close), fail))
      i = close + 1
    } else if (ch === '\\') {
      // act: `\` makes the next character literal, whatever it is, and refuses a trailing `\`.
      const next = chars[i + 1]
      if (next === undefined) throw fail('"\\" at the end escapes nothing; write "\\\\" for a literal backslash')
      one((c) => c === next)
      i += 2
    } else {
      one((c) => c === ch)
      i++
    }
  }
  return steps
}

/** A set of states the pattern can be at after some characters, and where each next character takes it. */
interface Places {
  states: number[]
  matched: boolean
  /** Whether it is remembered: only then are the ways into it. */
  kept: boolean
  /** By character: the places after it, or null when the pattern cannot go on. */
  next: Map<string, Places | null>
}

/**
 * What a pattern remembers: at most this many sets of places, each with the way on for at most
 * MAX_WAYS characters. Each character of a path adds at most one of each, so the work stays
 * linear whatever the paths; past the caps, the way on is worked out again instead of looked up.
 */
const MAX_PLACES = 4096
const MAX_WAYS = 256

// Whether `steps` match the whole of `path`, in time linear in the path: every place the
// pattern can be at after each character is kept at once (a Thompson simulation), where a
// backtracking RegExp tries them one after another, and `**/` twelve times over a path 25
// directories deep took 19 s. Each set of places and where a character takes it is remembered
// (a DFA built as paths need it), so that the 100,000 paths of a tree cost about a map lookup a
// character. State `k` waits before step `k` (`steps.length` is the match); state
// `steps.length + 1 + k` is inside step `k` after one character: a `+` that may take more, or
// the `.+` of `**/`.
function stepMatcher(steps: Step[]): PathMatcher {
  const end = steps.length
  const inside = (k: number) => end + 1 + k
  const seen = new Float64Array(2 * end + 2)
  let generation = 0
  /** The state `state` passes to without taking a character: past an optional step, or out of a `+`. */
  const skip = (state: number): number | undefined => {
    if (state > end) return steps[state - end - 1]!.kind === 'one' ? state - end : undefined
    return state < end && optional(steps[state]!) ? state + 1 : undefined
  }
  /** Adds `state` and every state it passes to without a character. */
  const enter = (into: number[], state: number) => {
    for (let s: number | undefined = state; s !== undefined && seen[s] !== generation; s = skip(s)) {
      seen[s] = generation
      into.push(s)
    }
  }
  /** Where `ch` takes each of `states`. */
  const advance = (states: readonly number[], ch: string): number[] => {
    const next: number[] = []
    generation++
    for (const state of states) {
      if (state === end) continue
      const k = state > end ? state - end - 1 : state
      const step = steps[k]!
      if (step.kind === 'dirs') {
        if (!notLineTerminator(ch)) continue
        enter(next, inside(k))
        if (state > end && ch === '/') enter(next, k + 1)
      } else if (step.test(ch)) {
        // After a `+`'s character, more may follow (inside) or the pattern moves on.
        enter(next, step.kind === 'any' ? k : step.repeat === '+' ? inside(k) : k + 1)
      }
    }
    return next
  }
  const remembered = new Map<string, Places>()
  const placesFor = (states: number[]): Places | null => {
    if (states.length === 0) return null
    const key = states.sort((a, b) => a - b).join(',')
    const known = remembered.get(key)
    if (known) return known
    const places: Places = { states, matched: states.includes(end), kept: remembered.size < MAX_PLACES, next: new Map() }
    if (places.kept) remembered.set(key, places)
    return places
  }
  const start: number[] = []
  generation++
  enter(start, 0)
  const first = placesFor(start)!
  return (path) => {
    let places = first
    for (const ch of path) {
      let next = places.next.get(ch)
      if (next === undefined) {
        next = placesFor(advance(places.states, ch))
        if ((next === null || next.kept) && places.next.size < MAX_WAYS) places.next.set(ch, next)
      }
      if (next === null) return false
      places = next
    }
    return places.matched
  }
}

/** A step the pattern may pass without taking a character. */
function optional(step: Step): boolean {
  return step.kind !== 'one' || step.repeat === '?'
}

interface CompiledPattern {
  negated: boolean
  matches: PathMatcher
}

function compilePattern(raw: string, index: number): CompiledPattern {
  const fail = (reason: string) => new PatternError(raw, reason, index)
  // actionlint glob.go: "glob pattern cannot be empty", "at least one character must follow !".
  if (raw === '') throw fail('a pattern cannot be empty')
  // `!` negates only as the first character (docs cheat sheet); elsewhere it is literal.
  const negated = raw.startsWith('!')
  const body = negated ? raw.slice(1) : raw
  if (body === '') throw fail('"!" must be followed by the pattern it excludes')
  if (!SPECIAL.test(body)) return { negated, matches: (path) => path === body }
  return { negated, matches: stepMatcher(toSteps(body, fail)) }
}

const compile = (patterns: readonly string[]): CompiledPattern[] => patterns.map(compilePattern)

/**
 * True when the last pattern matching `path` is a positive one: "A matching negative pattern
 * (prefixed with `!`) after a positive match will exclude the path. A matching positive pattern
 * after a negative match will include the path again." (docs, `on.<push|pull_request>.paths`).
 */
function lastMatchIsPositive(compiled: readonly CompiledPattern[], path: string): boolean {
  for (let i = compiled.length - 1; i >= 0; i--) {
    if (compiled[i]!.matches(path)) return !compiled[i]!.negated
  }
  return false
}

/** `paths`-style: a value counts when the last pattern matching it is positive. Throws PatternError for a pattern GitHub rejects. */
export function pathsMatcher(patterns: readonly string[]): PathMatcher {
  const compiled = compile(patterns)
  return (path) => lastMatchIsPositive(compiled, path)
}

// The docs do not say what `!` does in `paths-ignore` (act's Filter reads it differently); the
// last matching pattern decides here as in `paths`, so a negation re-includes.
/** `paths-ignore`-style: a value counts unless the last matching pattern is a positive one (negations re-include). Throws PatternError. */
export function pathsIgnoreMatcher(patterns: readonly string[]): PathMatcher {
  const compiled = compile(patterns)
  return (path) => !lastMatchIsPositive(compiled, path)
}
