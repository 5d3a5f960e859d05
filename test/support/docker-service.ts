// The Docker daemon that scripts/services.sh starts (dockerd without a bridge, its socket in
// DOCKER_HOST), and the docker CLI run against it: argument arrays, never a shell. In CI
// (CI=true) a missing daemon fails the tests that need it; locally they are skipped, saying why.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from './git.js'

function daemonAnswers(): boolean {
  const result = spawnSync('docker', ['version', '--format', '{{.Server.Version}}'], { encoding: 'utf8', timeout: 10_000 })
  return result.status === 0 && result.stdout.trim() !== ''
}

export const DOCKER_AVAILABLE = daemonAnswers()

/**
 * Whether the docker CLI has buildx: then wait-for-build reads the registry through it (docker's
 * login), else over the HTTP API with docker's stored credentials. Debian's docker.io has none.
 */
export const HAS_BUILDX = spawnSync('docker', ['buildx', 'version'], { timeout: 10_000 }).status === 0

export const NO_DOCKER_REASON =
  'no Docker daemon answers (DOCKER_HOST unset or dockerd not running): run the tests through `npm run services -- npx vitest run …`'

/** For beforeAll: in CI the daemon must be there. */
export function requireDocker(): void {
  if (!DOCKER_AVAILABLE && process.env.CI === 'true') throw new Error(`CI=true, but ${NO_DOCKER_REASON}`)
}

/** Runs docker with `env` added (DOCKER_CONFIG of the test); its output, or an error with stderr. */
export function docker(args: string[], env: Record<string, string> = {}, input?: string): string {
  try {
    return execFileSync('docker', args, { env: { ...process.env, DOCKER_BUILDKIT: '0', ...env }, encoding: 'utf8', input, stdio: 'pipe' })
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string }
    throw new Error(`docker ${args.join(' ')} failed: ${e.stderr || e.stdout || e.message}`, { cause: error })
  }
}

/**
 * Builds with exactly these tags and labels, from a context that has no base image (no network):
 * `FROM scratch` and one file, so that each build's content differs by `content`.
 * DOCKER_BUILDKIT=0: the classic builder, as on a runner without buildx.
 */
export function buildImage(o: { tags: string[]; labels: string[]; content: string; env?: Record<string, string> }): void {
  const context = tempDir('ci-image-build-')
  mkdirSync(context, { recursive: true })
  writeFileSync(join(context, 'Dockerfile'), 'FROM scratch\nCOPY content.txt /content.txt\n')
  writeFileSync(join(context, 'content.txt'), o.content)
  const args = ['build', '--network', 'none', '--quiet']
  for (const tag of o.tags) args.push('--tag', tag)
  for (const label of o.labels) args.push('--label', label)
  docker([...args, context], o.env)
}

export function pushTags(tags: string[], env: Record<string, string> = {}): void {
  for (const tag of tags) docker(['push', '--quiet', tag], env)
}
