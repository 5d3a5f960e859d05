// The layers of src/, checked rather than hoped: each folder imports only from the layers below
// it, pure decisions touch no I/O, and no files import each other in a circle.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = resolve(import.meta.dirname, '../../src')

/** Layers from the bottom up; a file may import its own layer and those below. */
const LAYERS = [
  { name: 'core', files: /^core\//, doc: 'pure decisions' },
  { name: 'github', files: /^github\//, doc: 'GitHub REST' },
  { name: 'runner', files: /^runner\//, doc: 'runner I/O: event, git, docker, outputs' },
  { name: 'registry', files: /^registry\//, doc: "an image's manifest and labels, read from its registry" },
  { name: 'session', files: /^session\//, doc: 'what the commands share' },
  { name: 'commands', files: /^commands\//, doc: 'one file per command: wiring only' },
  { name: 'entry', files: /^(main|local)\.ts$/, doc: 'entry points' },
] as const
type Layer = (typeof LAYERS)[number]['name']

/** Which layers each layer may import (besides itself). github, runner and registry stay apart. */
const MAY_IMPORT: Record<Layer, Layer[]> = {
  core: [],
  github: ['core'],
  runner: ['core'],
  registry: ['core'],
  session: ['core', 'github', 'runner', 'registry'],
  commands: ['core', 'github', 'runner', 'registry', 'session'],
  entry: ['core', 'runner', 'session', 'commands'],
}

/**
 * Packages and built-ins that are I/O: none of them in core. @actions/workflow-parser is a pure
 * parser (a workflow's text in, its model out) and may be.
 */
const IO_MODULES = [
  /^@actions\/(?!workflow-parser(?:\/|$))/,
  /^@octokit\//,
  /^node:(child_process|fs|http|https|net|tls|dns|worker_threads)/,
  /^undici$/,
]

interface Source {
  file: string
  imports: string[]
}

function sources(dir = SRC): Source[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sources(path)
    if (!entry.name.endsWith('.ts')) return []
    const text = readFileSync(path, 'utf8')
    // Static imports and exports (`import type` included: a type names the layer it lives in), and import().
    const imports = [...text.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/gms)].map(
      (m) => (m[1] ?? m[2])!,
    )
    return [{ file: relative(SRC, path), imports }]
  })
}

function layerOf(file: string): Layer {
  const layer = LAYERS.find((l) => l.files.test(file))
  if (!layer) throw new Error(`${file} is in no layer: put it in one of ${LAYERS.map((l) => l.name).join(', ')}`)
  return layer.name
}

const local = (from: string, specifier: string) => relative(SRC, resolve(SRC, dirname(from), specifier)).replace(/\.js$/, '.ts')

/** Each import that points to a layer its file may not use, as `file → import`. */
function wrongArrows(files: Source[]): string[] {
  return files.flatMap(({ file, imports }) => {
    const layer = layerOf(file)
    const allowed = new Set<string>([layer, ...MAY_IMPORT[layer]])
    return imports.filter((s) => s.startsWith('.') && !allowed.has(layerOf(local(file, s)))).map((s) => `${file} → ${s}`)
  })
}

/** Each I/O module a core file imports, as `file → module`. */
function ioInCore(files: Source[]): string[] {
  return files
    .filter(({ file }) => layerOf(file) === 'core')
    .flatMap(({ file, imports }) => imports.filter((s) => IO_MODULES.some((io) => io.test(s))).map((s) => `${file} → ${s}`))
}

/** Each circle of local imports, as `a → b → a`. */
function circles(files: Source[]): string[] {
  const graph = new Map(files.map(({ file, imports }) => [file, imports.filter((s) => s.startsWith('.')).map((s) => local(file, s))]))
  const found: string[] = []
  const state = new Map<string, 'open' | 'done'>()
  const visit = (file: string, path: string[]) => {
    if (state.get(file) === 'done') return
    if (state.get(file) === 'open') return void found.push([...path.slice(path.indexOf(file)), file].join(' → '))
    state.set(file, 'open')
    for (const next of graph.get(file) ?? []) visit(next, [...path, file])
    state.set(file, 'done')
  }
  for (const file of graph.keys()) visit(file, [])
  return found
}

const all = sources()

describe('the layers of src/', () => {
  it('every file belongs to a layer', () => {
    for (const { file } of all) expect(() => layerOf(file)).not.toThrow()
  })

  it('imports point only down the layers (github, runner and registry apart)', () => {
    expect(wrongArrows(all)).toEqual([])
  })

  it('core imports no I/O: no @actions/*, no Octokit, no child_process, fs or network', () => {
    expect(ioInCore(all)).toEqual([])
  })

  it('has no circle of imports', () => {
    expect(circles(all)).toEqual([])
  })

  it('catches a wrong arrow, I/O in core and a circle (the checks above can fail)', () => {
    const bad: Source[] = [
      { file: 'core/tags.ts', imports: ['../github/client.js', '@actions/core', './patterns.js'] },
      { file: 'core/patterns.ts', imports: ['./tags.js'] },
      { file: 'runner/git.ts', imports: ['../github/errors.js'] },
      { file: 'registry/inspect.ts', imports: ['../runner/docker.js', '../core/image-ref.js'] },
      { file: 'runner/docker.ts', imports: [] },
      { file: 'github/client.ts', imports: [] },
      { file: 'github/errors.ts', imports: [] },
    ]
    expect(wrongArrows(bad)).toEqual([
      'core/tags.ts → ../github/client.js',
      'runner/git.ts → ../github/errors.js',
      'registry/inspect.ts → ../runner/docker.js',
    ])
    expect(ioInCore(bad)).toEqual(['core/tags.ts → @actions/core'])
    expect(circles(bad)).toEqual(['core/tags.ts → core/patterns.ts → core/tags.ts'])
  })
})
