// A reverse proxy on loopback in front of a real registry: it counts the requests a client makes,
// the paths it asks and how many are open at once, which the registry itself does not say.
import { createServer, request, type Server } from 'node:http'

export interface CountingProxy {
  /** `127.0.0.1:<port>`: the registry, as the client reaches it. */
  host: string
  /** The paths asked, in order. */
  paths: string[]
  /** The most requests open at once. */
  maxInFlight: number
  stop(): Promise<void>
}

export async function countingProxy(registryUrl: string): Promise<CountingProxy> {
  let inFlight = 0
  const server: Server = createServer((req, res) => {
    proxy.paths.push(req.url ?? '')
    proxy.maxInFlight = Math.max(proxy.maxInFlight, ++inFlight)
    res.on('close', () => inFlight--)
    const forward = request(`${registryUrl}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    })
    forward.on('error', () => res.writeHead(502).end())
    req.pipe(forward)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const proxy: CountingProxy = {
    host: `127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    paths: [],
    maxInFlight: 0,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  }
  return proxy
}
