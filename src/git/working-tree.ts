// What a developer has changed and not committed: CI never sees it, so no CI image is built from it.
import { type Git } from './git.js'

/**
 * Paths with uncommitted changes, staged or not, and untracked files (ignored ones excepted);
 * both sides of a rename. From `git status --porcelain -z`, whose entries are `XY path` and, for a
 * rename or copy, a second NUL-separated field with the original path (git-status(1), "Porcelain
 * Format Version 1").
 */
export async function uncommittedPaths(git: Git): Promise<string[]> {
  const status = await git(['status', '--porcelain=v1', '-z', '--untracked-files=all'])
  if (status.exitCode !== 0) throw new Error(`git status failed (exit ${status.exitCode}): ${status.stderr.trim()}`)
  // Raw fields, never trimmed: the status letter may be a space, and a path may begin with one.
  const fields = status.stdout.split('\0')
  const paths: string[] = []
  for (let i = 0; i < fields.length; i++) {
    const entry = fields[i]!
    if (entry.length < 4) continue
    paths.push(entry.slice(3))
    if (entry[0] === 'R' || entry[0] === 'C') paths.push(fields[++i]!)
  }
  return paths
}
