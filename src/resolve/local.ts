// A run outside GitHub Actions, in the current checkout: `npx github:OWNER/REPO resolve-image`
// (or `npm run local -- resolve-image` here). The context comes from git (branch, nearest
// long-lived base), no token, no network when git has the answer; a shallow or single-branch
// clone fetches the base branches it lacks. Stdout gets only the image reference (or JSON), so
// `$(...)` can use it; what a person should know goes to stderr.
import { existsSync, readFileSync } from 'node:fs'
import { basename, join, relative } from 'node:path'
import { parseArgs } from 'node:util'
import { parseRepository } from '../github/repository.js'
import { COMMANDS, defaultImageRepository, inputDefault, lowerCaseImagePath, parseInputs, type Inputs } from '../action/inputs.js'
import type { PullRequestTarget, PushTarget } from '../action/target.js'
import { buildWorkflowPath, decideWatch } from './watch.js'
import { fetchMissingBaseBranches } from './base-branches.js'
import { createGit, gitOutput, type Git } from '../git/git.js'
import { readFilesAt } from '../git/git-files.js'
import { localMergeCommit } from './local-merge.js'
import { resolveReuse } from './reuse-lookup.js'
import { resolveImageOutputs } from './command.js'
import { builtRevision, ociLabels } from './oci-labels.js'
import { note } from '../log/log.js'
import { uncommittedPaths } from './working-tree.js'
import { resolveImage } from './resolve.js'

const RESOLVE_IMAGE_USAGE = `resolve-image [options]
  Prints the CI image this checkout's branch uses, as the workflows would resolve it. Uncommitted
  changes to watched paths are in no CI image: it says so on stderr (and in --json).
  --base BRANCH        base branch of the PR (default: the nearest branch of branch-tags)
  --pr-number N        the branch's PR, when it changes the image
  --image REPO         image repository, lower-case (default: ghcr.io/<owner>/<repo>/ci from a github.com origin)
  --watch PATTERN      watched path pattern (repeatable; default: from the build workflow)
  --build-workflow F   build workflow file name (default: ${inputDefault('build-workflow')})
  --branch-tags LIST   branch=tag pairs, comma-separated (default: ${inputDefault('branch-tags').replaceAll('\n', ',')})
  --default-tag TAG    stable tag for other bases (default: branch-tags' tag of origin's default
                       branch, origin/HEAD; else latest)
  --json               print every output of the action's resolve-image as JSON instead of the image
                       reference (null where it cannot be known here), and uncommitted-watched-files:
                       the watched paths changed and not committed`

/** The commands that run here; the action's others need a workflow run (its API, its token). */
const LOCAL_COMMANDS: Record<string, { usage: string; run: (argv: string[], print: (text: string) => void) => Promise<void> }> = {
  'resolve-image': { usage: RESOLVE_IMAGE_USAGE, run: resolveImageHere },
}

/** A mistake in the command line: the CLI exits 2, as command-line tools do for a usage error. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The message is the usage, printed as it is (no command at all). */
    readonly usageOnly = false,
  ) {
    super(message)
    this.name = 'UsageError'
  }
}

export function usage(invoked: string): string {
  return `Usage: ${Object.values(LOCAL_COMMANDS)
    .map((command) => `${invoked} ${command.usage}`)
    .join('\n\n')}\n\n${invoked} --help prints this.\n`
}

/** The command line that ran this, for --help: as far as npm and node tell what the person typed. */
export function invokedAs(env: Record<string, string | undefined>, script: string, cwd: string): string {
  if (env.npm_command === 'run' && env.npm_lifecycle_event === 'local' && env.npm_package_name === 'ci-image') return 'npm run local --'
  // npm exec (npx) tells the package only when it came as --package.
  if (env.npm_command === 'exec') return `npx ${env.npm_config_package ?? 'github:OWNER/REPO'}`
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

const invoked = () => invokedAs(process.env, process.argv[1] ?? 'ci-image', process.cwd())
const quoted = (text: string) => JSON.stringify(text)

export async function runLocal(argv: string[], print: (text: string) => void): Promise<void> {
  const [command, ...rest] = argv
  if (command === undefined) throw new UsageError(usage(invoked()).trimEnd(), true)
  if (command === '--help' || command === '-h') return print(usage(invoked()))
  const names = Object.keys(LOCAL_COMMANDS)
  if (command.startsWith('-')) {
    throw new UsageError(`${quoted(command)} comes before a command: the command comes first (${names.join(', ')}), then its options.`)
  }
  if (Object.hasOwn(LOCAL_COMMANDS, command)) return LOCAL_COMMANDS[command]!.run(rest, print)
  const actionOnly = COMMANDS.filter((name) => !names.includes(name))
  if ((actionOnly as string[]).includes(command)) {
    throw new UsageError(
      `${command} runs in GitHub Actions only (it needs the workflow run, its API and its token); here: ${names.join(', ')}.`,
    )
  }
  throw new UsageError(
    `unknown command ${quoted(command)}: the commands are ${names.join(', ')} (here and in GitHub Actions) and ` +
      `${actionOnly.join(', ')} (in GitHub Actions only). ${invoked()} --help prints the usage.`,
  )
}

/** node:util parseArgs' refusals (an unknown option, a missing value) as usage errors. */
function asUsageError(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code ?? ''
  if (!code.startsWith('ERR_PARSE_ARGS_')) return error
  const unknown = /^Unknown option '([^']*)'/.exec((error as Error).message)?.[1]
  return new UsageError(unknown ? `unknown option ${unknown}: ${invoked()} --help lists the options.` : (error as Error).message)
}

/** An input's complaint (`Input \`pr-number\` must be…`) in the words of the command line. */
function asOptionError(error: unknown): unknown {
  if (!(error instanceof Error) || error.name !== 'InputError') return error
  return new UsageError(error.message.replace(/^Input `([\w-]+)`/, '--$1'))
}

async function resolveImageHere(argv: string[], print: (text: string) => void): Promise<void> {
  const options = {
    base: { type: 'string' },
    'pr-number': { type: 'string' },
    image: { type: 'string' },
    watch: { type: 'string', multiple: true },
    'build-workflow': { type: 'string' },
    'branch-tags': { type: 'string' },
    'default-tag': { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  } as const
  let parsed
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options })
  } catch (error) {
    throw asUsageError(error)
  }
  const { values, positionals } = parsed
  if (values.help) return print(usage(invoked()))
  if (positionals.length > 0) {
    const s = positionals.length > 1 ? 's' : ''
    throw new UsageError(
      `unexpected argument${s} ${positionals.map(quoted).join(' ')}: resolve-image takes options only (${invoked()} --help lists them).`,
    )
  }
  if (values.image !== undefined) {
    const lower = lowerCaseImagePath(values.image)
    if (lower !== values.image) {
      throw new UsageError(
        `--image ${quoted(values.image)} has upper-case letters in its repository path, which registries refuse: ` +
          `the path is lower-case letters, digits and the separators . _ __ - (the distribution reference grammar). Did you mean --image ${lower}?`,
      )
    }
  }
  let inputs: Inputs
  try {
    inputs = parseInputs((name) => {
      if (name === 'command') return 'resolve-image'
      if (name === 'watch') return (values.watch ?? []).join('\n')
      if (name === 'branch-tags') return (values['branch-tags'] ?? '').replace(/,/g, '\n')
      const value = (values as Record<string, unknown>)[name]
      return typeof value === 'string' ? value : ''
    })
  } catch (error) {
    throw asOptionError(error)
  }
  const top = await gitOutput(createGit(process.cwd()), ['rev-parse', '--show-toplevel'])
  const git = createGit(top)
  const origin = await originRepository(git)
  const repository = origin !== undefined && 'repository' in origin ? parseRepository(origin.repository) : undefined
  let imageRepository = inputs.imageRepository
  if (imageRepository === undefined) {
    if (origin === undefined) throw new Error('Cannot tell the repository from the origin remote: pass --image REPO.')
    if (repository === undefined) {
      throw new Error(
        `The origin remote is on ${(origin as { host: string }).host}, not github.com, so the image is not ghcr.io/<owner>/<repo>/ci: pass --image REPO.`,
      )
    }
    imageRepository = defaultImageRepository(repository)
  }
  const branch = await gitOutput(git, ['rev-parse', '--abbrev-ref', 'HEAD'])
  const headSha = await gitOutput(git, ['rev-parse', 'HEAD'])
  let target: PushTarget | PullRequestTarget
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
    // The commit a PR's build uses, as GitHub would merge it (none when the two conflict).
    const mergeSha = await localMergeCommit(git, baseSha, headSha)
    target = {
      kind: 'pull_request',
      number: inputs.prNumber ?? 0,
      baseRef: base.branch,
      baseSha,
      headSha,
      mergeSha,
      headRef: branch,
      fork: false,
    }
  }
  // The action's resolve-image, rather than a copy of it: the build workflow read from the commits
  // as GitHub reads it, the inputs hash and the reuse tag. No registry is read here: whether an
  // image may be reused is not looked up.
  const config = { ...inputs, imageRepository, defaultBranch: await originDefaultBranch(git) }
  const workflowPath = buildWorkflowPath(inputs.buildWorkflow)
  const readBuildWorkflow = async (commit: string) => (await readFilesAt(git, workflowPath, [commit]))[0]
  const result = await resolveReuse(
    await resolveImage(config, target, { git }),
    { inputs, target, imageRepository },
    { git, readBuildWorkflow, readImage: async () => undefined },
  )
  note(result.reason)
  if (result.matched.length > 0) note(`Watched files changed: ${result.matched.join(', ')}`)
  const uncommitted = await uncommittedWatchedPaths(git, top, inputs, target)
  if (uncommitted.length > 0) {
    note(
      `Uncommitted changes to watched paths (${uncommitted.join(', ')}): the image CI would use, printed below, is not ` +
        'built from them, and no CI image is. Build the image locally to try them: make docker-dev.',
    )
  }
  if (!values.json) return print(`${result.reference}\n`)
  const sourceUrl = repository && `https://github.com/${repository.owner}/${repository.repo}`
  const labels =
    sourceUrl === undefined ? undefined : ociLabels({ revision: builtRevision(target), sourceUrl, inputsHash: result.reuse?.hash })
  // The PR number is the one given (a PR the CLI made up is none); no registry was asked for a reusable image.
  const outputs = { ...resolveImageOutputs(result, target, labels), 'pr-number': inputs.prNumber, 'reusable-image': undefined }
  const json = Object.fromEntries(Object.entries(outputs).map(([name, value]) => [name, asJsonValue(name, value)]))
  // `##[` can only be in a string here: as `##\u005b` it parses to the same text, and the runner,
  // which reads a CI shell step's stdout for `##[command]` anywhere in a line, finds none.
  const text = JSON.stringify({ ...json, 'uncommitted-watched-files': uncommitted }, null, 2).replaceAll('##[', '##\\u005b')
  print(`${text}\n`)
}

/** The outputs the action writes as lists of lines (or a JSON array), as JSON arrays. */
const LIST_OUTPUTS = new Set(['tags', 'labels'])

function asJsonValue(name: string, value: string | number | boolean | undefined): unknown {
  if (value === undefined) return null
  if (name === 'changed-files') return JSON.parse(String(value))
  if (LIST_OUTPUTS.has(name)) return value === '' ? [] : String(value).split('\n')
  return value
}

/**
 * Uncommitted changes, by the build workflow's rules as this working tree has them (else as
 * committed): a heads-up that the local image differs from every CI image.
 */
async function uncommittedWatchedPaths(git: Git, top: string, inputs: Inputs, target: PushTarget | PullRequestTarget): Promise<string[]> {
  const path = buildWorkflowPath(inputs.buildWorkflow)
  const base = target.kind === 'pull_request' ? target.baseSha! : target.sha
  const workflowText = existsSync(join(top, path))
    ? readFileSync(join(top, path), 'utf8')
    : ((await readFilesAt(git, path, ['HEAD', base])).find((text) => typeof text === 'string') ?? undefined)
  const baseRef = target.kind === 'pull_request' ? target.baseRef : target.branch
  const decision = await decideWatch(
    { input: inputs.watch, buildWorkflow: inputs.buildWorkflow, mergeCopy: workflowText, baseCopy: workflowText },
    { baseRef, changedPaths: await uncommittedPaths(git) },
  )
  return decision.matched
}
