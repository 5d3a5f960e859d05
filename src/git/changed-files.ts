// The files a pull request changes, from the checkout: git fetches what the checkout lacks.
// With the fork point known (GitHub's merge base, through a seam), one fetch of a few commits
// answers however far the base moved on; without it, git deepens the clone until it finds it.
import { FULL_COMMIT_SHA } from './commit-sha.js'
import type { Git } from './git.js'
import { debug, info } from '../log/log.js'

export interface ChangeRange {
  baseRef: string
  baseSha?: string
  headSha: string
}

export interface ChangedFilesOptions {
  /**
   * The merge base of `base...head` (`base` a SHA or a branch name), as GitHub computes it;
   * undefined when it cannot tell. Without it, git finds the fork point itself.
   */
  mergeBase?: (base: string, head: string) => Promise<string | undefined>
}

// Without a known merge base, a shallow clone is first fetched this deep from both tips: a fork
// point within it (most PRs) costs one round trip; deeper ones deepen step by step.
const FIRST_DEPTH = 50
const DEEPEN_STEPS = [200, 1000, 5000]

/** A full commit SHA in git's own spelling (lower case), else undefined: nothing else reaches git's command line. */
const commitSha = (value: string | undefined) => (value !== undefined && FULL_COMMIT_SHA.test(value) ? value.toLowerCase() : undefined)

interface CloneState {
  shallow: boolean
  /** Which of the asked commits the clone has. */
  has: (sha: string) => boolean
}

/**
 * One git call for what the clone has: whether it is shallow and which of `shas` are present.
 * `--disambiguate=<prefix>` lists the objects whose names begin with it, so a full SHA lists itself
 * or nothing (https://git-scm.com/docs/git-rev-parse#Documentation/git-rev-parse.txt---disambiguateltprefixgt).
 * Undefined outside a repository.
 */
async function inspectClone(git: Git, shas: string[]): Promise<CloneState | undefined> {
  const asked = shas.filter((sha) => FULL_COMMIT_SHA.test(sha))
  const result = await git(['rev-parse', '--is-shallow-repository', ...asked.map((sha) => `--disambiguate=${sha}`)])
  if (result.exitCode !== 0) return undefined
  const [shallow, ...found] = result.stdout.trim().split('\n')
  const present = new Set(found)
  return { shallow: shallow === 'true', has: (sha) => present.has(sha) }
}

/** Fetches from origin; says why in the log when git cannot. */
async function fetch(git: Git, args: string[]): Promise<boolean> {
  const result = await git(['fetch', '--no-tags', '--no-recurse-submodules', '--quiet', ...args])
  if (result.exitCode === 0) return true
  const lines = result.stderr.trim().split('\n')
  const why = lines.find((line) => /^(fatal|error):/.test(line)) ?? lines[0]
  info(`git fetch ${args.join(' ')} failed (exit ${result.exitCode}): ${why}`)
  return false
}

/** `git diff --name-only` of two commits or of `base...head`; undefined when git cannot (a commit or the fork point missing). */
async function diffNames(git: Git, revs: string[]): Promise<string[] | undefined> {
  // Raw stdout: a path may begin with a space, which trimming would eat.
  const diff = await git(['diff', '--name-only', '--no-renames', '-z', ...revs, '--'])
  return diff.exitCode === 0 ? diff.stdout.split('\0').filter((path) => path !== '') : undefined
}

/**
 * From a known merge base: fetch just it and the head (depth 1 in a shallow clone; a full clone
 * takes the missing history, which is only the PR's), then diff their trees: `base...head` is the
 * diff from the merge base to head (https://git-scm.com/docs/git-diff, `git diff A...B`). The base
 * tip comes in the same fetch: resolve-image reads the build workflow there, and its trees are
 * nearly all in the checkout's merge commit already.
 */
async function filesFromMergeBase(git: Git, mergeBase: string, range: ChangeRange): Promise<string[] | undefined> {
  const { headSha, baseSha } = range
  const base = commitSha(baseSha)
  const wanted = [...new Set([mergeBase, headSha, ...(base ? [base] : [])])]
  const clone = await inspectClone(git, wanted)
  if (!clone) return undefined
  // Only what is missing: `--depth` on a commit the clone has would cut its history short.
  const missing = wanted.filter((sha) => !clone.has(sha))
  const depth = clone.shallow ? ['--depth=1'] : []
  const needed = missing.filter((sha) => sha !== baseSha)
  const fetched =
    missing.length === 0 ||
    (await fetch(git, [...depth, 'origin', ...missing])) ||
    // A base SHA the remote no longer has (a force-pushed base) must not cost us the diff.
    (needed.length < missing.length && (needed.length === 0 || (await fetch(git, [...depth, 'origin', ...needed]))))
  if (!fetched) {
    info(`The checkout could not fetch the PR head and its merge base ${mergeBase.slice(0, 7)}.`)
    return undefined
  }
  return diffNames(git, [mergeBase, headSha])
}

/** The base branch's tip on origin, fetched (`depth` deep in a shallow clone). */
async function fetchBaseBranch(git: Git, baseRef: string, depth: string[]): Promise<string | undefined> {
  // Branch names cannot contain ':' or spaces (git check-ref-format), so this refspec is well-formed.
  const tracking = `refs/remotes/origin/${baseRef}`
  await fetch(git, [...depth, 'origin', `+refs/heads/${baseRef}:${tracking}`])
  const result = await git(['rev-parse', '--verify', '--quiet', `${tracking}^{commit}`])
  return result.exitCode === 0 ? result.stdout.trim() : undefined
}

/** `base...head`, deepening a shallow clone until git finds their fork point; undefined when it never does. */
async function deepenUntilDiff(git: Git, base: string, head: string, shallow: boolean): Promise<string[] | undefined> {
  let files = await diffNames(git, [`${base}...${head}`])
  if (files !== undefined || !shallow) return files
  for (const step of DEEPEN_STEPS) {
    info(`Deepening the shallow clone by ${step} commits to find where the PR branched off.`)
    if (!(await fetch(git, [`--deepen=${step}`, 'origin', head, base]))) break
    files = await diffNames(git, [`${base}...${head}`])
    if (files !== undefined) return files
  }
  // Deepened to the root by now, or the remote refused a step: the rest of history in one go.
  if (await fetch(git, ['--unshallow', 'origin'])) files = await diffNames(git, [`${base}...${head}`])
  return files
}

/** Without a known merge base: fetch head and base `FIRST_DEPTH` deep, then deepen until they meet. */
async function filesByDeepening(git: Git, range: ChangeRange): Promise<string[] | undefined> {
  const { headSha, baseSha } = range
  const clone = await inspectClone(git, baseSha ? [headSha, baseSha] : [headSha])
  if (!clone) return undefined
  const depth = clone.shallow ? [`--depth=${FIRST_DEPTH}`] : []
  let hasHead = clone.has(headSha)
  let hasBase = baseSha !== undefined && clone.has(baseSha)
  // The head and base commits the checkout lacks come in one fetch: one round trip.
  const missing = [...(hasHead ? [] : [headSha]), ...(baseSha && !hasBase ? [baseSha] : [])]
  if (missing.length > 0) {
    if (await fetch(git, [...depth, 'origin', ...missing])) [hasHead, hasBase] = [true, baseSha !== undefined]
    // A base SHA the remote no longer has (a force-pushed base) must not cost us the head.
    else if (!hasHead && missing.length > 1) hasHead = await fetch(git, [...depth, 'origin', headSha])
  }
  if (!hasHead) {
    info(`The checkout does not have the PR head ${headSha} and could not fetch it.`)
    return undefined
  }
  const base = hasBase ? baseSha : await fetchBaseBranch(git, range.baseRef, depth)
  if (base === undefined) {
    info(`The checkout does not have the base branch ${range.baseRef} and could not fetch it.`)
    return undefined
  }
  const files = await deepenUntilDiff(git, base, headSha, clone.shallow)
  if (files === undefined) info(`The PR head and ${range.baseRef} share no history in the checkout.`)
  return files
}

/**
 * The three-dot diff `base...head` that GitHub shows as the PR's files, with renames split
 * into their old and new paths. Undefined when the checkout cannot answer (no repository, no
 * remote access, unrelated histories): the caller then asks the API.
 */
export async function changedFilesFromGit(git: Git, range: ChangeRange, options: ChangedFilesOptions = {}): Promise<string[] | undefined> {
  try {
    // One git call when the checkout already has both commits and their fork point.
    const direct = range.baseSha ? await diffNames(git, [`${range.baseSha}...${range.headSha}`]) : undefined
    if (direct !== undefined) return direct
    if (!options.mergeBase) {
      debug('Finding the fork point with git alone (no merge base lookup: no github-token, no checkout, or a local run).')
      return await filesByDeepening(git, range)
    }
    const mergeBase = await options.mergeBase(range.baseSha ?? range.baseRef, range.headSha)
    // A SHA or nothing: whatever else came back must not reach git's command line.
    const base = commitSha(mergeBase)
    if (base !== undefined) return await filesFromMergeBase(git, base, range)
    debug('Finding the fork point with git alone: the merge base lookup gave no answer.')
    return await filesByDeepening(git, range)
  } catch (error) {
    info(`git could not list the changed files: ${(error as Error).message}`)
    return undefined
  }
}
