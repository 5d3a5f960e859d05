// Files as they are at given commits, read from the checkout's object store: one `git cat-file
// --batch` for all of them, so reading two copies of a workflow costs one process.
import type { Git } from './git.js'

/** A file at a commit: its text, `null` when the commit has no such file, `undefined` when the checkout lacks the commit. */
export type FileAtCommit = string | null | undefined

/**
 * `git cat-file --batch` answers each object name with `<oid> <type> <size>\n<content>\n`, or
 * `<name> missing\n` (git-cat-file docs, "BATCH OUTPUT"). The commit is asked first, so a
 * missing file and a missing commit can be told apart.
 */
export async function readFilesAt(git: Git, path: string, commits: readonly string[]): Promise<FileAtCommit[]> {
  if (commits.length === 0) return []
  const names = commits.flatMap((commit) => [`${commit}^{commit}`, `${commit}:${path}`])
  const result = await git(['cat-file', '--batch'], { input: names.map((name) => `${name}\n`).join('') })
  if (result.exitCode !== 0 || !result.stdoutBytes) return commits.map(() => undefined)
  const out = result.stdoutBytes
  const answers: (Buffer | null)[] = []
  let at = 0
  for (let i = 0; i < names.length; i++) {
    const end = out.indexOf(0x0a, at)
    if (end === -1) return commits.map(() => undefined)
    const header = out.subarray(at, end).toString('utf8')
    at = end + 1
    const size = / (?:blob|commit|tree|tag) (\d+)$/.exec(header)?.[1]
    if (size === undefined) {
      answers.push(null)
      continue
    }
    answers.push(out.subarray(at, at + Number(size)))
    at += Number(size) + 1
  }
  return commits.map((_, i) => {
    if (answers[2 * i] === null) return undefined
    const file = answers[2 * i + 1]
    return file ? file.toString('utf8') : null
  })
}
