// Is there a build of this PR's own image to wait for or to announce? Written once for
// wait-for-build and comment-image: a fork's PR cannot push an image, and a PR whose changes
// start no build of the build workflow has none.
import * as core from '@actions/core'
import { resolveFork, type ResolvedImage } from './decision.js'
import type { MergeGroupTarget, PullRequestTarget } from '../action/target.js'
import { resolveConfig, resolveForSession } from './resolve.js'
import type { Session } from '../action/session.js'

export type BuildGate =
  /** The build workflow builds the PR's own image, for the PR's head. */
  | { kind: 'built'; resolved: ResolvedImage; pr: PullRequestTarget }
  /** No image is built for this PR: it uses `reference`, the stable image, for `reason`. */
  | { kind: 'fork' | 'unmodified'; reference: string; tag: string; reason: string; resolved?: ResolvedImage }

export async function checkBuild(session: Session, target: PullRequestTarget | MergeGroupTarget): Promise<BuildGate> {
  const pr = target.kind === 'merge_group' ? target.pr : target
  if (pr.fork) {
    // Known from the event alone: no need to list the changed files.
    const resolved = resolveFork(resolveConfig(session), pr)
    const reason = `PR #${pr.number} comes from a fork, whose token cannot push an image, so no image is built for it.`
    return { kind: 'fork', reference: resolved.reference, tag: resolved.tag, reason, resolved }
  }
  const resolved = await core.group('Checking that this PR changes the CI image', () => resolveForSession(session))
  if (!resolved.modified) {
    const reason = `${resolved.reason} ${session.inputs.buildWorkflow} builds no image for it.`
    return { kind: 'unmodified', reference: resolved.reference, tag: resolved.tag, reason, resolved }
  }
  return { kind: 'built', resolved, pr }
}
