// Builds history as a `git fast-import` stream: 100,000 files or 20,000 commits in seconds,
// where `git add` and `git commit` would take minutes.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { childEnv } from './process.js'

/** A commit in the stream, as fast-import names it before it has a SHA. */
export type Mark = `:${number}`

type FileContents = Iterable<readonly [path: string, content: string]>

export interface CommitSpec {
  ref: string
  message: string
  /** The first parent; without it, the commit continues `ref` (or starts it). */
  from?: Mark
  /** A second parent, for merge commits. */
  merge?: Mark
  files?: FileContents
}

export class FastImportStream {
  private readonly chunks: string[] = []
  private marks = 0
  // Commit times one second apart, so that history has an order git can rely on.
  private seconds = 1_700_000_000

  commit(spec: CommitSpec): Mark {
    const mark: Mark = `:${++this.marks}`
    this.chunks.push(
      `commit ${spec.ref}\nmark ${mark}\ncommitter Bench <bench@example.com> ${this.seconds++} +0000\n` +
        `data ${Buffer.byteLength(spec.message)}\n${spec.message}\n` +
        (spec.from ? `from ${spec.from}\n` : '') +
        (spec.merge ? `merge ${spec.merge}\n` : ''),
    )
    for (const [path, content] of spec.files ?? []) {
      this.chunks.push(`M 100644 inline ${path}\ndata ${Buffer.byteLength(content)}\n${content}\n`)
    }
    this.chunks.push('\n')
    return mark
  }

  /** Points `ref` at a commit already in the stream. */
  reset(ref: string, to: Mark): void {
    this.chunks.push(`reset ${ref}\nfrom ${to}\n\n`)
  }

  toString(): string {
    return this.chunks.join('')
  }
}

/** Feeds the stream to `git fast-import` in `repo`; returns the SHA of each mark. */
export function fastImport(repo: string, stream: FastImportStream): Map<Mark, string> {
  const marksFile = join(repo, 'bench-marks')
  execFileSync('git', ['fast-import', '--quiet', '--force', `--export-marks=${marksFile}`], {
    cwd: repo,
    env: childEnv(),
    input: stream.toString(),
    stdio: ['pipe', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  })
  const shas = new Map<Mark, string>()
  for (const line of readFileSync(marksFile, 'utf8').split('\n')) {
    const [mark, sha] = line.split(' ')
    if (mark && sha) shas.set(mark as Mark, sha)
  }
  return shas
}
