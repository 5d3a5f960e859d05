// `comment-image`: one comment on the PR that follows its image. In the build workflow it says
// what the build of this commit gave (the image, a failure, a cancellation); anywhere else (the
// checks, which run on every PR) it only corrects a comment that no longer holds: a PR that no
// longer changes the image has its comment say so, and gets none if it never had one.
import * as core from '@actions/core'
import type { Outputs } from '../action/action-interface.js'
import { exactReference, renderComment, untrustedCode, type CommentState, type ImageComment } from './comment-body.js'
import { commentMarker } from './comment-marker.js'
import { repositoryUrl, runsWorkflow, type EventContext } from '../action/event.js'
import { escapeHtml } from '../action/html.js'
import type { JobStatus } from '../action/inputs.js'
import type { PullRequestTarget } from '../action/target.js'
import { upsertComment, type UpsertResult } from './upsert-comment.js'
import { issueCommentsApi } from './issue-comments.js'
import { describeApiError, isIntegrationRefusal } from '../github/errors.js'
import { tokenLogin } from '../github/identity.js'
import { info } from '../log/log.js'
import { setOutputs, targetOutputs, writeSummary } from '../action/report.js'
import { carriedDecision, checkBuild, pushDecision } from '../resolution/session-decision.js'
import type { Session } from '../action/session.js'
import { IN_COMMENT, IN_SUMMARY, renderDiffMarkdown } from '../diff/markdown.js'
import { compareWithStable } from './stable-diff.js'

function runUrl(ctx: EventContext): string | undefined {
  return ctx.runId && /^\d+$/.test(ctx.runId) ? `${repositoryUrl(ctx)}/actions/runs/${ctx.runId}` : undefined
}

interface NothingDone {
  /** Why, for the log. */
  text: string
  /** Why, as HTML for the summary (untrusted values escaped). */
  html: string
  outputs: Outputs
  log?: (message: string) => void
}

/** A run with nothing to write: says why in the log and the summary, and stays green. */
function reportNothingDone({ text, html, outputs, log = info }: NothingDone): void {
  setOutputs(outputs)
  log(`Nothing commented: ${text}`)
  writeSummary(core.summary.addHeading('CI image comment', 3).addRaw(`Nothing commented: ${html}`, true))
}

const warn = (message: string) => core.warning(message, { title: 'CI image not announced' })

const STATE_OF: Record<JobStatus, CommentState> = { success: 'built', failure: 'failed', cancelled: 'cancelled' }

const WROTE: Record<Exclude<UpsertResult['action'], 'none'>, string> = {
  created: 'Created',
  updated: 'Updated',
  unchanged: 'Left unchanged (already up to date)',
}

async function writeComment(
  session: Session,
  pr: PullRequestTarget,
  comment: ImageComment,
  create: boolean,
  outputs: Outputs,
  /** More for the job summary: the comparison with the stable image, in full. */
  summaryMore?: string,
): Promise<void> {
  const { ctx } = session
  const client = await session.client()
  const author = await tokenLogin(client)
  let result: UpsertResult
  try {
    const request = { marker: commentMarker(session.imageRepository), body: renderComment(comment), author, create }
    result = await upsertComment(issueCommentsApi(client, ctx.repository, pr.number), request)
  } catch (error) {
    if (isIntegrationRefusal(error)) {
      const text = `the token cannot write comments on PR #${pr.number} (${describeApiError(error)}). Give the job \`permissions: pull-requests: write\`; a PR from a fork never gets it.`
      return reportNothingDone({ text, html: escapeHtml(text), outputs, log: warn })
    }
    throw new Error(`Could not write the CI image comment on PR #${pr.number}: ${describeApiError(error)}`, { cause: error })
  }
  if (result.action === 'none') {
    const text = `PR #${pr.number} has no image comment to correct.`
    return reportNothingDone({ text, html: escapeHtml(text), outputs })
  }
  const { comment: written, deleted } = result
  setOutputs({ 'comment-id': written.id, 'comment-url': written.html_url, ...outputs })
  info(`${WROTE[result.action]}: the comment on PR #${pr.number} (${comment.state}): ${written.html_url}`)
  if (deleted.length > 0) info(`Removed duplicate comments ${deleted.join(', ')}, left by runs that raced this one.`)
  const line = `${WROTE[result.action]}: [the image comment](${written.html_url}) on PR #${pr.number} (${comment.state}).`
  const summary = core.summary.addHeading('CI image comment', 3).addRaw(line, true)
  writeSummary(summaryMore === undefined ? summary : summary.addEOL().addRaw(summaryMore, true))
}

export async function commentImageCommand(session: Session): Promise<void> {
  const { target, inputs, ctx } = session
  const carried = carriedDecision(session)
  if (target.kind === 'push') {
    const { image, tag } = await pushDecision(session, target, carried, false)
    const why = (branch: string) => `a push to ${branch} is not a pull request, so there is no PR to comment on.`
    const outputs = { image, tag, ...targetOutputs(target) }
    return reportNothingDone({ text: why(target.branch), html: why(untrustedCode(target.branch)), outputs })
  }
  const gate = await checkBuild(session, target, carried)
  if (gate.kind === 'fork') {
    const text = `${gate.reason} There is no image to announce.`
    return reportNothingDone({
      text,
      html: escapeHtml(text),
      outputs: { image: gate.reference, tag: gate.tag, ...targetOutputs(target) },
      log: warn,
    })
  }
  if (target.kind === 'merge_group') {
    // The PR's comment is its build's; a queue run adds nothing to it.
    const text = `a merge queue run announces nothing: PR #${target.pr.number}'s image comment is written by its own build.`
    return reportNothingDone({
      text,
      html: escapeHtml(text),
      outputs: { image: gate.reference, tag: gate.tag, ...targetOutputs(target) },
    })
  }
  const pr = target
  const base = {
    imageRepository: session.imageRepository,
    commitSha: pr.headSha,
    branch: pr.headRef,
    repositoryUrl: repositoryUrl(ctx),
    localCommand: inputs.localCommand,
  }
  if (gate.kind !== 'built') {
    // Unmodified (a fork's PR returned above): the build workflow does not run for such a PR, so
    // whoever runs on every PR corrects an old comment.
    const outputs = { image: gate.reference, tag: gate.tag, ...targetOutputs(pr) }
    return writeComment(session, pr, { ...base, state: 'stable', tag: gate.tag }, false, outputs)
  }
  const { reference, tag, decision } = gate
  const outputs = { image: reference, tag, ...targetOutputs(pr) }
  if (!runsWorkflow(ctx, inputs.buildWorkflow)) {
    const text = `PR #${pr.number} changes the CI image: ${inputs.buildWorkflow} announces its build.`
    return reportNothingDone({ text, html: escapeHtml(text), outputs })
  }
  // The image behind the reuse tag was built for another commit: this run copied it, no build.
  const reusable = decision.reuse?.reusable
  const reused = reusable && reusable.revision?.toLowerCase() !== pr.headSha.toLowerCase() ? reusable : undefined
  const comment: ImageComment = {
    ...base,
    state: STATE_OF[inputs.jobStatus],
    tag,
    commitTag: decision.commitTag,
    digest: inputs.digest ?? reused?.digest,
    runUrl: runUrl(ctx),
    reused: reused && { from: reused.revision },
  }
  // Only an image this run built (or copied) is compared: a failed or cancelled build has none.
  const diff = inputs.diff && comment.state === 'built' ? await compareWithStable(session, pr, exactReference(comment)) : undefined
  if (diff) comment.diff = renderDiffMarkdown(diff, IN_COMMENT)
  await writeComment(session, pr, comment, true, outputs, diff && renderDiffMarkdown(diff, IN_SUMMARY))
}
