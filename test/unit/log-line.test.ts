// inertLine: any text, quoted in one log line, from which the runner parses no workflow command
// (support/workflow-commands.ts reads it as actions/runner does).
import { describe, expect, it } from 'vitest'
import { inertLine } from '../../src/log/log.js'
import { workflowCommands } from '../support/workflow-commands.js'

/** Characters that build commands, break lines, or hide from .NET's culture-sensitive comparisons. */
const ALPHABET = [':', ':', '#', '#', '[', ']', '%', ' ', '\t', '\r', '\n', '\u0085', '\u00AD', '\u200B', '\u2028', '\uFEFF', 'e', 'x', '=']

describe('inertLine', () => {
  it.each([
    ['a newline and a command', 'main\n::set-output name=image::evil', 'main%0A%3A:set-output name=image%3A:evil'],
    ['CR alone ends a line for the runner', 'a\r::error::x', 'a%0D%3A:error%3A:x'],
    ['a command at the start, after white space', '  ::warning::x', '  %3A:warning%3A:x'],
    ['the v1 syntax anywhere in the line', 'see ##[error]x', 'see ##%5Berror]x'],
    ['% first, so that an escape in the text stays text', '100% %0A', '100%25 %250A'],
    ['soft hyphens the runner may skip', '\u00AD\u00AD::notice::x', '%AD%AD%3A:notice%3A:x'],
    ['colons in a row', ':::', '%3A%3A:'],
  ])('%s', (_, text, expected) => {
    expect(inertLine(text)).toBe(expected)
  })

  it('leaves text without those characters as it is', () => {
    expect(inertLine('ghcr.io/acme/app/ci:pr-42 (https://github.com/acme/app/actions/runs/1): ok')).toBe(
      'ghcr.io/acme/app/ci:pr-42 (https://github.com/acme/app/actions/runs/1): ok',
    )
  })

  it('gives one line with no command for every string of those characters (20,000 of them)', () => {
    let seed = 42
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31)
    for (let n = 0; n < 20_000; n++) {
      const text = Array.from({ length: 1 + (next() % 24) }, () => ALPHABET[next() % ALPHABET.length]).join('')
      const line = inertLine(text)
      expect(line.split(/\r\n|\r|\n/), JSON.stringify(text)).toHaveLength(1)
      expect(workflowCommands(line), JSON.stringify(text)).toEqual([])
    }
  })
})
