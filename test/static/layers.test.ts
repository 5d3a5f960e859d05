// The house of src/, checked rather than hoped: one folder per command (resolve, wait, comment) and
// per feature (diff, the local CLI) over the decision they all stand on (resolution, watch) and the
// shared folders (log, timing, git, github, registry, action); arrows point down only; a folder's
// pure decisions import no I/O, not even through another file; no files import each other in a circle.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = resolve(import.meta.dirname, '../../src')

/** Shared folders first, then the features, then the entry; a folder may import itself and MAY_IMPORT. */
const FOLDERS = {
  log: { doc: 'the one way to write to the job log, whatever text it quotes', mayImport: [] },
  timing: { doc: 'poll interval, timeout, deadline, retry and rate-limit waits', mayImport: [] },
  git: {
    doc: 'git run with an argument array; the commit SHA pattern; tree entries; changed files, base branches, the working tree',
    mayImport: ['log'],
  },
  github: { doc: 'GitHub REST: the one client, its errors, calls several features make', mayImport: ['timing', 'git'] },
  registry: { doc: "an image's reference, manifest and labels, read from its registry or docker", mayImport: ['log', 'timing', 'git'] },
  docker: {
    doc: 'the Docker daemon: `docker pull` of an image by digest, retried',
    mayImport: ['log', 'timing', 'registry'],
  },
  action: {
    doc: "the action's face: inputs, event, target, report, the session",
    mayImport: ['log', 'timing', 'git', 'github', 'registry'],
  },
  watch: {
    doc: 'which changed files start the build workflow: its triggers as GitHub reads them, path patterns, the watch set',
    mayImport: ['log', 'timing', 'action'],
  },
  resolution: {
    doc: 'the decision every command stands on: tags, the build gate, the inputs hash and reuse, the resolution value',
    mayImport: ['log', 'timing', 'git', 'github', 'registry', 'action', 'watch'],
  },
  resolve: {
    doc: 'resolve-image: the decision reported as outputs (the resolution among them) and a job summary',
    mayImport: ['log', 'timing', 'git', 'github', 'registry', 'action', 'watch', 'resolution'],
  },
  wait: {
    doc: 'wait-for-build: the build run of a commit, then its verified image',
    mayImport: ['log', 'timing', 'git', 'github', 'registry', 'action', 'watch', 'resolution', 'docker'],
  },
  diff: {
    doc: 'what a PR changes in its image against the stable one: size, layers, SBOM packages',
    mayImport: ['log', 'timing', 'git', 'registry', 'action', 'resolution'],
  },
  comment: {
    doc: 'comment-image: one comment per image on the PR',
    mayImport: ['log', 'timing', 'git', 'github', 'registry', 'action', 'watch', 'resolution', 'diff'],
  },
  cli: {
    doc: 'the local CLI: its commands (resolve-image, diff), their usage and usage errors',
    mayImport: ['log', 'timing', 'git', 'github', 'registry', 'action', 'watch', 'resolution', 'resolve', 'diff'],
  },
  entry: { doc: 'main.ts: a command per input, or the local CLI', mayImport: ['log', 'action', 'resolve', 'wait', 'comment', 'cli'] },
} as const satisfies Record<string, { doc: string; mayImport: readonly string[] }>
type Folder = keyof typeof FOLDERS

/** The pure decisions of each folder: no I/O module, directly or through a file they import. */
const DECISIONS = [
  'timing/timing.ts',
  'timing/duration.ts',
  'timing/backoff.ts',
  'git/commit-sha.ts',
  'git/ls-tree.ts',
  'github/api-fault.ts',
  'github/repository.ts',
  'registry/image-ref.ts',
  'registry/pr-tags.ts',
  'registry/image-manifest.ts',
  'registry/registry-access.ts',
  'registry/registry-hints.ts',
  'registry/labels.ts',
  'registry/command-output.ts',
  'registry/docker-config.ts',
  'action/action-interface.ts',
  'action/inputs.ts',
  'action/event.ts',
  'action/target.ts',
  'action/permission.ts',
  'action/html.ts',
  'resolution/tags.ts',
  'watch/patterns.ts',
  'watch/triggers.ts',
  'watch/workflow-budget.ts',
  'watch/watch.ts',
  'resolution/decision.ts',
  'resolution/oci-labels.ts',
  'resolution/inputs-hash.ts',
  'resolution/reuse.ts',
  'resolution/build-commit.ts',
  'resolution/build-gate.ts',
  'resolution/resolution-value.ts',
  'resolution/read-resolution.ts',
  'wait/runs.ts',
  'wait/wait-loop.ts',
  'wait/awaited.ts',
  'diff/purl.ts',
  'diff/sbom.ts',
  'diff/relevance.ts',
  'diff/package-diff.ts',
  'diff/image-diff.ts',
  'diff/format.ts',
  'diff/markdown.ts',
  'diff/terminal.ts',
  'comment/comment-marker.ts',
  'comment/comment-body.ts',
  'comment/upsert-comment.ts',
]

/**
 * Packages and built-ins that are I/O: none of them in a decision. @actions/workflow-parser is a
 * pure parser (a workflow's text in, its model out) and may be.
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
    // Static imports and exports (`import type` included: a type names the folder it lives in), and import().
    const imports = [...text.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/gms)].map(
      (m) => (m[1] ?? m[2])!,
    )
    return [{ file: relative(SRC, path), imports }]
  })
}

function folderOf(file: string): Folder {
  if (file === 'main.ts') return 'entry'
  const folder = file.split('/')[0]!
  if (file.includes('/') && folder in FOLDERS) return folder as Folder
  throw new Error(`${file} is in no folder: put it in one of ${Object.keys(FOLDERS).join(', ')}`)
}

const local = (from: string, specifier: string) => relative(SRC, resolve(SRC, dirname(from), specifier)).replace(/\.js$/, '.ts')

/** Each import into a folder its file may not use, as `file → import`. */
function wrongArrows(files: Source[]): string[] {
  return files.flatMap(({ file, imports }) => {
    const folder = folderOf(file)
    const allowed = new Set<string>([folder, ...FOLDERS[folder].mayImport])
    return imports.filter((s) => s.startsWith('.') && !allowed.has(folderOf(local(file, s)))).map((s) => `${file} → ${s}`)
  })
}

/** Each decision that reaches an I/O module, as `decision → … → module`. */
function ioInDecisions(files: Source[], decisions: readonly string[]): string[] {
  const byFile = new Map(files.map((source) => [source.file, source.imports]))
  const pathToIo = (file: string, seen: Set<string>): string[] | undefined => {
    if (seen.has(file)) return undefined
    seen.add(file)
    const imports = byFile.get(file) ?? []
    const io = imports.find((s) => IO_MODULES.some((module) => module.test(s)))
    if (io) return [file, io]
    for (const s of imports.filter((s) => s.startsWith('.'))) {
      const rest = pathToIo(local(file, s), seen)
      if (rest) return [file, ...rest]
    }
    return undefined
  }
  return decisions.flatMap((file) => {
    const path = pathToIo(file, new Set())
    return path ? [path.join(' → ')] : []
  })
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

describe('the house of src/', () => {
  const all = sources()

  it('every file belongs to a folder', () => {
    for (const { file } of all) expect(() => folderOf(file)).not.toThrow()
  })

  it('every decision listed exists', () => {
    expect(DECISIONS.filter((file) => !all.some((source) => source.file === file))).toEqual([])
  })

  it('every folder imports only the folders below it', () => {
    expect(wrongArrows(all)).toEqual([])
  })

  it('pure decisions reach no I/O: no @actions/*, no Octokit, no child_process, fs or network, not even through another file', () => {
    expect(ioInDecisions(all, DECISIONS)).toEqual([])
  })

  it('has no circle of imports', () => {
    expect(circles(all)).toEqual([])
  })

  it('catches a wrong arrow, I/O in a decision and a circle (the checks above can fail)', () => {
    const bad: Source[] = [
      { file: 'resolve/tags.ts', imports: ['../wait/runs.js', './patterns.js'] },
      { file: 'resolve/patterns.ts', imports: ['./tags.js', './changed-files.js'] },
      { file: 'resolve/changed-files.ts', imports: ['@actions/core', '../git/git.js'] },
      { file: 'github/pulls.ts', imports: ['../action/target.js'] },
      { file: 'comment/command.ts', imports: ['../wait/verify-image.js', '../resolution/build-gate.js'] },
      { file: 'wait/runs.ts', imports: [] },
      { file: 'git/git.ts', imports: ['node:child_process'] },
    ]
    expect(wrongArrows(bad)).toEqual([
      'resolve/tags.ts → ../wait/runs.js',
      'github/pulls.ts → ../action/target.js',
      'comment/command.ts → ../wait/verify-image.js',
    ])
    expect(ioInDecisions(bad, ['resolve/tags.ts', 'wait/runs.ts'])).toEqual([
      'resolve/tags.ts → resolve/patterns.ts → resolve/changed-files.ts → @actions/core',
    ])
    expect(circles(bad)).toEqual(['resolve/tags.ts → resolve/patterns.ts → resolve/tags.ts'])
    expect(() => folderOf('core/tags.ts')).toThrow('core/tags.ts is in no folder')
  })
})
