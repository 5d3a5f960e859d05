// The files a pull request changes, from the checkout: git fetches what the checkout lacks.
import * as core from '@actions/core'
import { gitOutput, type Git } from './git.js'

export interface ChangeRange {
  baseRef: string
  baseSha?: string
  headSha: string
}

// A shallow clone is first fetched this deep from both tips: a fork point within it (most
// PRs) costs one round trip; deeper ones deepen step by step.
const FIRST_DEPTH = 50
const DEEPEN_STEPS = [200, 1000, 5000]

async function hasCommit(git: Git, rev: string): Promise<boolean> {
  return (await git(['cat-file', '-e', `${rev}^{commit}`])).exitCode === 0
}

async function isShallow(git: Git): Promise<boolean> {
  return (await gitOutput(git, ['rev-parse', '--is-shallow-repository'])) === 'true'
}

/** Fetches commits from origin; in a shallow clone only FIRST_DEPTH deep, so a default checkout stays cheap. */
async function fetchCommits(git: Git, shallow: boolean, refspecs: string[]): Promise<boolean> {
  const depth = shallow ? [`--depth=${FIRST_DEPTH}`] : []
  const result = await git(['fetch', '--no-tags', '--no-recurse-submodules', '--quiet', ...depth, 'origin', ...refspecs])
  if (result.exitCode !== 0) core.debug(`git fetch ${refspecs.join(' ')}: ${result.stderr.trim()}`)
  return result.exitCode === 0
}

/** The base commit as a SHA: the event's base SHA when the checkout has it, else the tip of the base branch on origin. */
async function resolveBase(git: Git, range: ChangeRange, shallow: boolean): Promise<string | undefined> {
  if (range.baseSha && (await hasCommit(git, range.baseSha))) return range.baseSha
  // Branch names cannot contain ':' or spaces (git check-ref-format), so this refspec is well-formed.
  const tracking = `refs/remotes/origin/${range.baseRef}`
  await fetchCommits(git, shallow, [`+refs/heads/${range.baseRef}:${tracking}`])
  const result = await git(['rev-parse', '--verify', '--quiet', `${tracking}^{commit}`])
  return result.exitCode === 0 ? result.stdout.trim() : undefined
}

async function mergeBase(git: Git, base: string, head: string): Promise<string | undefined> {
  const result = await git(['merge-base', base, head])
  return result.exitCode === 0 ? result.stdout.trim() : undefined
}

/** Deepens a shallow clone until base and head meet; undefined when they never do. */
async function findMergeBase(git: Git, base: string, head: string): Promise<string | undefined> {
  let found = await mergeBase(git, base, head)
  for (const step of DEEPEN_STEPS) {
    if (found !== undefined || !(await isShallow(git))) return found
    core.info(`Deepening the shallow clone by ${step} commits to find where the PR branched off.`)
    await git(['fetch', '--no-tags', '--no-recurse-submodules', '--quiet', `--deepen=${step}`, 'origin', head, base])
    found = await mergeBase(git, base, head)
  }
  if (found === undefined && (await isShallow(git))) {
    await git(['fetch', '--no-tags', '--no-recurse-submodules', '--quiet', '--unshallow', 'origin'])
    found = await mergeBase(git, base, head)
  }
  return found
}

async function threeDotDiff(git: Git, base: string, head: string): Promise<string[] | undefined> {
  // Raw stdout: a path may begin with a space, which trimming would eat.
  const diff = await git(['diff', '--name-only', '--no-renames', '-z', `${base}...${head}`, '--'])
  return diff.exitCode === 0 ? diff.stdout.split('\0').filter((path) => path !== '') : undefined
}

/**
 * The three-dot diff `base...head` that GitHub shows as the PR's files, with renames split
 * into their old and new paths. Undefined when the checkout cannot answer (no repository, no
 * remote access, unrelated histories): the caller then asks the API.
 */
export async function changedFilesFromGit(git: Git, range: ChangeRange): Promise<string[] | undefined> {
  try {
    // One git call when the checkout already has both commits and their fork point.
    const direct = range.baseSha ? await threeDotDiff(git, range.baseSha, range.headSha) : undefined
    if (direct !== undefined) return direct
    if ((await git(['rev-parse', '--is-inside-work-tree'])).stdout.trim() !== 'true') return undefined
    const shallow = await isShallow(git)
    // The head and base commits the checkout lacks come in one fetch: one round trip.
    const missing: string[] = []
    for (const sha of [range.headSha, range.baseSha]) if (sha && !(await hasCommit(git, sha))) missing.push(sha)
    if (missing.length > 0 && !(await fetchCommits(git, shallow, missing)) && missing.length > 1) {
      // A base SHA the remote no longer has (a force-pushed base) must not cost us the head.
      await fetchCommits(git, shallow, [range.headSha])
    }
    if (!(await hasCommit(git, range.headSha))) {
      core.info(`The checkout does not have the PR head ${range.headSha} and could not fetch it.`)
      return undefined
    }
    const base = await resolveBase(git, range, shallow)
    if (base === undefined) {
      core.info(`The checkout does not have the base branch ${range.baseRef} and could not fetch it.`)
      return undefined
    }
    if ((await findMergeBase(git, base, range.headSha)) === undefined) {
      core.info(`The PR head and ${range.baseRef} share no history in the checkout.`)
      return undefined
    }
    const files = await threeDotDiff(git, base, range.headSha)
    if (files === undefined) throw new Error(`git diff ${base}...${range.headSha} failed`)
    return files
  } catch (error) {
    core.info(`git could not list the changed files: ${(error as Error).message}`)
    return undefined
  }
}
