// wait-for-build's wait: the build run of the awaited commit, polled until it ends or the timeout,
// then its image verified and pulled. Outputs are set as they become known: the image first, the
// run once it ends, the digest once it is read.
import { code } from '../action/html.js'
import { setOutputs, targetOutputs } from '../action/report.js'
import type { Session } from '../action/session.js'
import { info } from '../log/log.js'
import { imageReference } from '../registry/image-ref.js'
import { formatDuration } from '../timing/duration.js'
import type { Awaited } from './awaited.js'
import { waitForBuildRun } from './build-runs.js'
import { failedWith, runRows, summarize, type Row } from './summary.js'
import { verifyAndPull } from './verified-pull.js'

export async function awaitBuild(session: Session, awaited: Awaited): Promise<void> {
  const { inputs, ctx, target } = session
  const { tag, headSha, scope } = awaited
  const reference = imageReference(session.imageRepository, tag)
  setOutputs({ image: reference, tag, reused: false, 'reusable-image': '', ...targetOutputs(target) })

  // From here on, the session's client waits out a rate limit only when it ends before the deadline.
  const deadline = session.timing.startWait()
  const client = await session.client()

  const rows: Row[] = [
    ['Image', code(reference)],
    ['Commit', code(headSha)],
  ]
  const fail = failedWith(rows)

  // No log group: the UI collapses groups, and a long wait must show its progress lines.
  info(`Waiting for ${inputs.buildWorkflow} to build ${reference}`)
  const repository = `${ctx.repository.owner}/${ctx.repository.repo}`
  info(`Looking for the run of ${inputs.buildWorkflow} in ${repository} for commit ${headSha}.`)
  const { outcome, stats } = await waitForBuildRun(client, {
    repository: ctx.repository,
    workflowFile: inputs.buildWorkflow,
    headSha,
    scope,
    pollIntervalMs: session.timing.pollIntervalMs,
    deadline,
    sleep: session.sleep,
    log: (line) => info(line),
  }).catch(fail)
  info(`GitHub API: ${stats.requests} requests, ${stats.notModified} of them answered 304 Not Modified (free of rate limit).`)

  const run = outcome.run
  setOutputs({ 'run-id': run?.id, 'run-url': run?.html_url, conclusion: run?.conclusion ?? undefined })
  rows.push(...runRows(outcome), ['Waited', formatDuration(outcome.elapsedMs)])
  if (outcome.kind === 'timeout' && !outcome.run && awaited.noRunHint) {
    return fail(new Error(`${outcome.message} The likely cause: ${awaited.noRunHint}`))
  }
  if (outcome.kind !== 'success') return fail(new Error(outcome.message))
  info(`${reference} was built by ${outcome.run.html_url}`)

  const commitReference = imageReference(session.imageRepository, awaited.commitTag)
  await verifyAndPull(session, { reference, commitReference, headSha, inputsHash: awaited.inputsHash }, rows).catch(fail)
  summarize(rows)
}
