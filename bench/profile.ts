// 6. Where the start-up time goes: the run of section 1 under V8's CPU profiler, each sample
// charged to the module of the bundle it ran for (the nearest frame of the bundle on its stack:
// a built-in a module loads, a git process it spawns, count for that module). Profiled on a
// readable build of the same sources (scripts/build.mjs --no-minify), whose module comments
// name each module.
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { basename, join } from 'node:path'
import { actionCommand } from './action-command.js'
import { checkout } from './checkout.js'
import { childEnv } from './child-env.js'
import { createEverydayOrigin } from './repos/everyday-repo.js'
import { pullRequestEvent } from '../test/support/events.js'
import type { Scratch } from './scratch.js'
import type { Section } from './section.js'
import { formatMs } from './stats.js'
import { expectExit, runChecked } from './timed-command.js'

const RUNS = 20
const WARMUP = 2
// Microseconds between samples: fine enough for a 50 ms process.
const INTERVAL_US = 50
const RUNTIME = 'the bundle’s runtime'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}

interface CpuProfile {
  nodes: ProfileNode[]
  startTime: number
  endTime: number
  samples: number[]
  timeDeltas: number[]
}

/** Module ids to paths, from `// EXTERNAL MODULE: <path>` above a line that requires the id, in any file. */
function moduleNames(sources: Map<string, string[]>): Map<string, string> {
  const names = new Map<string, string>()
  for (const lines of sources.values()) {
    lines.forEach((line, i) => {
      const path = /^\/\/ EXTERNAL MODULE: (.+)$/.exec(line)?.[1]
      const id = /__nccwpck_require__\((\d+)\)/.exec(lines[i + 1] ?? '')?.[1]
      if (path && id) names.set(id, path)
    })
  }
  return names
}

/** For each line of each file of the build, the module it belongs to, from ncc's comments. */
function moduleLines(buildDir: string): Map<string, string[]> {
  const sources = new Map(
    readdirSync(buildDir)
      .filter((file) => file.endsWith('.js'))
      .map((name) => [name, readFileSync(join(buildDir, name), 'utf8').split('\n')]),
  )
  const names = moduleNames(sources)
  const files = new Map<string, string[]>()
  for (const [name, lines] of sources) {
    let current = RUNTIME
    files.set(
      name,
      lines.map((line, i) => {
        const id = /^\/\*\*\*\/ (\d+):$/.exec(line)?.[1]
        if (id) {
          const head = lines.slice(i, i + 6).join('\n')
          const builtin = /require\("(?:node:)?([^"]+)"\)/.exec(head)?.[1]
          const exported = /\(\/\* binding \*\/ (\w+)\)/.exec(head)?.[1]
          current = names.get(id) ?? (builtin ? `node:${builtin}` : `module ${id}${exported ? ` (${exported})` : ''}`)
        }
        current = /^;\/\/ CONCATENATED MODULE: (.+)$/.exec(line)?.[1] ?? current
        return line.startsWith('/******/') ? RUNTIME : current
      }),
    )
  }
  return files
}

/** `./node_modules/@actions/core/lib/core.js` → `@actions/core`; `./src/core/x.ts` → `src/core/x.ts`. */
function owner(path: string): string {
  const module = path
    .replace(/^\.\//, '')
    .replace(/ \+ \d+ modules$/, '')
    .replace(/^external "(?:node:)?(.+)"$/, 'node:$1')
  const dependency = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(module)?.[1]
  return dependency ?? module
}

/** @actions/core's share, by what it was doing: its frame's function names survive bundling. */
function coreActivity(functionName: string): string {
  if (/issueFileCommand|prepareKeyValueMessage|setOutput/.test(functionName)) return '@actions/core: writing outputs'
  if (/[sS]ummary|addHeading|addTable|addRaw|addList|wrap|filePath|write/.test(functionName)) return '@actions/core: the job summary'
  if (/issueCommand|escape|toCommandValue|info|debug|warning|group|Group|setSecret/.test(functionName)) return '@actions/core: log lines'
  return '@actions/core: loading (and node:crypto, node:os, fs.promises)'
}

/** Milliseconds per owner, summed over the profiles, and the profiled time. */
function chargeSamples(profiles: CpuProfile[], buildDir: string): { byOwner: Map<string, number>; profiled: number } {
  const lines = moduleLines(buildDir)
  const byOwner = new Map<string, number>()
  let profiled = 0
  for (const profile of profiles) {
    profiled += (profile.endTime - profile.startTime) / 1000
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
    const parent = new Map<number, number>()
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
    profile.samples.forEach((id, i) => {
      let node = nodes.get(id)
      const leaf = node?.callFrame.functionName ?? ''
      while (node && !node.callFrame.url.startsWith(`file://${buildDir}/`)) node = nodes.get(parent.get(node.id) ?? -1)
      const module = node && owner(lines.get(basename(node.callFrame.url))?.[node.callFrame.lineNumber] ?? RUNTIME)
      const name = node
        ? module === '@actions/core'
          ? coreActivity(node.callFrame.functionName)
          : module!
        : ['(garbage collector)', '(idle)', '(program)'].includes(leaf)
          ? leaf
          : 'Node.js itself (start-up, module loader)'
      byOwner.set(name, (byOwner.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
    })
  }
  return { byOwner, profiled }
}

function readProfiles(dir: string): CpuProfile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as CpuProfile)
}

export async function measureProfile(scratch: Scratch): Promise<Section> {
  const buildDir = scratch.dir('profile-build')
  execFileSync(process.execPath, ['scripts/build.mjs', '--out', buildDir, '--no-minify'], { stdio: 'ignore' })
  const origin = createEverydayOrigin(scratch.dir('profile-origin'))
  const workspace = scratch.dir('profile-checkout')
  checkout(origin, workspace, 'full')
  const event = pullRequestEvent({ number: origin.number, baseRef: origin.baseRef, baseSha: origin.baseSha, headSha: origin.headSha })
  const profileDir = scratch.dir('profile-samples')
  const profiler = ['--cpu-prof', '--cpu-prof-dir', profileDir, '--cpu-prof-interval', String(INTERVAL_US)]
  const action = actionCommand({
    name: 'resolve-image under the profiler',
    filesDir: scratch.dir('profile-runner'),
    workspace,
    event,
    sha: origin.mergeSha,
    entry: join(buildDir, 'index.js'),
    nodeArgs: profiler,
    check: (result, { outputs }) => {
      expectExit(result, 0)
      if (outputs.modified !== 'true') throw new Error(`unexpected outputs ${JSON.stringify(outputs)}`)
    },
  })
  for (let i = 0; i < WARMUP + RUNS; i++) {
    if (i === WARMUP) rmSync(profileDir, { recursive: true, force: true })
    await runChecked(action)
  }
  const { byOwner, profiled } = chargeSamples(readProfiles(profileDir), buildDir)

  const floorDir = scratch.dir('profile-floor')
  for (let i = 0; i < RUNS; i++) {
    execFileSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', floorDir, '--cpu-prof-interval', String(INTERVAL_US), '-e', '0'], {
      env: childEnv(),
    })
  }
  const floor = readProfiles(floorDir).reduce((sum, p) => sum + (p.endTime - p.startTime) / 1000, 0) / RUNS

  const perRun = [...byOwner].map(([name, ms]) => [name, ms / RUNS] as const).sort((a, b) => b[1] - a[1])
  const shown = perRun.filter(([, ms]) => ms >= 0.25)
  const rest = perRun.filter(([, ms]) => ms < 0.25).reduce((sum, [, ms]) => sum + ms, 0)
  const total = profiled / RUNS
  return {
    title: `Where the start-up time goes: section 1's run under the CPU profiler (mean of ${RUNS} runs)`,
    table: {
      head: ['charged to', 'ms per run', 'share'],
      rows: [...shown, ['everything else', rest] as const].map(([name, ms]) => [name, formatMs(ms), `${((100 * ms) / total).toFixed(0)}%`]),
    },
    notes: [
      `Profiled time per run ${formatMs(total)}; node -e 0 under the same profiler: ${formatMs(floor)}. The profiler slows every`,
      `  part (section 1 has the real times) and starts after part of Node's own start. A module's row includes the built-ins it`,
      `  loads and the processes it spawns (node:child_process in src/runner/git.ts's); "the bundle's runtime" is webpack's:`,
      `  compiling each module the first time it is required.`,
    ],
    targets: [],
  }
}
