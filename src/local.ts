// A run outside GitHub Actions, in the current checkout: `npm run local -- resolve-image`.
// The context comes from git (branch, nearest long-lived base), no token, no network when git
// has the answer. Stdout gets only the image reference (or JSON), so `$(...)` can use it.
import { parseArgs } from 'node:util'
import { parseRepository } from './core/event.js'
import { defaultImageRepository } from './core/image-ref.js'
import { inputDefault, parseInputs } from './core/inputs.js'
import type { Target } from './core/target.js'
import { createGit, gitOutput, type Git } from './runner/git.js'

export const USAGE = `Usage: npm run local -- resolve-image [options]

Prints the CI image this checkout's branch uses, as the workflows would resolve it.
  --base BRANCH        base branch of the PR (default: the nearest branch of branch-tags)
  --pr-number N        the branch's PR, when it changes the image
  --image REPO         image repository (default: ghcr.io/<owner>/<repo>/ci from origin)
  --watch PATTERN      watched path pattern (repeatable; default: from the build workflow)
  --build-workflow F   build workflow file name (default: ${inputDefault('build-workflow')})
  --branch-tags LIST   branch=tag pairs, comma-separated (default: ${inputDefault('branch-tags').replaceAll('\n', ',')})
  --default-tag TAG    stable tag for other bases (default: ${inputDefault('default-tag')})
  --json               print every output as JSON instead of the image reference`

/** owner/repo from an origin URL such as git@github.com:acme/app.git or https://host/acme/app. */
export function repositoryFromRemote(url: string): string | undefined {
  return /[/:]([^/:]+\/[^/]+?)(?:\.git)?\/?$/.exec(url.trim())?.[1]
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
    print(`${USAGE}\n`)
    return
  }
  if (positionals[0] !== 'resolve-image') {
    throw new Error(`Only resolve-image runs locally; "${positionals[0]}" needs GitHub Actions.`)
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
    const remote = await git(['remote', 'get-url', 'origin'])
    const fullName = remote.exitCode === 0 ? repositoryFromRemote(remote.stdout) : undefined
    if (!fullName) throw new Error('Cannot tell the repository from the origin remote: pass --image.')
    imageRepository = defaultImageRepository(parseRepository(fullName))
  }
  const branch = await gitOutput(git, ['rev-parse', '--abbrev-ref', 'HEAD'])
  const headSha = await gitOutput(git, ['rev-parse', 'HEAD'])
  let target: Target
  if (values.base === undefined && inputs.branchTags.has(branch)) {
    target = { kind: 'push', branch, sha: headSha }
  } else {
    const base = values.base !== undefined ? await nearestBase(git, [values.base]) : await nearestBase(git, [...inputs.branchTags.keys()])
    if (!base) throw new Error(`No base branch found (${values.base ?? [...inputs.branchTags.keys()].join(', ')}): pass --base BRANCH.`)
    const baseSha = await gitOutput(git, ['rev-parse', base.ref])
    target = { kind: 'pull_request', number: inputs.prNumber ?? 0, baseRef: base.branch, baseSha, headSha, headRef: branch, fork: false }
  }
  // The same chunk as the action's resolve-image, rather than a copy of it in this one. The build
  // workflow is read from the commits, as GitHub reads it.
  const { resolveImage } = await import('./session/resolve.js')
  const result = await resolveImage({ ...inputs, imageRepository }, target, { git })
  process.stderr.write(`${result.reason}\n`)
  if (result.matched.length > 0) process.stderr.write(`Watched files changed: ${result.matched.join(', ')}\n`)
  const output = values.json
    ? JSON.stringify(
        {
          image: result.reference,
          tag: result.tag,
          tags: result.pushReferences,
          modified: result.modified,
          'changed-files': result.matched,
          reason: result.reason,
        },
        null,
        2,
      )
    : result.reference
  print(`${output}\n`)
}
