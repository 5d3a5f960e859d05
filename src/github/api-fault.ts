// A failed GitHub API call, as the decisions see it. What an HTTP answer means (gone, refused,
// worth another try, how long GitHub asked us to wait) is read in one place, github/errors.ts,
// which turns Octokit's errors into this.

export type FaultKind =
  /** 404: the thing asked for does not exist (or the token may not see it). */
  | 'not-found'
  /** 401/403 without a rate limit: the token lacks a permission; asking again will not help. */
  | 'refused'
  /** 5xx, network errors, timeouts, rate limits: another try later may succeed. */
  | 'transient'
  /** Anything else (422, ...): a mistake that asking again will not fix. */
  | 'fatal'

export interface FaultDetails {
  /** Seconds GitHub asked to wait before asking again, when it said. */
  retryAfterSeconds?: number
  /** The permission the job's token needs for this call, e.g. `actions: read`. */
  permission?: string
  cause?: unknown
}

export class ApiFault extends Error {
  override readonly name = 'ApiFault'
  readonly retryAfterSeconds?: number
  readonly permission?: string

  constructor(
    readonly kind: FaultKind,
    /** What went wrong, in one line: `GET /repos/acme/app/pulls/7 answered 502: Bad Gateway`. */
    readonly description: string,
    details: FaultDetails = {},
  ) {
    super(description, { cause: details.cause })
    this.retryAfterSeconds = details.retryAfterSeconds
    this.permission = details.permission
  }

  /** What the job must change for a refusal, or '' when there is nothing to say. */
  permissionHint(): string {
    return this.kind === 'refused' && this.permission ? `: the token needs the \`${this.permission}\` permission` : ''
  }
}
