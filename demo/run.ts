// `npm run demo`: the scenarios of test/support/scenarios.ts, end to end, offline, in seconds.
// The bundled action runs exactly as the Actions runner runs it, against real temp git
// repositories and an embedded GitHub; nothing here needs a token or the network.
import { imageChangingPullRequest, pushToV2, regularPullRequest, startWorld, type Say } from '../test/support/scenarios.js'

const t0 = Date.now()
const say: Say = (actor, text) => {
  const t = ((Date.now() - t0) / 1000).toFixed(1).padStart(5)
  console.log(`[${t}s] ${actor.padEnd(32)} ${text}`)
}
const heading = (text: string) => console.log(`\n━━ ${text} ${'━'.repeat(Math.max(0, 86 - text.length))}`)

// The image lives in a loopback registry (no network): comment-image compares the PR's image with v2's.
const world = await startWorld(say, { registry: true })
try {
  heading('Scenario 1: a regular PR uses the stable image at once')
  const one = await regularPullRequest(world)
  heading('Scenario 2: a PR that changes Dockerfile.ci builds, waits for and uses pr-42')
  const two = await imageChangingPullRequest(world)
  console.log('\nThe PR comment the build left:\n')
  console.log((two.commentBody ?? '(none)').replace(/^/gm, '  │ '))
  heading('Scenario 3: a merge to v2 builds v2 and v2-sha-<7>')
  const three = await pushToV2(world)

  heading('Summary')
  const rows: [string, string][] = [
    ['regular PR', `${one.resolve.outputs.image} (modified=${one.resolve.outputs.modified})`],
    [
      'PR changing the image',
      `${two.check.wait.outputs.image} built by run ${two.check.wait.outputs['run-id']}, digest ${two.check.wait.outputs.digest}`,
    ],
    ['push to v2', three.resolve.outputs.tags!.split('\n').join(', ')],
  ]
  for (const [k, v] of rows) console.log(`  ${k.padEnd(24)} ${v}`)
  const api = world.github.requests
  console.log(
    `  ${'GitHub API requests'.padEnd(24)} ${api.length} (${api.filter((r) => r.status === 304).length} answered 304, free of rate limit)`,
  )
  console.log(`  ${'wall time'.padEnd(24)} ${((Date.now() - t0) / 1000).toFixed(1)} s`)
  const failed = [one.resolve, two.check.resolve, two.check.wait, two.build.resolve, two.build.comment, three.resolve].some(
    (r) => r?.exitCode !== 0,
  )
  if (failed) process.exitCode = 1
} finally {
  await world.stop()
}
