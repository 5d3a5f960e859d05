// The image's inputs and their hash: the files of the build commit that the watch set matches,
// each as `<object id> <path>\n` (the path as raw bytes), sorted by path bytes, hashed with
// sha256. Anyone can recompute it from `git ls-tree -r -z` (docs/reuse.md shows how). Pure.
import { createHash } from 'node:crypto'
import type { PathMatcher } from './patterns.js'

export interface TreeEntry {
  /** `blob` (files and symlinks) or `commit` (a submodule's gitlink). */
  type: string
  /** The blob id, or the submodule's commit id for a gitlink. */
  id: string
  /** The path as git stores it: bytes, not necessarily UTF-8. */
  path: Uint8Array
}

const decoder = new TextDecoder()

/**
 * `git ls-tree -r -z` prints `<mode> SP <type> SP <object> TAB <file>` ended by NUL, the path
 * unquoted under -z (git-ls-tree docs, "OUTPUT FORMAT").
 */
export function parseLsTree(output: Uint8Array): TreeEntry[] {
  const entries: TreeEntry[] = []
  let at = 0
  while (at < output.length) {
    let end = output.indexOf(0, at)
    if (end === -1) end = output.length
    const record = output.subarray(at, end)
    at = end + 1
    const tab = record.indexOf(0x09)
    if (tab === -1) throw new Error(`git ls-tree printed a line without a tab: "${decoder.decode(record).slice(0, 80)}".`)
    const [, type, id] = decoder.decode(record.subarray(0, tab)).split(' ')
    if (!type || !id || !/^[0-9a-f]{40,64}$/.test(id))
      throw new Error(`git ls-tree printed an unreadable entry: "${decoder.decode(record.subarray(0, tab))}".`)
    entries.push({ type, id, path: record.subarray(tab + 1) })
  }
  return entries
}

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
    hash.update(`${entry.id} `)
    hash.update(entry.path)
    hash.update('\n')
  }
  return { hash: hash.digest('hex'), files: inputs.length }
}

/** The first 16 hex characters: what the reuse tags carry. */
export function shortInputsHash(hash: string): string {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`An inputs hash is 64 lower-case hexadecimal characters; got "${hash}".`)
  return hash.slice(0, 16)
}
