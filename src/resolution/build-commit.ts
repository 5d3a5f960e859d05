// The commit a build in this context uses, the one its inputs hash and its PR's copy of the build
// workflow are read at: named by the run itself (GITHUB_SHA), and only on the events where it is
// the commit the build checks out. Never the test merge commit a pull request payload names:
// GitHub computes it in the background, so it is null on `opened` and often the previous push's
// test merge on `synchronize` (actions/checkout#518). Pure.
import type { EventContext } from '../action/event.js'
import type { Target } from '../action/target.js'

export type BuildCommit =
  /**
   * `sha` is what the build builds. For a PR it is GitHub's merge commit, which must merge
   * `mergeOf`, the PR head this context is about, before anything is hashed.
   */
  | { kind: 'known'; sha: string; mergeOf?: string }
  /** No commit of this run is the build's: `why` says so, and what to do. */
  | { kind: 'unknown'; why: string }

type Run = Pick<EventContext, 'eventName' | 'sha' | 'ref'>

/**
 * "Events that trigger workflows" (GitHub docs): on `pull_request`, GITHUB_SHA is the last merge
 * commit of GITHUB_REF, `refs/pull/<N>/merge`. It is fixed for the run ("Re-running a workflow or
 * jobs in a workflow uses the same GITHUB_SHA": docs, Re-running workflows and jobs), and what
 * actions/checkout checks out by default (src/input-helper.ts: no `ref`, the commit is
 * github.context.sha). On `pull_request_target` it is the base branch's last commit, on
 * `issue_comment` the default branch's: neither is a PR's merge commit.
 */
function pullRequestBuildCommit(run: Run, number: number, headSha: string): BuildCommit {
  const mergeRef = `refs/pull/${number}/merge`
  if (run.eventName === 'pull_request' && run.ref === mergeRef) return { kind: 'known', sha: run.sha, mergeOf: headSha }
  if (run.eventName === 'pull_request') {
    return {
      kind: 'unknown',
      why: `this pull_request run is for ${run.ref || 'no ref'}, not ${mergeRef}, so its GITHUB_SHA is not PR #${number}'s merge commit. Reuse works in the PR's own runs (no \`pr-number\` input)`,
    }
  }
  if (run.eventName === 'pull_request_target') {
    return {
      kind: 'unknown',
      why: `on pull_request_target, GITHUB_SHA is the base branch's last commit, not PR #${number}'s merge commit, and what a build checks out there is the workflow's own choice. Reuse works with a build workflow that runs on pull_request`,
    }
  }
  return {
    kind: 'unknown',
    why: `on ${run.eventName || 'this event'}, GITHUB_SHA is a branch's commit, not the merge commit PR #${number}'s build used, which only that build's run knows. The build of the PR's head is awaited instead`,
  }
}

export function buildCommitOf(run: Run, target: Target): BuildCommit {
  switch (target.kind) {
    case 'pull_request':
      return pullRequestBuildCommit(run, target.number, target.headSha)
    case 'merge_group':
      return { kind: 'unknown', why: "a merge queue's run builds nothing: its image comes with the push to the base branch" }
    case 'push':
      // A push's commit is GITHUB_SHA; a `head-sha` input naming another is not what the build checks out.
      if (target.sha.toLowerCase() === run.sha.toLowerCase()) return { kind: 'known', sha: target.sha }
      return {
        kind: 'unknown',
        why: `head-sha names ${target.sha}, but this run's commit (GITHUB_SHA), the one its build checks out, is ${run.sha || 'not set'}`,
      }
  }
}
