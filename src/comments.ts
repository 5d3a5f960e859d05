// REST calls on a pull request's conversation comments (issue comments), behind the narrow
// interface the upsert needs.
import type { Repository } from './context.js'
import type { GitHubClient } from './github.js'

export interface IssueComment {
  id: number
  body?: string | null
  html_url: string
}

export interface IssueCommentsApi {
  /** Every comment of the PR, all pages, oldest first as GitHub lists them. */
  list(): Promise<IssueComment[]>
  create(body: string): Promise<IssueComment>
  update(id: number, body: string): Promise<IssueComment>
  /** Deletes a comment; one already gone (a concurrent run deleted it) is not an error. */
  remove(id: number): Promise<void>
}

export function issueCommentsApi(client: GitHubClient, repo: Repository, issueNumber: number): IssueCommentsApi {
  const keep = ({ id, body, html_url }: IssueComment): IssueComment => ({ id, body, html_url })
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
        if ((error as { status?: number }).status !== 404) throw error
      }
    },
  }
}
