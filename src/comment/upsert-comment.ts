// Keeps exactly one comment with our marker on a PR: update it when it exists, else create it,
// and settle a race between two runs that both created one. Only comments written by the
// token's own identity count as ours: anyone can post a comment that carries the marker, and
// its author could later edit it into a malicious `docker pull` line. The comments come through
// a port (issue-comments.ts over REST).
import { markedComments } from './comment-marker.js'

export interface IssueComment {
  id: number
  body?: string | null
  html_url: string
  /** The login of whoever wrote it (`github-actions[bot]` for the workflow token). */
  author?: string
}

export interface IssueCommentsApi {
  /** Every comment of the PR, all pages, oldest first as GitHub lists them. */
  list(): Promise<IssueComment[]>
  create(body: string): Promise<IssueComment>
  update(id: number, body: string): Promise<IssueComment>
  /** Deletes a comment; one already gone (a concurrent run deleted it) is not an error. */
  remove(id: number): Promise<void>
}

export type UpsertResult =
  | {
      comment: IssueComment
      /** `unchanged`: the body was already this, so nothing was written (and nobody notified). */
      action: 'created' | 'updated' | 'unchanged'
      /** Duplicates with our marker that were deleted (left by a race, now or earlier). */
      deleted: number[]
    }
  /** There was no comment of ours, and none was to be created. */
  | { comment?: undefined; action: 'none'; deleted: [] }

async function removeAll(api: IssueCommentsApi, comments: readonly IssueComment[]): Promise<number[]> {
  for (const comment of comments) await api.remove(comment.id)
  return comments.map((comment) => comment.id)
}

export interface CommentRequest {
  marker: string
  body: string
  /** The token's own login: only its comments are ever edited, deleted or counted. */
  author: string
  /** False: update our comment when there is one, but create none. */
  create?: boolean
}

export async function upsertComment(api: IssueCommentsApi, { marker, body, author, create = true }: CommentRequest): Promise<UpsertResult> {
  const ours = async () =>
    markedComments(
      (await api.list()).filter((comment) => comment.author === author),
      marker,
    )
  const [oldest, ...newer] = await ours()
  if (oldest) {
    const deleted = await removeAll(api, newer)
    // An update that changes nothing would still notify everyone watching the PR.
    if (oldest.body === body) return { comment: oldest, action: 'unchanged', deleted }
    return { comment: await api.update(oldest.id, body), action: 'updated', deleted }
  }
  if (!create) return { action: 'none', deleted: [] }
  const created = await api.create(body)
  // Another run may have listed, found nothing and created too. Both runs agree on the oldest
  // comment as the one to keep, whatever order they get here in, so one comment survives.
  const [keep, ...duplicates] = await ours()
  if (!keep || keep.id === created.id) {
    return { comment: created, action: 'created', deleted: await removeAll(api, duplicates) }
  }
  // Ours goes even when the list lagged behind our create and did not show it yet.
  const deleted = await removeAll(api, [created, ...duplicates.filter((duplicate) => duplicate.id !== created.id)])
  const comment = await api.update(keep.id, body)
  return { comment, action: 'updated', deleted }
}
