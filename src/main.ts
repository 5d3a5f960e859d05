// Wires the inputs and the event to a command. Commands load on demand, so each run pays
// only for the code it uses.
import * as core from '@actions/core'
import { openSession } from './session.js'

export async function run(): Promise<void> {
  try {
    const session = await openSession()
    switch (session.inputs.command) {
      case 'resolve-image':
        return await (await import('./commands/resolve-image.js')).resolveImageCommand(session)
      case 'wait-for-build':
        return await (await import('./commands/wait-for-build.js')).waitForBuildCommand(session)
      case 'comment-image':
        return await (await import('./commands/comment-image.js')).commentImageCommand(session)
    }
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error))
  }
}

await run()
