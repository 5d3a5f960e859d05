// GitHub's filter-pattern syntax (the `paths` of a workflow trigger), matched by picomatch.
// GitHub differs from shell globs in three places, translated here rather than re-implemented:
// `?` and `+` quantify the preceding character, `**` crosses `/` even inside a path segment,
// and there are no braces or extglobs (so those characters are literal).
import picomatch from 'picomatch'

export type PathMatcher = (path: string) => boolean

const PICOMATCH_OPTIONS: picomatch.PicomatchOptions = { dot: true }
const LITERAL_SPECIALS = new Set(['(', ')', '{', '}', '|', '@', '!', ',', '$', '^'])

/** Rewrites one GitHub pattern (without its leading `!`) as a picomatch pattern. */
function toPicomatch(pattern: string): string {
  const atoms: string[] = []
  // Index in `atoms` of the last single-character atom a following `?`/`+` may quantify.
  let quantifiable = -1
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!
    if (ch === '\\' && i + 1 < pattern.length) {
      atoms.push(`\\${pattern[++i]}`)
      quantifiable = atoms.length - 1
    } else if (ch === '[') {
      const close = pattern.indexOf(']', i + 2)
      if (close === -1) {
        atoms.push('\\[')
      } else {
        atoms.push(pattern.slice(i, close + 1))
        i = close
      }
      quantifiable = atoms.length - 1
    } else if (ch === '*') {
      const double = pattern[i + 1] === '*'
      if (double) i++
      const wholeSegment = double && (i - 1 === 0 || pattern[i - 2] === '/') && (i + 1 === pattern.length || pattern[i + 1] === '/')
      atoms.push(!double ? '*' : wholeSegment ? '**' : '*{,/**/}*')
      quantifiable = -1
    } else if ((ch === '?' || ch === '+') && quantifiable >= 0) {
      atoms[quantifiable] = `${ch}(${atoms[quantifiable]})`
      quantifiable = -1
    } else if (ch === '?' || ch === '+' || LITERAL_SPECIALS.has(ch)) {
      atoms.push(`\\${ch}`)
      quantifiable = atoms.length - 1
    } else {
      atoms.push(ch)
      quantifiable = ch === '/' ? -1 : atoms.length - 1
    }
  }
  return atoms.join('')
}

interface CompiledPattern {
  negated: boolean
  test: PathMatcher
}

// A pattern without these is a plain path, matched by equality (no regex to build).
const SPECIAL = /[*?+[\]\\]/

function compile(patterns: readonly string[]): CompiledPattern[] {
  return patterns.map((raw) => {
    const negated = raw.startsWith('!')
    const body = negated ? raw.slice(1) : raw
    const test: PathMatcher = SPECIAL.test(body) ? picomatch(toPicomatch(body), PICOMATCH_OPTIONS) : (path) => path === body
    return { negated, test }
  })
}

/** True when the last pattern matching `path` is a positive one (GitHub's rule for `!`). */
function lastMatchIsPositive(compiled: readonly CompiledPattern[], path: string): boolean {
  for (let i = compiled.length - 1; i >= 0; i--) {
    if (compiled[i]!.test(path)) return !compiled[i]!.negated
  }
  return false
}

/** `paths`: a file counts when it matches and no later `!pattern` excludes it. */
export function pathsMatcher(patterns: readonly string[]): PathMatcher {
  const compiled = compile(patterns)
  return (path) => lastMatchIsPositive(compiled, path)
}

/** `paths-ignore`: a file counts unless the patterns ignore it. */
export function pathsIgnoreMatcher(patterns: readonly string[]): PathMatcher {
  const compiled = compile(patterns)
  return (path) => !lastMatchIsPositive(compiled, path)
}

/** A pattern GitHub refuses. (Interim: the exact rules land with the rewrite of this file.) */
export class PatternError extends Error {
  constructor(
    readonly pattern: string,
    readonly reason: string,
    readonly index: number,
  ) {
    super(`pattern "${pattern}": ${reason}`)
  }
}
