// An embedded GitHub: the REST routes the action uses, served on loopback, with state,
// pagination as GitHub does it (Link headers), ETags and fault injection.
import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { BUILD_WORKFLOW, BUILD_WORKFLOW_PATH } from './git.js'

export interface RecordedRequest {
  method: string
  path: string
  query: URLSearchParams
  headers: IncomingMessage['headers']
  status: number
  body?: unknown
  /** What the fake answered, for checks against GitHub's OpenAPI description. */
  responseBody?: unknown
  /** Answered by an injected fault rather than a route. */
  injected?: boolean
}

export interface Fault {
  /** Matches `METHOD /path` (path without query). */
  match: RegExp
  status: number
  headers?: Record<string, string>
  body?: unknown
  /** How many matching requests fail; Infinity for all. */
  times: number
}

export interface PullFile {
  filename: string
  status?: string
  previous_filename?: string
}

interface RouteContext {
  req: IncomingMessage
  params: string[]
  query: URLSearchParams
  body: unknown
}

type RouteResult = { status: number; body?: unknown; headers?: Record<string, string> }
type Handler = (ctx: RouteContext) => RouteResult

export interface FakeUser {
  login: string
  id: number
  type: 'Bot' | 'User'
}

/** Who the workflow's GITHUB_TOKEN is: any token the fake was not told about. */
export const ACTIONS_BOT: FakeUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' }

/** A repository permission as GET .../collaborators/{username}/permission answers it. */
export interface FakePermission {
  permission: 'admin' | 'write' | 'read' | 'none'
  role_name: string
}

export class FakeGitHub {
  readonly requests: RecordedRequest[] = []
  /** Who each token is (a GitHub App's installation token, a person's token); others are ACTIONS_BOT. */
  readonly tokens = new Map<string, FakeUser>()
  /** Repository permissions by login; a user not listed gets 404, as a non-collaborator does. */
  readonly collaborators = new Map<string, FakePermission>()
  readonly faults: Fault[] = []
  readonly pulls = new Map<number, Record<string, unknown>>()
  readonly pullFiles = new Map<number, PullFile[]>()
  /**
   * Repository files by path (any ref), or by `path@ref` (that ref only), for `GET /contents/{path}`:
   * the build workflow, unless a test removes it.
   */
  readonly files = new Map<string, string>([[BUILD_WORKFLOW_PATH, BUILD_WORKFLOW]])
  /** Called before each request is answered; scenarios advance their timeline here. */
  onRequest: (req: RecordedRequest) => void = () => {}
  /** Awaited before each request is answered: a test holds some requests back to force an interleaving. */
  holdBack: (req: RecordedRequest) => Promise<void> = async () => {}
  private server?: Server
  private readonly routes: [string, RegExp, Handler][] = []
  /** GitHub stops listing a PR's files here. */
  fileListCap = 3000

  constructor(
    readonly owner = 'acme',
    readonly repo = 'app',
  ) {
    const repoPath = `/repos/${owner}/${repo}`
    this.route('GET', `${repoPath}/pulls/(\\d+)`, ({ params }) => {
      const pr = this.pulls.get(Number(params[0]))
      return pr ? { status: 200, body: pr } : notFound()
    })
    this.route('GET', `${repoPath}/pulls/(\\d+)/files`, ({ params, query, req }) => {
      const files = this.pullFiles.get(Number(params[0]))
      if (!files) return notFound()
      return this.paginate(
        req,
        query,
        files.slice(0, this.fileListCap).map((file) => this.diffEntry(file)),
        30,
        100,
      )
    })
    this.route('GET', `${repoPath}/collaborators/([^/]+)/permission`, ({ params }) => {
      const login = decodeURIComponent(params[0]!)
      const found = this.collaborators.get(login)
      if (!found) return notFound()
      return {
        status: 200,
        body: {
          ...found,
          user: { ...simpleUser(login, 1000 + login.length), permissions: permissionFlags(found), role_name: found.role_name },
        },
      }
    })
    // GraphQL, for the one query the action makes: who the token is.
    this.route('POST', '/graphql', ({ req, body }) => {
      const query = (body as { query?: string } | undefined)?.query ?? ''
      if (!/\bviewer\s*\{\s*login\s*\}/.test(query))
        return { status: 200, body: { errors: [{ message: `the fake answers only viewer { login }: ${query}` }] } }
      return { status: 200, body: { data: { viewer: { login: this.whoIs(req).login } } } }
    })
    this.route('GET', `${repoPath}/contents/(.+)`, ({ params, query }) => {
      const path = decodeURIComponent(params[0]!)
      const ref = query.get('ref')
      const text = (ref === null ? undefined : this.files.get(`${path}@${ref}`)) ?? this.files.get(path)
      if (text !== undefined) return { status: 200, body: this.contentFile(path, text, ref ?? 'main') }
      // A directory: the files under it at that ref (an array of `content-directory` entries).
      const under = [...this.files.keys()]
        .map((key) => /^(.*?)(?:@([0-9a-f]{40}|[^@]*))?$/.exec(key)!)
        .filter(
          ([, file, at]) => file!.startsWith(`${path}/`) && !file!.slice(path.length + 1).includes('/') && (at === undefined || at === ref),
        )
        .map(([, file]) => file!)
      if (under.length === 0) return notFound()
      return { status: 200, body: [...new Set(under)].map((file) => this.directoryEntry(file, ref ?? 'main')) }
    })
  }

  /** The identity behind a request's token. */
  whoIs(req: IncomingMessage): FakeUser {
    const token = /^(?:token|bearer)\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]
    return (token && this.tokens.get(token)) || ACTIONS_BOT
  }

  /** A PR file as GitHub lists it (the `diff-entry` schema). */
  private diffEntry(file: PullFile): Record<string, unknown> {
    const sha = createHash('sha1').update(file.filename).digest('hex')
    const blob = `https://github.com/${this.owner}/${this.repo}/blob/${sha}/${encodeURI(file.filename)}`
    return {
      sha,
      filename: file.filename,
      status: file.status ?? 'modified',
      additions: 1,
      deletions: 1,
      changes: 2,
      blob_url: blob,
      raw_url: blob.replace('/blob/', '/raw/'),
      contents_url: `https://api.github.com/repos/${this.owner}/${this.repo}/contents/${encodeURI(file.filename)}?ref=${sha}`,
      patch: '@@ -1 +1 @@\n-old\n+new',
      ...(file.previous_filename ? { previous_filename: file.previous_filename } : {}),
    }
  }

  /** A file as a directory listing of `GET /repos/{owner}/{repo}/contents/{path}` shows it (`content-directory`). */
  private directoryEntry(path: string, ref: string): Record<string, unknown> {
    const entry = this.contentFile(path, this.files.get(`${path}@${ref}`) ?? this.files.get(path) ?? '', ref)
    delete entry.content
    delete entry.encoding
    return entry
  }

  /** A file as `GET /repos/{owner}/{repo}/contents/{path}` returns it (the `content-file` schema). */
  private contentFile(path: string, text: string, ref: string): Record<string, unknown> {
    const sha = createHash('sha1')
      .update(`blob ${Buffer.byteLength(text)}\0${text}`)
      .digest('hex')
    const api = `https://api.github.com/repos/${this.owner}/${this.repo}`
    const html = `https://github.com/${this.owner}/${this.repo}/blob/${ref}/${path}`
    const self = `${api}/contents/${path}?ref=${ref}`
    return {
      type: 'file',
      encoding: 'base64',
      size: Buffer.byteLength(text),
      name: path.slice(path.lastIndexOf('/') + 1),
      path,
      content: Buffer.from(text).toString('base64'),
      sha,
      url: self,
      git_url: `${api}/git/blobs/${sha}`,
      html_url: html,
      download_url: `https://raw.githubusercontent.com/${this.owner}/${this.repo}/${ref}/${path}`,
      _links: { self, git: `${api}/git/blobs/${sha}`, html },
    }
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | undefined
    if (!address) throw new Error('FakeGitHub is not listening')
    return `http://127.0.0.1:${address.port}`
  }

  route(method: string, pattern: string, handler: Handler): void {
    this.routes.push([method, new RegExp(`^${pattern}$`), handler])
  }

  fail(method: string, pathPattern: string, status: number, times = 1, headers: Record<string, string> = {}, body?: unknown): void {
    this.faults.push({ match: new RegExp(`^${method} ${pathPattern}$`), status, headers, body, times })
  }

  /** Requests that count against the rate limit: everything but 304s. */
  count(filter: (r: RecordedRequest) => boolean = () => true): number {
    return this.requests.filter(filter).length
  }

  /** A page of `items` with GitHub's Link header. */
  paginate(req: IncomingMessage, query: URLSearchParams, items: unknown[], defaultPerPage: number, maxPerPage: number): RouteResult {
    const perPage = Math.min(Number(query.get('per_page') ?? defaultPerPage), maxPerPage)
    const page = Math.max(Number(query.get('page') ?? 1), 1)
    const last = Math.max(Math.ceil(items.length / perPage), 1)
    const links: string[] = []
    const link = (p: number, rel: string) => {
      const q = new URLSearchParams(query)
      q.set('page', String(p))
      q.set('per_page', String(perPage))
      links.push(`<${this.url}${new URL(req.url!, 'http://x').pathname}?${q.toString()}>; rel="${rel}"`)
    }
    if (page < last) {
      link(page + 1, 'next')
      link(last, 'last')
    }
    if (page > 1) {
      link(1, 'first')
      link(page - 1, 'prev')
    }
    const headers: Record<string, string> = links.length ? { link: links.join(', ') } : {}
    return { status: 200, body: items.slice((page - 1) * perPage, page * perPage), headers }
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res))
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    return this
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections()
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()))
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const text = Buffer.concat(chunks).toString('utf8')
    const body = text ? (JSON.parse(text) as unknown) : undefined
    const url = new URL(req.url ?? '/', 'http://x')
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      status: 0,
      body,
    }
    await this.holdBack(record)
    this.onRequest(record)
    const result = this.answer(record, req, body)
    record.status = result.status
    record.responseBody = result.body
    this.requests.push(record)
    let payload = result.body === undefined ? '' : JSON.stringify(result.body)
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': String(5000 - this.count((r) => r.status !== 304)),
      ...(result.headers ?? {}),
    }
    // Conditional requests, as GitHub answers them: an unchanged body is a 304 that costs nothing.
    if (result.status === 200 && req.method === 'GET') {
      const etag = `"${createHash('sha1').update(payload).digest('hex')}"`
      headers.etag = etag
      if (req.headers['if-none-match'] === etag) {
        record.status = 304
        payload = ''
        result.status = 304
      }
    }
    res.writeHead(result.status, headers)
    res.end(result.status === 304 || result.status === 204 ? undefined : payload)
  }

  private answer(record: RecordedRequest, req: IncomingMessage, body: unknown): RouteResult {
    const key = `${record.method} ${record.path}`
    const fault = this.faults.find((f) => f.times > 0 && f.match.test(key))
    if (fault) {
      fault.times--
      record.injected = true
      return { status: fault.status, headers: fault.headers, body: fault.body ?? { message: `injected ${fault.status}` } }
    }
    for (const [method, pattern, handler] of this.routes) {
      const match = method === record.method ? pattern.exec(record.path) : null
      if (match) return handler({ req, params: match.slice(1), query: record.query, body })
    }
    return notFound()
  }
}

export function notFound(): RouteResult {
  return { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } }
}

/** The `permissions` flags GitHub adds to a collaborator, from their role. */
function permissionFlags({ permission, role_name }: FakePermission): Record<string, boolean> {
  const level = ['none', 'read', 'triage', 'write', 'maintain', 'admin'].indexOf(
    role_name in { triage: 1, maintain: 1 } ? role_name : permission,
  )
  return { pull: level >= 1, triage: level >= 2, push: level >= 3, maintain: level >= 4, admin: level >= 5 }
}

/** A user as GitHub's `simple-user` schema shapes it. */
export function simpleUser(login: string, id: number, type: 'User' | 'Bot' = 'User'): Record<string, unknown> {
  const api = `https://api.github.com/users/${encodeURIComponent(login)}`
  return {
    login,
    id,
    node_id: `U_${id.toString(36)}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: `https://github.com/${encodeURIComponent(login)}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type,
    site_admin: false,
  }
}
