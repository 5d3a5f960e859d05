// The step this action replaces, run the way the Actions runner runs a `run:` step
// (bash --noprofile --norc -eo pipefail).
import { childEnv } from './child-env.js'
import { INLINE_WATCH_PATTERN } from './repos/build-workflow.js'
import type { Command, CommandResult } from './timed-command.js'

function inlineScript(baseRef: string): string {
  return `git diff --name-only origin/${baseRef}...HEAD | grep -E '${INLINE_WATCH_PATTERN}'`
}

/** grep exits 1 when no watched file changed: an answer, not a failure. */
function inlineAnswer(result: CommandResult): string[] {
  if (result.exitCode !== 0 && result.exitCode !== 1) throw new Error('the inline step failed')
  return result.stdout.split('\n').filter((line) => line !== '')
}

export function inlineStepCommand(o: { name: string; checkout: string; baseRef: string; expect: string[] }): Command {
  return {
    name: o.name,
    file: 'bash',
    args: ['--noprofile', '--norc', '-eo', 'pipefail', '-c', inlineScript(o.baseRef)],
    cwd: o.checkout,
    env: childEnv(),
    check: (result) => {
      const answer = inlineAnswer(result)
      if (JSON.stringify(answer) !== JSON.stringify(o.expect)) throw new Error(`inline step listed ${JSON.stringify(answer)}`)
    },
  }
}
