// `comment-image`: announces the PR's freshly built image in one comment on the PR, updated in
// place on every build.
import * as core from '@actions/core'
import type { Outputs } from '../core/action-interface.js'
import { renderComment, untrustedCode } from '../core/comment-body.js'
import { commentMarker } from '../core/comment-marker.js'
import { repositoryUrl, type EventContext } from '../core/event.js'
import { escapeHtml } from '../core/html.js'
import { imageReference } from '../core/image-ref.js'
import { choosePushTags, prTag } from '../core/tags.js'
import type { PullRequestTarget } from '../core/target.js'
import { upsertComment, type UpsertResult } from '../core/upsert-comment.js'
import { issueCommentsApi } from '../github/comments.js'
import { describeApiError, isIntegrationRefusal } from '../github/errors.js'
import { tokenLogin } from '../github/identity.js'
import { setOutputs, targetOutputs, writeSummary } from '../runner/report.js'
import { checkBuild } from '../session/build-gate.js'
import type { Session } from '../session/session.js'

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

/** A run with nothing to announce: says why in the log and the summary, and stays green. */
async function reportNothingDone({ text, html, outputs, log = core.info }: NothingDone): Promise<void> {
  setOutputs(outputs)
  log(`Nothing commented: ${text}`)
  await writeSummary(core.summary.addHeading('CI image comment', 3).addRaw(`Nothing commented: ${html}`, true))
}

const warn = (message: string) => core.warning(message, { title: 'CI image not announced' })

async function commentOnPullRequest(session: Session, pr: PullRequestTarget): Promise<void> {
  const { ctx } = session
  const tag = prTag(pr.number)
  const reference = imageReference(session.imageRepository, tag)
  const outputs = { image: reference, tag, ...targetOutputs(pr) }
  const body = renderComment({
    imageRepository: session.imageRepository,
    tag,
    commitSha: pr.headSha,
    branch: pr.headRef,
    repositoryUrl: repositoryUrl(ctx),
    runUrl: runUrl(ctx),
  })
  const client = await session.client()
  const api = issueCommentsApi(client, ctx.repository, pr.number)
  const author = await tokenLogin(client)
  let result: UpsertResult
  try {
    result = await upsertComment(api, { marker: commentMarker(session.imageRepository), body, author })
  } catch (error) {
    if (isIntegrationRefusal(error)) {
      const text = `the token cannot write comments on PR #${pr.number} (${describeApiError(error)}). Give the job \`permissions: pull-requests: write\`; a PR from a fork never gets it.`
      return reportNothingDone({ text, html: escapeHtml(text), outputs, log: warn })
    }
    throw new Error(`Could not write the CI image comment on PR #${pr.number}: ${describeApiError(error)}`, { cause: error })
  }
  const { comment, action, deleted } = result
  setOutputs({ 'comment-id': comment.id, 'comment-url': comment.html_url, ...outputs })
  core.info(`${action === 'created' ? 'Created' : 'Updated'} the comment for ${reference} on PR #${pr.number}: ${comment.html_url}`)
  if (deleted.length > 0) core.info(`Removed duplicate comments ${deleted.join(', ')}, left by runs that raced this one.`)
  const line = `${action === 'created' ? 'Created' : 'Updated'} [the image comment](${comment.html_url}) on PR #${pr.number} for ${untrustedCode(reference)}.`
  await writeSummary(core.summary.addHeading('CI image comment', 3).addRaw(line, true))
}

export async function commentImageCommand(session: Session): Promise<void> {
  const { target, inputs } = session
  if (target.kind === 'push') {
    const { tag } = choosePushTags(target.branch, target.sha, inputs.branchTags)
    const why = (branch: string) => `a push to ${branch} is not a pull request, so there is no PR to comment on.`
    const outputs = { image: imageReference(session.imageRepository, tag), tag, ...targetOutputs(target) }
    return reportNothingDone({ text: why(target.branch), html: why(untrustedCode(target.branch)), outputs })
  }
  const gate = await checkBuild(session, target)
  if (gate.kind !== 'built') {
    const text = `${gate.reason} There is no image to announce.`
    const outputs = { image: gate.reference, tag: gate.tag, ...targetOutputs(target) }
    // A fork's changed image that is not used deserves a warning; an unchanged one is the normal case.
    return reportNothingDone({ text, html: escapeHtml(text), outputs, log: gate.kind === 'fork' ? warn : core.info })
  }
  if (target.kind === 'merge_group') {
    // The PR's comment is its build's; a queue run adds nothing to it.
    const text = `a merge queue run announces nothing: PR #${target.pr.number}'s image comment is written by its own build.`
    const outputs = { image: gate.resolved.reference, tag: gate.resolved.tag, ...targetOutputs(target) }
    return reportNothingDone({ text, html: escapeHtml(text), outputs })
  }
  await commentOnPullRequest(session, target)
}
