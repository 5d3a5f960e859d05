// Who the job's token is: `github-actions[bot]` for the workflow's GITHUB_TOKEN, `<app>[bot]`
// for a GitHub App's installation token, the person for a personal token. REST's `GET /user`
// refuses installation tokens; GraphQL's `viewer` answers for every kind of token, with no
// permission needed (the way marocchino/sticky-pull-request-comment finds its own comments:
// src/comment.ts, `viewer { login }`).
import type { GitHubClient } from './client.js'
import { apiError } from './errors.js'

export async function tokenLogin(client: GitHubClient): Promise<string> {
  try {
    const { viewer } = await client.graphql<{ viewer: { login: string } }>('query { viewer { login } }')
    return viewer.login
  } catch (error) {
    throw apiError('learn who the token is (GraphQL viewer)', error)
  }
}
