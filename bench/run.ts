// `npm run bench`: what a user of this action feels, beside the inline steps it replaces or the
// floor. Prints tables; asserts nothing about time.
//   npm run bench                 every case
//   npm run bench -- wait scale   only those
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { measureBehind } from './behind.js'
import { measureBounds } from './bounds.js'
import { measureReuse } from './reuse.js'
import { measureScale } from './scale.js'
import { createScratch, type Scratch } from './scratch.js'
import { measureStartup } from './startup.js'
import { DIST } from './steps.js'
import { renderSection, type Section } from './table.js'
import { measureWait } from './wait.js'

/** The cases, in the order they print: one function each, handed a scratch directory. */
const CASES: Record<string, (scratch: Scratch) => Promise<Section>> = {
  wait: measureWait,
  behind: measureBehind,
  scale: measureScale,
  startup: measureStartup,
  reuse: measureReuse,
  bounds: measureBounds,
}

const names = process.argv.slice(2)
const unknown = names.filter((name) => !(name in CASES))
if (unknown.length > 0) throw new Error(`unknown case ${unknown.join(', ')}; choose from ${Object.keys(CASES).join(', ')}`)
if (!existsSync(DIST)) throw new Error(`${DIST} is missing: the bench measures the built action (npm run bundle).`)

// In process, src/ modules log through @actions/core, whose workflow commands (`::debug::...`)
// would break up the tables.
const write = process.stdout.write.bind(process.stdout)
process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) =>
  String(chunk).startsWith('::') ? true : write(chunk, ...rest)) satisfies typeof process.stdout.write
const scratch = createScratch()
// Ctrl-C skips `finally`; the repositories are hundreds of megabytes.
process.once('SIGINT', () => {
  scratch.remove()
  process.exit(130)
})
const gitVersion = execFileSync('git', ['--version'], { encoding: 'utf8' }).trim()
const load = loadavg()[0]!.toFixed(2)
console.log(`ci-image bench · node ${process.version} · ${gitVersion} · ${availableParallelism()} CPUs · load ${load}\n`)
try {
  for (const name of names.length > 0 ? names : Object.keys(CASES)) {
    process.stderr.write(`[bench] ${name}...\n`)
    console.log(`${renderSection(await CASES[name]!(scratch))}\n`)
  }
} finally {
  scratch.remove()
}
// Every case stops what it started (servers, child processes, timers), so the bench ends by
// itself. Should a case leave one behind, say what keeps the process alive and end, not hang.
setTimeout(() => {
  process.stderr.write(`[bench] still running 10 s after the last case, kept alive by: ${process.getActiveResourcesInfo().join(', ')}\n`)
  process.exit(1)
}, 10_000).unref()
