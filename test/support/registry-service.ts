// A real container registry for tests: CNCF distribution (Debian's `docker-registry`), started
// per test file on 127.0.0.1 with its own storage, optionally behind htpasswd basic auth.
// A Docker daemon trusts every registry on 127.0.0.0/8 as insecure (plain HTTP), so
// `docker push 127.0.0.1:<port>/…` works without configuration (moby, registry/config.go:
// the loopback range is always in the insecure registry CIDRs).
//
// .ci/run installs the package; in CI (CI=true) a missing binary fails the test that needs it.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { tempDir } from './git.js'

export const REGISTRY_BINARY = process.env.CI_IMAGE_REGISTRY_BIN ?? '/usr/bin/docker-registry'

export interface RegistryService {
  /** `127.0.0.1:<port>`: the host part of an image reference. */
  host: string
  /** `http://127.0.0.1:<port>` */
  url: string
  stop(): Promise<void>
}

export interface RegistryOptions {
  /** htpasswd basic auth with this one account (bcrypt, as distribution requires). */
  auth?: { user: string; password: string }
}

export function registryAvailable(): boolean {
  return existsSync(REGISTRY_BINARY)
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

function config(dir: string, port: number, options: RegistryOptions): string {
  const lines = [
    'version: 0.1',
    'log:',
    '  level: error',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${JSON.stringify(join(dir, 'storage'))}`,
    '  delete:',
    '    enabled: true',
    'http:',
    `  addr: 127.0.0.1:${port}`,
  ]
  if (options.auth) {
    const htpasswd = join(dir, 'htpasswd')
    // distribution's htpasswd access controller accepts bcrypt entries only (registry/auth/htpasswd).
    const entry = execFileSync('htpasswd', ['-Bbn', options.auth.user, options.auth.password], { encoding: 'utf8' })
    writeFileSync(htpasswd, entry.trim() + '\n')
    lines.push('auth:', '  htpasswd:', '    realm: test-registry', `    path: ${JSON.stringify(htpasswd)}`)
  }
  const file = join(dir, 'config.yml')
  writeFileSync(file, lines.join('\n') + '\n')
  return file
}

async function answers(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 15_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`docker-registry exited with ${child.exitCode} before answering`)
    try {
      // GET /v2/ answers 200, or 401 behind auth (distribution spec, "Determining support").
      const response = await fetch(`${url}/v2/`)
      if (response.status === 200 || response.status === 401) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`docker-registry did not answer at ${url} within 15 s`)
}

/** Starts a registry; stop it in afterAll. */
export async function startRegistry(options: RegistryOptions = {}): Promise<RegistryService> {
  if (!registryAvailable()) {
    throw new Error(`${REGISTRY_BINARY} is missing: install Debian's docker-registry (.ci/run does) to run this test`)
  }
  const dir = tempDir('ci-image-registry-')
  const port = await freePort()
  const child = spawn(REGISTRY_BINARY, ['serve', config(dir, port, options)], { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const url = `http://127.0.0.1:${port}`
  try {
    await answers(url, child)
  } catch (error) {
    child.kill()
    throw new Error(`${(error as Error).message}\n${stderr}`, { cause: error })
  }
  return {
    host: `127.0.0.1:${port}`,
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill()
      }),
  }
}
