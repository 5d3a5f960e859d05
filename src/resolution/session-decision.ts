// The decision wait-for-build and comment-image act on: the one resolve-image carried to them in
// the `resolution` input, checked to be this run's, or else resolved in their own step as
// resolve-image resolves it (a job with no resolve-image step).
import * as core from '@actions/core'
import { resolveFork, resolvePush } from './decision.js'
import type { MergeGroupTarget, PullRequestTarget, PushTarget } from '../action/target.js'
import { gateOf, type BuildGate } from './build-gate.js'
import { resolveConfig, resolveForSession } from './resolve.js'
import { imageDecisionOf, type ImageDecision } from './resolution-value.js'
import { readResolution } from './read-resolution.js'
import type { Session } from '../action/session.js'

/** The decision the `resolution` input carries, checked to be this run's; undefined without the input. */
export function carriedDecision(session: Session): ImageDecision | undefined {
  const { inputs, ctx, target, imageRepository } = session
  if (inputs.resolution === undefined) return undefined
  return readResolution(inputs.resolution, { repository: ctx.repository, target, imageRepository })
}

/** The gate of this PR: from `carried` when given, else resolved here (a fork's from the event alone). */
export async function checkBuild(
  session: Session,
  target: PullRequestTarget | MergeGroupTarget,
  carried: ImageDecision | undefined,
): Promise<BuildGate> {
  const pr = target.kind === 'merge_group' ? target.pr : target
  // A fork's is known from the event alone: no need to list the changed files.
  const resolve = async () =>
    pr.fork
      ? resolveFork(resolveConfig(session), pr)
      : core.group('Checking that this PR changes the CI image', () => resolveForSession(session))
  return gateOf(carried ?? imageDecisionOf(await resolve()), pr, session.inputs.buildWorkflow)
}

/**
 * A push's decision: from `carried` when given; else its tags, known from the event alone, and,
 * when `lookUpReuse`, the image built from the same inputs that may stand in for its build.
 */
export async function pushDecision(
  session: Session,
  target: PushTarget,
  carried: ImageDecision | undefined,
  lookUpReuse: boolean,
): Promise<ImageDecision> {
  if (carried) return carried
  if (!lookUpReuse) return imageDecisionOf(resolvePush(resolveConfig(session), target))
  return imageDecisionOf(await core.group('Looking for an image built from the same inputs', () => resolveForSession(session)))
}
