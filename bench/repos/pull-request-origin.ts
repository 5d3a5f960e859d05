// The "GitHub" side of a pull request: a bare repository with the base branch, the PR branch
// and GitHub's refs/pull/N/{head,merge}, served to checkouts over file:// so depth is honoured.
import { FastImportStream, fastImport, type Mark } from '../fast-import.js'
import { git } from '../process.js'

const PR_NUMBER = 42
const BASE_REF = 'main'

export interface PullRequestOrigin {
  path: string
  url: string
  number: number
  baseRef: string
  baseSha: string
  headSha: string
  /** GitHub's test merge of head into base: what actions/checkout checks out on a PR event. */
  mergeSha: string
}

export interface PullRequestMarks {
  base: Mark
  head: Mark
  merge: Mark
}

/** Refs the builders commit on. */
export const REFS = {
  base: `refs/heads/${BASE_REF}`,
  head: 'refs/heads/feature',
  merge: `refs/pull/${PR_NUMBER}/merge`,
}

/** `build` writes the history with fast-import and says which commits are base, head and merge. */
export function createPullRequestOrigin(dir: string, build: (stream: FastImportStream) => PullRequestMarks): PullRequestOrigin {
  git(dir, 'init', '-q', '--bare', '-b', BASE_REF)
  const stream = new FastImportStream()
  const marks = build(stream)
  stream.reset(`refs/pull/${PR_NUMBER}/head`, marks.head)
  const shas = fastImport(dir, stream)
  // The action fetches the PR head and base by SHA, as it does from GitHub.
  git(dir, 'config', 'uploadpack.allowReachableSHA1InWant', 'true')
  const sha = (mark: Mark) => shas.get(mark) ?? fail(`fast-import did not report ${mark}`)
  return {
    path: dir,
    url: `file://${dir}`,
    number: PR_NUMBER,
    baseRef: BASE_REF,
    baseSha: sha(marks.base),
    headSha: sha(marks.head),
    mergeSha: sha(marks.merge),
  }
}

function fail(message: string): never {
  throw new Error(message)
}
