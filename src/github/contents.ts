// A file or a directory of the repository at a commit, read over the REST API: for a job without a checkout.
import type { Repository } from './repository.js'
import type { GitHubClient } from './client.js'
import { apiError, isNotFound } from './errors.js'

/** The file's text, or undefined when there is no such file at `ref`. */
export async function readRepositoryFile(client: GitHubClient, repo: Repository, path: string, ref: string): Promise<string | undefined> {
  try {
    const { data } = await client.rest.repos.getContent({ ...repo, path, ref })
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return undefined
    return Buffer.from(data.content, 'base64').toString('utf8')
  } catch (error) {
    if (isNotFound(error)) return undefined
    throw apiError(`read ${path} at ${ref}`, error, 'contents: read')
  }
}

/** The names of the files in a directory at `ref` (none when there is no such directory). */
export async function listRepositoryDirectory(client: GitHubClient, repo: Repository, path: string, ref: string): Promise<string[]> {
  try {
    const { data } = await client.rest.repos.getContent({ ...repo, path, ref })
    return Array.isArray(data) ? data.filter((entry) => entry.type === 'file').map((entry) => entry.name) : []
  } catch (error) {
    if (isNotFound(error)) return []
    throw apiError(`list ${path} at ${ref}`, error, 'contents: read')
  }
}
