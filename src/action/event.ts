// The run's event as the runner describes it: which repository, which event, its payload.
// Pure data; action/context.ts reads it from the environment.
import type { Repository } from '../github/repository.js'

export interface EventContext {
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
  /**
   * GITHUB_WORKFLOW_REF: the workflow this run is of, `<owner>/<repo>/.github/workflows/<file>@<ref>`
   * (docs: Variables reference); undefined outside Actions.
   */
  workflowRef?: string
}

/** True when the run is of `.github/workflows/<file>`; unknown (outside Actions): true. */
export function runsWorkflow(ctx: Pick<EventContext, 'workflowRef'>, file: string): boolean {
  if (!ctx.workflowRef) return true
  return ctx.workflowRef.replace(/@.*$/, '').endsWith(`/.github/workflows/${file}`)
}

/** The repository's default branch, as every webhook payload's `repository` object has it. */
export function defaultBranch(ctx: Pick<EventContext, 'payload'>): string | undefined {
  const branch = (ctx.payload.repository as { default_branch?: unknown } | undefined)?.default_branch
  return typeof branch === 'string' && branch !== '' ? branch : undefined
}

/** https://github.com/<owner>/<repo> (or the GitHub Enterprise server's). */
export function repositoryUrl(ctx: Pick<EventContext, 'serverUrl' | 'repository'>): string {
  return `${ctx.serverUrl}/${ctx.repository.owner}/${ctx.repository.repo}`
}
