// A vitest setup file: what a test file's own process writes to stdout and stderr is held back and
// shown only when a test fails. That is what src/ writes through @actions/core (`::debug::`,
// `::add-mask::`, groups) and what @actions/exec echoes and passes on from the processes it runs:
// they go to process.stdout and process.stderr directly, which vitest does not capture as it
// captures console.*, so a green run would print them all.
//
// A failing test's output is shown through console.log, so vitest's reporter prints it under the
// test's name, each line behind a margin. `npm test` also runs in a workflow, and the runner reads
// a step's every line for commands (`::name::` at the start once white space is trimmed, `##[`
// anywhere; test/support/workflow-commands.ts): the margin keeps `::` off the start of the line, and
// `##[` is shown as `##%5B`, so that no captured `::add-mask::` or `##[error]` is acted on.
import { afterAll, beforeEach } from 'vitest'

type Stream = 'stdout' | 'stderr'
interface Chunk {
  stream: Stream
  text: string
}
interface Capture {
  /** Written since the current test began, or since the last test ended. */
  chunks: Chunk[]
  /** Written outside any test of this file (at import, in beforeAll or afterAll). */
  outsideTests: Chunk[]
}

// One capture per process, however many test files it runs (and so however often this file runs).
const KEY = Symbol.for('ci-image.captured-output')
const holder = globalThis as { [KEY]?: Capture }
const capture = (holder[KEY] ??= install())

function install(): Capture {
  const state: Capture = { chunks: [], outsideTests: [] }
  for (const stream of ['stdout', 'stderr'] as const) {
    const target = process[stream]
    target.write = (chunk: string | Uint8Array, encoding?: BufferEncoding | (() => void), done?: () => void) => {
      state.chunks.push({ stream, text: typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8') })
      const callback = typeof encoding === 'function' ? encoding : done
      if (callback) queueMicrotask(callback)
      return true
    }
  }
  return state
}

/** Captured chunks as lines no runner parses a command from, in the order written, each behind its stream's name. */
function shownInert(chunks: readonly Chunk[]): string {
  const lines: string[] = []
  const pending: Record<Stream, string> = { stdout: '', stderr: '' }
  const add = (stream: Stream, line: string) => lines.push(`  ${stream} │ ${line.replaceAll('##[', '##%5B')}`)
  for (const { stream, text } of chunks) {
    // Lines end at CR, LF or CRLF for the runner (Runner.Sdk/ProcessInvoker.cs, StreamReader.ReadLine).
    const parts = (pending[stream] + text).split(/\r\n|\r|\n/)
    pending[stream] = parts.pop()!
    for (const line of parts) add(stream, line)
  }
  for (const stream of ['stdout', 'stderr'] as const) if (pending[stream] !== '') add(stream, pending[stream])
  return lines.join('\n')
}

function show(title: string, chunks: readonly Chunk[]): void {
  if (chunks.length === 0) return
  console.log(`${title} (held back while tests pass; workflow commands shown inert):\n${shownInert(chunks)}`)
}

beforeEach(({ onTestFinished }) => {
  capture.outsideTests.push(...capture.chunks)
  capture.chunks = []
  // Registered first, so run last (onTestFinished hooks run in reverse): after the test's afterEach
  // hooks and its own onTestFinished, whose output belongs to it too.
  onTestFinished(({ task }) => {
    if (task.result?.state === 'fail') show('What this test wrote to stdout and stderr', capture.chunks)
    capture.chunks = []
  })
})

type Task = { result?: { state?: string; errors?: unknown[] }; tasks?: Task[] }
const failed = (task: Task): boolean =>
  task.result?.state === 'fail' || Boolean(task.result?.errors?.length) || (task.tasks ?? []).some(failed)

// Registered first, so run last: a beforeAll that failed, or a test that did, shows what the file
// wrote outside its tests.
// vitest reads a hook's first parameter as the fixtures it uses, and needs a pattern there.
// eslint-disable-next-line no-empty-pattern
afterAll(({}, file) => {
  const outside = [...capture.outsideTests, ...capture.chunks]
  capture.outsideTests = []
  capture.chunks = []
  if (failed(file)) show('What this file wrote to stdout and stderr outside its tests', outside)
})
