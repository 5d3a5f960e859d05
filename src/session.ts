// What every command starts from: validated inputs, the event, the target and a lazy client.
import * as core from '@actions/core'
import { readRunnerContext, type RunnerContext } from './context.js'
import type { GitHubClient } from './github.js'
import { defaultImage } from './image.js'
import { parseInputs, type Inputs } from './inputs.js'
import { resolveTarget, type Target } from './target.js'

export interface Session {
  inputs: Inputs
  ctx: RunnerContext
  target: Target
  /** Image repository without tag. */
  image: string
  /** The REST client, created on first use (a run that git can answer needs none). */
  client: () => Promise<GitHubClient>
}

function clientFactory(inputs: Inputs, ctx: RunnerContext): () => Promise<GitHubClient> {
  let client: Promise<GitHubClient> | undefined
  return () =>
    (client ??= import('./github.js').then(({ createClient }) => createClient({ token: inputs.token, baseUrl: ctx.apiUrl })))
}

export async function openSession(): Promise<Session> {
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
