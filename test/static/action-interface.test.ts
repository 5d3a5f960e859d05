// The action's inputs, outputs and defaults are written once (src/action/action-interface.ts);
// action.yml, the input parser and the local CLI's usage text must agree with them.
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { INPUT_DEFAULTS, OUTPUT_NAMES } from '../../src/action/action-interface.js'
import { inputDefault, parseInputs } from '../../src/action/inputs.js'
import { usage } from '../../src/cli/cli.js'

const root = resolve(import.meta.dirname, '../..')
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string; required?: boolean }>
  outputs: Record<string, unknown>
}

describe('action.yml', () => {
  it('declares exactly the inputs of the code, with the same defaults', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(Object.keys(INPUT_DEFAULTS).sort())
    for (const [name, input] of Object.entries(action.inputs)) {
      // A YAML block scalar ends with a newline; the runner trims the value it passes.
      expect((input.default ?? '').trim(), name).toBe(INPUT_DEFAULTS[name as keyof typeof INPUT_DEFAULTS])
    }
    expect(action.inputs.command?.required).toBe(true)
  })

  it('declares exactly the outputs the commands set', () => {
    expect(Object.keys(action.outputs).sort()).toEqual([...OUTPUT_NAMES].sort())
  })
})

describe('the defaults', () => {
  it('are what the parser applies when the runner passes nothing', () => {
    const parsed = parseInputs((name) => (name === 'command' ? 'resolve-image' : ''))
    expect(parsed).toMatchObject({
      buildWorkflow: INPUT_DEFAULTS['build-workflow'],
      defaultTag: undefined,
      localCommand: INPUT_DEFAULTS['local-command'],
      pollIntervalSeconds: Number(INPUT_DEFAULTS['poll-interval']),
      timeoutSeconds: Number(INPUT_DEFAULTS.timeout),
      pull: INPUT_DEFAULTS.pull === 'true',
    })
    expect([...parsed.branchTags].map(([branch, tag]) => `${branch}=${tag}`).join('\n')).toBe(INPUT_DEFAULTS['branch-tags'])
  })

  it('are what the local CLI says it uses', () => {
    expect(usage('ci-image')).toContain(`(default: ${inputDefault('build-workflow')})`)
    expect(usage('ci-image')).toContain(`(default: ${INPUT_DEFAULTS['branch-tags'].replaceAll('\n', ',')})`)
  })

  it('never take a runner expression for a value', () => {
    expect(inputDefault('github-token')).toBe('')
  })
})
