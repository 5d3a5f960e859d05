// What the checkout says about commits: the one its work tree has checked out, and a commit's
// parents as its object lists them.
import { FULL_COMMIT_SHA } from './commit-sha.js'
import type { Git } from './git.js'

/** The commit HEAD names; undefined when there is none (not a repository, an unborn branch). */
export async function checkedOutCommit(git: Git): Promise<string | undefined> {
  const result = await git(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])
  const sha = result.stdout.trim()
  return result.exitCode === 0 && FULL_COMMIT_SHA.test(sha) ? sha : undefined
}

/**
 * The parents a commit object names, in order; undefined when the checkout lacks the commit.
 * Read from the object (`git cat-file commit`: its headers, `parent <sha>` lines, end at the
 * first blank line), not `git rev-list --parents`: a shallow clone's boundary commit, such as a
 * depth-1 checkout's HEAD, is walked as if it had none ("Shallow commits do have parents, but not
 * in the shallow repo, and therefore grafts are introduced pretending that these commits have no
 * parents": git's Documentation/technical/shallow.txt).
 */
export async function commitParents(git: Git, sha: string): Promise<string[] | undefined> {
  const result = await git(['cat-file', 'commit', sha])
  if (result.exitCode !== 0) return undefined
  const headers = result.stdout.split('\n\n', 1)[0]!.split('\n')
  return headers.filter((line) => line.startsWith('parent ')).map((line) => line.slice('parent '.length).trim())
}
