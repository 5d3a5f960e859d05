// `npm run bench`: what adopting this action gains over the inline shell and github-script steps
// it replaces, measured in one run on this machine. Prints tables; asserts nothing about time.
//   npm run bench                 all six measurements
//   npm run bench -- wait scale   only those (startup, wait, scale, checkout, behind, profile)
import { existsSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { availableParallelism, loadavg } from 'node:os'
import { DIST } from './action-command.js'
import { measureBehind } from './behind.js'
import { measureCheckoutCost } from './checkout-cost.js'
import { muteWorkflowCommands } from './mute-workflow-commands.js'
import { measureProfile } from './profile.js'
import { measureReuse } from './reuse.js'
import { measureScale } from './scale.js'
import { createScratch, type Scratch } from './scratch.js'
import { renderSection, renderTargets, type Section, type Target } from './section.js'
import { formatMs } from './stats.js'
import { measureStartup } from './startup.js'
import { measureWaitCost } from './wait-cost.js'

const MEASUREMENTS: Record<string, (scratch: Scratch) => Promise<Section>> = {
  startup: measureStartup,
  wait: measureWaitCost,
  scale: measureScale,
  checkout: measureCheckoutCost,
  behind: measureBehind,
  profile: measureProfile,
  reuse: measureReuse,
}

function chosen(argv: string[]): string[] {
  const unknown = argv.filter((name) => !(name in MEASUREMENTS))
  if (unknown.length > 0) throw new Error(`unknown measurement ${unknown.join(', ')}; choose from ${Object.keys(MEASUREMENTS).join(', ')}`)
  return argv.length > 0 ? argv : Object.keys(MEASUREMENTS)
}

function machine(): string {
  const gitVersion = execFileSync('git', ['--version'], { encoding: 'utf8' })
    .trim()
    .replace(/^git version /, '')
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')
  return `node ${process.version} · git ${gitVersion} · ${availableParallelism()} CPUs · load average ${load} at start`
}

async function main(): Promise<void> {
  const names = chosen(process.argv.slice(2))
  if (!existsSync(DIST)) throw new Error(`${DIST} is missing: the bench measures the built action (npm run build).`)
  const started = performance.now()
  muteWorkflowCommands()
  const scratch = createScratch()
  // Ctrl-C skips `finally`; the repositories are hundreds of megabytes.
  process.once('SIGINT', () => {
    scratch.remove()
    process.exit(130)
  })
  const targets: Target[] = []
  console.log(`ci-image benchmarks · ${machine()}\n`)
  try {
    for (const name of names) {
      process.stderr.write(`[bench] ${name}...\n`)
      const section = await MEASUREMENTS[name]!(scratch)
      // Numbered as in bench/README.md, whichever measurements run.
      console.log(`${renderSection(Object.keys(MEASUREMENTS).indexOf(name) + 1, section)}\n`)
      targets.push(...section.targets)
    }
  } finally {
    scratch.remove()
  }
  console.log(`Targets\n\n${renderTargets(targets)}\n`)
  console.log(`Whole bench: ${formatMs(performance.now() - started)}. Timing targets are read, not asserted.`)
}

await main()
