// resolve-image outside GitHub Actions, in the current checkout: `npx github:OWNER/REPO resolve-image`
// (or `npm run local -- resolve-image` here). The context comes from git (branch, nearest
// long-lived base), no token, no network when git has the answer; a shallow or single-branch
// clone fetches the base branches it lacks. Stdout gets only the image reference (or JSON), so
// `$(...)` can use it; what a person should know goes to stderr.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { parseRepository } from '../github/repository.js'
import { defaultImageRepository, inputDefault, parseInputs, type Inputs } from '../action/inputs.js'
import { lowerCaseImagePath } from '../registry/image-ref.js'
import type { PullRequestTarget, PushTarget } from '../action/target.js'
import { buildWorkflowPath, decideWatch } from '../watch/watch.js'
import { fetchMissingBaseBranches } from '../git/base-branches.js'
import { createGit, gitOutput, type Git } from '../git/git.js'
import { readFilesAt } from '../git/git-files.js'
import { commitParents } from '../git/commit-object.js'
import { localMergeCommit } from '../git/local-merge.js'
import { resolveReuse } from '../resolution/reuse-lookup.js'
import { resolveImageOutputs } from '../resolve/command.js'
import { builtRevision, ociLabels } from '../resolution/oci-labels.js'
import { note } from '../log/log.js'
import { uncommittedPaths } from '../git/working-tree.js'
import { resolveImage } from '../resolution/resolve.js'
import { originDefaultBranch, originRepository } from './origin.js'
import { asUsageError, formatUsage, invoked, quoted, UsageError } from './usage.js'

export const RESOLVE_IMAGE_USAGE = `resolve-image [options]
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

/** An input's complaint (`Input \`pr-number\` must be…`) in the words of the command line. */
function asOptionError(error: unknown): unknown {
  if (!(error instanceof Error) || error.name !== 'InputError') return error
  return new UsageError(error.message.replace(/^Input `([\w-]+)`/, '--$1'))
}

export async function resolveImageHere(argv: string[], print: (text: string) => void): Promise<void> {
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
  if (values.help) return print(formatUsage(invoked(), [RESOLVE_IMAGE_USAGE]))
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
  // The run the action would be in: a push's, or the PR's own pull_request run, whose commit
  // (GITHUB_SHA) is the merge GitHub makes of the PR (none when the two conflict).
  let run: { eventName: string; sha: string; ref: string; workflowRef: string }
  if (values.base === undefined && inputs.branchTags.has(branch)) {
    target = { kind: 'push', branch, sha: headSha }
    run = { eventName: 'push', sha: headSha, ref: `refs/heads/${branch}`, workflowRef: '' }
  } else {
    const candidates = values.base !== undefined ? [values.base] : [...inputs.branchTags.keys()]
    let base = await nearestBase(git, candidates)
    if (!base && (await fetchMissingBaseBranches(git, candidates, note)).length > 0) {
      base = await nearestBase(git, candidates)
    }
    if (!base) throw new Error(`No base branch found (${candidates.join(', ')}), here or on origin: pass --base BRANCH.`)
    const baseSha = await gitOutput(git, ['rev-parse', base.ref])
    const number = inputs.prNumber ?? 0
    target = { kind: 'pull_request', number, baseRef: base.branch, baseSha, headSha, headRef: branch, fork: false }
    const mergeSha = await localMergeCommit(git, baseSha, headSha)
    run = { eventName: 'pull_request', sha: mergeSha ?? '', ref: mergeSha ? `refs/pull/${number}/merge` : '', workflowRef: '' }
  }
  // The action's resolve-image, rather than a copy of it: the build workflow read from the commits
  // as GitHub reads it, the inputs hash and the reuse tag. No registry is read here: whether an
  // image may be reused is not looked up.
  const config = { ...inputs, imageRepository, defaultBranch: await originDefaultBranch(git) }
  const workflowPath = buildWorkflowPath(inputs.buildWorkflow)
  const readBuildWorkflow = async (commit: string) => (await readFilesAt(git, workflowPath, [commit]))[0]
  const buildCommit = target.kind === 'pull_request' && run.sha !== '' ? run.sha : undefined
  const result = await resolveReuse(
    await resolveImage(config, target, { git, buildCommit }),
    { inputs, target, imageRepository, run },
    {
      git,
      readBuildWorkflow,
      checkedOut: async () => undefined,
      readParents: (commit) => commitParents(git, commit),
      readImage: async () => undefined,
    },
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
