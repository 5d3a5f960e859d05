// Which paths make a PR need its own image. Pure: the workflow file's text is passed in.
import { load } from 'js-yaml'
import { pathsIgnoreMatcher, pathsMatcher, type PathMatcher } from './patterns.js'

export interface WatchRule {
  /** Where the patterns came from, for the log and the summary. */
  source: string
  kind: 'paths' | 'paths-ignore'
  patterns: string[]
  matches: PathMatcher
}

function rule(source: string, kind: WatchRule['kind'], patterns: string[]): WatchRule {
  const matches = kind === 'paths' ? pathsMatcher(patterns) : pathsIgnoreMatcher(patterns)
  return { source, kind, patterns, matches }
}

function defaultWatchPatterns(buildWorkflow: string): string[] {
  return ['Dockerfile.ci', `.github/workflows/${buildWorkflow}`]
}

type PullRequestFilter = { paths?: string[]; pathsIgnore?: string[] } | 'all' | undefined

/** The `on.pull_request` trigger of a workflow: its path filters, `all` without filters, or absent. */
function readPullRequestFilter(workflowText: string, fileName: string): PullRequestFilter {
  let doc: unknown
  try {
    doc = load(workflowText)
  } catch (error) {
    throw new Error(`Cannot derive \`watch\`: ${fileName} is not valid YAML (${(error as Error).message.split('\n')[0]}).`, {
      cause: error,
    })
  }
  const on = (doc as { on?: unknown } | null)?.on
  if (on === 'pull_request' || (Array.isArray(on) && on.includes('pull_request'))) return 'all'
  if (typeof on !== 'object' || on === null || !('pull_request' in on)) return undefined
  const trigger = (on as Record<string, unknown>).pull_request
  if (trigger === null || typeof trigger !== 'object') return 'all'
  const list = (key: string): string[] | undefined => {
    const value = (trigger as Record<string, unknown>)[key]
    if (value === undefined) return undefined
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
      throw new Error(`Cannot derive \`watch\`: on.pull_request.${key} in ${fileName} is not a list of strings.`)
    }
    return value
  }
  const paths = list('paths')
  const pathsIgnore = list('paths-ignore')
  if (paths === undefined && pathsIgnore === undefined) return 'all'
  return { paths, pathsIgnore }
}

export interface WatchSources {
  /** Lines of the `watch` input, blank lines and `#` comments removed; empty when not given. */
  input: string[]
  buildWorkflow: string
  /** The build workflow's text from the checkout, when it has the file. */
  workflowText?: string
}

export function resolveWatch({ input, buildWorkflow, workflowText }: WatchSources): WatchRule {
  if (input.length > 0) return rule('the `watch` input', 'paths', input)
  const file = `.github/workflows/${buildWorkflow}`
  const filter = workflowText === undefined ? undefined : readPullRequestFilter(workflowText, file)
  if (filter === 'all') return rule(`${file} (on.pull_request without path filters)`, 'paths', ['**'])
  // GitHub rejects a trigger that has both; `paths` is the one that says what triggers a build.
  if (filter?.paths) return rule(`on.pull_request.paths of ${file}`, 'paths', filter.paths)
  if (filter?.pathsIgnore) return rule(`on.pull_request.paths-ignore of ${file}`, 'paths-ignore', filter.pathsIgnore)
  return rule('the defaults', 'paths', defaultWatchPatterns(buildWorkflow))
}
