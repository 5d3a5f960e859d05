// `wait-for-build`: see ../../../shared/CONTRACT.md. Implemented in its own issue.
import type { Session } from '../session.js'

export async function waitForBuildCommand(_session: Session): Promise<void> {
  throw new Error('Input `command` "wait-for-build" is not available in this version.')
}
