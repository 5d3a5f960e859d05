// Is there a build of this PR's own image to wait for or to announce? Written once for
// wait-for-build and comment-image: a fork's PR cannot push an image, and a PR whose changes
// start no build of the build workflow has none.
import * as core from '@actions/core'
import { defaultBranch } from '../action/event.js'
import { imageReference } from '../registry/image-ref.js'
import type { ResolvedImage } from './decision.js'
import { choosePullRequestTag } from './tags.js'
import type { MergeGroupTarget, PullRequestTarget } from '../action/target.js'
import { resolveForSession } from './resolve.js'
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
    const { tag } = choosePullRequestTag({
      ...session.inputs,
      defaultBranch: defaultBranch(session.ctx),
      prNumber: pr.number,
      headSha: pr.headSha,
      baseRef: pr.baseRef,
      modified: true,
      fork: true,
    })
    const reason = `PR #${pr.number} comes from a fork, whose token cannot push an image, so no image is built for it.`
    return { kind: 'fork', reference: imageReference(session.imageRepository, tag), tag, reason }
  }
  const resolved = await core.group('Checking that this PR changes the CI image', () => resolveForSession(session))
  if (!resolved.modified) {
    const reason = `${resolved.reason} ${session.inputs.buildWorkflow} builds no image for it.`
    return { kind: 'unmodified', reference: resolved.reference, tag: resolved.tag, reason, resolved }
  }
  return { kind: 'built', resolved, pr }
}
