// Event payloads from GitHub's own webhook examples, patched per scenario. What GitHub fills in the
// background stays as GitHub sends it: `merge_commit_sha` and `mergeable` are null in `opened`
// (the example's values), and `merge_commit_sha` is often the previous push's test merge in
// `synchronize` (actions/checkout#518), which a scenario passes as `previousMergeSha`. Nothing
// here sets them to the merge commit of the event's own push.
import { createRequire } from 'node:module'
import type { EventContext } from '../../src/action/event.js'

interface Example {
  name: string
  actions: string[]
  examples: Record<string, unknown>[]
}

const require = createRequire(import.meta.url)
const examples = require('@octokit/webhooks-examples/api.github.com/index.json') as Example[]

function example(name: string, action?: string): Record<string, any> {
  const group = examples.find((e) => e.name === name)
  const found = group?.examples.find((e) => action === undefined || e.action === action)
  if (!found) throw new Error(`no webhook example ${name}.${action}`)
  return structuredClone(found) as Record<string, any>
}

export interface PullRequestEventOptions {
  number?: number
  baseRef?: string
  baseSha?: string
  headRef?: string
  headSha: string
  fork?: boolean
  changedFiles?: number
  owner?: string
  repo?: string
  /** `synchronize`: the head before the push (the payload's `before`). */
  previousHeadSha?: string
  /** `synchronize`: the previous push's test merge, which GitHub often still sends as `merge_commit_sha`. */
  previousMergeSha?: string
}

/** A `pull_request` object as webhooks and `GET /pulls/{n}` both shape it (`action`: the example it comes from). */
export function pullRequestObject(o: PullRequestEventOptions, action = 'opened'): Record<string, any> {
  const pr = example('pull_request', action).pull_request
  const fullName = `${o.owner ?? 'acme'}/${o.repo ?? 'app'}`
  pr.number = o.number ?? 42
  pr.base.ref = o.baseRef ?? 'main'
  pr.base.sha = o.baseSha ?? 'b'.repeat(40)
  pr.base.repo.full_name = fullName
  pr.head.ref = o.headRef ?? 'feature'
  pr.head.sha = o.headSha
  pr.head.repo = { ...pr.base.repo, full_name: o.fork ? `someone/${o.repo ?? 'app'}` : fullName, fork: Boolean(o.fork) }
  pr.changed_files = o.changedFiles ?? 1
  // The REST shape has these where the webhook example left them out.
  pr.auto_merge ??= null
  return pr
}

export function pullRequestEvent(o: PullRequestEventOptions, action = 'synchronize'): Record<string, any> {
  // Activities without an example of their own (edited, merged...) start from `opened`'s.
  const known = examples.some((e) => e.name === 'pull_request' && e.examples.some((x) => x.action === action))
  const event = example('pull_request', known ? action : 'opened')
  event.action = action
  event.number = o.number ?? 42
  event.pull_request = pullRequestObject(o, known ? action : 'opened')
  if (action === 'synchronize') {
    event.after = o.headSha
    if (o.previousHeadSha !== undefined) event.before = o.previousHeadSha
    if (o.previousMergeSha !== undefined) event.pull_request.merge_commit_sha = o.previousMergeSha
  }
  return event
}

export function issueCommentEvent(o: {
  number?: number
  /** What GitHub shows beside the comment: a label, never a permission. */
  association?: string
  login?: string
  /** `Bot` for a GitHub App or the Actions bot. */
  userType?: 'User' | 'Bot'
  body?: string
  onPullRequest?: boolean
  /** `created` (the default), `edited` or `deleted`. */
  action?: string
}): Record<string, any> {
  const event = example('issue_comment', 'created')
  event.action = o.action ?? 'created'
  event.issue.number = o.number ?? 42
  if (o.onPullRequest === false) delete event.issue.pull_request
  else event.issue.pull_request = { url: `https://api.github.com/repos/acme/app/pulls/${o.number ?? 42}` }
  event.comment.author_association = o.association ?? 'NONE'
  event.comment.user.type = o.userType ?? 'User'
  event.comment.user.login = o.login ?? 'someone'
  event.comment.body = o.body ?? '/regen'
  return event
}

export function pushEvent(o: { ref: string; after: string; deleted?: boolean }): Record<string, any> {
  const event = example('push')
  event.ref = o.ref
  event.after = o.after
  event.deleted = o.deleted ?? false
  return event
}

export function workflowDispatchEvent(o: { ref: string }): Record<string, any> {
  const event = example('workflow_dispatch')
  event.ref = o.ref
  return event
}

/** A merge queue's `merge_group` event (action checks_requested), for the queue branch of `prNumber`. */
export function mergeGroupEvent(o: {
  prNumber: number
  prHeadSha: string
  baseRef: string
  baseSha: string
  headSha: string
}): Record<string, any> {
  const event = example('merge_group')
  event.merge_group.head_ref = `refs/heads/gh-readonly-queue/${o.baseRef}/pr-${o.prNumber}-${o.prHeadSha}`
  event.merge_group.head_sha = o.headSha
  event.merge_group.base_ref = `refs/heads/${o.baseRef}`
  event.merge_group.base_sha = o.baseSha
  return event
}

/** The run around a payload, as the runner describes it: GITHUB_EVENT_NAME, GITHUB_SHA, GITHUB_REF. */
export function runContext(eventName: string, payload: Record<string, unknown>, run: { sha: string; ref: string }): EventContext {
  return {
    eventName,
    payload,
    repository: { owner: 'acme', repo: 'app' },
    sha: run.sha,
    ref: run.ref,
    workspace: '/tmp',
    serverUrl: 'https://github.com',
    apiUrl: 'http://127.0.0.1:9',
  }
}
