// The image's inputs and their hash: the files of the build commit that the watch set matches,
// each as `<mode> <object id> <path>\n` (the mode as git writes it, so a `chmod +x` is a change;
// the path as raw bytes), sorted by path bytes, hashed with sha256. Anyone can recompute it from
// `git ls-tree -r -z` (docs/reuse.md shows how). Pure.
import { createHash } from 'node:crypto'
import type { TreeEntry } from '../git/ls-tree.js'
import type { PathMatcher } from '../watch/patterns.js'

const decoder = new TextDecoder()

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length)
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!
  return a.length - b.length
}

export interface InputsHash {
  /** sha256 of the input lines, lower-case hex. */
  hash: string
  /** How many files are inputs. */
  files: number
}

/** The hash of the entries `isInput` matches (their paths read as UTF-8 for the patterns). */
export function hashInputs(entries: readonly TreeEntry[], isInput: PathMatcher): InputsHash {
  const inputs = entries
    .filter((entry) => entry.type === 'blob' || entry.type === 'commit')
    .filter((entry) => isInput(decoder.decode(entry.path)))
    .sort((a, b) => compareBytes(a.path, b.path))
  const hash = createHash('sha256')
  for (const entry of inputs) {
    hash.update(`${entry.mode} ${entry.id} `)
    hash.update(entry.path)
    hash.update('\n')
  }
  return { hash: hash.digest('hex'), files: inputs.length }
}

/** Whether `hash` has the form of an inputs hash: sha256 in 64 lower-case hexadecimal characters. */
export function isInputsHash(hash: string): boolean {
  return /^[0-9a-f]{64}$/.test(hash)
}

/** The first 16 hex characters: what the reuse tags carry. */
export function shortInputsHash(hash: string): string {
  if (!isInputsHash(hash)) throw new Error(`An inputs hash is 64 lower-case hexadecimal characters; got "${hash}".`)
  return hash.slice(0, 16)
}
