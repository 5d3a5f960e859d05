// The origin remote of the clone a local command runs in: which GitHub repository it is, and
// its default branch.
import type { Git } from '../git/git.js'

// The hosts of github.com's git remotes: HTTPS and SSH, and SSH over the HTTPS port
// (https://docs.github.com/en/authentication/troubleshooting-ssh/using-ssh-over-the-https-port).
const GITHUB_HOSTS = new Set(['github.com', 'ssh.github.com'])

type RemoteRepository = { repository: string } | { host: string } | undefined

/**
 * owner/repo from an origin on github.com (git@github.com:acme/app.git, https://github.com/acme/app);
 * for another host, that host (its images are not on ghcr.io); undefined when the URL says neither.
 */
export function repositoryFromRemote(url: string): RemoteRepository {
  const trimmed = url.trim()
  // `scheme://[user@]host[:port]/path`, or scp-like `[user@]host:path` (git-clone(1), GIT URLS).
  const match =
    /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?([^/:]+)(?::\d*)?\/(.*)$/i.exec(trimmed) ?? /^(?:[^@/:]*@)?([^/:]+):(?!\/\/)(.*)$/.exec(trimmed)
  if (!match) return undefined
  const host = match[1]!.toLowerCase()
  if (!GITHUB_HOSTS.has(host)) return { host }
  const path = /^\/?([^/]+\/[^/]+?)(?:\.git)?\/?$/.exec(match[2]!)
  return path ? { repository: path[1]! } : undefined
}

/**
 * The origin's repository: as configured first (its name, also when a url.<base>.insteadOf sends
 * fetches to a mirror), then as git fetches it (`git remote get-url` expands insteadOf, so
 * `gh:acme/app` becomes git@github.com:acme/app).
 */
export async function originRepository(git: Git): Promise<RemoteRepository> {
  const urls = [await git(['config', '--get', 'remote.origin.url']), await git(['remote', 'get-url', 'origin'])]
  const origins = urls.filter((url) => url.exitCode === 0).map((url) => repositoryFromRemote(url.stdout))
  return origins.find((origin) => origin !== undefined && 'repository' in origin) ?? origins.find((origin) => origin !== undefined)
}

/**
 * The branch origin/HEAD names: what `git clone` records as the remote's default branch (git-clone
 * docs: "the remote's HEAD"), the local counterpart of the event's `repository.default_branch`.
 * Undefined when the clone has no such ref.
 */
export async function originDefaultBranch(git: Git): Promise<string | undefined> {
  const result = await git(['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'])
  const ref = result.exitCode === 0 ? result.stdout.trim() : ''
  return ref.startsWith('origin/') ? ref.slice('origin/'.length) : undefined
}
