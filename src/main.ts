#!/usr/bin/env node
// Wires the inputs and the event to a command; with arguments, the CLI of a developer's machine.
import * as core from '@actions/core'
import { commentImageCommand } from './comment/command.js'
import { resolveImageCommand } from './resolve/command.js'
import { waitForBuildCommand } from './wait/command.js'
import { runLocal } from './cli/cli.js'
import { UsageError } from './cli/usage.js'
import { keepStdoutForAnswer, note } from './log/log.js'
import { openSession } from './action/session.js'

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

// Exit 2 for a mistake in the command line, 1 for a command that failed: the convention of
// command-line tools (GNU's "exit status 2 for usage errors"; node:util parseArgs' strict mode).
async function runOnDeveloperMachine(argv: string[]): Promise<void> {
  const print = keepStdoutForAnswer()
  try {
    await runLocal(argv, print)
  } catch (error) {
    if (error instanceof UsageError && error.usageOnly) error.message.split('\n').forEach(note)
    else note(`error: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = error instanceof UsageError ? 2 : 1
  }
}

// The runner starts the action with no arguments and GITHUB_ACTIONS=true ("Always set to true when
// GitHub Actions is running the workflow": https://docs.github.com/en/actions/reference/variables-reference).
// `node dist/index.js resolve-image` is a person (or a Makefile, even inside a CI job's shell step),
// and so is a bare `node dist/index.js` in a terminal: it gets the usage, not a workflow command.
if (process.argv.length <= 2 && process.env.GITHUB_ACTIONS === 'true') await runInActions()
else await runOnDeveloperMachine(process.argv.slice(2))
