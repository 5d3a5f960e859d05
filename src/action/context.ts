// The one place that reads the runner's environment and the event payload.
import { readFileSync } from 'node:fs'
import { parseRepository } from '../github/repository.js'
import type { EventContext } from './event.js'

export function readEventContext(env: NodeJS.ProcessEnv = process.env): EventContext {
  const eventPath = env.GITHUB_EVENT_PATH
  let payload: Record<string, unknown> = {}
  if (eventPath) {
    try {
      payload = JSON.parse(readFileSync(eventPath, 'utf8')) as Record<string, unknown>
    } catch (error) {
      throw new Error(`Cannot read the event payload at GITHUB_EVENT_PATH (${eventPath}): ${(error as Error).message}`, { cause: error })
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
    workflowRef: env.GITHUB_WORKFLOW_REF || undefined,
  }
}
