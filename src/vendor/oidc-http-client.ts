// Stands in for @actions/http-client inside the bundle (see tsconfig.json `paths`).
//
// @actions/core imports @actions/http-client, and with it undici, only for its OIDC client
// (core.getIDToken), which this action never calls. Evaluating undici cost about 50 ms on every
// step's start-up, as much as Node's own start; this stand-in keeps it out of dist/.
const unavailable = (): never => {
  throw new Error('ci-image does not bundle an HTTP client for OIDC tokens (core.getIDToken).')
}

export class HttpClient {
  constructor() {
    unavailable()
  }
}

export class BearerCredentialHandler {
  constructor() {
    unavailable()
  }
}
