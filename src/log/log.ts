// The one way this action writes text to the job log: text from the repository, the PR, the
// event, a registry or the API must never become a workflow command.
//
// How the runner reads a step's output (actions/runner): it reads stdout and stderr alike, line by
// line, a line ending at CR or LF (Runner.Sdk/ProcessInvoker.cs, StreamReader.ReadLine), and hands
// every line that contains `##[` or `::` to the command parser (Runner.Worker/Handlers/
// OutputManager.cs, OnDataReceived). That parser takes `::name props::data` at the start of the
// line once leading white space is trimmed (Runner.Common/ActionCommand.cs, TryParseV2) and
// `##[name props]data` anywhere in it (ActionCommand.TryParse); `::stop-commands::<token>` makes it
// ignore every command until a line `::<token>::` (Runner.Worker/ActionCommandManager.cs).
//
// What @actions/core writes (actions/toolkit, packages/core/src/command.ts): the data of every
// command it issues is escaped (escapeData: %, CR, LF; escapeProperty adds `:` and `,`), and the
// runner unescapes it into the annotation or group title. So core.warning, core.error,
// core.setFailed, core.debug and core.group are safe with any text; core.info writes its text as
// it is (packages/core/src/core.ts), and a newline in it starts a line the runner parses.
import * as core from '@actions/core'
import { randomBytes } from 'node:crypto'

// Control and format characters, line and paragraph separators, and the default-ignorable code
// points: a line break, or an invisible character the runner's culture-sensitive `IndexOf("::")`
// and `StartsWith("::")` may skip over.
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/gu

const percentEncoded = (character: string) => {
  const code = character.codePointAt(0)!
  return code < 0x100 ? `%${code.toString(16).toUpperCase().padStart(2, '0')}` : `%u${code.toString(16).toUpperCase().padStart(4, '0')}`
}

/**
 * `text` as one log line the runner parses no command from: `%` first, then line breaks and hidden
 * characters percent-encoded as @actions/core escapes command data (CR is `%0D`, LF `%0A`), then
 * every `:` before another `:` and every `[` after `##` (so neither `::` nor `##[` is left,
 * and OutputManager passes the line on without parsing it).
 */
export function inertLine(text: string): string {
  return text
    .replace(/%/g, '%25')
    .replace(HIDDEN, percentEncoded)
    .replace(/:(?=:)/g, '%3A')
    .replace(/(?<=##)\[/g, '%5B')
}

/** One line in the step's log, whatever text it quotes. */
export function info(message: string): void {
  core.info(inertLine(message))
}

/** A debug line: @actions/core escapes its data, the runner shows it only with step debug on. */
export function debug(message: string): void {
  core.debug(message)
}

/**
 * Runs `work` with the runner's command processing stopped, for output this process passes on
 * as it comes (a child process's): `::stop-commands::` with a random token before, `::<token>::`
 * after. The runner masks a token longer than 6 characters in the log (ActionCommandManager.cs).
 */
export async function withCommandsStopped<T>(work: () => Promise<T>): Promise<T> {
  const token = `ci-image-${randomBytes(16).toString('hex')}`
  process.stdout.write(`::stop-commands::${token}\n`)
  try {
    return await work()
  } finally {
    process.stdout.write(`::${token}::\n`)
  }
}

/** A line for the person at a terminal (the local CLI's stderr), as inert as a log line: CI shell steps run it too. */
export function note(line: string): void {
  process.stderr.write(`${inertLine(line)}\n`)
}

/**
 * On a developer's machine: workflow commands (`::debug::` and friends from @actions/core) mean
 * nothing in a terminal and are dropped; other stdout goes to stderr. Returns the writer that keeps
 * stdout for the answer.
 */
export function keepStdoutForAnswer(): (text: string) => void {
  const stdoutWrite = process.stdout.write.bind(process.stdout)
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) =>
    String(chunk).startsWith('::') ? true : process.stderr.write(chunk, ...rest)) satisfies typeof process.stdout.write
  return (text) => stdoutWrite(text)
}
