// The build workflow's pull request triggers, read and evaluated as GitHub does, so that
// "will GitHub start the build for this PR?" has one answer for the build and for whoever
// waits for it. Pure: the workflow's text and the PR's facts are passed in.
//
// Sources (docs.github.com, "Workflow syntax for GitHub Actions" and "Events that trigger
// workflows"):
// - `on` may be a string, a list of events, or a map of event → configuration (null allowed);
//   each filter and `types` a string or a list (workflow-v1.0.json of actions/languageservices:
//   `event-branches`, `event-paths`, the `*-activity-types` one-ofs).
// - pull_request and pull_request_target run by default for the activity types opened,
//   synchronize and reopened; `types` replaces that list.
// - `branches`/`branches-ignore` filter on the base branch's name; `paths`/`paths-ignore` on
//   the changed files; a negative pattern (`!`) after a match excludes again, and "you cannot
//   use both the branches and branches-ignore filters" (nor paths and paths-ignore) "for the
//   same event in a workflow".
// - "If at least one path matches a pattern in the paths filter, the workflow runs"; with
//   paths-ignore it runs "unless all the path names match patterns in paths-ignore".
// - The workflow file of a pull_request run is the PR's merge commit's; of a
//   pull_request_target run, the base branch's.
import { convertWorkflowTemplate, isMapping, isString, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser'
import { ErrorPolicy } from '@actions/workflow-parser/model/convert'
import type { TokenRange } from '@actions/workflow-parser/templates/tokens/token-range'
import { PatternError, pathsIgnoreMatcher, pathsMatcher, type PathMatcher } from './patterns.js'
import { workflowOverBudget } from './workflow-budget.js'

export type PullRequestEvent = 'pull_request' | 'pull_request_target'
export const PULL_REQUEST_EVENTS: readonly PullRequestEvent[] = ['pull_request', 'pull_request_target']

/** GitHub's activity types when a pull request trigger names none. */
const DEFAULT_TYPES = ['opened', 'synchronize', 'reopened']

interface Filter {
  key: string
  patterns: string[]
  /** True for the patterns of a value to match (`branches`, `paths`); false for `-ignore`. */
  include: boolean
  matches: PathMatcher
}

export interface PullRequestTrigger {
  event: PullRequestEvent
  /** The workflow file it was read from, for messages. */
  file: string
  types: string[]
  branches?: Filter
  paths?: Filter
}

/** A workflow file GitHub would refuse. */
class WorkflowError extends Error {
  override readonly name = 'WorkflowError'
}

/** One event's configuration in @actions/workflow-parser's model: each filter already a list. */
type EventConfig = Partial<Record<'types' | 'branches' | 'branches-ignore' | 'paths' | 'paths-ignore', string[]>>

function lineOf(text: string, needle: string): number | undefined {
  const index = text.split('\n').findIndex((line) => line.includes(needle))
  return index === -1 ? undefined : index + 1
}

/**
 * The rules GitHub adds to its workflow schema, which the parser leaves to the server: one of a
 * filter and its `-ignore` per event (docs: "you cannot use both the branches and branches-ignore
 * filters for the same event", the same for paths), and the filter pattern syntax (patterns.ts).
 */
function filter(config: EventConfig, key: 'branches' | 'paths', event: string, file: string, text: string): Filter | undefined {
  const ignoreKey = `${key}-ignore` as const
  const included = config[key]
  const ignored = config[ignoreKey]
  if (included && ignored) {
    throw new WorkflowError(
      `on.${event} in ${file} has both ${key} and ${ignoreKey}, which GitHub rejects ("you cannot use both the ${key} and ${ignoreKey} filters for the same event"): keep one.`,
    )
  }
  const patterns = included ?? ignored
  if (!patterns) return undefined
  const name = included ? key : ignoreKey
  try {
    return { key: name, patterns, include: !!included, matches: included ? pathsMatcher(patterns) : pathsIgnoreMatcher(patterns) }
  } catch (error) {
    if (!(error instanceof PatternError)) throw error
    const line = lineOf(text, error.pattern)
    throw new WorkflowError(`Invalid ${name} pattern in ${file}${line ? ` (line ${line})` : ''}, on.${event}: ${error.message}`, {
      cause: error,
    })
  }
}

/** GitHub reads no trigger from a file whose `on` its parser refuses; its messages name the file and the line. */
function refused(file: string, messages: string[]): WorkflowError {
  return new WorkflowError(`GitHub's workflow parser refuses ${file}, so GitHub starts no run of it: fix the file. ${messages.join('; ')}`)
}

function within(range: TokenRange | undefined, outer: TokenRange): boolean {
  if (!range) return false
  const at = (p: TokenRange['start']) => p.line * 1e6 + p.column
  return at(range.start) >= at(outer.start) && at(range.end) <= at(outer.end)
}

/**
 * The events of a workflow file as GitHub reads them: @actions/workflow-parser, the parser of
 * GitHub's own tools (actions/languageservices), on GitHub's workflow schema. Every form the
 * schema allows (`on` as a string, a list or a map; each filter and `types` a string or a list;
 * quoting, anchors, indentation) comes out as lists.
 *
 * A file that is no YAML, has no `on`, or whose `on` the parser refuses gives no triggers: an
 * error quoting the parser. A mistake elsewhere (a job, a step) does not change the triggers:
 * GitHub still starts the run, which fails at once as "Invalid workflow file" (go-gitea/gitea#32364
 * records GitHub's behaviour), and wait-for-build reports that failure. A file beyond what reading
 * it may cost (workflow-budget.ts: GitHub's limits and ours) is refused before it is parsed.
 */
async function eventsOf(text: string, file: string): Promise<Record<string, unknown>> {
  const over = workflowOverBudget(text)
  if (over) throw new WorkflowError(`ci-image does not read ${file}: ${over}. Make the file smaller or use fewer aliases.`)
  const parsed = parseWorkflow({ name: file, content: text }, new NoOperationTraceWriter())
  const errors = () => parsed.context.errors.getErrors()
  const root = parsed.value
  const on = root && isMapping(root) ? [...root].find((item) => isString(item.key) && item.key.value === 'on')?.value : undefined
  if (!root || !on?.range)
    throw refused(
      file,
      errors().map((error) => error.message),
    )
  const refuseOn = () => {
    const inOn = errors().filter((error) => within(error.range, on.range!))
    if (inOn.length > 0)
      throw refused(
        file,
        inOn.map((error) => error.message),
      )
  }
  refuseOn()
  const template = await convertWorkflowTemplate(parsed.context, root, undefined, { errorPolicy: ErrorPolicy.TryConversion })
  refuseOn()
  return template.events ?? {}
}

/** The pull_request and pull_request_target triggers of a workflow file (absent ones left out). */
export async function readPullRequestTriggers(text: string, file: string): Promise<PullRequestTrigger[]> {
  const events = await eventsOf(text, file)
  return PULL_REQUEST_EVENTS.filter((event) => event in events).map((event) => {
    const config = events[event] as EventConfig
    return {
      event,
      file,
      types: config.types ?? DEFAULT_TYPES,
      branches: filter(config, 'branches', event, file, text),
      paths: filter(config, 'paths', event, file, text),
    }
  })
}

/** What decides whether a pull request trigger fires. */
export interface PullRequestFacts {
  baseRef: string
  /** The activity that started this run (`synchronize`...); undefined outside a pull request event. */
  action?: string
  changedPaths: readonly string[]
}

export interface TriggerVerdict {
  trigger: PullRequestTrigger
  fires: boolean
  /** The changed files that made it fire (all of them without a paths filter). */
  matched: string[]
  /** Why it does not fire, when it does not: the filter, and a sentence naming it. */
  excluded?: { filter: 'types' | 'branches' | 'paths'; why: string }
}

/** Activities that give a pull request a new head: when the run is no pull request event, these are the ones to ask about. */
const HEAD_ACTIVITIES = ['opened', 'synchronize', 'reopened']

export function evaluateTrigger(trigger: PullRequestTrigger, facts: PullRequestFacts): TriggerVerdict {
  const on = `on.${trigger.event} of ${trigger.file}`
  const runsFor =
    facts.action === undefined ? trigger.types.some((type) => HEAD_ACTIVITIES.includes(type)) : trigger.types.includes(facts.action)
  if (!runsFor) {
    const activity = facts.action ?? 'a new head (opened, synchronize, reopened)'
    return {
      trigger,
      fires: false,
      matched: [],
      excluded: { filter: 'types', why: `its types (${trigger.types.join(', ')}) in ${on} do not include ${activity}` },
    }
  }
  const { branches, paths } = trigger
  if (branches && branches.matches(facts.baseRef) !== true) {
    const verb = branches.include ? 'does not match' : 'is ignored by'
    const why = `the base branch ${facts.baseRef} ${verb} ${branches.key} (${branches.patterns.join(', ')}) in ${on}`
    return { trigger, fires: false, matched: [], excluded: { filter: 'branches', why } }
  }
  const matched = paths ? facts.changedPaths.filter(paths.matches) : [...facts.changedPaths]
  if (paths && matched.length === 0) {
    const verb = paths.include ? 'matches' : 'escapes'
    return {
      trigger,
      fires: false,
      matched,
      excluded: { filter: 'paths', why: `no changed file ${verb} ${paths.key} (${paths.patterns.join(', ')}) in ${on}` },
    }
  }
  return { trigger, fires: true, matched }
}
