// What every command starts from: validated inputs, the event, the target, the run's timing,
// the one REST client (created on first use) and the timer every wait sleeps on.
import * as core from '@actions/core'
import type { EventContext } from './event.js'
import { defaultImageRepository, parseInputs, type Inputs } from './inputs.js'
import { pullRequestFromApiShape, resolveTarget, type Target } from './target.js'
import { createClient, type GitHubClient } from '../github/client.js'
import { getCollaboratorPermission } from '../github/permissions.js'
import { getPullRequest } from '../github/pulls.js'
import { readEventContext } from './context.js'
import { debug, info } from '../log/log.js'
import { runTiming, type RunTiming } from '../timing/timing.js'

export interface Session {
  inputs: Inputs
  ctx: EventContext
  target: Target
  /** Where this project's images live, without a tag: the `image` input or its default. */
  imageRepository: string
  /** The poll interval, the wait's deadline and the rate-limit waits it allows. */
  timing: RunTiming
  /** The REST client, created on first use (a run that git can answer needs none); the only one of the run. */
  client: () => Promise<GitHubClient>
  /** Waits `ms` on a real timer. */
  sleep: (ms: number) => Promise<void>
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

function clientFactory(inputs: Inputs, ctx: EventContext, timing: RunTiming): () => Promise<GitHubClient> {
  let client: Promise<GitHubClient> | undefined
  // Rate limits are waited out only while the wait's deadline allows it, once a wait has started.
  const mayWait = (seconds: number) => timing.mayWaitRateLimit(seconds)
  return () => (client ??= createClient({ token: inputs.token, baseUrl: ctx.apiUrl, mayWait, log: { info, debug } }))
}

export async function openSession(): Promise<Session> {
  const inputs = parseInputs((name) => core.getInput(name))
  if (inputs.token) core.setSecret(inputs.token)
  const ctx = readEventContext()
  const timing = runTiming(inputs)
  const client = clientFactory(inputs, ctx, timing)
  const target = await resolveTarget(ctx, inputs, {
    getPullRequest: async (prNumber) => pullRequestFromApiShape(await getPullRequest(await client(), ctx.repository, prNumber)),
    getPermission: async (login) => getCollaboratorPermission(await client(), ctx.repository, login),
  })
  return { inputs, ctx, target, imageRepository: inputs.imageRepository ?? defaultImageRepository(ctx.repository), timing, client, sleep }
}
