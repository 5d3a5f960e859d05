// REST calls about a pull request.
import type { Repository } from './context.js'
import type { GitHubClient } from './github.js'
import { pullRequestFromApiShape, type PullRequestTarget } from './target.js'

/** GitHub lists at most this many files of a pull request, whatever the pagination. */
export const API_FILE_LIST_CAP = 3000

export async function getPullRequest(client: GitHubClient, repo: Repository, prNumber: number): Promise<PullRequestTarget> {
  try {
    const { data } = await client.rest.pulls.get({ ...repo, pull_number: prNumber })
    return pullRequestFromApiShape(data)
  } catch (error) {
    if ((error as { status?: number }).status === 404) {
      throw new Error(`Pull request #${prNumber} was not found in ${repo.owner}/${repo.repo}.`)
    }
    throw error
  }
}

/** Changed paths of a PR (a rename counts both its old and new path), at most API_FILE_LIST_CAP files. */
export async function listPullRequestFiles(client: GitHubClient, repo: Repository, prNumber: number): Promise<{ paths: string[]; listed: number }> {
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
    const { status, message } = error as { status?: number; message?: string }
    throw new Error(`The GitHub API could not list the files of PR #${prNumber} (${status ?? 'no answer'}: ${message ?? String(error)}).`)
  }
  return { paths, listed }
}
