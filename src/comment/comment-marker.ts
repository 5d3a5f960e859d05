// The hidden marker that names our comment on a PR: one per image repository, so two images
// announced on one PR keep one comment each. Pure: no I/O.

export interface MarkedComment {
  id: number
  body?: string | null
}

/**
 * `<!-- ci-image:<image repository> -->`. The repository is validated by the inputs already; it
 * is encoded anyway so that no value can close the HTML comment early (`-->`, `--!>`) or
 * collide with another repository's marker (the encoding is one-to-one).
 */
export function commentMarker(imageRepository: string): string {
  return `<!-- ci-image:${imageRepository.replace(/[^A-Za-z0-9._/:@-]/gu, percentEncode)} -->`
}

function percentEncode(ch: string): string {
  return [...new TextEncoder().encode(ch)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('')
}

/**
 * Ours when the body starts with the marker: the marker is the first thing we write, so a
 * comment that merely quotes or mentions it (a reply, a copy in a code block) does not count.
 */
export function hasMarker(body: string | null | undefined, marker: string): boolean {
  return (body ?? '').trimStart().startsWith(marker)
}

/** Our comments among a PR's comments, oldest (lowest id) first: the oldest is the one kept. */
export function markedComments<T extends MarkedComment>(comments: readonly T[], marker: string): T[] {
  return comments.filter((comment) => hasMarker(comment.body, marker)).sort((a, b) => a.id - b.id)
}
