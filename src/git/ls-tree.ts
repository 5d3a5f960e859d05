// A commit's tree as git lists it: the entries the inputs hash is computed from, whether git
// (`git ls-tree`) or the API (git/trees) listed them. Pure.
import { FULL_COMMIT_SHA } from './commit-sha.js'

export interface TreeEntry {
  /** The mode as git writes it: 100644, 100755 (executable), 120000 (symlink), 160000 (gitlink). */
  mode: string
  /** `blob` (files and symlinks) or `commit` (a submodule's gitlink). */
  type: string
  /** The blob id, or the submodule's commit id for a gitlink. */
  id: string
  /** The path as git stores it: bytes, not necessarily UTF-8. */
  path: Uint8Array
}

const decoder = new TextDecoder()

/** Six octal digits, as `git ls-tree` and the API's trees print a mode. */
export const TREE_MODE = /^[0-7]{6}$/

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
    const [mode, type, id] = decoder.decode(record.subarray(0, tab)).split(' ')
    if (!mode || !TREE_MODE.test(mode) || !type || !id || !FULL_COMMIT_SHA.test(id))
      throw new Error(`git ls-tree printed an unreadable entry: "${decoder.decode(record.subarray(0, tab))}".`)
    entries.push({ mode, type, id, path: record.subarray(tab + 1) })
  }
  return entries
}
