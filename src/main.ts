#!/usr/bin/env node
// Wires the inputs and the event to a command; with arguments, the CLI of a developer's machine.
import * as core from '@actions/core'
import { commentImageCommand } from './commands/comment-image.js'
import { resolveImageCommand } from './commands/resolve-image.js'
import { waitForBuildCommand } from './commands/wait-for-build.js'
import { runLocal } from './local.js'
import { openSession } from './session/session.js'

async function runInActions(): Promise<void> {
  try {
    const session = await openSession()
    switch (session.inputs.command) {
      case 'resolve-image':
        return await resolveImageCommand(session)
      case 'wait-for-build':
        return await waitForBuildCommand(session)
      case 'comment-image':
        return await commentImageCommand(session)
    }
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error))
  }
}

async function runOnDeveloperMachine(argv: string[]): Promise<void> {
  // Workflow commands (::debug:: and friends) mean nothing in a terminal; keep stdout for the answer.
  const stdoutWrite = process.stdout.write.bind(process.stdout)
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) =>
    String(chunk).startsWith('::') ? true : process.stderr.write(chunk, ...rest)) satisfies typeof process.stdout.write
  try {
    await runLocal(argv, (text) => stdoutWrite(text))
  } catch (error) {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  }
}

// The runner starts the action with no arguments; `node dist/index.js resolve-image` is a person
// (or a Makefile, even inside a CI job's shell step).
if (process.argv.length <= 2) await runInActions()
else await runOnDeveloperMachine(process.argv.slice(2))
