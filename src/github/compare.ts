// The merge base of a PR's base and head, as GitHub computes it: what lets a shallow checkout
// fetch exactly the two commits its diff needs, however far the base branch moved on.
import type { Repository } from './repository.js'
import type { GitHubClient } from './client.js'
import { apiError } from './errors.js'
import { MERGE_BASE_TIMEOUT_MS } from '../timing/timing.js'

/**
 * `merge_base_commit` of `GET /repos/{owner}/{repo}/compare/{base}...{head}`
 * (https://docs.github.com/rest/commits/commits#compare-two-commits; `base` and `head` are SHAs or
 * branch names; needs `contents: read`). The answer lists commits and, on its first page, up to 300
 * changed files with their patches; the second page of one commit per page carries neither files
 * ("The list of changed files is only shown on the first page of results") nor more than one commit,
 * while `merge_base_commit` is in every answer (required in the `commit-comparison` schema).
 * No retries: on failure the caller finds the fork point with git alone.
 */
export async function getMergeBase(client: GitHubClient, repo: Repository, base: string, head: string): Promise<string> {
  try {
    const { data } = await client.rest.repos.compareCommitsWithBasehead({
      ...repo,
      basehead: `${base}...${head}`,
      per_page: 1,
      page: 2,
      request: { retries: 0, signal: AbortSignal.timeout(MERGE_BASE_TIMEOUT_MS) },
    })
    return data.merge_base_commit.sha
  } catch (error) {
    throw apiError(`compare ${base.slice(0, 12)}...${head.slice(0, 12)}`, error, 'contents: read')
  }
}
