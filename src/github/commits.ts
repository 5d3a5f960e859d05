// A commit object over the REST API, for a job without a checkout: its parents.
import type { Repository } from './repository.js'
import type { GitHubClient } from './client.js'
import { apiError, isNotFound } from './errors.js'

/**
 * The parents of `sha`, in order, from `GET /repos/{owner}/{repo}/git/commits/{commit_sha}` (REST
 * docs, "Get a commit object": the `git-commit` schema's `parents`); undefined when GitHub has no
 * such commit.
 */
export async function readCommitParents(client: GitHubClient, repo: Repository, sha: string): Promise<string[] | undefined> {
  try {
    const { data } = await client.rest.git.getCommit({ ...repo, commit_sha: sha })
    return data.parents.map((parent) => parent.sha)
  } catch (error) {
    if (isNotFound(error)) return undefined
    throw apiError(`read commit ${sha}`, error, 'contents: read')
  }
}
