// Reuse (docs/reuse.md): one PR, ten pushes (test/support/reuse-pushes.ts), each running the build
// workflow's steps and a check job against the embedded GitHub and a real registry, with reuse off
// (every push builds) and with the default `reuse: pull-request`. The checks' wait is on a
// simulated clock: a check that awaits a build run waits the whole build (5 minutes, the build
// starting with the push); one that takes a reusable image waits nothing. The build workflow's
// docker steps are stand-ins over the registry's HTTP API (buildx cannot run here).
import { registryAvailable, REGISTRY_BINARY } from '../test/support/registry-service.js'
import { playTenPushes } from '../test/support/reuse-pushes.js'
import { startReuseWorld } from '../test/support/reuse-world.js'
import type { Section } from './table.js'
import { formatMs } from './stats.js'

const BUILD_SECONDS = 5 * 60

async function play(reuse: string) {
  const world = await startReuseWorld()
  const started = performance.now()
  try {
    const outcomes = await playTenPushes(world, reuse)
    const failed = outcomes.filter((o) => o.exitCode !== 0 || o.imageInputs !== o.hash)
    if (failed.length > 0)
      throw new Error(`reuse: ${reuse}: pushes ${failed.map((o) => o.push).join(', ')} did not get their own inputs' image`)
    return {
      builds: world.builds,
      waited: outcomes.filter((o) => o.awaitedRun).length,
      registryRequests: world.registryRequests(),
      wallMs: performance.now() - started,
    }
  } finally {
    await world.stop()
  }
}

export async function measureReuse(): Promise<Section> {
  if (!registryAvailable())
    throw new Error(`${REGISTRY_BINARY} is missing: the reuse bench needs a real registry (Debian's docker-registry).`)
  const off = await play('off')
  const reuse = await play('pull-request')
  const row = (name: string, r: typeof off) => [
    name,
    String(r.builds),
    String(r.waited),
    String(r.waited * BUILD_SECONDS),
    String(r.registryRequests),
    formatMs(r.wallMs),
  ]
  return {
    title: 'Reuse: one PR, 10 pushes (1, 4 and 8 change the image inputs, 8 back to 1), a 5-minute build; wait on a simulated clock',
    head: ['reuse', 'builds', 'checks that waited', 'seconds waited', 'registry requests', 'wall'],
    rows: [row('off', off), row('pull-request (default)', reuse)],
    notes: [
      'Goal: 2 builds for 10 pushes, and only pushes 1 and 4 wait.',
      'Registry requests: those of the action steps (lookups, verification), through a counting proxy; the build stand-ins bypass it.',
      "Every check's image carries the inputs label of its own push (read from the registry).",
    ],
  }
}
