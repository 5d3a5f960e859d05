// A run outside GitHub Actions, in the current checkout: `npx github:<owner>/ci-image resolve-image`
// (or `npm run local -- resolve-image` here). The context comes from git (branch, nearest
// long-lived base), no token, no network when git has the answer; a shallow or single-branch
// clone fetches the base branches it lacks. Stdout gets only the image reference (or JSON), so
// `$(...)` can use it; what a person should know goes to stderr.
import { existsSync, readFileSync } from 'node:fs'
import { basename, join, relative } from 'node:path'
import { parseArgs } from 'node:util'
import { parseRepository } from '../github/repository.js'
import { defaultImageRepository, inputDefault, parseInputs } from '../action/inputs.js'
import type { Target } from '../action/target.js'
import { buildWorkflowPath, decideWatch } from './watch.js'
import { fetchMissingBaseBranches } from './base-branches.js'
import { createGit, gitOutput, type Git } from '../git/git.js'
import { note } from '../log/log.js'
import { uncommittedPaths } from './working-tree.js'
import { resolveImage } from './resolve.js'

export const USAGE = `Prints the CI image this checkout's branch uses, as the workflows would resolve it. Uncommitted
changes to watched paths are in no CI image: it says so on stderr (and in --json).
  --base BRANCH        base branch of the PR (default: the nearest branch of branch-tags)
  --pr-number N        the branch's PR, when it changes the image
  --image REPO         image repository (default: ghcr.io/<owner>/<repo>/ci from a github.com origin)
  --watch PATTERN      watched path pattern (repeatable; default: from the build workflow)
  --build-workflow F   build workflow file name (default: ${inputDefault('build-workflow')})
  --branch-tags LIST   branch=tag pairs, comma-separated (default: ${inputDefault('branch-tags').replaceAll('\n', ',')})
  --default-tag TAG    stable tag for other bases (default: branch-tags' tag of origin's default
                       branch, origin/HEAD; else latest)
  --json               print every output as JSON instead of the image reference,
                       with uncommitted-watched-files: the watched paths changed and not committed`

/** The command line that ran this, for --help: as far as npm and node tell what the person typed. */
export function invokedAs(env: Record<string, string | undefined>, script: string, cwd: string): string {
  if (env.npm_command === 'run' && env.npm_lifecycle_event === 'local' && env.npm_package_name === 'ci-image') return 'npm run local --'
  // npm exec (npx) tells the package only when it came as --package.
  if (env.npm_command === 'exec') return `npx ${env.npm_config_package ?? 'github:<owner>/ci-image'}`
  if (basename(script) === 'ci-image') return 'ci-image'
  return `node ${relative(cwd, script) || script}`
}

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
async function originRepository(git: Git): Promise<RemoteRepository> {
  const urls = [await git(['config', '--get', 'remote.origin.url']), await git(['remote', 'get-url', 'origin'])]
  const origins = urls.filter((url) => url.exitCode === 0).map((url) => repositoryFromRemote(url.stdout))
  return origins.find((origin) => origin !== undefined && 'repository' in origin) ?? origins.find((origin) => origin !== undefined)
}

async function nearestBase(git: Git, branches: string[]): Promise<{ ref: string; branch: string } | undefined> {
  let best: { ref: string; branch: string; ahead: number } | undefined
  for (const branch of branches) {
    for (const ref of [`refs/remotes/origin/${branch}`, `refs/heads/${branch}`]) {
      const count = await git(['rev-list', '--count', `${ref}..HEAD`])
      if (count.exitCode !== 0) continue
      const ahead = Number(count.stdout.trim())
      if (!best || ahead < best.ahead) best = { ref, branch, ahead }
      break
    }
  }
  return best
}

/**
 * The branch origin/HEAD names: what `git clone` records as the remote's default branch (git-clone
 * docs: "the remote's HEAD"), the local counterpart of the event's `repository.default_branch`.
 * Undefined when the clone has no such ref.
 */
async function originDefaultBranch(git: Git): Promise<string | undefined> {
  const result = await git(['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'])
  const ref = result.exitCode === 0 ? result.stdout.trim() : ''
  return ref.startsWith('origin/') ? ref.slice('origin/'.length) : undefined
}

export async function runLocal(argv: string[], print: (text: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      base: { type: 'string' },
      'pr-number': { type: 'string' },
      image: { type: 'string' },
      watch: { type: 'string', multiple: true },
      'build-workflow': { type: 'string' },
      'branch-tags': { type: 'string' },
      'default-tag': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  })
  if (values.help || positionals.length === 0) {
    const command = invokedAs(process.env, process.argv[1] ?? 'ci-image', process.cwd())
    print(`Usage: ${command} resolve-image [options]\n       ${command} diff IMAGE [--to IMAGE]\n\n${USAGE}\n`)
    return
  }
  if (positionals[0] !== 'resolve-image') {
    throw new Error(`Only resolve-image and diff run locally; "${positionals[0]}" needs GitHub Actions.`)
  }
  const inputs = parseInputs((name) => {
    if (name === 'command') return 'resolve-image'
    if (name === 'watch') return (values.watch ?? []).join('\n')
    if (name === 'branch-tags') return (values['branch-tags'] ?? '').replace(/,/g, '\n')
    const value = (values as Record<string, unknown>)[name]
    return typeof value === 'string' ? value : ''
  })
  const top = await gitOutput(createGit(process.cwd()), ['rev-parse', '--show-toplevel'])
  const git = createGit(top)
  let imageRepository = inputs.imageRepository
  if (imageRepository === undefined) {
    const origin = await originRepository(git)
    if (origin === undefined) throw new Error('Cannot tell the repository from the origin remote: pass --image REPO.')
    if ('host' in origin) {
      throw new Error(
        `The origin remote is on ${origin.host}, not github.com, so the image is not ghcr.io/<owner>/<repo>/ci: pass --image REPO.`,
      )
    }
    imageRepository = defaultImageRepository(parseRepository(origin.repository))
  }
  const branch = await gitOutput(git, ['rev-parse', '--abbrev-ref', 'HEAD'])
  const headSha = await gitOutput(git, ['rev-parse', 'HEAD'])
  let target: Target
  if (values.base === undefined && inputs.branchTags.has(branch)) {
    target = { kind: 'push', branch, sha: headSha }
  } else {
    const candidates = values.base !== undefined ? [values.base] : [...inputs.branchTags.keys()]
    let base = await nearestBase(git, candidates)
    if (!base && (await fetchMissingBaseBranches(git, candidates, note)).length > 0) {
      base = await nearestBase(git, candidates)
    }
    if (!base) throw new Error(`No base branch found (${candidates.join(', ')}), here or on origin: pass --base BRANCH.`)
    const baseSha = await gitOutput(git, ['rev-parse', base.ref])
    target = { kind: 'pull_request', number: inputs.prNumber ?? 0, baseRef: base.branch, baseSha, headSha, headRef: branch, fork: false }
  }
  // The action's resolve-image, rather than a copy of it. The build workflow is read from the
  // commits, as GitHub reads it.
  const result = await resolveImage({ ...inputs, imageRepository, defaultBranch: await originDefaultBranch(git) }, target, { git })
  note(result.reason)
  if (result.matched.length > 0) note(`Watched files changed: ${result.matched.join(', ')}`)
  // Uncommitted changes, by the build workflow's rules as this working tree has them: a heads-up
  // that the local image differs from every CI image.
  const workflowPath = join(top, buildWorkflowPath(inputs.buildWorkflow))
  const workflowText = existsSync(workflowPath) ? readFileSync(workflowPath, 'utf8') : undefined
  const baseRef = target.kind === 'pull_request' ? target.baseRef : branch
  const uncommitted = (
    await decideWatch(
      { input: inputs.watch, buildWorkflow: inputs.buildWorkflow, mergeCopy: workflowText, baseCopy: workflowText },
      { baseRef, changedPaths: await uncommittedPaths(git) },
    )
  ).matched
  if (uncommitted.length > 0) {
    note(
      `Uncommitted changes to watched paths (${uncommitted.join(', ')}): the image CI would use, printed below, is not ` +
        'built from them, and no CI image is. Build the image locally to try them: make docker-dev.',
    )
  }
  const output = values.json
    ? JSON.stringify(
        {
          image: result.reference,
          tag: result.tag,
          tags: result.pushReferences,
          modified: result.modified,
          'changed-files': result.matched,
          reason: result.reason,
          'uncommitted-watched-files': uncommitted,
        },
        null,
        2,
        // `##[` can only be in a string here: as `##\u005b` it parses to the same text, and the
        // runner, which reads a CI shell step's stdout for `##[command]` anywhere in a line, finds none.
      ).replaceAll('##[', '##\\u005b')
    : result.reference
  print(`${output}\n`)
}
