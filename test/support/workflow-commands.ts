// The workflow commands the Actions runner would read from a step's output, as actions/runner
// reads them (no .NET runner here, so this follows its source):
// - lines end at CR, LF or CRLF (Runner.Sdk/ProcessInvoker.cs reads them with StreamReader.ReadLine);
// - only a line containing `##[` or `::` is parsed (Runner.Worker/Handlers/OutputManager.cs);
// - `::name props::data` once leading white space is trimmed (Runner.Common/ActionCommand.cs,
//   TryParseV2), else `##[name props]data` anywhere in the line (ActionCommand.TryParse);
// - after `::stop-commands::<token>`, nothing but `::<token>::` is a command
//   (Runner.Worker/ActionCommandManager.cs).
// The runner compares with .NET's culture-sensitive IndexOf and StartsWith, which may skip
// characters that have no weight in collation; this drops the default-ignorable and format
// characters first, so that it finds at least every command the runner would.

export interface WorkflowCommand {
  name: string
  /** The name and properties, as written. */
  info: string
  data: string
  line: string
}

const IGNORABLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu

function parse(raw: string): Omit<WorkflowCommand, 'line'> | undefined {
  const line = raw.replace(IGNORABLE, '')
  const trimmed = line.replace(/^[\s\u0085]+/, '')
  if (trimmed.startsWith('::')) {
    const end = trimmed.indexOf('::', 2)
    if (end >= 0) {
      const info = trimmed.slice(2, end)
      return { name: info.split(' ')[0]!, info, data: trimmed.slice(end + 2) }
    }
  }
  const prefix = line.indexOf('##[')
  if (prefix < 0) return undefined
  const close = line.indexOf(']', prefix)
  if (close < 0) return undefined
  const info = line.slice(prefix + 3, close)
  return { name: info.split(' ')[0]!, info, data: line.slice(close + 1) }
}

/** Every command the runner would act on in `output`, in order (the stop and resume lines included). */
export function workflowCommands(output: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = []
  let stopToken: string | undefined
  for (const line of output.split(/\r\n|\r|\n/)) {
    const command = parse(line)
    if (!command || command.name === '') continue
    if (stopToken !== undefined) {
      if (command.name.toLowerCase() !== stopToken.toLowerCase()) continue
      stopToken = undefined
    } else if (command.name.toLowerCase() === 'stop-commands') {
      stopToken = command.data
    }
    commands.push({ ...command, line })
  }
  return commands
}

/** The data of every `::debug::` line in `output`: what the step's log shows with step debug logging on. */
export function debugLines(output: string): string[] {
  return workflowCommands(output)
    .filter(({ name }) => name === 'debug')
    .map(({ data }) => data)
}

/** What this action means to issue: annotations, groups, masks, debug lines and its own stop/resume pairs. */
const INTENDED = /^(?:error|warning|notice|group|endgroup|debug|add-mask|stop-commands|ci-image-[0-9a-f]{32})$/

/** Starts every command a test hides in untrusted text: a command the action writes quotes it after words of its own. */
export const FORGED = 'FORGED'

/**
 * The commands in `output` the action did not mean to issue: any unknown command, one whose
 * properties or data start with FORGED (an annotation or mask written by the untrusted text), an
 * `error` where the run was meant to stay green, or a stop-commands token not of the action's form.
 */
export function unintendedCommands(output: string, o: { errors?: boolean } = {}): string[] {
  return workflowCommands(output)
    .filter(({ name, info, data }) => {
      if (!INTENDED.test(name) || info.includes(FORGED) || data.startsWith(FORGED)) return true
      if (name === 'error') return !o.errors
      if (name === 'stop-commands') return !/^ci-image-[0-9a-f]{32}$/.test(data)
      return false
    })
    .map(({ line }) => line)
}
