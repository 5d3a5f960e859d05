// A commit's whole tree over the REST API, for the inputs hash in a job without a checkout:
// `GET /repos/{owner}/{repo}/git/trees/{tree_sha}?recursive=1` takes a commit SHA too, and lists
// blobs (files and symlinks) and commits (submodules) with their modes and ids; "If truncated is true in
// the response then the number of items in the tree array exceeded our maximum limit" (REST docs,
// "Get a tree"): then the hash cannot be told.
import type { Repository } from './repository.js'
import { TREE_MODE, type TreeEntry } from '../git/ls-tree.js'
import type { GitHubClient } from './client.js'
import { apiError } from './errors.js'

export async function readCommitTree(client: GitHubClient, repo: Repository, commit: string): Promise<TreeEntry[] | undefined> {
  try {
    const { data } = await client.rest.git.getTree({ ...repo, tree_sha: commit, recursive: '1' })
    if (data.truncated) return undefined
    // A mode the hash cannot take means no hash (no reuse), not a wrong one.
    if (data.tree.some((entry) => !TREE_MODE.test(entry.mode))) return undefined
    return data.tree.map((entry) => ({ mode: entry.mode, type: entry.type, id: entry.sha, path: Buffer.from(entry.path, 'utf8') }))
  } catch (error) {
    throw apiError(`read the tree of ${commit}`, error, 'contents: read')
  }
}
