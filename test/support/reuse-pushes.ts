// One PR, ten pushes. Pushes 1, 4 and 8 change the image's inputs (8 back to
// the state of push 1); the others change only code. Each push runs the build workflow and a
// check job together (test/support/reuse-world.ts). Played by test/bundle/reuse.test.ts, which
// asserts the outcome, and bench/reuse.ts, which measures it.
import { imageLabels } from './registry-push.js'
import { PullRequestBranch, pushCycle, type ReuseWorld } from './reuse-world.js'

const SETUP = 'echo setup\n'
const TEN_PUSHES: { files: Record<string, string>; changesInputs: boolean }[] = [
  { files: { 'Dockerfile.ci': 'FROM node:24\nRUN apt-get install -y python3\n' }, changesInputs: true },
  { files: { 'src/app.ts': 'export const a = 2\n' }, changesInputs: false },
  { files: { 'src/app.ts': 'export const a = 3\n' }, changesInputs: false },
  { files: { 'docker/setup.sh': 'echo setup\npip install ruff\n' }, changesInputs: true },
  { files: { 'src/app.ts': 'export const a = 5\n' }, changesInputs: false },
  { files: { 'src/app.ts': 'export const a = 6\n' }, changesInputs: false },
  { files: { 'src/app.ts': 'export const a = 7\n' }, changesInputs: false },
  { files: { 'docker/setup.sh': SETUP }, changesInputs: true },
  { files: { 'src/app.ts': 'export const a = 9\n' }, changesInputs: false },
  { files: { 'src/app.ts': 'export const a = 10\n' }, changesInputs: false },
]

export interface PushOutcome {
  push: number
  /** What the build workflow did. */
  did: 'built' | 'copied' | 'nothing'
  /** The check awaited a build run (it would wait for the build's minutes). */
  awaitedRun: boolean
  /** The inputs hash of the push, as the check resolved it; undefined where nothing is reused (`reuse: off`). */
  hash?: string
  /** The inputs label of the image the check got (pinned-image), read from the registry. */
  imageInputs?: string
  exitCode: number
}

export async function playTenPushes(world: ReuseWorld, reuse?: string): Promise<PushOutcome[]> {
  const pr = new PullRequestBranch(world)
  const outcomes: PushOutcome[] = []
  for (const [i, push] of TEN_PUSHES.entries()) {
    pr.push(push.files)
    const { build, check } = await pushCycle(world, { eventName: 'pull_request', pr }, { reuse })
    const pinned = check.wait.outputs['pinned-image']
    outcomes.push({
      push: i + 1,
      did: build.did,
      awaitedRun: check.wait.outputs['run-id'] !== undefined,
      hash: check.resolve.outputs['inputs-hash'] || undefined,
      imageInputs: pinned ? (await imageLabels(world.registry.url, pinned))['ci-image.inputs'] : undefined,
      exitCode: check.wait.exitCode,
    })
  }
  return outcomes
}
