// A `git` first on PATH that writes down the arguments of every call, then runs the real git:
// what a process listing (or an audit log of process creation) would show of each git the action
// starts. The environment is not recorded: it is not on the command line.
import { execFileSync } from 'node:child_process'
import { chmodSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from './git.js'

export interface GitRecorder {
  /** Put this first on PATH. */
  dir: string
  /** Each call's arguments, in order. */
  calls(): string[][]
  /** The log as written, for searching it as bytes. */
  raw(): string
}

export function recordGitCalls(): GitRecorder {
  const dir = tempDir('ci-image-git-recorder-')
  const log = join(dir, 'calls.log')
  writeFileSync(log, '')
  const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim()
  // Each argument ends with NUL, each call with the record separator (octal 036).
  const script = `#!/bin/sh\nfor a in "$@"; do printf '%s\\000' "$a"; done >> '${log}'\nprintf '\\036' >> '${log}'\nexec '${realGit}' "$@"\n`
  writeFileSync(join(dir, 'git'), script)
  chmodSync(join(dir, 'git'), 0o755)
  return {
    dir,
    raw: () => readFileSync(log, 'utf8'),
    calls: () =>
      readFileSync(log, 'utf8')
        .split('\x1e')
        .filter((call) => call !== '')
        .map((call) => call.split('\0').slice(0, -1)),
  }
}
