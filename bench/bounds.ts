// Hostile inputs, as an attacker with a fork PR or a registry would send them: the time each one
// holds resolve-image (the bundle, started as the runner starts it), its peak memory, and for the
// registry what it was made to read. One run each, killed past CAP_MS: unbounded, these would
// run for minutes to hours; bounded, each ends in well under a second, refused with its limit.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { pullRequestEvent } from '../test/support/events.js'
import { aliasBomb, deepPath, manyAliases, manyScalars, nestedGlobs, watching } from '../test/support/hostile-inputs.js'
import { checkout } from './checkout.js'
import { createPullRequestOrigin, REFS } from './repos/pull-request-origin.js'
import { BUILD_WORKFLOW, BUILD_WORKFLOW_PATH, DOCKERFILE } from './repos/build-workflow.js'
import type { Scratch } from './scratch.js'
import { actionCommand } from './steps.js'
import { formatBytes, formatCount, formatMs } from './stats.js'
import type { Section } from './table.js'

/** A run still going after this long is killed: "held" is all there is to know. */
const CAP_MS = 60_000

interface Run {
  ms: number
  killed: boolean
  exitCode: number
  peakKiB?: number
  outputs: Record<string, string>
  stdout: string
}

/** One run of the bundle, killed (its whole process group) past CAP_MS; peak memory from GNU time. */
async function runCapped(command: ReturnType<typeof actionCommand>, timeFile: string): Promise<Run> {
  const started = performance.now()
  const child = spawn('/usr/bin/time', ['-f', '%M', '-o', timeFile, command.file, ...command.args], {
    cwd: command.cwd,
    env: command.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let stdout = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.resume()
  let killed = false
  const timer = setTimeout(() => {
    killed = true
    process.kill(-child.pid!, 'SIGKILL')
  }, CAP_MS)
  const exitCode = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)))
  clearTimeout(timer)
  const ms = performance.now() - started
  let outputs: Record<string, string> = {}
  command.check?.({ ms, exitCode, stdout })
  try {
    outputs = JSON.parse(readFileSync(`${timeFile}.outputs`, 'utf8')) as Record<string, string>
  } catch {
    // A killed run wrote no outputs.
  }
  const peak = Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop())
  return { ms, killed, exitCode, peakKiB: Number.isFinite(peak) && !killed ? peak : undefined, outputs, stdout }
}

interface PullRequestCase {
  workflow: string
  files: [string, string][]
  fork: boolean
  inputs?: Record<string, string>
}

/** resolve-image on a PR that brings `workflow` as its build workflow and adds `files`, from a depth-1 checkout. */
async function resolveOn(scratch: Scratch, name: string, c: PullRequestCase): Promise<Run> {
  const origin = createPullRequestOrigin(scratch.dir(`${name}-origin`), (stream) => {
    const base = stream.commit({
      ref: REFS.base,
      message: 'initial',
      files: [
        ['README.md', 'hello\n'],
        ['Dockerfile.ci', DOCKERFILE],
        [BUILD_WORKFLOW_PATH, BUILD_WORKFLOW],
      ],
    })
    const change = [[BUILD_WORKFLOW_PATH, c.workflow] as const, ...c.files]
    const head = stream.commit({ ref: REFS.head, from: base, message: 'the PR', files: change })
    return { base, head, merge: stream.commit({ ref: REFS.merge, from: base, merge: head, message: 'Merge', files: change }) }
  })
  const workspace = scratch.dir(`${name}-checkout`)
  checkout(origin, workspace, 'default')
  const filesDir = scratch.dir(`${name}-runner`)
  const timeFile = join(filesDir, 'time')
  const { number, baseRef, baseSha, headSha } = origin
  const event = pullRequestEvent({ number, baseRef, baseSha, headSha, fork: c.fork })
  const command = actionCommand({
    name,
    filesDir,
    workspace,
    inputs: c.inputs,
    event: { ...event, pull_request: { ...event.pull_request, merge_commit_sha: origin.mergeSha } },
    sha: origin.mergeSha,
    check: (_result, { outputs }) => writeFileSync(`${timeFile}.outputs`, JSON.stringify(outputs)),
  })
  return runCapped(command, timeFile)
}

/** The first `::error::` line, shortened: what the run said it refused. */
function refusal(run: Run): string {
  const line = run.stdout.split('\n').find((l) => l.startsWith('::error::'))
  return line ? line.slice('::error::'.length, 140) : `exit ${run.exitCode}`
}

const outcome = (run: Run) => (run.killed ? `still running, killed at ${formatMs(CAP_MS)}` : refusal(run))

interface Registry {
  host: string
  requests: number
  bytes: number
  maxInFlight: number
  /** From now on, the reuse tag is the index, its configs labelled with `hash`; until then it is missing. */
  serve(hash: string): void
  close(): Promise<void>
}

const sha256 = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`

/**
 * A loopback registry whose reuse tag is an index of `images` distinct image manifests, all naming
 * one config of nearly 8 MiB (the client's cap per config) that carries the inputs label: 60 KB
 * that fan out.
 */
async function fanOutRegistry(images: number): Promise<Registry> {
  let answers: Map<string, { type: string; body: Buffer }> | undefined
  let index = Buffer.alloc(0)
  let inFlight = 0
  const registry: Registry = {
    host: '',
    requests: 0,
    bytes: 0,
    maxInFlight: 0,
    serve(hash) {
      // Counted from here: the lookup before, of a missing tag, was one request.
      registry.requests = 0
      registry.bytes = 0
      registry.maxInFlight = 0
      const labels = { 'ci-image.inputs': hash }
      const padding = 'x'.repeat(8 * 1024 * 1024 - 1024)
      const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', config: { Labels: labels }, padding }))
      const configDescriptor = { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha256(config), size: config.length }
      const manifests = Array.from({ length: images }, (_, i) =>
        Buffer.from(
          JSON.stringify({
            schemaVersion: 2,
            mediaType: 'application/vnd.oci.image.manifest.v1+json',
            config: configDescriptor,
            layers: [],
            annotations: { n: String(i) },
          }),
        ),
      )
      answers = new Map([
        [configDescriptor.digest, { type: 'application/octet-stream', body: config }],
        ...manifests.map((m) => [sha256(m), { type: 'application/vnd.oci.image.manifest.v1+json', body: m }] as const),
      ])
      index = Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: 'application/vnd.oci.image.index.v1+json',
          manifests: manifests.map((m, i) => ({
            mediaType: 'application/vnd.oci.image.manifest.v1+json',
            digest: sha256(m),
            size: m.length,
            platform: { os: 'linux', architecture: i === 0 ? 'amd64' : `arch${i}` },
          })),
        }),
      )
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
  const server: Server = createServer((req, res) => {
    registry.requests++
    registry.maxInFlight = Math.max(registry.maxInFlight, ++inFlight)
    res.on('close', () => inFlight--)
    const send = (status: number, type: string, body: Buffer) => {
      registry.bytes += body.length
      res.writeHead(status, { 'content-type': type, 'content-length': body.length }).end(body)
    }
    const path = req.url ?? ''
    if (!answers) return send(404, 'application/json', Buffer.from('{"errors":[{"code":"MANIFEST_UNKNOWN"}]}'))
    const answer = answers.get(path.slice(path.lastIndexOf('/') + 1))
    if (answer) return send(200, answer.type, answer.body)
    send(200, 'application/vnd.oci.image.index.v1+json', index)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  registry.host = `127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  return registry
}

export async function measureBounds(scratch: Scratch): Promise<Section> {
  const rows: string[][] = []
  const row = (name: string, run: Run) =>
    rows.push([
      name,
      run.killed ? `> ${formatMs(CAP_MS)}` : formatMs(run.ms),
      run.peakKiB ? formatBytes(run.peakKiB * 1024) : '-',
      outcome(run),
    ])

  process.stderr.write('[bench]   the alias bomb...\n')
  row(
    `alias bomb, ${Buffer.byteLength(aliasBomb())} bytes (10^9 once expanded), fork PR`,
    await resolveOn(scratch, 'bomb', { workflow: aliasBomb(), files: [], fork: true }),
  )
  // Within GitHub's limits, but the parser library walks the whole document for each alias; the
  // largest file GitHub reads, all aliases; and the most a workflow within every limit costs.
  for (const [name, workflow] of [
    ['24,000 aliases of one scalar (72 KB)', manyAliases(24_000)],
    ['1 MiB of aliases (the largest file GitHub reads)', manyAliases(349_000)],
    ['48,000 scalars (96 KB, within every limit)', manyScalars(48_000)],
  ] as const) {
    process.stderr.write(`[bench]   ${name}...\n`)
    row(`${name}, fork PR`, await resolveOn(scratch, 'aliases', { workflow, files: [], fork: true }))
  }

  for (const [groups, files, fork] of [
    [12, 1, false],
    [13, 3, true],
  ] as const) {
    process.stderr.write(`[bench]   ${groups} nested ** against ${files} deep path(s)...\n`)
    const workflow = watching(nestedGlobs(groups))
    const deep = Array.from({ length: files }, (_, i) => [deepPath(25, `b${i}`), 'x\n'] as [string, string])
    const run = await resolveOn(scratch, `globs-${groups}`, { workflow, files: deep, fork })
    row(`paths: ['**/' x ${groups} + 'z'], ${files} file(s) 25 levels deep${fork ? ', fork PR' : ''}`, run)
  }
  process.stderr.write('[bench]   an index of 300 images...\n')
  const registry = await fanOutRegistry(300)
  try {
    const image = `${registry.host}/acme/app/ci`
    const change = { workflow: BUILD_WORKFLOW, files: [['Dockerfile.ci', `${DOCKERFILE}RUN true\n`]] as [string, string][], fork: false }
    const first = await resolveOn(scratch, 'index-hash', { ...change, inputs: { image } })
    const hash = first.outputs['inputs-hash']
    if (!hash) throw new Error(`no inputs hash: ${outcome(first)}\n${first.stdout}`)
    registry.serve(hash)
    const run = await resolveOn(scratch, 'index', { ...change, inputs: { image } })
    const verdict = run.outputs['reusable-image'] ? 'judged reusable' : 'not reused'
    const notice = run.stdout.split('\n').find((l) => l.includes('No reuse') || l.includes('Not reusing'))
    rows.push([
      'an index of 300 images, one 8 MiB config each (60 KB)',
      run.killed ? `> ${formatMs(CAP_MS)}` : formatMs(run.ms),
      run.peakKiB ? formatBytes(run.peakKiB * 1024) : '-',
      `${formatCount(registry.requests)} requests, ${formatBytes(registry.bytes)} read, ${registry.maxInFlight} at once; ${verdict}${notice ? `: ${notice.slice(notice.indexOf('::', 2) + 2, 300)}` : ''}`,
    ])
  } finally {
    await registry.close()
  }

  return {
    title: `Hostile inputs to resolve-image (one run each, killed after ${formatMs(CAP_MS)})`,
    head: ['input', 'time', 'peak memory', 'outcome'],
    rows,
    notes: [
      'Each bound ends its case with an error that names the file or registry and the limit; nothing here is a real workflow or image.',
      'The registry rows count what the action read from a loopback registry (the index request included).',
    ],
  }
}
