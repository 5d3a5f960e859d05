// `comment-image`: see ../../../shared/CONTRACT.md. Implemented in its own issue.
import type { Session } from '../session.js'

export async function commentImageCommand(_session: Session): Promise<void> {
  throw new Error('Input `command` "comment-image" is not available in this version.')
}
