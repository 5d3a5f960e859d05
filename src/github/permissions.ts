// A user's permission on the repository, read from the API (never from author_association).
import type { CollaboratorPermission, Repository } from './repository.js'
import type { GitHubClient } from './client.js'
import { apiError, isNotFound } from './errors.js'

/**
 * `GET /repos/{owner}/{repo}/collaborators/{username}/permission` (docs: "Get repository
 * permissions for a user"); 404 means no access of its own: `none`. Any token that may read
 * the repository may ask (fine-grained: "Metadata" repository permission, read).
 */
export async function getCollaboratorPermission(client: GitHubClient, repo: Repository, username: string): Promise<CollaboratorPermission> {
  try {
    const { data } = await client.rest.repos.getCollaboratorPermissionLevel({ ...repo, username })
    return { permission: data.permission, roleName: data.role_name }
  } catch (error) {
    if (isNotFound(error)) return { permission: 'none' }
    throw apiError(`read the repository permission of @${username}`, error, 'metadata: read')
  }
}
