// A repository served over smart HTTP on loopback, as GitHub serves one: `git http-backend` (the
// CGI program that ships with git, https://git-scm.com/docs/git-http-backend) behind a small Node
// server that, for a private repository, asks for the token the way GitHub takes it over HTTPS:
// basic auth with the token as password (actions/checkout, src/git-auth-helper.ts, sends
// `AUTHORIZATION: basic base64(x-access-token:<token>)`).
import { spawn } from 'node:child_process'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { basename, dirname } from 'node:path'

interface GitHttpRequest {
  method: string
  path: string
  query: string
  /** Every Authorization header received, duplicates included (Node keeps only the first in `headers`). */
  authorizations: string[]
  status: number
  /** Response body bytes (the packs the client downloaded, and the negotiation). */
  bytes: number
}

export interface GitHttpServer {
  /** `http://127.0.0.1:<port>`: what GITHUB_SERVER_URL is for a run against this server. */
  origin: string
  /** The repository's clone URL. */
  url: string
  requests: GitHttpRequest[]
  stop(): Promise<void>
}

export interface GitHttpServerOptions {
  /** The repository on disk (a work tree's `.git` is found, as git finds it). */
  repo: string
  /** Path of the repository on the server, like GitHub's `/owner/name`. */
  path?: string
  /** A private repository: only this token gets in. */
  token?: string
}

/** Basic auth with the token as password: the scheme is case-insensitive, the credentials are not. */
function carriesToken(authorization: string | undefined, token: string): boolean {
  return /^basic\s+(\S+)$/i.exec(authorization ?? '')?.[1] === Buffer.from(`x-access-token:${token}`).toString('base64')
}

/** Splits a CGI answer into its status, headers and body (RFC 3875, section 6). */
function parseCgi(output: Buffer): { status: number; headers: Record<string, string>; body: Buffer } {
  let end = output.indexOf('\r\n\r\n')
  let gap = 4
  if (end < 0) {
    end = output.indexOf('\n\n')
    gap = 2
  }
  const head = output.subarray(0, Math.max(end, 0)).toString('latin1')
  const headers: Record<string, string> = {}
  let status = 200
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':')
    if (colon < 0) continue
    const name = line.slice(0, colon).trim().toLowerCase()
    const value = line.slice(colon + 1).trim()
    if (name === 'status') status = Number.parseInt(value, 10)
    else headers[name] = value
  }
  return { status, headers, body: end < 0 ? Buffer.alloc(0) : output.subarray(end + gap) }
}

function authorizationHeaders(req: IncomingMessage): string[] {
  const values: string[] = []
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i]!.toLowerCase() === 'authorization') values.push(req.rawHeaders[i + 1]!)
  }
  return values
}

async function runBackend(req: IncomingMessage, repo: string, pathInfo: string, query: string, user?: string): Promise<Buffer> {
  // The CGI variables git http-backend reads (its ENVIRONMENT section).
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_PROJECT_ROOT: dirname(repo),
    GIT_HTTP_EXPORT_ALL: '1',
    PATH_INFO: `/${basename(repo)}${pathInfo}`,
    REQUEST_METHOD: req.method ?? 'GET',
    QUERY_STRING: query,
    CONTENT_TYPE: req.headers['content-type'] ?? '',
    REMOTE_ADDR: '127.0.0.1',
    ...(req.headers['content-length'] ? { CONTENT_LENGTH: req.headers['content-length'] } : {}),
    ...(req.headers['content-encoding'] ? { HTTP_CONTENT_ENCODING: req.headers['content-encoding'] } : {}),
    // Protocol v2 is asked for in the Git-Protocol header, passed on as HTTP_GIT_PROTOCOL.
    ...(req.headers['git-protocol'] ? { HTTP_GIT_PROTOCOL: String(req.headers['git-protocol']) } : {}),
    ...(user ? { REMOTE_USER: user } : {}),
  }
  const child = spawn('git', ['http-backend'], { env, stdio: ['pipe', 'pipe', 'pipe'] })
  const chunks: Buffer[] = []
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
  child.stderr.resume()
  req.pipe(child.stdin)
  await new Promise<void>((done, fail) => {
    child.on('error', fail)
    child.on('close', () => done())
  })
  return Buffer.concat(chunks)
}

export async function serveGitOverHttp({ repo, path = '/acme/app', token }: GitHttpServerOptions): Promise<GitHttpServer> {
  const requests: GitHttpRequest[] = []
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const record: GitHttpRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.search.slice(1),
      authorizations: authorizationHeaders(req),
      status: 0,
      bytes: 0,
    }
    requests.push(record)
    const prefix = path.replace(/\/$/, '')
    const rest = url.pathname.startsWith(`${prefix}/`)
      ? url.pathname.slice(prefix.length)
      : url.pathname.startsWith(`${prefix}.git/`)
        ? url.pathname.slice(prefix.length + 4)
        : undefined
    if (rest === undefined) {
      req.resume()
      record.status = 404
      res.writeHead(404).end('Not Found')
      return
    }
    if (token !== undefined && !carriesToken(req.headers.authorization, token)) {
      req.resume()
      record.status = 401
      // As GitHub answers a private repository's smart HTTP without valid credentials.
      res.writeHead(401, { 'www-authenticate': 'Basic realm="GitHub"' }).end('Invalid username or token.')
      return
    }
    const answer = parseCgi(await runBackend(req, repo, rest, url.search.slice(1), token ? 'x-access-token' : undefined))
    record.status = answer.status
    record.bytes = answer.body.length
    res.writeHead(answer.status, answer.headers).end(answer.body)
  }
  const server = createServer((req, res) => void handle(req, res))
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    url: `${origin}${path}`,
    requests,
    stop: async () => {
      server.closeAllConnections()
      await new Promise<void>((done) => server.close(() => done()))
    },
  }
}
