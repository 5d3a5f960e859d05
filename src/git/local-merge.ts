// The merge commit GitHub makes of a PR (refs/pull/N/merge: the head merged into the base's tip),
// made in a developer's clone, so that the local run reads the build workflow and hashes the
// image's inputs at the commit a PR's build uses, as the action does.
import type { Git } from './git.js'

// commit-tree needs an identity; the commit is never on a branch, so it names this tool.
const IDENTITY = {
  GIT_AUTHOR_NAME: 'ci-image',
  GIT_AUTHOR_EMAIL: 'ci-image@localhost',
  GIT_COMMITTER_NAME: 'ci-image',
  GIT_COMMITTER_EMAIL: 'ci-image@localhost',
}

/**
 * The merge of `head` into `base`, or undefined when it conflicts (GitHub then makes none either)
 * or this git cannot merge without a working tree. `git merge-tree --write-tree` (git 2.38 and
 * later) merges in the object store alone, printing the tree first and exiting 1 on conflicts
 * (git-merge-tree(1), "OUTPUT" and "EXIT STATUS"); `git commit-tree` makes the commit. The branch,
 * the index and the working tree are left alone; the new objects are unreachable, and `git gc`
 * removes them.
 */
export async function localMergeCommit(git: Git, base: string, head: string): Promise<string | undefined> {
  const merged = await git(['merge-tree', '--write-tree', base, head])
  if (merged.exitCode !== 0) return undefined
  const tree = merged.stdout.split('\n')[0]!.trim()
  const commit = await git(['commit-tree', tree, '-p', base, '-p', head, '-m', `Merge ${head} into ${base}`], { env: IDENTITY })
  return commit.exitCode === 0 ? commit.stdout.trim() : undefined
}
