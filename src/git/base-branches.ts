// A shallow or single-branch clone (a CI shell step, `git clone --depth 1`) has only its own
// branch: the long-lived branches a local run compares against are fetched from origin, as
// little of them as the action fetches (git/changed-files.ts), argument arrays only.
import { existsSync, readFileSync } from 'node:fs'
import { type Git } from './git.js'
import { FULL_COMMIT_SHA } from './commit-sha.js'

// As deep as the action's first fetch: a fork point within it costs one round trip.
const FIRST_DEPTH = 50
// Then HEAD's own history, step by step, until it meets one of them.
const DEEPEN_STEPS = [50, 200, 1000, 5000]

async function hasRef(git: Git, ref: string): Promise<boolean> {
  return (await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).exitCode === 0
}

async function isShallow(git: Git): Promise<boolean> {
  return (await git(['rev-parse', '--is-shallow-repository'])).stdout.trim() === 'true'
}

/** The branches of `names` that origin has, in one round trip (`git ls-remote --heads`). */
async function branchesOnOrigin(git: Git, names: string[]): Promise<string[]> {
  const listed = await git(['ls-remote', '--heads', 'origin', ...names.map((name) => `refs/heads/${name}`)])
  if (listed.exitCode !== 0) return []
  const found = new Set(
    listed.stdout.split('\n').map((line) =>
      line
        .split('\t')[1]
        ?.trim()
        .replace(/^refs\/heads\//, ''),
    ),
  )
  return names.filter((name) => found.has(name))
}

/** The commits where the clone's history is cut: they are on origin, whatever HEAD is. */
async function shallowBoundary(git: Git): Promise<string[]> {
  const path = (await git(['rev-parse', '--path-format=absolute', '--git-path', 'shallow'])).stdout.trim()
  return path && existsSync(path)
    ? readFileSync(path, 'utf8')
        .split('\n')
        .filter((sha) => FULL_COMMIT_SHA.test(sha))
    : []
}

async function meetsAny(git: Git, refs: string[]): Promise<boolean> {
  for (const ref of refs) if ((await git(['merge-base', ref, 'HEAD'])).exitCode === 0) return true
  return false
}

/**
 * Fetches into refs/remotes/origin/* those of `branches` the clone has neither locally nor as
 * remote-tracking branches, and in a shallow clone deepens HEAD until it meets one of them (so
 * "the nearest base" is measured, not guessed). Returns the branches fetched; an unreachable
 * origin fetches nothing, and the caller says what to pass instead.
 */
export async function fetchMissingBaseBranches(git: Git, branches: string[], log: (line: string) => void): Promise<string[]> {
  const missing: string[] = []
  for (const branch of branches) {
    if (!(await hasRef(git, `refs/remotes/origin/${branch}`)) && !(await hasRef(git, `refs/heads/${branch}`))) missing.push(branch)
  }
  if (missing.length === 0) return []
  const present = await branchesOnOrigin(git, missing)
  if (present.length === 0) return []
  const shallow = await isShallow(git)
  log(`This clone lacks ${present.join(', ')}: fetching ${shallow ? `the last ${FIRST_DEPTH} commits of ` : ''}them from origin.`)
  // Branch names cannot contain ':' or spaces (git check-ref-format), so each refspec is well-formed.
  const refspecs = present.map((branch) => `+refs/heads/${branch}:refs/remotes/origin/${branch}`)
  const depth = shallow ? [`--depth=${FIRST_DEPTH}`] : []
  const fetched = await git(['fetch', '--no-tags', '--no-recurse-submodules', '--quiet', ...depth, 'origin', ...refspecs])
  if (fetched.exitCode !== 0) {
    log(`git fetch failed: ${fetched.stderr.trim()}`)
    return []
  }
  const tracking = present.map((branch) => `refs/remotes/origin/${branch}`)
  for (const step of DEEPEN_STEPS) {
    if (!(await isShallow(git)) || (await meetsAny(git, tracking))) break
    const boundary = await shallowBoundary(git)
    if (boundary.length === 0) break
    const deepened = await git(['fetch', '--no-tags', '--no-recurse-submodules', '--quiet', `--deepen=${step}`, 'origin', ...boundary])
    if (deepened.exitCode !== 0) break
  }
  return present
}
