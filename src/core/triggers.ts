// The build workflow's pull request triggers, read and evaluated as GitHub does, so that
// "will GitHub start the build for this PR?" has one answer for the build and for whoever
// waits for it. Pure: the workflow's text and the PR's facts are passed in.
//
// Sources (docs.github.com, "Workflow syntax for GitHub Actions" and "Events that trigger
// workflows"):
// - `on` may be a string, a list of events, or a map of event → configuration (null allowed).
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
import { PatternError, pathsIgnoreMatcher, pathsMatcher, type PathMatcher } from './patterns.js'
import { readPlainOn } from './workflow-on.js'

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

/** A workflow file GitHub would refuse, or one this action cannot read. */
class WorkflowError extends Error {
  override readonly name = 'WorkflowError'
}

function lineOf(text: string, needle: string): number | undefined {
  const index = text.split('\n').findIndex((line) => line.includes(needle))
  return index === -1 ? undefined : index + 1
}

/** Filters and types are sequences only (actionlint reports a scalar there: parse.go, checkSequence). */
function stringList(value: unknown, where: string, file: string): string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new WorkflowError(`${where} in ${file} is not a list of strings.`)
  }
  return value
}

/** The configuration of each event `on` names: `{}` for an event named without one. */
function eventsOf(doc: unknown, file: string): Record<string, unknown> {
  // YAML 1.2 (js-yaml): `on` stays a string key, where YAML 1.1 would read it as `true`.
  const on = (doc as { on?: unknown } | null)?.on
  if (typeof on === 'string') return { [on]: {} }
  if (Array.isArray(on)) return Object.fromEntries(stringList(on, '`on`', file).map((event) => [event, {}]))
  if (on !== null && typeof on === 'object') return on as Record<string, unknown>
  throw new WorkflowError(`${file} has no \`on\`: it says nothing of when it runs.`)
}

function filter(config: Record<string, unknown>, key: string, event: string, file: string, text: string): Filter | undefined {
  const ignoreKey = `${key}-ignore`
  const has = (k: string) => config[k] !== undefined && config[k] !== null
  if (has(key) && has(ignoreKey)) {
    throw new WorkflowError(
      `on.${event} in ${file} has both ${key} and ${ignoreKey}, which GitHub rejects ("you cannot use both the ${key} and ${ignoreKey} filters for the same event"): keep one.`,
    )
  }
  const include = has(key)
  if (!include && !has(ignoreKey)) return undefined
  const name = include ? key : ignoreKey
  const patterns = stringList(config[name], `on.${event}.${name}`, file)
  try {
    return { key: name, patterns, include, matches: include ? pathsMatcher(patterns) : pathsIgnoreMatcher(patterns) }
  } catch (error) {
    if (!(error instanceof PatternError)) throw error
    const line = lineOf(text, error.pattern)
    throw new WorkflowError(`Invalid ${name} pattern in ${file}${line ? ` (line ${line})` : ''}, on.${event}: ${error.message}`, {
      cause: error,
    })
  }
}

/** The workflow as YAML reads it: js-yaml, loaded only for a file the plain reader declines. */
async function parseWorkflow(text: string, file: string): Promise<unknown> {
  const plain = readPlainOn(text, PULL_REQUEST_EVENTS)
  if (plain !== undefined) return plain
  const { load } = await import('js-yaml')
  try {
    return load(text)
  } catch (error) {
    throw new WorkflowError(`${file} is not valid YAML (${(error as Error).message.split('\n')[0]}).`, { cause: error })
  }
}

/** The pull_request and pull_request_target triggers of a workflow file (absent ones left out). */
export async function readPullRequestTriggers(text: string, file: string): Promise<PullRequestTrigger[]> {
  const doc = await parseWorkflow(text, file)
  const events = eventsOf(doc, file)
  return PULL_REQUEST_EVENTS.filter((event) => event in events).map((event) => {
    const raw = events[event]
    if (raw !== null && raw !== undefined && typeof raw !== 'object') throw new WorkflowError(`on.${event} in ${file} is not a map.`)
    const config = (raw ?? {}) as Record<string, unknown>
    return {
      event,
      file,
      types: config.types === undefined ? DEFAULT_TYPES : stringList(config.types, `on.${event}.types`, file),
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
