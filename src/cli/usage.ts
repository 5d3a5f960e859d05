// What every local command shares: a usage error (exit 2), the command line as the person typed
// it, and node:util parseArgs' refusals in those words.
import { basename, relative } from 'node:path'

/** A mistake in the command line: the CLI exits 2, as command-line tools do for a usage error. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The message is the usage, printed as it is (no command at all). */
    readonly usageOnly = false,
  ) {
    super(message)
    this.name = 'UsageError'
  }
}

/** The command line that ran this, for --help: as far as npm and node tell what the person typed. */
export function invokedAs(env: Record<string, string | undefined>, script: string, cwd: string): string {
  if (env.npm_command === 'run' && env.npm_lifecycle_event === 'local' && env.npm_package_name === 'ci-image') return 'npm run local --'
  // npm exec (npx) tells the package only when it came as --package.
  if (env.npm_command === 'exec') return `npx ${env.npm_config_package ?? 'github:OWNER/REPO'}`
  if (basename(script) === 'ci-image') return 'ci-image'
  return `node ${relative(cwd, script) || script}`
}

/** The usage of `commands` (each `name [options]` and its lines), as run by `invoked`. */
export function formatUsage(invoked: string, commands: string[]): string {
  return `Usage: ${commands.map((command) => `${invoked} ${command}`).join('\n\n')}\n\n${invoked} --help prints this.\n`
}

export const invoked = () => invokedAs(process.env, process.argv[1] ?? 'ci-image', process.cwd())
export const quoted = (text: string) => JSON.stringify(text)

/** node:util parseArgs' refusals (an unknown option, a missing value) as usage errors. */
export function asUsageError(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code ?? ''
  if (!code.startsWith('ERR_PARSE_ARGS_')) return error
  const unknown = /^Unknown option '([^']*)'/.exec((error as Error).message)?.[1]
  return new UsageError(unknown ? `unknown option ${unknown}: ${invoked()} --help lists the options.` : (error as Error).message)
}
