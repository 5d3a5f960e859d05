// Which changed files make a PR need its own image: the build workflow's own pull request
// triggers (so that what starts the build and what waits for it cannot disagree), or the `watch`
// input taken at its word. Without either there is no answer: a build workflow that does not
// exist is an error, never a guess (a misspelt file name would otherwise say "unchanged"). Pure.
import { WORKFLOW_FILE_NAME } from '../action/inputs.js'
import { pathsMatcher, type PathMatcher } from './patterns.js'
import {
  evaluateTrigger,
  PULL_REQUEST_EVENTS,
  readPullRequestTriggers,
  type PullRequestEvent,
  type PullRequestFacts,
  type PullRequestTrigger,
} from './triggers.js'

export interface WatchSources {
  /** Lines of the `watch` input, blank lines and `#` comments removed; empty when not given. */
  input: string[]
  buildWorkflow: string
  /**
   * The build workflow as the PR's merge commit has it (GitHub reads pull_request triggers there);
   * undefined: no such file. Without `input`, at least one copy must exist (see missingBuildWorkflow).
   */
  mergeCopy?: string
  /** The build workflow as the base branch has it (GitHub reads pull_request_target triggers there). */
  baseCopy?: string
}

export interface WatchDecision {
  /** Where the answer came from, for the log and the summary. */
  source: string
  /** The path patterns that decided, for the summary. */
  patterns: string[]
  /** True when a build starts (or was started) for this PR. */
  modified: boolean
  /** The changed files that made it so. */
  matched: string[]
  /** The events of the build runs GitHub starts for this PR: what wait-for-build looks for. */
  events: PullRequestEvent[]
  /**
   * Why no build starts although a build workflow exists, when a filter other than the paths
   * did it (types, branches, or no pull request trigger at all): worth a warning.
   */
  noBuildBecause?: string
  /** The files that are the image's inputs (resolution/inputs-hash.ts): what the watch set matches. */
  isInput: PathMatcher
}

export function buildWorkflowPath(buildWorkflow: string): string {
  return `.github/workflows/${buildWorkflow}`
}

/** At most this many workflow files are named in the error: enough to spot the build's. */
const LISTED_WORKFLOWS = 30

/**
 * The error for a build workflow that is not there: the file, where it was looked for, the
 * workflow files that are (the names `build-workflow` would take; undefined: not listed), and the
 * two ways out.
 */
export function missingBuildWorkflow(buildWorkflow: string, where: string, files?: readonly string[]): Error {
  const file = buildWorkflowPath(buildWorkflow)
  const workflows = (files ?? []).filter((name) => WORKFLOW_FILE_NAME.test(name)).sort()
  const named =
    workflows.slice(0, LISTED_WORKFLOWS).join(', ') +
    (workflows.length > LISTED_WORKFLOWS ? ` and ${workflows.length - LISTED_WORKFLOWS} more` : '')
  const there =
    files === undefined
      ? ''
      : workflows.length === 0
        ? ' .github/workflows has no workflow file there.'
        : ` The workflow files there: ${named}.`
  return new Error(
    `The build workflow ${file} does not exist ${where}, so nothing says which changes need a new image.${there} ` +
      'Set `build-workflow` to the file that builds the image, or `watch` to the paths whose change needs a new one.',
  )
}

/** Each event's trigger from the copy GitHub reads it from; no copy at all is an error. */
async function pullRequestTriggers(sources: WatchSources, file: string): Promise<PullRequestTrigger[]> {
  if (sources.mergeCopy === undefined && sources.baseCopy === undefined)
    throw missingBuildWorkflow(sources.buildWorkflow, 'at the commits read')
  const fromMerge = sources.mergeCopy === undefined ? [] : await readPullRequestTriggers(sources.mergeCopy, file)
  const fromBase = sources.baseCopy === undefined ? [] : await readPullRequestTriggers(sources.baseCopy, `${file} (base branch)`)
  return [...fromMerge.filter((t) => t.event === 'pull_request'), ...fromBase.filter((t) => t.event === 'pull_request_target')]
}

function byPatterns(source: string, patterns: string[], changed: readonly string[]): WatchDecision {
  const isInput = pathsMatcher(patterns)
  const matched = changed.filter(isInput)
  // The trigger is not known: a build may run on either pull request event.
  return { source, patterns, modified: matched.length > 0, matched, events: [...PULL_REQUEST_EVENTS], isInput }
}

/**
 * A file is an input when any pull request trigger's path filter lets it through, whether or not
 * the trigger fires (types and branches do not change what the image is made of); a trigger
 * without a path filter, or a workflow without one, makes every file an input.
 */
function triggersInput(triggers: readonly PullRequestTrigger[]): PathMatcher {
  if (triggers.length === 0 || triggers.some((t) => !t.paths)) return () => true
  return (path) => triggers.some((t) => t.paths!.matches(path))
}

/** The image's inputs where no PR decides (a push): the same sources, read at the pushed commit. */
export async function inputsMatcher(sources: WatchSources): Promise<PathMatcher> {
  const file = buildWorkflowPath(sources.buildWorkflow)
  if (sources.input.length > 0) return pathsMatcher(sources.input)
  return triggersInput(await pullRequestTriggers(sources, file))
}

export async function decideWatch(sources: WatchSources, facts: PullRequestFacts): Promise<WatchDecision> {
  const file = buildWorkflowPath(sources.buildWorkflow)
  if (sources.input.length > 0) return byPatterns('the `watch` input', sources.input, facts.changedPaths)
  const triggers = await pullRequestTriggers(sources, file)
  const verdicts = triggers.map((trigger) => evaluateTrigger(trigger, facts))
  const firing = verdicts.filter((verdict) => verdict.fires)
  const patterns = [...new Set(triggers.flatMap((t) => t.paths?.patterns ?? ['**']))]
  const source =
    triggers.length === 0 ? file : triggers.map((t) => `on.${t.event}${t.paths ? `.${t.paths.key}` : ''} of ${t.file}`).join(' and ')
  const matched = [...new Set(firing.flatMap((verdict) => verdict.matched))]
  const decision: WatchDecision = {
    source,
    patterns,
    modified: firing.length > 0,
    matched,
    events: firing.map((v) => v.trigger.event),
    isInput: triggersInput(triggers),
  }
  if (firing.length > 0) return decision
  if (triggers.length === 0) return { ...decision, noBuildBecause: `${file} has no pull_request or pull_request_target trigger` }
  // "Changes no watched path" is the everyday answer; any other filter is worth saying.
  const notPaths = verdicts.filter((verdict) => verdict.excluded?.filter !== 'paths')
  return notPaths.length === 0 ? decision : { ...decision, noBuildBecause: notPaths.map((verdict) => verdict.excluded?.why).join('; ') }
}
