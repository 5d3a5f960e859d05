// A repository on GitHub and a user's permission on it, as the REST API names them. Pure.

export interface Repository {
  owner: string
  repo: string
}

export function parseRepository(fullName: string): Repository {
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(fullName)
  if (!match) throw new Error(`GITHUB_REPOSITORY must be owner/repo; got "${fullName}".`)
  return { owner: match[1]!, repo: match[2]! }
}

/** What `GET /repos/{owner}/{repo}/collaborators/{username}/permission` says of a user. */
export interface CollaboratorPermission {
  /** The legacy base role: `admin`, `write`, `read` or `none` (maintain folds into write, triage into read). */
  permission: string
  /** The role assigned, custom roles included: keeps `maintain` and `triage` apart. */
  roleName?: string
}
