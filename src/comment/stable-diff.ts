// comment-image's comparison of the PR's freshly built image with the stable image it replaces
// (its base branch's stable tag, as resolve-image names it), for the comment and the job summary.
// Never fails the step: a registry that refuses or lacks the stable image is "no comparison".
import * as core from '@actions/core'
import { compareImages } from '../diff/compare.js'
import type { DiffOutcome } from '../diff/image-diff.js'
import { renderDiffText } from '../diff/terminal.js'
import { imageReference } from '../registry/image-ref.js'
import { resolveConfig } from '../resolution/resolve.js'
import { stableTag } from '../resolution/tags.js'
import { info } from '../log/log.js'
import type { PullRequestTarget } from '../action/target.js'
import type { Session } from '../action/session.js'

export async function compareWithStable(session: Session, pr: PullRequestTarget, prReference: string): Promise<DiffOutcome> {
  const stable = imageReference(session.imageRepository, stableTag({ ...resolveConfig(session), baseRef: pr.baseRef }))
  return core.group(`Comparing the image with the stable image ${stable}`, async () => {
    const outcome = await compareImages(prReference, stable, { token: session.inputs.token })
    if (outcome.kind === 'compared') for (const line of renderDiffText(outcome.diff)) info(line)
    else info(`No comparison with the stable image ${stable}: ${outcome.reason}.`)
    return outcome
  })
}
