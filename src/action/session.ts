// What every command starts from: validated inputs, the event, the target and a lazy client.
import * as core from '@actions/core'
import type { EventContext } from './event.js'
import { defaultImageRepository, parseInputs, type Inputs } from './inputs.js'
import { pullRequestFromApiShape, resolveTarget, type Target } from './target.js'
import { createClient, type GitHubClient } from '../github/client.js'
import { getCollaboratorPermission } from '../github/permissions.js'
import { getPullRequest } from '../github/pulls.js'
import { readEventContext } from './context.js'
import { debug, info } from '../log/log.js'

export interface Session {
  inputs: Inputs
  ctx: EventContext
  target: Target
  /** Where this project's images live, without a tag: the `image` input or its default. */
  imageRepository: string
  /** The REST client, created on first use (a run that git can answer needs none). */
  client: () => Promise<GitHubClient>
}

function clientFactory(inputs: Inputs, ctx: EventContext): () => Promise<GitHubClient> {
  let client: Promise<GitHubClient> | undefined
  return () => (client ??= createClient({ token: inputs.token, baseUrl: ctx.apiUrl, log: { info, debug } }))
}

export async function openSession(): Promise<Session> {
  const inputs = parseInputs((name) => core.getInput(name))
  if (inputs.token) core.setSecret(inputs.token)
  const ctx = readEventContext()
  const client = clientFactory(inputs, ctx)
  const target = await resolveTarget(ctx, inputs, {
    getPullRequest: async (prNumber) => pullRequestFromApiShape(await getPullRequest(await client(), ctx.repository, prNumber)),
    getPermission: async (login) => getCollaboratorPermission(await client(), ctx.repository, login),
  })
  return { inputs, ctx, target, imageRepository: inputs.imageRepository ?? defaultImageRepository(ctx.repository), client }
}
