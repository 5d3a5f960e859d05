// The local CLI (`npx github:OWNER/REPO <command>`, `npm run local -- <command>`): the commands
// that run outside GitHub Actions, their usage, and the dispatch with its usage errors.
import { COMMANDS } from '../action/inputs.js'
import { DIFF_USAGE, runDiffCli } from './diff.js'
import { RESOLVE_IMAGE_USAGE, resolveImageHere } from './resolve-image.js'
import { formatUsage, invoked, quoted, UsageError } from './usage.js'

/** The commands that run here; the action's others need a workflow run (its API, its token). */
const LOCAL_COMMANDS: Record<string, { usage: string; run: (argv: string[], print: (text: string) => void) => Promise<void> }> = {
  'resolve-image': { usage: RESOLVE_IMAGE_USAGE, run: resolveImageHere },
  diff: { usage: DIFF_USAGE, run: runDiffCli },
}

export function usage(invoked: string): string {
  return formatUsage(
    invoked,
    Object.values(LOCAL_COMMANDS).map((command) => command.usage),
  )
}

export async function runLocal(argv: string[], print: (text: string) => void): Promise<void> {
  const [command, ...rest] = argv
  if (command === undefined) throw new UsageError(usage(invoked()).trimEnd(), true)
  if (command === '--help' || command === '-h') return print(usage(invoked()))
  const names = Object.keys(LOCAL_COMMANDS)
  if (command.startsWith('-')) {
    throw new UsageError(`${quoted(command)} comes before a command: the command comes first (${names.join(', ')}), then its options.`)
  }
  if (Object.hasOwn(LOCAL_COMMANDS, command)) return LOCAL_COMMANDS[command]!.run(rest, print)
  const actionOnly = COMMANDS.filter((name) => !names.includes(name))
  if ((actionOnly as string[]).includes(command)) {
    throw new UsageError(
      `${command} runs in GitHub Actions only (it needs the workflow run, its API and its token); here: ${names.join(', ')}.`,
    )
  }
  throw new UsageError(
    `unknown command ${quoted(command)}: the commands here are ${names.join(', ')}; ` +
      `${actionOnly.join(', ')} run in GitHub Actions only. ${invoked()} --help prints the usage.`,
  )
}
