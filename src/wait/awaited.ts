// What wait-for-build does with a decision, carried in `resolution` or resolved in its own step:
// take the image built from the same inputs, report that no build comes, or await the build run of
// this commit. Pure.
import { PATH_FILTER_DIFF_LIMIT } from '../resolution/decision.js'
import type { BuildGate } from '../resolution/build-gate.js'
import type { ImageDecision } from '../resolution/resolution-value.js'
import type { PushTarget } from '../action/target.js'
import type { RunScope } from './runs.js'

type Reusable = NonNullable<NonNullable<ImageDecision['reuse']>['reusable']>

/** What to wait for: the build of this commit, of these events, for this PR. */
export interface Awaited {
  tag: string
  /** The tag that names this commit's image only. */
  commitTag: string
  headSha: string
  scope: RunScope
  /** A hint for a timeout with no run at all (a PR too large for GitHub's path filters). */
  noRunHint?: string
  /** The commit's inputs hash: an image copied from a build of the same inputs carries it. */
  inputsHash?: string
}

export type WaitPlan =
  /** An image built from the same inputs stands in for the build: nothing to wait for. */
  | { kind: 'reuse'; reference: string; tag: string; reusable: Reusable }
  /** No build comes: this context uses `reference`, for `why`. */
  | { kind: 'no-build'; reference: string; tag: string; why: string }
  | { kind: 'await'; awaited: Awaited }

function reuseOf(decision: ImageDecision): WaitPlan | undefined {
  const reusable = decision.reuse?.reusable
  return reusable && { kind: 'reuse', reference: decision.image, tag: decision.tag, reusable }
}

/** After a push, the push run of that commit builds `<branch>-sha-<7>`, its commit tag; a long-lived branch may ship a reused image. */
export function pushWait(decision: ImageDecision, target: PushTarget): WaitPlan {
  const commitTag = decision.commitTag!
  const awaited = { tag: commitTag, commitTag, headSha: target.sha, scope: { events: ['push'] }, inputsHash: decision.reuse?.hash }
  return reuseOf(decision) ?? { kind: 'await', awaited }
}

/** A PR's own build, of the events its build triggers fire on and its number: only that build counts. */
export function pullRequestWait(gate: BuildGate): WaitPlan {
  if (gate.kind !== 'built') {
    // No build will come: say why now, not at the timeout, and hand over the stable image.
    return {
      kind: 'no-build',
      reference: gate.reference,
      tag: gate.tag,
      why: `${gate.reason} There is nothing to wait for; it uses ${gate.reference}.`,
    }
  }
  const { pr, decision } = gate
  const noRunHint = decision.beyondPathFilterLimit
    ? `PR #${pr.number} changes ${decision.changedCount} files, and GitHub evaluates path filters on the first ${PATH_FILTER_DIFF_LIMIT} only, so it may not have started the build.`
    : undefined
  const awaited = {
    tag: decision.tag,
    commitTag: decision.commitTag!,
    headSha: pr.headSha,
    scope: { events: decision.events ?? ['pull_request'], prNumber: pr.number },
    noRunHint,
    inputsHash: decision.reuse?.hash,
  }
  return reuseOf(decision) ?? { kind: 'await', awaited }
}
