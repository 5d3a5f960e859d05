// REST calls about a pull request.
import type { Repository } from './repository.js'
import type { GitHubClient } from './client.js'
import { apiError, isNotFound } from './errors.js'

/** The pull request as the API describes it; action/target.ts reads the fields a run needs. */
export async function getPullRequest(client: GitHubClient, repo: Repository, prNumber: number): Promise<unknown> {
  try {
    const { data } = await client.rest.pulls.get({ ...repo, pull_number: prNumber })
    return data
  } catch (error) {
    if (isNotFound(error)) throw new Error(`Pull request #${prNumber} was not found in ${repo.owner}/${repo.repo}.`, { cause: error })
    throw apiError(`read pull request #${prNumber}`, error, 'pull-requests: read')
  }
}

/** Changed paths of a PR (a rename counts both its old and new path), at most API_FILE_LIST_CAP (resolution/decision.ts) files. */
export async function listPullRequestFiles(
  client: GitHubClient,
  repo: Repository,
  prNumber: number,
): Promise<{ paths: string[]; listed: number }> {
  const paths: string[] = []
  let listed = 0
  const pages = client.paginate.iterator(client.rest.pulls.listFiles, { ...repo, pull_number: prNumber, per_page: 100 })
  try {
    for await (const { data } of pages) {
      for (const file of data) {
        listed++
        paths.push(file.filename)
        if (file.previous_filename) paths.push(file.previous_filename)
      }
    }
  } catch (error) {
    throw apiError(`list the files of PR #${prNumber}`, error, 'pull-requests: read')
  }
  return { paths, listed }
}
