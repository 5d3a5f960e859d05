// The poll loop of `wait-for-build`: follows the build run of one commit until it ends or the
// deadline passes. Time, sleep and the API are injected, so tests run 20 minutes in milliseconds.
import { ApiFault } from '../github/api-fault.js'
import type { Deadline } from '../timing/timing.js'
import { formatDuration } from '../timing/duration.js'
import { isCompleted, runLabel, runState, scopeRuns, selectRun, type RunScope, type WorkflowInfo, type WorkflowRun } from './runs.js'

export interface WaitForRunOptions {
  /** `owner/repo`, for messages. */
  repository: string
  workflowFile: string
  headSha: string
  /** Which of the commit's runs are the build waited for; the others are said once and ignored. */
  scope: RunScope
  pollIntervalMs: number
  deadline: Deadline
  sleep: (ms: number) => Promise<void>
  /** The workflow, or undefined when GitHub answers 404 for it. Failures are ApiFaults. */
  findWorkflow: () => Promise<WorkflowInfo | undefined>
  /**
   * The workflow's runs for `headSha`; the request and its retries must end within
   * `remainingMs`. Failures are ApiFaults; anything else is a bug and ends the wait.
   */
  fetchRuns: (remainingMs: number) => Promise<WorkflowRun[]>
  /** How long a successful build usually takes; asked once, when a run is under way. */
  typicalDurationMs?: () => Promise<number | undefined>
  log?: (line: string) => void
}

interface Outcome {
  elapsedMs: number
  /** The run that decided, or the last one seen. */
  run?: WorkflowRun
}

export type WaitOutcome =
  | (Outcome & { kind: 'success'; run: WorkflowRun })
  | (Outcome & { kind: 'failure'; run: WorkflowRun; message: string })
  | (Outcome & { kind: 'timeout'; message: string })
  | (Outcome & { kind: 'missing-workflow'; message: string })

type Unstamped<T> = T extends unknown ? Omit<T, 'elapsedMs'> : never

function missingWorkflowMessage(o: WaitForRunOptions): string {
  return (
    `The build workflow ${o.workflowFile} does not exist in ${o.repository} (GitHub answered 404). ` +
    'Check the `build-workflow` input: the file name of a workflow in .github/workflows, ' +
    'and that the token may read Actions (permissions: actions: read).'
  )
}

function workflowDescription(file: string, workflow: WorkflowInfo | undefined): string {
  if (workflow === undefined) return `${file} (its existence could not be checked)`
  return `${file} ("${workflow.name ?? file}", ${workflow.state ?? 'state unknown'})`
}

function transientFault(error: unknown): ApiFault | undefined {
  return error instanceof ApiFault && error.kind === 'transient' ? error : undefined
}

/** A fault that asking again will not fix, as the step's error: a refusal names the permission. */
function fatal(error: unknown, what: string): Error {
  if (error instanceof ApiFault)
    return new Error(`GitHub refused to ${what} (${error.description})${error.permissionHint()}.`, { cause: error })
  return error instanceof Error ? error : new Error(String(error))
}

function workflowHint(workflow: WorkflowInfo | undefined): string {
  if (workflow === undefined) return ''
  if (workflow.state !== undefined && workflow.state !== 'active')
    return ` The workflow exists but is ${workflow.state}: enable it on the Actions tab.`
  return ' The workflow exists: check that its triggers (on: ... paths) cover this commit.'
}

/**
 * A wait prints a progress line at least this often, so that a long wait shows it is alive and how
 * long it may still take; a state change resets it.
 */
const HEARTBEAT_MS = 60_000

/** The time left: from a successful build's usual duration when known, else the timeout's. */
function timeLeft(run: WorkflowRun, typicalMs: number | undefined, deadline: Deadline): string {
  const beforeTimeout = `${formatDuration(deadline.remainingMs())} left before the timeout`
  const started = Date.parse(run.run_started_at ?? run.created_at)
  if (typicalMs === undefined || Number.isNaN(started)) return `, up to ${beforeTimeout} (no successful build to estimate from)`
  const left = typicalMs - (deadline.now() - started)
  return left > 0
    ? `, about ${formatDuration(left)} left (a successful build takes ${formatDuration(typicalMs)})`
    : `, longer than the usual ${formatDuration(typicalMs)}; ${beforeTimeout}`
}

export async function waitForRun(o: WaitForRunOptions): Promise<WaitOutcome> {
  const { deadline } = o
  const write = o.log ?? (() => {})
  let lastLineMs = deadline.elapsedMs()
  const log = (line: string) => {
    lastLineMs = deadline.elapsedMs()
    write(line)
  }
  const sha7 = o.headSha.slice(0, 7)
  const stamp = () => `[${formatDuration(deadline.elapsedMs())}]`
  const done = (outcome: Unstamped<WaitOutcome>): WaitOutcome => ({ ...outcome, elapsedMs: deadline.elapsedMs() })

  let workflow: WorkflowInfo | undefined
  try {
    workflow = await o.findWorkflow()
    if (workflow === undefined) return done({ kind: 'missing-workflow', message: missingWorkflowMessage(o) })
  } catch (error) {
    // The runs list answers the same question below; only a fault that will not pass is fatal.
    const fault = transientFault(error)
    if (!fault) throw fatal(error, `read the workflow ${o.workflowFile}`)
    log(`${stamp()} Could not look up ${o.workflowFile} (${fault.description}); going on.`)
  }
  if (workflow?.state !== undefined && workflow.state !== 'active') {
    log(`${stamp()} Workflow ${o.workflowFile} is ${workflow.state}: it starts no new runs until it is enabled.`)
  }

  let run: WorkflowRun | undefined
  const saidIgnored = new Set<number>()
  const ourRun = (runs: WorkflowRun[]): WorkflowRun | undefined => {
    const { ours, ignored } = scopeRuns(runs, o.scope)
    for (const { run: other, why } of ignored) {
      if (saidIgnored.has(other.id)) continue
      saidIgnored.add(other.id)
      log(`${stamp()} Not the build waited for: ${other.name ?? o.workflowFile} ${runLabel(other)} (${other.html_url}), because ${why}.`)
    }
    return selectRun(ours, o.headSha)
  }
  let lastState: string | undefined
  let lastError: string | undefined
  let typicalMs: number | undefined
  let askedTypical = false
  const wantedFor = `${workflowDescription(o.workflowFile, workflow)} for commit ${o.headSha}`
  const progress = () =>
    run === undefined
      ? `${stamp()} No run of ${o.workflowFile} for commit ${sha7} yet; checking every ${formatDuration(o.pollIntervalMs)}, ` +
        `for up to ${formatDuration(deadline.remainingMs())} more.`
      : `${stamp()} ${run.name ?? o.workflowFile} ${runLabel(run)}: ${runState(run)}` +
        (isCompleted(run) ? '' : timeLeft(run, typicalMs, deadline)) +
        ` · ${run.html_url}`
  const heartbeatDue = () => deadline.elapsedMs() - lastLineMs >= HEARTBEAT_MS
  // Sleeps in slices so that a progress line comes at least every HEARTBEAT_MS, whatever the interval.
  const pauseWithProgress = async (ms: number) => {
    for (let left = ms; left > 0;) {
      const slice = Math.min(left, Math.max(1, lastLineMs + HEARTBEAT_MS - deadline.elapsedMs()))
      await o.sleep(slice)
      left -= slice
      // At the end of the pause a poll follows, which says where things stand.
      if (left > 0 && heartbeatDue()) log(progress())
    }
  }

  for (;;) {
    let pause = o.pollIntervalMs
    try {
      run = ourRun(await o.fetchRuns(deadline.remainingMs()))
      lastError = undefined
    } catch (error) {
      if (error instanceof ApiFault && error.kind === 'not-found') {
        return done({ kind: 'missing-workflow', message: missingWorkflowMessage(o) })
      }
      const fault = transientFault(error)
      if (!fault) throw fatal(error, `list the runs of ${o.workflowFile}`)
      const { description, retryAfterSeconds: askedSeconds } = fault
      if (askedSeconds !== undefined && !deadline.allows(askedSeconds * 1000)) {
        return done({
          kind: 'timeout',
          run,
          message:
            `GitHub asks to wait ${askedSeconds}s (${description}), past the timeout, while waiting for a run of ${wantedFor}` +
            (run ? `; the last state seen was ${runState(run)}: ${run.html_url}` : '.'),
        })
      }
      if (description !== lastError) log(`${stamp()} GitHub API: ${description}; asking again at the next poll.`)
      lastError = description
      if (askedSeconds !== undefined) pause = Math.max(pause, askedSeconds * 1000)
    }

    if (run !== undefined && !isCompleted(run) && !askedTypical && o.typicalDurationMs) {
      askedTypical = true
      typicalMs = await o.typicalDurationMs().catch(() => undefined)
    }
    const state =
      run === undefined ? (lastError === undefined ? 'absent' : undefined) : `${run.id}/${run.run_attempt ?? 1}/${runState(run)}`
    if (state !== undefined && state !== lastState) {
      lastState = state
      log(progress())
    } else if (heartbeatDue()) {
      log(progress())
    }

    if (run !== undefined && isCompleted(run)) {
      if (run.conclusion === 'success') return done({ kind: 'success', run })
      return done({
        kind: 'failure',
        run,
        message: `The build run ${runLabel(run)} of ${o.workflowFile} for commit ${o.headSha} ended with conclusion "${run.conclusion ?? 'unknown'}": ${run.html_url}`,
      })
    }
    if (deadline.remainingMs() <= 0) {
      const limit = formatDuration(deadline.at - deadline.startedAt)
      const why = lastError === undefined ? '' : ` The last API request failed: ${lastError}.`
      return done({
        kind: 'timeout',
        run,
        message:
          run === undefined
            ? `No run of ${wantedFor} appeared within ${limit} (the \`timeout\` input).${why}` +
              (saidIgnored.size > 0 ? ` ${saidIgnored.size} run(s) of that commit were another build (see the log above).` : '') +
              workflowHint(workflow)
            : `The build run ${runLabel(run)} of ${o.workflowFile} for commit ${o.headSha} is still ${run.status} after ${limit} (the \`timeout\` input): ${run.html_url}`,
      })
    }
    // The last poll lands on the deadline, so a run that ends just in time still counts.
    await pauseWithProgress(Math.min(pause, deadline.remainingMs()))
  }
}
