// The one place that reads the runner's environment and the event payload.
import { readFileSync } from 'node:fs'

export interface Repository {
  owner: string
  repo: string
}

export interface RunnerContext {
  eventName: string
  /** The event payload, as the runner wrote it to GITHUB_EVENT_PATH. */
  payload: Record<string, unknown>
  repository: Repository
  sha: string
  ref: string
  workspace: string
  serverUrl: string
  apiUrl: string
  /** GITHUB_RUN_ID: this workflow run, for links back to it; undefined outside Actions. */
  runId?: string
}

export function parseRepository(fullName: string): Repository {
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(fullName)
  if (!match) throw new Error(`GITHUB_REPOSITORY must be owner/repo; got "${fullName}".`)
  return { owner: match[1]!, repo: match[2]! }
}

export function readRunnerContext(env: NodeJS.ProcessEnv = process.env): RunnerContext {
  const eventPath = env.GITHUB_EVENT_PATH
  let payload: Record<string, unknown> = {}
  if (eventPath) {
    try {
      payload = JSON.parse(readFileSync(eventPath, 'utf8')) as Record<string, unknown>
    } catch (error) {
      throw new Error(`Cannot read the event payload at GITHUB_EVENT_PATH (${eventPath}): ${(error as Error).message}`)
    }
  }
  const fullName = env.GITHUB_REPOSITORY || (payload.repository as { full_name?: string } | undefined)?.full_name
  if (!fullName) throw new Error('GITHUB_REPOSITORY is not set: is this running in GitHub Actions?')
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    payload,
    repository: parseRepository(fullName),
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    runId: env.GITHUB_RUN_ID || undefined,
  }
}
