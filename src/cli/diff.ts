// `ci-image diff IMAGE [--to IMAGE]`: the comparison of the PR comment, in a terminal. The
// registry is read with the credentials docker stored (`docker login`); nothing else is needed.
// Stdout gets the table; what went wrong goes to stderr with a non-zero exit.
import { parseArgs } from 'node:util'
import { inputDefault, parseBranchTags } from '../action/inputs.js'
import { createGit } from '../git/git.js'
import { inertLine, note } from '../log/log.js'
import { imageReference, parseImageReference } from '../registry/image-ref.js'
import { defaultStableTag } from '../resolution/tags.js'
import { compareImages } from '../diff/compare.js'
import { renderDiffText } from '../diff/terminal.js'
import { originDefaultBranch } from './origin.js'
import { asUsageError, formatUsage, invoked, quoted, UsageError } from './usage.js'

export const DIFF_USAGE = `diff IMAGE [--to IMAGE]
  Compares IMAGE (a PR's image, e.g. ghcr.io/acme/app/ci:pr-42) with the stable image it replaces:
  compressed size, layers shared and new, and the packages of their SBOM attestations (built with
  docker/build-push-action's sbom: true), read from the registry with docker's stored credentials.
  --to IMAGE           the image to compare with (default: IMAGE's repository at the stable tag of
                       origin's default branch, origin/HEAD, by the default branch-tags; else latest)`

/** The default branch of the clone in the current directory, if it is one. */
async function defaultBranchHere(): Promise<string | undefined> {
  try {
    return await originDefaultBranch(createGit(process.cwd()))
  } catch {
    // No git: the default branch is unknown.
    return undefined
  }
}

export async function runDiffCli(argv: string[], print: (text: string) => void): Promise<void> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { to: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    })
  } catch (error) {
    throw asUsageError(error)
  }
  const { values, positionals } = parsed
  if (values.help) return print(formatUsage(invoked(), [DIFF_USAGE]))
  if (positionals.length !== 1) {
    const got = positionals.length === 0 ? 'none' : positionals.map(quoted).join(' ')
    throw new UsageError(`diff compares one image (IMAGE) with one other (--to IMAGE); got ${got}. ${invoked()} --help lists the options.`)
  }
  const image = positionals[0]!
  const parsedImage = parseImageReference(image)
  if (parsedImage.tag === undefined && parsedImage.digest === undefined) {
    throw new UsageError(`${quoted(image)} names no tag or digest, e.g. ${image}:pr-42.`)
  }
  const branchTags = parseBranchTags(inputDefault('branch-tags'))
  const to = values.to ?? imageReference(parsedImage.repository, defaultStableTag({ branchTags, defaultBranch: await defaultBranchHere() }))
  parseImageReference(to)
  note(`Comparing ${image} with ${to}.`)
  const outcome = await compareImages(image, to)
  if (outcome.kind === 'none') throw new Error(`No comparison with ${to}: ${outcome.reason}.`)
  // A CI shell step may run this too: no line may start a workflow command.
  for (const line of renderDiffText(outcome.diff)) print(`${inertLine(line)}\n`)
}
