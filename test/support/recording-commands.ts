// Stand-ins for commands a Makefile runs (docker, npm): each records its argument list, exactly as
// the shell passed it, and succeeds. No Docker engine runs on CI machines.
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from './git.js'

interface RecordedCall {
  command: string
  args: string[]
}

export interface RecordingCommands {
  /** Put this first on PATH. */
  dir: string
  calls(): RecordedCall[]
}

/** One executable per name; calls are logged as `<argc> NUL <name> NUL <arg> NUL …`, so any argument survives. */
export function recordingCommands(...names: string[]): RecordingCommands {
  const dir = tempDir('ci-image-recorder-')
  const log = join(dir, 'calls.log')
  for (const name of names) {
    writeFileSync(join(dir, name), `#!/bin/sh\nprintf '%s\\0' "$#" '${name}' "$@" >> '${log}'\n`)
    chmodSync(join(dir, name), 0o755)
  }
  return {
    dir,
    calls: () => {
      if (!existsSync(log)) return []
      const fields = readFileSync(log, 'utf8').split('\0')
      const calls: RecordedCall[] = []
      for (let i = 0; i + 1 < fields.length;) {
        const argc = Number(fields[i])
        calls.push({ command: fields[i + 1]!, args: fields.slice(i + 2, i + 2 + argc) })
        i += 2 + argc
      }
      return calls
    },
  }
}
