// After the build run succeeded: the image it pushed, read from the registry (its digest pins it,
// its label proves it), then pulled by that digest when `pull` asks.
import * as core from '@actions/core'
import { code, escapeHtml } from '../action/html.js'
import { setOutputs } from '../action/report.js'
import type { Session } from '../action/session.js'
import { info } from '../log/log.js'
import { pullImage } from '../docker/pull.js'
import type { Row } from './summary.js'
import { verifyBuiltImage, type BuiltImage } from './verify-image.js'

/** Sets `digest`, `pinned-image` and `verified`, and adds them to the summary's `rows`. */
export async function verifyAndPull(session: Session, built: BuiltImage, rows: Row[]): Promise<void> {
  const { inputs, sleep } = session
  const log = (line: string) => info(line)
  const verified = await core.group(`Reading ${built.commitReference} from the registry`, () =>
    verifyBuiltImage(built, { token: inputs.token, sleep, log }),
  )
  setOutputs({ digest: verified.digest, 'pinned-image': verified.pinned, verified: String(verified.verified) })
  rows.push(['Digest', code(verified.digest)], ['Pinned', code(verified.pinned)], ['Verified', code(String(verified.verified))])
  if (verified.warning) {
    core.warning(verified.warning, { title: 'CI image not verified' })
    rows.push(['Warning', escapeHtml(verified.warning)])
  } else {
    info(`${verified.pinned} was built from ${built.headSha} (${verified.image.platforms.join(', ') || 'one platform'}).`)
  }
  // By digest: exactly the image that was read and checked, whatever the tag points to by now.
  if (inputs.pull) await pullPinned(session, verified.pinned)
}

/** `docker pull` of an image pinned by digest, in a log group of its own. */
export async function pullPinned(session: Session, pinned: string): Promise<void> {
  await core.group(`Pulling ${pinned}`, () => pullImage(pinned, { sleep: session.sleep, log: (line) => info(line) }))
}
