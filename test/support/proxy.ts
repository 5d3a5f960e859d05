// An HTTP proxy on loopback, as self-hosted runners sit behind: it records where each request
// wanted to go and sends it to one upstream (the embedded GitHub) whatever the host asked for.
import { createServer, request, type Server } from 'node:http'
import { connect } from 'node:net'
import type { AddressInfo } from 'node:net'

export interface Proxy {
  url: string
  /** `CONNECT host:port` or `GET http://host/path`, as the client asked. */
  asked: string[]
  stop(): Promise<void>
}

export async function startProxy(upstream: string): Promise<Proxy> {
  const target = new URL(upstream)
  const asked: string[] = []
  const server: Server = createServer((req, res) => {
    asked.push(`${req.method} ${req.url}`)
    const url = new URL(req.url ?? '/', upstream)
    const forward = request(
      { host: target.hostname, port: target.port, method: req.method, path: url.pathname + url.search, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      },
    )
    req.pipe(forward)
  })
  server.on('connect', (req, client, head) => {
    asked.push(`CONNECT ${req.url}`)
    const socket = connect(Number(target.port), target.hostname, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      socket.write(head)
      socket.pipe(client)
      client.pipe(socket)
    })
    socket.on('error', () => client.destroy())
    client.on('error', () => socket.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    asked,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
