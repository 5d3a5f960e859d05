// Wires the inputs and the event to a command. Commands load on demand, so each run pays
// only for the code it uses.
import * as core from '@actions/core'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { readRunnerContext, type RunnerContext } from './context.js'
import { createGit } from './git.js'
import type { GitHubClient } from './github.js'
import { defaultImage } from './image.js'
import { parseInputs, type Inputs } from './inputs.js'
import { resolveTarget, type Target } from './target.js'

export interface Session {
  inputs: Inputs
  ctx: RunnerContext
  target: Target
  image: string
  client: () => Promise<GitHubClient>
}

function clientFactory(inputs: Inputs, ctx: RunnerContext): () => Promise<GitHubClient> {
  let client: Promise<GitHubClient> | undefined
  return () =>
    (client ??= import('./github.js').then(({ createClient }) => createClient({ token: inputs.token, baseUrl: ctx.apiUrl })))
}

async function openSession(): Promise<Session> {
  const inputs = parseInputs((name) => core.getInput(name))
  if (inputs.token) core.setSecret(inputs.token)
  const ctx = readRunnerContext()
  const client = clientFactory(inputs, ctx)
  const getPullRequest = async (prNumber: number) => {
    const { getPullRequest } = await import('./pulls.js')
    return getPullRequest(await client(), ctx.repository, prNumber)
  }
  const target = await resolveTarget(ctx, inputs, getPullRequest)
  return { inputs, ctx, target, image: inputs.image ?? defaultImage(ctx.repository), client }
}

async function resolveImageCommand(session: Session): Promise<void> {
  const { resolveImage, reportResolvedImage } = await import('./commands/resolve-image.js')
  const { inputs, ctx, target } = session
  const workflowPath = join(ctx.workspace, '.github', 'workflows', inputs.buildWorkflow)
  const result = await core.group('Resolving the CI image', () =>
    resolveImage({ ...inputs, image: session.image }, target, {
      git: createGit(ctx.workspace),
      readBuildWorkflow: () => (existsSync(workflowPath) ? readFileSync(workflowPath, 'utf8') : undefined),
      listPullRequestFiles: inputs.token
        ? async (prNumber) => {
            const { listPullRequestFiles } = await import('./pulls.js')
            return listPullRequestFiles(await session.client(), ctx.repository, prNumber)
          }
        : undefined,
    }),
  )
  await reportResolvedImage(result, target)
}

export async function run(): Promise<void> {
  try {
    const session = await openSession()
    switch (session.inputs.command) {
      case 'resolve-image':
        return await resolveImageCommand(session)
      default:
        throw new Error(`Input \`command\` "${session.inputs.command}" is not available in this version.`)
    }
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error))
  }
}

await run()
