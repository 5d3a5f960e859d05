// `wait-for-build`: waits for the build workflow's run for this commit, fails fast when it fails,
// then pulls the image it built.
import * as core from '@actions/core'
import { formatDuration } from '../timing/duration.js'
import { code, escapeHtml } from '../action/html.js'
import { imageReference } from '../registry/image-ref.js'
import { PATH_FILTER_DIFF_LIMIT, resolvePush, type ResolvedImage } from '../resolution/decision.js'
import { runDurationMs, runLabel, type RunScope } from './runs.js'
import type { WaitOutcome } from './wait-loop.js'
import { waitForBuildRun } from './build-runs.js'
import { pullImage } from '../registry/docker.js'
import { info } from '../log/log.js'
import { setOutputs, targetOutputs, writeSummary } from '../action/report.js'
import { checkBuild } from '../resolution/build-gate.js'
import { resolveConfig, resolveForSession } from '../resolution/resolve.js'
import type { Session } from '../action/session.js'
import { verifyBuiltImage, type VerifiedImage } from './verify-image.js'

type Row = [string, string]

function summarize(title: string, rows: Row[]): void {
  const table = rows.map(([key, value]) => [{ data: key, header: true }, value])
  writeSummary(core.summary.addHeading(title, 3).addTable(table))
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

/** What to wait for: the build of this commit, of these events, for this PR. */
interface Awaited {
  tag: string
  /** The tag that names this commit's image only. */
  commitTag: string
  headSha: string
  scope: RunScope
  /** A hint for a timeout with no run at all (a PR too large for GitHub's path filters). */
  noRunHint?: string
}

type Reusable = NonNullable<NonNullable<ResolvedImage['reuse']>['reusable']>

/** An image built from the same inputs stands in for the build: nothing to wait for. */
async function useReusedImage(session: Session, resolved: ResolvedImage, reusable: Reusable): Promise<void> {
  const { pinned, digest, revision } = reusable
  setOutputs({
    image: resolved.reference,
    tag: resolved.tag,
    digest,
    'pinned-image': pinned,
    'reusable-image': pinned,
    reused: true,
    // resolve accepted it only because its ci-image.inputs label equals this context's inputs hash.
    verified: true,
    ...targetOutputs(session.target),
  })
  const from = revision ? ` for ${revision}` : ''
  info(`Reusing ${pinned}, built${from} from the same inputs: no build run is awaited.`)
  if (session.inputs.pull)
    await core.group(`Pulling ${pinned}`, () => pullImage(pinned, { sleep: session.sleep, log: (line) => info(line) }))
  summarize('CI image build', [
    ['Image', code(pinned)],
    ['Build', `not awaited: the image built${revision ? ` for ${code(revision)}` : ''} from the same inputs is reused`],
  ])
}

export async function waitForBuildCommand(session: Session): Promise<void> {
  const { inputs, ctx, target } = session
  let awaited: Awaited
  let inputsHash: string | undefined
  if (target.kind === 'push' && inputs.reuse === 'repository') {
    // A long-lived branch may ship the image its PR built: then no run is awaited.
    const resolved = await core.group('Looking for an image built from the same inputs', () => resolveForSession(session))
    if (resolved.reuse?.reusable) return useReusedImage(session, resolved, resolved.reuse.reusable)
    inputsHash = resolved.reuse?.hash
  }
  if (target.kind === 'push') {
    // After a push, the push run of that commit builds `<branch>-sha-<7>`, its commit tag.
    const commitTag = resolvePush(resolveConfig(session), target).commitTag!
    awaited = { tag: commitTag, commitTag, headSha: target.sha, scope: { events: ['push'] } }
  } else {
    const gate = await checkBuild(session, target)
    if (gate.kind !== 'built') {
      // No build will come: say why now, not at the timeout, and hand over the stable image.
      const message = `${gate.reason} There is nothing to wait for; it uses ${gate.reference}.`
      setOutputs({ image: gate.reference, tag: gate.tag, ...targetOutputs(target) })
      info(message)
      return summarize('CI image build', [
        ['Image', code(gate.reference)],
        ['Build', `not awaited: ${escapeHtml(message)}`],
      ])
    }
    const { pr, resolved } = gate
    if (resolved.reuse?.reusable) return useReusedImage(session, resolved, resolved.reuse.reusable)
    inputsHash = resolved.reuse?.hash
    // Only the PR's own build counts: the events its build triggers fire on, and its number.
    const scope = { events: resolved.watch?.events ?? ['pull_request'], prNumber: pr.number }
    const noRunHint = resolved.beyondPathFilterLimit
      ? `PR #${pr.number} changes ${resolved.changedCount} files, and GitHub evaluates path filters on the first ${PATH_FILTER_DIFF_LIMIT} only, so it may not have started the build.`
      : undefined
    awaited = { tag: resolved.tag, commitTag: resolved.commitTag!, headSha: pr.headSha, scope, noRunHint }
  }
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
  const failWith = async (error: unknown): Promise<never> => {
    summarize('CI image build', [...rows, ['Failed', escapeHtml(error instanceof Error ? error.message : String(error))]])
    throw error
  }

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
  }).catch(failWith)
  info(`GitHub API: ${stats.requests} requests, ${stats.notModified} of them answered 304 Not Modified (free of rate limit).`)

  const run = outcome.run
  setOutputs({ 'run-id': run?.id, 'run-url': run?.html_url, conclusion: run?.conclusion ?? undefined })
  rows.push(...runRows(outcome), ['Waited', formatDuration(outcome.elapsedMs)])
  if (outcome.kind === 'timeout' && !outcome.run && awaited.noRunHint) {
    return failWith(new Error(`${outcome.message} The likely cause: ${awaited.noRunHint}`))
  }
  if (outcome.kind !== 'success') return failWith(new Error(outcome.message))
  info(`${reference} was built by ${outcome.run.html_url}`)

  // Pulled or not, the image is read from the registry: its digest pins it, its label proves it.
  const built = { reference, commitReference: imageReference(session.imageRepository, awaited.commitTag), headSha, inputsHash }
  let verified: VerifiedImage
  try {
    verified = await core.group(`Reading ${built.commitReference} from the registry`, () =>
      verifyBuiltImage(built, { token: inputs.token, sleep: session.sleep, log: (line) => info(line) }),
    )
  } catch (error) {
    return failWith(error)
  }
  setOutputs({ digest: verified.digest, 'pinned-image': verified.pinned, verified: String(verified.verified) })
  rows.push(['Digest', code(verified.digest)], ['Pinned', code(verified.pinned)], ['Verified', code(String(verified.verified))])
  if (verified.warning) {
    core.warning(verified.warning, { title: 'CI image not verified' })
    rows.push(['Warning', escapeHtml(verified.warning)])
  } else {
    info(`${verified.pinned} was built from ${headSha} (${verified.image.platforms.join(', ') || 'one platform'}).`)
  }

  if (inputs.pull) {
    try {
      // By digest: exactly the image that was read and checked, whatever the tag points to by now.
      await core.group(`Pulling ${verified.pinned}`, () => pullImage(verified.pinned, { sleep: session.sleep, log: (line) => info(line) }))
    } catch (error) {
      return failWith(error)
    }
  }
  summarize('CI image build', rows)
}
