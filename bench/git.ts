// git for building the repositories the benchmarks measure (not itself measured).
import { execFileSync } from 'node:child_process'
import { readdirSync, lstatSync } from 'node:fs'
import { join } from 'node:path'
import { childEnv } from './child-env.js'

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    env: childEnv(),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  }).trim()
}

/** Bytes of every file under `dir` (apparent size, as `du -sb` counts it). */
export function directoryBytes(dir: string): number {
  let total = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    total += entry.isDirectory() ? directoryBytes(path) : lstatSync(path).size
  }
  return total
}
