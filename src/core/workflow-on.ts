// The `on` of a workflow file written the plain way most are, read without a YAML library.
//
// js-yaml costs about 8 ms to load and to run the first time (bench/README.md, "Where the
// start-up time goes"), on every resolve-image, for a few lines of `on:`. This reader answers
// for a strict subset of YAML and for nothing else: anything outside it (anchors, tags, quoted
// keys, escapes, block scalars, flow maps, numbers and other typed scalars, tabs, several
// documents, a duplicated key, odd indentation) returns undefined, and the caller asks js-yaml.
// What it answers equals js-yaml's `load(text).on` (test/unit/workflow-on.test.ts compares the
// two on real workflows and on generated ones). It does not check the rest of the file: a
// workflow GitHub cannot parse gets a failed run from GitHub at once, which wait-for-build reports.
//
// The subset, inside `on`: block mappings with plain keys (`pull_request:`), block sequences
// (`- item`, also at the key's own indentation), one-line flow sequences (`[a, 'b']`), and
// scalars that are plain strings, single-quoted, or double-quoted without escapes; comments and
// blank lines anywhere. The settings of other events are skipped, not read. Around `on`: top-level
// `key:` lines at column 0, and an optional `---`.

/** A parsed `on`: strings, lists of strings, maps of them, and null for an empty value. */
export type PlainValue = string | null | PlainValue[] | { [key: string]: PlainValue }

interface Line {
  indent: number
  /** The line without its indentation and without a trailing comment. */
  text: string
}

/** Thrown inside the reader when the text leaves the subset; never escapes readPlainOn. */
class OutsideSubset extends Error {}

function outside(): never {
  throw new OutsideSubset()
}

const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?:[ \t]+(.*))?$/
const SEQUENCE_ITEM = /^- +(.*)$/
/** A first character YAML gives a meaning to (c-indicator), or a space. */
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`\s]/
/** Plain scalars js-yaml would read as something other than a string (null, bool, number). */
const TYPED_PLAIN = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:[0-9]|\.[0-9]|\.(?:inf|Inf|INF|nan|NaN|NAN)$))/

/** Removes a trailing ` # comment` outside quotes; keeps `#` inside a word (`a#b` is a plain scalar). */
function withoutComment(text: string): string {
  let quote: string | undefined
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quote) {
      if (c === quote) quote = undefined
    } else if (c === "'" || c === '"') {
      quote = c
    } else if (c === '#' && (i === 0 || text[i - 1] === ' ')) {
      return text.slice(0, i).trimEnd()
    }
  }
  return text.trimEnd()
}

function plainScalar(text: string, inFlow: boolean): string {
  if (text === '' || INDICATOR_START.test(text) || TYPED_PLAIN.test(text)) outside()
  if (text.includes(': ') || text.endsWith(':') || text.includes(' #')) outside()
  if (inFlow && /[,[\]{}:]/.test(text)) outside()
  return text
}

/** One quoted scalar at the start of `text`: its value and the rest of the text after it. */
function quotedScalar(text: string): { value: string; rest: string } {
  if (text.startsWith("'")) {
    const match = /^'((?:[^']|'')*)'/.exec(text) ?? outside()
    return { value: match[1]!.replaceAll("''", "'"), rest: text.slice(match[0].length) }
  }
  // Double quotes without escapes: `\` begins an escape sequence, which this reader leaves to js-yaml.
  const match = /^"([^"\\]*)"/.exec(text) ?? outside()
  return { value: match[1]!, rest: text.slice(match[0].length) }
}

function flowSequence(text: string): string[] {
  const inner = text.slice(1, -1).trim()
  if (inner === '') return []
  const items: string[] = []
  let rest = inner
  for (;;) {
    let item: string
    if (rest.startsWith("'") || rest.startsWith('"')) {
      const quoted = quotedScalar(rest)
      item = quoted.value
      rest = quoted.rest.trimStart()
    } else {
      const end = rest.indexOf(',')
      item = plainScalar((end === -1 ? rest : rest.slice(0, end)).trim(), true)
      rest = end === -1 ? '' : rest.slice(end)
    }
    items.push(item)
    if (rest === '') return items
    if (!rest.startsWith(',')) outside()
    // After a comma, an item must follow: an empty one (a trailing comma) fails as an empty plain scalar.
    rest = rest.slice(1).trimStart()
  }
}

/** The value written on a key's or an item's own line. */
function inlineValue(text: string): PlainValue {
  if (text.startsWith('[')) {
    if (!text.endsWith(']')) outside()
    return flowSequence(text)
  }
  if (text.startsWith("'") || text.startsWith('"')) {
    const { value, rest } = quotedScalar(text)
    if (rest.trim() !== '') outside()
    return value
  }
  return plainScalar(text, false)
}

/**
 * The settings of an event this action does not read (`push`, `schedule`, `workflow_dispatch`
 * inputs...) are skipped, not parsed: only checked not to hide a line of the next event inside a
 * quote or a bracket left open. `on` gives them as null.
 */
function skipBlock(lines: Line[], at: number, indent: number): number {
  let i = at
  for (; i < lines.length && lines[i]!.indent > indent; i++) {
    const text = lines[i]!.text.replace(/^(?:- +)+/, '')
    const value = KEY.exec(text)?.[2] ?? text
    if (!closesOnItsLine(value)) outside()
  }
  return i
}

/**
 * Parses the block node whose lines start at `lines[at]`, all indented by exactly `indent`; the
 * values of the keys `skip` names are skipped (skipBlock) instead of read.
 */
function blockNode(lines: Line[], at: number, indent: number, skip = (_key: string) => false): { value: PlainValue; next: number } {
  const first = lines[at]!
  if (first.text.startsWith('-')) {
    const items: PlainValue[] = []
    let i = at
    while (i < lines.length && lines[i]!.indent === indent && lines[i]!.text.startsWith('-')) {
      const item = SEQUENCE_ITEM.exec(lines[i]!.text) ?? outside()
      items.push(inlineValue(item[1]!))
      i++
    }
    return { value: items, next: i }
  }
  const map: { [key: string]: PlainValue } = {}
  let i = at
  while (i < lines.length && lines[i]!.indent === indent) {
    const entry = KEY.exec(lines[i]!.text) ?? outside()
    const [, key, inline] = entry
    // js-yaml defines `__proto__` as an own key; an assignment here would not.
    if (Object.hasOwn(map, key!) || key === '__proto__') outside()
    i++
    if (skip(key!)) {
      if (inline !== undefined && !closesOnItsLine(inline)) outside()
      map[key!] = null
      i = skipBlock(lines, i, indent)
      continue
    }
    if (inline !== undefined && inline !== '') {
      map[key!] = inlineValue(inline)
      continue
    }
    const child = lines[i]
    // A sequence may sit at its key's own indentation (YAML's compact form).
    if (child && (child.indent > indent || (child.indent === indent && child.text.startsWith('-')))) {
      const node = blockNode(lines, i, child.indent)
      map[key!] = node.value
      i = node.next
    } else {
      map[key!] = null
    }
  }
  return { value: map, next: i }
}

/** The lines of a section: indentation counted, comments and blank lines left out. */
function contentLines(raw: string[]): Line[] {
  const lines: Line[] = []
  for (const line of raw) {
    if (line.includes('\t')) outside()
    const body = line.trimStart()
    const text = withoutComment(body)
    if (text !== '') lines.push({ indent: line.length - body.length, text })
  }
  return lines
}

function readOn(inline: string | undefined, section: string[], readEvents: readonly string[]): PlainValue {
  const lines = contentLines(section)
  if (inline !== undefined && inline !== '') {
    if (lines.length > 0 || inline.includes('\t')) outside()
    return inlineValue(inline)
  }
  if (lines.length === 0) return null
  const node = blockNode(lines, 0, lines[0]!.indent, (event) => !readEvents.includes(event))
  // A node ends at a line indented as an enclosing one. A line no node took is indented otherwise,
  // or continues a value over lines (a nested node after an item, a multi-line scalar).
  if (node.next !== lines.length) outside()
  return node.value
}

/** Whether a value ends on its own line: a quote or bracket left open could hide the keys after it. */
function closesOnItsLine(value: string): boolean {
  const text = value.trim()
  if (text.startsWith('"')) return /^"(?:[^"\\]|\\.)*"\s*(?:#.*)?$/.test(text)
  if (text.startsWith("'")) return /^'(?:[^']|'')*'\s*(?:#.*)?$/.test(text)
  if (text.startsWith('[') || text.startsWith('{')) {
    const close = text.startsWith('[') ? ']' : '}'
    const opens = [...text].filter((c) => c === text[0]).length
    const closes = [...text].filter((c) => c === close).length
    return opens === closes && withoutComment(text).endsWith(close)
  }
  return true
}

/**
 * `{ on }` as js-yaml reads it from `text` (`{}` when the file has no top-level `on`), the
 * settings of events other than `readEvents` given as null; or undefined when the text is
 * outside the plain subset described above.
 */
export function readPlainOn(text: string, readEvents: readonly string[]): { on?: PlainValue } | undefined {
  try {
    const raw = text.replace(/^\uFEFF/, '').split(/\r?\n/)
    if (raw.some((line) => line.includes('\r'))) return undefined
    let start = raw.findIndex((line) => line.trim() !== '' && !line.trimStart().startsWith('#'))
    // js-yaml refuses an empty document.
    if (start === -1) return undefined
    if (/^---[ \t]*(?:#.*)?$/.test(raw[start]!)) start++
    let on: { inline?: string; from: number; to: number } | undefined
    const keys = new Set<string>()
    for (let i = start; i < raw.length; i++) {
      const line = raw[i]!
      if (line === '' || /^[ \t]/.test(line) || line.startsWith('#')) continue
      const entry = KEY.exec(line.trimEnd()) ?? outside()
      const [, key, value] = entry
      if (keys.has(key!)) outside()
      keys.add(key!)
      if (on && on.to === -1) on.to = i
      if (key === 'on') on = { inline: value === undefined ? undefined : withoutComment(value), from: i + 1, to: -1 }
      else if (value !== undefined && !closesOnItsLine(value)) outside()
    }
    if (!on) return {}
    return { on: readOn(on.inline, raw.slice(on.from, on.to === -1 ? raw.length : on.to), readEvents) }
  } catch (error) {
    if (error instanceof OutsideSubset) return undefined
    throw error
  }
}
