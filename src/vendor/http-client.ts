// Stands in for @actions/http-client inside the bundle (see tsconfig.json `paths`).
//
// Two packages import @actions/http-client, and with it undici, whose evaluation costs about
// 50 ms, as much as Node's own start: @actions/core, only for its OIDC client (core.getIDToken,
// which this action never calls), and @actions/github, for the proxy agents of its REST client.
// This stand-in keeps undici out of every step's start-up: it forwards to the real module (the
// npm alias `actions-http-client`, the version @actions/github depends on) once
// `loadHttpClient()` has loaded it, which src/github/client.ts does before it loads
// @actions/github. Only the names those two packages import are provided.
import type * as RealHttpClient from 'actions-http-client'

let real: typeof RealHttpClient | undefined

export async function loadHttpClient(): Promise<void> {
  real ??= await import('actions-http-client')
}

function DelegatingHttpClient(...args: ConstructorParameters<typeof RealHttpClient.HttpClient>): RealHttpClient.HttpClient {
  if (!real) throw new Error('@actions/http-client was used before loadHttpClient() loaded it.')
  return new real.HttpClient(...args)
}

/** `new HttpClient(...)` builds the real client (a constructor that returns an object yields it). */
export const HttpClient = DelegatingHttpClient as unknown as typeof RealHttpClient.HttpClient

/** @actions/http-client/lib/auth: imported by @actions/core's OIDC client only. */
export class BearerCredentialHandler {
  constructor() {
    throw new Error('ci-image does not bundle an OIDC client (core.getIDToken).')
  }
}
