// Reuse's I/O: the build commit checked against the checkout and the PR, the inputs hash from its
// tree (`git ls-tree -r -z` in the checkout, which a depth-1 checkout of that commit has), and a
// read-only lookup of the reuse tag in the registry. A registry that cannot be reached or refuses
// means no reuse, never a failed step.
import { shortSha } from '../git/commit-sha.js'
import { parseLsTree, type TreeEntry } from '../git/ls-tree.js'
import { hashInputs, shortInputsHash, type InputsHash } from './inputs-hash.js'
import type { PathMatcher } from '../watch/patterns.js'
import type { ResolvedImage } from './decision.js'
import { judgeReusable, planReuse, withReuseTag, type ReuseFacts } from './reuse.js'
import { reuseTag } from './tags.js'
import { buildCommitOf, type BuildCommit } from './build-commit.js'
import { runsWorkflow, type EventContext } from '../action/event.js'
import { imageReference } from '../registry/image-ref.js'
import type { Inputs } from '../action/inputs.js'
import type { Target } from '../action/target.js'
import { inputsMatcher } from '../watch/watch.js'
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
  /** The commit the job's checkout has checked out; undefined without a checkout. */
  checkedOut: () => Promise<string | undefined>
  /** A commit's parents, from the checkout or else the API; undefined when neither has the commit. */
  readParents: (commit: string) => Promise<string[] | undefined>
  /** The build workflow's text at a commit (null: no such file; undefined: unknown). */
  readBuildWorkflow: (commit: string) => Promise<string | null | undefined>
  readImage: ReadImage
  /** The commit's tree from the API, for a job without a checkout (undefined: no token). */
  readTree?: (commit: string) => Promise<TreeEntry[] | undefined>
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

/**
 * Why the build commit cannot be hashed here, or undefined when it can. In a run of the build
 * workflow (`buildsHere`) the checkout, when there is one, must have it checked out: what that
 * run builds is its checkout, and a hash of another tree would label the image with inputs it was
 * not built from (elsewhere the commit is read by its id, whatever the job checked out). A PR's
 * merge commit must merge the PR's head. Only its second parent is compared: the first is the
 * base branch's tip when GitHub made the merge, which the payload's `base.sha` may lag behind (it
 * is not updated when the base branch moves: tj-actions/changed-files#941).
 */
async function refuseBuildCommit(
  commit: Extract<BuildCommit, { kind: 'known' }>,
  buildsHere: boolean,
  io: ReuseIo,
): Promise<string | undefined> {
  const checkedOut = buildsHere ? await io.checkedOut() : undefined
  if (checkedOut !== undefined && checkedOut.toLowerCase() !== commit.sha.toLowerCase()) {
    return (
      `the checkout is at ${shortSha(checkedOut)}, not at ${shortSha(commit.sha)}, the commit this run's build uses (GITHUB_SHA), ` +
      "so the inputs hash would describe another tree than this build builds. To reuse images, check out the run's own commit " +
      '(actions/checkout without `ref:`): a checkout of the PR head builds a tree no other context can hash'
    )
  }
  if (commit.mergeOf === undefined) return undefined
  const parents = await io.readParents(commit.sha).catch(() => undefined)
  if (parents === undefined) return `neither the checkout nor the API gave the parents of ${shortSha(commit.sha)} (GITHUB_SHA)`
  // GITHUB_SHA can be the merge of an earlier push's head (actions/checkout#237, #299).
  if (parents.length !== 2 || parents[1]!.toLowerCase() !== commit.mergeOf.toLowerCase()) {
    const merged = parents.length === 2 ? `merges ${shortSha(parents[1]!)}` : `has ${parents.length} parent(s)`
    return (
      `${shortSha(commit.sha)} (GITHUB_SHA) ${merged}, not the PR's head ${shortSha(commit.mergeOf)}: GitHub made this run's merge commit ` +
      'before that push. A new push, or closing and reopening the PR, starts runs on a fresh merge commit'
    )
  }
  return undefined
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
 * Where a build here may reuse an image (a reuse tag is pushed and looked up): the inputs hash of
 * the build commit, the reuse tag (added to the resolved tags) and the image that may stand in
 * for the build. Nowhere else is anything hashed.
 */
export async function resolveReuse(
  resolved: ResolvedImage,
  context: {
    inputs: Inputs
    target: Target
    imageRepository: string
    run: Pick<EventContext, 'eventName' | 'sha' | 'ref' | 'workflowRef'>
  },
  io: ReuseIo,
): Promise<ResolvedImage> {
  const { inputs, target, imageRepository } = context
  const longLived = target.kind === 'push' && inputs.branchTags.has(target.branch)
  const plan = planReuse(inputs.reuse, target, resolved.push.length > 0, longLived)
  if (plan === undefined) return resolved
  // No hash at all: neither a reuse tag nor an inputs label can then describe another tree.
  const noReuse = (why: string): ResolvedImage => ({ ...resolved, reuse: { notice: `No reuse: ${why}.` } })
  const commit = buildCommitOf(context.run, target)
  if (commit.kind === 'unknown') return noReuse(commit.why)
  const refused = await refuseBuildCommit(commit, runsWorkflow(context.run, inputs.buildWorkflow), io)
  if (refused !== undefined) return noReuse(refused)
  const isInput = target.kind === 'push' ? await pushInputs(inputs, commit.sha, io) : resolved.watch?.isInput
  const hashed = isInput && ((await hashTreeWithGit(io.git, commit.sha, isInput)) ?? (await hashTreeFromApi(io, commit.sha, isInput)))
  if (!hashed) {
    return noReuse(
      `neither the checkout nor the API gave the tree of ${shortSha(commit.sha)} and its build workflow; check out the commit the build uses (actions/checkout does)`,
    )
  }
  const tag = reuseTag(plan.prNumber, shortInputsHash(hashed.hash))
  const found = await lookUp(imageReference(imageRepository, tag), hashed.hash, io.readImage)
  const facts: ReuseFacts = { hash: hashed.hash, inputFiles: hashed.files, tag, ...found }
  return { ...withReuseTag(resolved, imageRepository, tag), reuse: facts }
}
