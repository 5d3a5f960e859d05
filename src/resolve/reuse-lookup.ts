// Reuse's I/O: the inputs hash from the build commit's tree (`git ls-tree -r -z` in the checkout,
// which a depth-1 checkout of that commit has), and a read-only lookup of the reuse tag in the
// registry. A registry that cannot be reached or refuses means no reuse, never a failed step.
import { parseLsTree, type TreeEntry } from '../git/ls-tree.js'
import { hashInputs, type InputsHash } from './inputs-hash.js'
import type { PathMatcher } from './patterns.js'
import type { ResolvedImage } from './decision.js'
import { judgeReusable, planReuse, withReuseTag, type ReuseFacts } from './reuse.js'
import { imageReference } from '../registry/image-ref.js'
import type { Inputs } from '../action/inputs.js'
import type { Target } from '../action/target.js'
import { inputsMatcher } from './watch.js'
import { inspectImage, RegistryError } from '../registry/inspect.js'
import type { Git } from '../git/git.js'

/** What a reuse lookup needs from the registry: the digest and labels a reference points to; undefined when the tag is not there. */
export type ReadImage = (reference: string) => Promise<{ digest: string; labels: Record<string, string> } | undefined>

/** The registry read through src/registry's inspectImage: one try, a missing tag is an answer. */
export function registryReader(token: string, sleep: (ms: number) => Promise<void>, log: (line: string) => void): ReadImage {
  return async (reference) => {
    try {
      return await inspectImage(reference, { token, sleep, log, attempts: 1 })
    } catch (error) {
      if (error instanceof RegistryError && error.fault === 'missing') return undefined
      throw error
    }
  }
}

export interface ReuseIo {
  git: Git
  /** The build workflow's text at a commit (null: no such file; undefined: unknown). */
  readBuildWorkflow: (commit: string) => Promise<string | null | undefined>
  readImage: ReadImage
  /** The commit's tree from the API, for a job without a checkout (undefined: no token). */
  readTree?: (commit: string) => Promise<TreeEntry[] | undefined>
}

/** The commit the build uses: the merge commit of a PR, the pushed commit. */
function buildCommit(target: Target): string | undefined {
  if (target.kind === 'pull_request') return target.mergeSha
  if (target.kind === 'push') return target.sha
  return undefined
}

export async function hashTreeWithGit(git: Git, commit: string, isInput: PathMatcher): Promise<InputsHash | undefined> {
  const result = await git(['ls-tree', '-r', '-z', '--full-tree', commit])
  if (result.exitCode !== 0 || !result.stdoutBytes) return undefined
  return hashInputs(parseLsTree(result.stdoutBytes), isInput)
}

/** Without the commit in a checkout: its tree from the API; a failed read means no reuse, not a failed step. */
async function hashTreeFromApi(io: ReuseIo, commit: string, isInput: PathMatcher): Promise<InputsHash | undefined> {
  const entries = await io.readTree?.(commit).catch(() => undefined)
  return entries && hashInputs(entries, isInput)
}

async function pushInputs(inputs: Inputs, commit: string, io: ReuseIo): Promise<PathMatcher | undefined> {
  const sources = { input: inputs.watch, buildWorkflow: inputs.buildWorkflow }
  if (inputs.watch.length > 0) return inputsMatcher(sources)
  const text = await io.readBuildWorkflow(commit)
  if (text === undefined) return undefined
  // A push has no PR: both pull request triggers are read from the pushed commit's copy.
  return inputsMatcher({ ...sources, mergeCopy: text ?? undefined, baseCopy: text ?? undefined })
}

async function lookUp(reference: string, hash: string, readImage: ReadImage): Promise<Pick<ReuseFacts, 'reusable' | 'notice'>> {
  try {
    const image = await readImage(reference)
    if (image === undefined) return {}
    const verdict = judgeReusable(reference, hash, image)
    if (verdict.kind === 'reusable') return { reusable: verdict }
    return { notice: `Not reusing ${reference}: ${verdict.why}. A tag alone is no proof; this context builds.` }
  } catch (error) {
    const why = (error instanceof Error ? error.message : String(error)).split('\n')[0]
    return { notice: `No reuse: the registry lookup of ${reference} failed (${why}); this context builds.` }
  }
}

/**
 * The inputs hash of this context's build commit, the reuse tag its build pushes (added to the
 * resolved tags) and, where this context builds, the image that may stand in for that build.
 */
export async function resolveReuse(
  resolved: ResolvedImage,
  context: { inputs: Inputs; target: Target; imageRepository: string },
  io: ReuseIo,
): Promise<ResolvedImage> {
  const { inputs, target, imageRepository } = context
  const commit = buildCommit(target)
  if (commit === undefined) return resolved
  const isInput = target.kind === 'push' ? await pushInputs(inputs, commit, io) : resolved.watch?.isInput
  const hashed = isInput && ((await hashTreeWithGit(io.git, commit, isInput)) ?? (await hashTreeFromApi(io, commit, isInput)))
  if (!hashed) {
    const notice = `No inputs hash: neither the checkout nor the API gave the tree of commit ${commit.slice(0, 7)} and its build workflow; check out the commit the build uses (actions/checkout does).`
    return { ...resolved, reuse: { notice: resolved.push.length > 0 ? notice : undefined } }
  }
  const longLived = target.kind === 'push' && inputs.branchTags.has(target.branch)
  const plan = planReuse(inputs.reuse, target, resolved.push.length > 0, hashed.hash, longLived)
  const facts: ReuseFacts = { hash: hashed.hash, inputFiles: hashed.files, tag: plan.tag }
  const found = plan.lookUp && plan.tag ? await lookUp(imageReference(imageRepository, plan.tag), hashed.hash, io.readImage) : {}
  return { ...withReuseTag(resolved, imageRepository, plan.tag), reuse: { ...facts, ...found } }
}
