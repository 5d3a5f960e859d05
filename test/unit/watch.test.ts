import { describe, expect, it } from 'vitest'
import { resolveWatch } from '../../src/core/watch.js'

const workflow = (on: string) =>
  `name: Build CI image\non:\n${on}\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps: [{ run: 'true' }]\n`

describe('watched paths', () => {
  it('prefers the watch input', () => {
    const rule = resolveWatch({
      input: ['ci.Dockerfile'],
      buildWorkflow: 'build-ci-image.yml',
      workflowText: workflow('  pull_request:\n    paths: [x]'),
    })
    expect(rule.patterns).toEqual(['ci.Dockerfile'])
    expect(rule.source).toBe('the `watch` input')
  })

  it('derives them from the build workflow on.pull_request.paths', () => {
    const text = workflow(
      `  push:\n    branches: [main, v2]\n  pull_request:\n    paths:\n      - 'Dockerfile.ci'\n      - 'ci/**'\n      - '!ci/README.md'\n      - .github/workflows/build-ci-image.yml`,
    )
    const rule = resolveWatch({ input: [], buildWorkflow: 'build-ci-image.yml', workflowText: text })
    expect(rule.patterns).toEqual(['Dockerfile.ci', 'ci/**', '!ci/README.md', '.github/workflows/build-ci-image.yml'])
    expect(rule.source).toBe('on.pull_request.paths of .github/workflows/build-ci-image.yml')
    expect(rule.matches('ci/install.sh')).toBe(true)
    expect(rule.matches('ci/README.md')).toBe(false)
    expect(rule.matches('src/main.ts')).toBe(false)
  })

  it('honours paths-ignore', () => {
    const rule = resolveWatch({
      input: [],
      buildWorkflow: 'b.yml',
      workflowText: workflow(`  pull_request:\n    paths-ignore: ['docs/**', '**.md']`),
    })
    expect(rule.kind).toBe('paths-ignore')
    expect(rule.matches('docs/a.txt')).toBe(false)
    expect(rule.matches('README.md')).toBe(false)
    expect(rule.matches('Dockerfile.ci')).toBe(true)
  })

  it.each([
    ['on: pull_request', 'string'],
    ['on: [push, pull_request]', 'list'],
    ['on:\n  pull_request:\n    branches: [main]', 'map without paths'],
    ['on:\n  pull_request:', 'null trigger'],
  ])('a build on every PR watches everything (%s)', (on, _) => {
    const rule = resolveWatch({ input: [], buildWorkflow: 'b.yml', workflowText: `${on}\njobs: {}\n` })
    expect(rule.patterns).toEqual(['**'])
    expect(rule.matches('any/file.txt')).toBe(true)
  })

  it.each([
    ['no workflow file', undefined],
    ['a workflow without pull_request', 'on:\n  push:\n    branches: [main]\n'],
  ])('falls back to the defaults with %s', (_, workflowText) => {
    const rule = resolveWatch({ input: [], buildWorkflow: 'image.yml', workflowText })
    expect(rule.patterns).toEqual(['Dockerfile.ci', '.github/workflows/image.yml'])
    expect(rule.source).toBe('the defaults')
  })

  it('reports a broken workflow file by name', () => {
    expect(() => resolveWatch({ input: [], buildWorkflow: 'b.yml', workflowText: 'on: [unclosed' })).toThrow(
      'Cannot derive `watch`: .github/workflows/b.yml is not valid YAML',
    )
    expect(() =>
      resolveWatch({ input: [], buildWorkflow: 'b.yml', workflowText: 'on:\n  pull_request:\n    paths: Dockerfile.ci\n' }),
    ).toThrow('on.pull_request.paths in .github/workflows/b.yml is not a list of strings')
  })
})
