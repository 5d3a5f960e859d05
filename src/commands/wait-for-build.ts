// `wait-for-build`: waits for the build workflow's run for this commit, fails fast when it fails,
// then pulls the image it built.
import * as core from '@actions/core'
import { createDeadline } from '../deadline.js'
import { pullImage } from '../docker.js'
import { formatDuration } from '../duration.js'
import { createClient } from '../github.js'
import { code, escapeHtml, setOutputs, targetOutputs, writeSummary } from '../report.js'
import { runDurationMs, runLabel } from '../runs.js'
import type { Session } from '../session.js'
import { choosePullRequestTag, prTag, shaTag } from '../tags.js'
import { waitForRun, type WaitOutcome } from '../wait.js'
import { createBuildRunsApi } from '../workflow-runs.js'
import { resolveForSession } from './resolve-image.js'

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

type Row = [string, string]

async function summarize(title: string, rows: Row[]): Promise<void> {
  const table = rows.map(([key, value]) => [{ data: key, header: true }, value])
  await writeSummary(core.summary.addHeading(title, 3).addTable(table))
}

/** No build will come for this PR: say why now, not at the timeout, and hand over the stable image. */
async function skipWait(session: Session, image: string, tag: string, message: string): Promise<void> {
  setOutputs({ image, tag, ...targetOutputs(session.target) })
  core.info(message)
  await summarize('CI image build', [
    ['Image', code(image)],
    ['Build', `not awaited: ${escapeHtml(message)}`],
  ])
}

function runRows(outcome: WaitOutcome): Row[] {
  const run = outcome.run
  if (!run) return [['Build run', 'none found']]
  const duration = runDurationMs(run)
  return [
    ['Build run', `<a href="${escapeHtml(run.html_url)}">${code(`${run.name ?? 'build'} ${runLabel(run)}`)}</a>`],
    ['Result', run.status === 'completed' ? code(run.conclusion ?? 'unknown') : code(run.status ?? 'unknown')],
    ...(duration === undefined ? [] : ([['Run duration', formatDuration(duration)]] as Row[])),
  ]
}

export async function waitForBuildCommand(session: Session): Promise<void> {
  const { inputs, ctx, target } = session
  if (target.kind === 'pull_request' && target.fork) {
    // A fork's token cannot push its image, so no build will ever come: it uses the stable image.
    const { tag } = choosePullRequestTag({ ...inputs, prNumber: target.number, baseRef: target.baseRef, modified: true, fork: true })
    const image = `${session.image}:${tag}`
    return skipWait(session, image, tag, `PR #${target.number} comes from a fork, whose image cannot be pushed, so there is no build to wait for; it uses ${image}.`)
  }
  if (target.kind === 'pull_request') {
    const resolved = await core.group('Checking that this PR changes the CI image', () => resolveForSession(session))
    if (!resolved.modified) {
      // Such a PR never triggers the build.
      return skipWait(session, resolved.image, resolved.tag, `${resolved.reason} ${inputs.buildWorkflow} does not build an image for it, so there is nothing to wait for.`)
    }
  }

  const tag = target.kind === 'pull_request' ? prTag(target.number) : shaTag(target.branch, target.sha)
  const image = `${session.image}:${tag}`
  const headSha = target.kind === 'pull_request' ? target.headSha : target.sha
  setOutputs({ image, tag, ...targetOutputs(target) })

  const deadline = createDeadline(Date.now, inputs.timeoutSeconds * 1000)
  // Its own client: rate-limit waits are allowed only while they end before the deadline.
  const client = createClient({ token: inputs.token, baseUrl: ctx.apiUrl, mayWait: (seconds) => deadline.allows(seconds * 1000) })
  const api = createBuildRunsApi(client, ctx.repository, inputs.buildWorkflow)
  const repository = `${ctx.repository.owner}/${ctx.repository.repo}`

  const rows: Row[] = [['Image', code(image)], ['Commit', code(headSha)]]
  const failWith = async (error: unknown): Promise<never> => {
    await summarize('CI image build', [...rows, ['Failed', escapeHtml(error instanceof Error ? error.message : String(error))]])
    throw error
  }

  const outcome = await core.group(`Waiting for ${inputs.buildWorkflow} to build ${image}`, async () => {
    core.info(`Looking for the run of ${inputs.buildWorkflow} in ${repository} for commit ${headSha}.`)
    const result = await waitForRun({
      repository,
      workflowFile: inputs.buildWorkflow,
      headSha,
      pollIntervalMs: inputs.pollIntervalSeconds * 1000,
      deadline,
      sleep,
      findWorkflow: () => api.findWorkflow(),
      fetchRuns: (remainingMs) => api.fetchRuns(headSha, remainingMs),
      typicalDurationMs: () => api.typicalDurationMs(),
      log: (line) => core.info(line),
    })
    core.info(`GitHub API: ${api.stats.requests} requests, ${api.stats.notModified} of them answered 304 Not Modified (free of rate limit).`)
    return result
  }).catch(failWith)

  const run = outcome.run
  setOutputs({ 'run-id': run?.id, 'run-url': run?.html_url, conclusion: run?.conclusion ?? undefined })
  rows.push(...runRows(outcome), ['Waited', formatDuration(outcome.elapsedMs)])
  if (outcome.kind !== 'success') return failWith(new Error(outcome.message))
  core.info(`${image} was built by ${outcome.run.html_url}`)

  if (inputs.pull) {
    try {
      const pulled = await core.group(`Pulling ${image}`, () => pullImage(image, { sleep, log: (line) => core.info(line) }))
      setOutputs({ digest: pulled.digest })
      rows.push(['Digest', pulled.digest ? code(pulled.digest) : 'not reported by docker'])
      if (pulled.digest) core.info(`Pulled ${image}@${pulled.digest}`)
    } catch (error) {
      return failWith(error)
    }
  }
  await summarize('CI image build', rows)
}
