// `comment-image`: announces the PR's freshly built image in one comment on the PR, updated in
// place on every build.
import * as core from '@actions/core'
import { renderComment, untrustedCode } from '../comment-body.js'
import { commentMarker } from '../comment-marker.js'
import { issueCommentsApi } from '../comments.js'
import type { RunnerContext } from '../context.js'
import { escapeHtml, setOutputs, targetOutputs, writeSummary, type Outputs } from '../report.js'
import type { Session } from '../session.js'
import { choosePullRequestTag, choosePushTags, prTag } from '../tags.js'
import type { PullRequestTarget } from '../target.js'
import { upsertComment, type UpsertResult } from '../upsert-comment.js'
import { resolveForSession } from './resolve-image.js'

function repositoryUrl(ctx: RunnerContext): string {
  return `${ctx.serverUrl}/${ctx.repository.owner}/${ctx.repository.repo}`
}

function runUrl(ctx: RunnerContext): string | undefined {
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

/** A token without write access (a fork's PR, `permissions` without pull-requests: write). */
function cannotWrite(error: unknown): boolean {
  const { status, message } = error as { status?: number; message?: string }
  return status === 403 && /resource not accessible/i.test(message ?? '')
}

function describeRequestError(error: unknown): string {
  const { status, message, request } = error as { status?: number; message?: string; request?: { method?: string; url?: string } }
  const call = request?.method && request.url ? `${request.method} ${new URL(request.url).pathname} ` : ''
  return `${call}${status !== undefined ? `answered ${status}: ` : ''}${message ?? String(error)}`
}

async function commentOnPullRequest(session: Session, pr: PullRequestTarget): Promise<void> {
  const { ctx } = session
  const tag = prTag(pr.number)
  const image = `${session.image}:${tag}`
  const outputs = { image, tag, ...targetOutputs(pr) }
  const body = renderComment({
    repository: session.image,
    tag,
    commitSha: pr.headSha,
    branch: pr.headRef,
    repositoryUrl: repositoryUrl(ctx),
    runUrl: runUrl(ctx),
  })
  const api = issueCommentsApi(await session.client(), ctx.repository, pr.number)
  let result: UpsertResult
  try {
    result = await upsertComment(api, commentMarker(session.image), body)
  } catch (error) {
    if (cannotWrite(error)) {
      const text = `the token cannot write comments on PR #${pr.number} (${describeRequestError(error)}). Give the job \`permissions: pull-requests: write\`; a PR from a fork never gets it.`
      return reportNothingDone({ text, html: escapeHtml(text), outputs, log: warn })
    }
    throw new Error(`Could not write the CI image comment on PR #${pr.number}: ${describeRequestError(error)}`)
  }
  const { comment, action, deleted } = result
  setOutputs({ 'comment-id': comment.id, 'comment-url': comment.html_url, ...outputs })
  core.info(`${action === 'created' ? 'Created' : 'Updated'} the comment for ${image} on PR #${pr.number}: ${comment.html_url}`)
  if (deleted.length > 0) core.info(`Removed duplicate comments ${deleted.join(', ')}, left by runs that raced this one.`)
  const line = `${action === 'created' ? 'Created' : 'Updated'} [the image comment](${comment.html_url}) on PR #${pr.number} for ${untrustedCode(image)}.`
  await writeSummary(core.summary.addHeading('CI image comment', 3).addRaw(line, true))
}

export async function commentImageCommand(session: Session): Promise<void> {
  const { target, inputs } = session
  if (target.kind === 'push') {
    const { tag } = choosePushTags(target.branch, target.sha, inputs.branchTags)
    const why = (branch: string) => `a push to ${branch} is not a pull request, so there is no PR to comment on.`
    const outputs = { image: `${session.image}:${tag}`, tag, ...targetOutputs(target) }
    return reportNothingDone({ text: why(target.branch), html: why(untrustedCode(target.branch)), outputs })
  }
  if (target.fork) {
    // A fork's PR never gets its own image (its token cannot push one): it runs on the stable tag.
    const { tag } = choosePullRequestTag({ ...inputs, prNumber: target.number, baseRef: target.baseRef, modified: true, fork: true })
    const text = `PR #${target.number} comes from a fork, whose token cannot push an image, so no image was built for it to announce.`
    const outputs = { image: `${session.image}:${tag}`, tag, ...targetOutputs(target) }
    return reportNothingDone({ text, html: text, outputs, log: warn })
  }
  // Nothing was built for a PR that changes no watched path: its build workflow never ran.
  const resolved = await core.group('Checking that this PR changes the CI image', () => resolveForSession(session))
  if (!resolved.modified) {
    const text = `${resolved.reason} No image was built for it to announce.`
    return reportNothingDone({ text, html: escapeHtml(text), outputs: { image: resolved.image, tag: resolved.tag, ...targetOutputs(target) } })
  }
  await commentOnPullRequest(session, target)
}
