// Is there a build of this PR's own image to wait for or to announce? Written once for
// wait-for-build and comment-image, from the decision resolve-image carried to them in
// `resolution` or the one resolved in their own step (resolution/session-decision.ts): a fork's
// PR cannot push an image, and a PR whose changes start no build of the build workflow has none. Pure.
import type { PullRequestTarget } from '../action/target.js'
import type { ImageDecision } from './resolution-value.js'

export type BuildGate = { reference: string; tag: string; decision: ImageDecision } & (
  | /** The build workflow builds the PR's own image, for the PR's head. */
    { kind: 'built'; pr: PullRequestTarget }
    /** No image is built for this PR: it uses `reference`, the stable image, for `reason`. */
  | { kind: 'fork' | 'unmodified'; reason: string }
)

export function gateOf(decision: ImageDecision, pr: PullRequestTarget, buildWorkflow: string): BuildGate {
  const image = { reference: decision.image, tag: decision.tag, decision }
  if (decision.fork) {
    const reason = `PR #${pr.number} comes from a fork, whose token cannot push an image, so no image is built for it.`
    return { kind: 'fork', ...image, reason }
  }
  if (!decision.modified) return { kind: 'unmodified', ...image, reason: `${decision.reason} ${buildWorkflow} builds no image for it.` }
  return { kind: 'built', ...image, pr }
}
