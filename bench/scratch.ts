// One temp directory per bench run; every repository, checkout and runner file lives under it,
// so one removal at the end cleans up everything, even after a failed measurement.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface Scratch {
  readonly root: string
  /** A fresh directory under the root; `name` is a readable prefix. */
  dir(name: string): string
  remove(): void
}

export function createScratch(): Scratch {
  const root = mkdtempSync(join(tmpdir(), 'ci-image-bench-'))
  let count = 0
  return {
    root,
    dir(name) {
      const path = join(root, `${String(++count).padStart(2, '0')}-${name}`)
      mkdirSync(path)
      return path
    },
    remove() {
      rmSync(root, { recursive: true, force: true })
    },
  }
}
