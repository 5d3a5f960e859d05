// Issue comments on the embedded GitHub: list (Link pagination, oldest first), create, update
// and delete, with ids, html_url and timestamps shaped like GitHub's.
import { ACTIONS_BOT, notFound, simpleUser, type FakeGitHub, type FakeUser } from './github-server.js'

export interface FakeComment {
  id: number
  node_id: string
  url: string
  html_url: string
  issue_url: string
  body: string
  user: FakeUser
  author_association: string
  created_at: string
  updated_at: string
}

export const PERSON: FakeUser = { login: 'octocat', id: 583231, type: 'User' }

/** GitHub rejects longer bodies with a 422. */
const MAX_BODY = 65_536

export class FakeComments {
  /** Every comment ever created, by id; deleted ones are removed. */
  readonly byId = new Map<number, FakeComment & { issue: number }>()
  private nextId = 1_900_000_000
  private clock = Date.parse('2024-05-01T12:00:00Z')

  constructor(private readonly fake: FakeGitHub) {
    const repoPath = `/repos/${fake.owner}/${fake.repo}`
    fake.route('GET', `${repoPath}/issues/(\\d+)/comments`, ({ params, query, req }) =>
      fake.paginate(req, query, this.on(Number(params[0])), 30, 100),
    )
    fake.route('POST', `${repoPath}/issues/(\\d+)/comments`, ({ params, body, req }) => {
      const invalid = validate(body)
      // The comment is written by whoever the request's token is.
      return invalid ?? { status: 201, body: this.add(Number(params[0]), (body as { body: string }).body, fake.whoIs(req)) }
    })
    fake.route('GET', `${repoPath}/issues/comments/(\\d+)`, ({ params }) => {
      const comment = this.byId.get(Number(params[0]))
      return comment ? { status: 200, body: comment } : notFound()
    })
    fake.route('PATCH', `${repoPath}/issues/comments/(\\d+)`, ({ params, body }) => {
      const comment = this.byId.get(Number(params[0]))
      if (!comment) return notFound()
      const invalid = validate(body)
      if (invalid) return invalid
      comment.body = (body as { body: string }).body
      comment.updated_at = this.tick()
      return { status: 200, body: comment }
    })
    fake.route('DELETE', `${repoPath}/issues/comments/(\\d+)`, ({ params }) =>
      this.byId.delete(Number(params[0])) ? { status: 204 } : notFound(),
    )
  }

  /** The comments of one issue or PR, oldest first, as GitHub lists them. */
  on(issue: number): FakeComment[] {
    return [...this.byId.values()].filter((c) => c.issue === issue).sort((a, b) => a.id - b.id)
  }

  /** Adds a comment as if someone had posted it. */
  add(issue: number, body: string, user: FakeUser = ACTIONS_BOT): FakeComment & { issue: number } {
    const id = this.nextId++
    const { owner, repo } = this.fake
    const at = this.tick()
    const comment = {
      issue,
      id,
      node_id: `IC_kwDO${id.toString(36)}`,
      url: `https://api.github.com/repos/${owner}/${repo}/issues/comments/${id}`,
      html_url: `https://github.com/${owner}/${repo}/pull/${issue}#issuecomment-${id}`,
      issue_url: `https://api.github.com/repos/${owner}/${repo}/issues/${issue}`,
      body,
      user: { ...simpleUser(user.login, user.id, user.type), ...user },
      author_association: user.type === 'Bot' ? 'NONE' : 'MEMBER',
      created_at: at,
      updated_at: at,
    }
    this.byId.set(id, comment)
    return comment
  }

  private tick(): string {
    this.clock += 1000
    return new Date(this.clock).toISOString().replace(/\.\d{3}Z$/, 'Z')
  }
}

function validate(body: unknown): { status: number; body: unknown } | undefined {
  const text = (body as { body?: unknown } | undefined)?.body
  if (typeof text === 'string' && text.length > 0 && text.length <= MAX_BODY) return undefined
  const message =
    typeof text === 'string' && text.length > MAX_BODY ? `body is too long (maximum is ${MAX_BODY} characters)` : "body can't be blank"
  return {
    status: 422,
    body: { message: 'Validation Failed', errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message }] },
  }
}
