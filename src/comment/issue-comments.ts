// A pull request's conversation comments (issue comments) over REST, as the upsert's port
// (comment/upsert-comment.ts) needs them.
import type { Repository } from '../github/repository.js'
import type { IssueComment, IssueCommentsApi } from './upsert-comment.js'
import type { GitHubClient } from '../github/client.js'
import { isNotFound } from '../github/errors.js'

export function issueCommentsApi(client: GitHubClient, repo: Repository, issueNumber: number): IssueCommentsApi {
  const keep = ({
    id,
    body,
    html_url,
    user,
  }: {
    id: number
    body?: string | null
    html_url: string
    user?: { login: string } | null
  }): IssueComment => ({
    id,
    body,
    html_url,
    author: user?.login,
  })
  return {
    async list() {
      const comments = await client.paginate(client.rest.issues.listComments, { ...repo, issue_number: issueNumber, per_page: 100 })
      return comments.map(keep)
    },
    async create(body) {
      return keep((await client.rest.issues.createComment({ ...repo, issue_number: issueNumber, body })).data)
    },
    async update(id, body) {
      return keep((await client.rest.issues.updateComment({ ...repo, comment_id: id, body })).data)
    },
    async remove(id) {
      try {
        await client.rest.issues.deleteComment({ ...repo, comment_id: id })
      } catch (error) {
        // Already gone: a concurrent run deleted it.
        if (!isNotFound(error)) throw error
      }
    },
  }
}
