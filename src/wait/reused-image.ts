// wait-for-build when an image built from the same inputs stands in for the build: no run is
// awaited, and the image is the one resolve found, pinned by digest.
import { code } from '../action/html.js'
import { setOutputs, targetOutputs } from '../action/report.js'
import type { Session } from '../action/session.js'
import { info } from '../log/log.js'
import type { WaitPlan } from './awaited.js'
import { summarize } from './summary.js'
import { pullPinned } from './verified-pull.js'

export async function useReusedImage(session: Session, plan: Extract<WaitPlan, { kind: 'reuse' }>): Promise<void> {
  const { pinned, digest, revision } = plan.reusable
  setOutputs({
    image: plan.reference,
    tag: plan.tag,
    digest,
    'pinned-image': pinned,
    'reusable-image': pinned,
    reused: true,
    // resolve accepted it only because its ci-image.inputs label equals this context's inputs hash.
    verified: true,
    ...targetOutputs(session.target),
  })
  const from = revision ? ` for ${revision}` : ''
  info(`Reusing ${pinned}, built${from} from the same inputs: no build run is awaited.`)
  if (session.inputs.pull) await pullPinned(session, pinned)
  summarize([
    ['Image', code(pinned)],
    ['Build', `not awaited: the image built${revision ? ` for ${code(revision)}` : ''} from the same inputs is reused`],
  ])
}
