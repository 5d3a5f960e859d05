// `ci-image diff IMAGE [--to IMAGE]`: the comparison of the PR comment, in a terminal. The
// registry is read with the credentials docker stored (`docker login`); nothing else is needed.
// Stdout gets the table; what went wrong goes to stderr with a non-zero exit.
import { parseArgs } from 'node:util'
import { inputDefault, parseBranchTags } from '../action/inputs.js'
import { createGit } from '../git/git.js'
import { inertLine, note } from '../log/log.js'
import { imageReference, parseImageReference } from '../registry/image-ref.js'
import { defaultStableTag } from '../resolve/tags.js'
import { compareImages } from './compare.js'
import { renderDiffText } from './terminal.js'

const DIFF_USAGE = `Compares IMAGE (a PR's image, e.g. ghcr.io/acme/app/ci:pr-42) with the stable image it replaces:
compressed size, layers shared and new, and the packages of their SBOM attestations (built with
docker/build-push-action's sbom: true), read from the registry with docker's stored credentials.
  --to IMAGE           the image to compare with (default: IMAGE's repository at the stable tag of
                       origin's default branch, origin/HEAD, by the default branch-tags; else latest)`

/** The branch origin/HEAD names in the current directory's clone, if it is one. */
async function originDefaultBranch(): Promise<string | undefined> {
  try {
    const result = await createGit(process.cwd())(['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'])
    const ref = result.exitCode === 0 ? result.stdout.trim() : ''
    return ref.startsWith('origin/') ? ref.slice('origin/'.length) : undefined
  } catch {
    // No git: the default branch is unknown.
    return undefined
  }
}

export async function runDiffCli(argv: string[], print: (text: string) => void, usage: string): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { to: { type: 'string' }, help: { type: 'boolean' } },
  })
  if (values.help || positionals.length === 0) {
    print(`Usage: ${usage} diff IMAGE [--to IMAGE]\n\n${DIFF_USAGE}\n`)
    return
  }
  if (positionals.length > 1) throw new Error(`diff compares one image with one other (--to); got ${positionals.length} images.`)
  const image = positionals[0]!
  const parsed = parseImageReference(image)
  if (parsed.tag === undefined && parsed.digest === undefined) throw new Error(`"${image}" names no tag or digest, e.g. ${image}:pr-42.`)
  const branchTags = parseBranchTags(inputDefault('branch-tags'))
  const to = values.to ?? imageReference(parsed.repository, defaultStableTag({ branchTags, defaultBranch: await originDefaultBranch() }))
  parseImageReference(to)
  note(`Comparing ${image} with ${to}.`)
  const outcome = await compareImages(image, to)
  if (outcome.kind === 'none') throw new Error(`No comparison with ${to}: ${outcome.reason}.`)
  // A CI shell step may run this too: no line may start a workflow command.
  for (const line of renderDiffText(outcome.diff)) print(`${inertLine(line)}\n`)
}
