// `wait-for-build`: waits for the build workflow's run for this commit, fails fast when it fails,
// then pulls the image it built; or takes at once the image built from the same inputs, or says
// that no build comes. The decision is resolve-image's when the `resolution` input carries it.
import { code, escapeHtml } from '../action/html.js'
import { setOutputs, targetOutputs } from '../action/report.js'
import type { Session } from '../action/session.js'
import { info } from '../log/log.js'
import { carriedDecision, checkBuild, pushDecision } from '../resolution/session-decision.js'
import { awaitBuild } from './await-build.js'
import { pullRequestWait, pushWait, type WaitPlan } from './awaited.js'
import { useReusedImage } from './reused-image.js'
import { summarize } from './summary.js'

async function planWait(session: Session): Promise<WaitPlan> {
  const { target, inputs } = session
  const carried = carriedDecision(session)
  // Only a long-lived branch under `reuse: repository` may ship an image built elsewhere.
  if (target.kind === 'push') return pushWait(await pushDecision(session, target, carried, inputs.reuse === 'repository'), target)
  return pullRequestWait(await checkBuild(session, target, carried))
}

function reportNoBuild(session: Session, plan: Extract<WaitPlan, { kind: 'no-build' }>): void {
  setOutputs({ image: plan.reference, tag: plan.tag, ...targetOutputs(session.target) })
  info(plan.why)
  summarize([
    ['Image', code(plan.reference)],
    ['Build', `not awaited: ${escapeHtml(plan.why)}`],
  ])
}

export async function waitForBuildCommand(session: Session): Promise<void> {
  const plan = await planWait(session)
  switch (plan.kind) {
    case 'reuse':
      return useReusedImage(session, plan)
    case 'no-build':
      return reportNoBuild(session, plan)
    case 'await':
      return awaitBuild(session, plan.awaited)
  }
}
