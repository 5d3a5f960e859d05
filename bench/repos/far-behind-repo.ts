// A PR far behind its base: 5,000 commits of history over 500 files; the PR branches off, the
// base moves on `behind` commits; the PR has 300 commits, among them a merge of the base (10
// commits after the fork point, which becomes the merge base), and changes Dockerfile.ci.
import { BUILD_WORKFLOW, BUILD_WORKFLOW_PATH, DOCKERFILE } from './build-workflow.js'
import type { FastImportStream, Mark } from '../fast-import.js'
import { createPullRequestOrigin, REFS, type PullRequestOrigin } from './pull-request-origin.js'

export const HISTORY_COMMITS = 5_000
export const PR_COMMITS = 300
/** Base commits between the fork point and the base commit the PR merges in. */
const MERGED_BASE_COMMITS = 10
const FILES = 500
const LINES = 20
const PR_FILES = 20

const basePath = (file: number) => `src/pkg-${file % 20}/module-${file}.ts`
const prPath = (file: number) => `src/feature/part-${file}.ts`

/** A base file as of base commit `version`: one line carries the version, as in real edits. */
function baseContent(file: number, version: number): string {
  const lines: string[] = []
  for (let line = 0; line < LINES; line++) {
    lines.push(line === version % LINES ? `export const edit${line} = ${version}` : `export const value${line} = ${file * LINES + line}`)
  }
  return `${lines.join('\n')}\n`
}

const PR_DOCKERFILE = `${DOCKERFILE}RUN apt-get install -y jq\n`

export function createFarBehindOrigin(dir: string, behind: number): PullRequestOrigin {
  if (behind <= MERGED_BASE_COMMITS) throw new Error(`behind must exceed ${MERGED_BASE_COMMITS}`)
  return createPullRequestOrigin(dir, (stream: FastImportStream) => {
    const initial = Array.from({ length: FILES }, (_, f) => [basePath(f), baseContent(f, -1)] as const)
    let base: Mark = stream.commit({
      ref: REFS.base,
      message: 'initial',
      files: [...initial, ['Dockerfile.ci', DOCKERFILE], [BUILD_WORKFLOW_PATH, BUILD_WORKFLOW]],
    })
    let baseCommit = 0
    const baseStep = (): [string, string] => {
      baseCommit++
      const file = (baseCommit * 7919) % FILES
      return [basePath(file), baseContent(file, baseCommit)]
    }
    for (let i = 1; i < HISTORY_COMMITS; i++) base = stream.commit({ ref: REFS.base, message: `change ${i}`, files: [baseStep()] })

    // The fork point; the base's first commits after it, which the PR later merges in.
    stream.commit({
      ref: REFS.head,
      from: base,
      message: 'install jq in the CI image',
      files: [['Dockerfile.ci', PR_DOCKERFILE]],
    })
    const mergedIn = new Map<string, string>()
    for (let i = 0; i < MERGED_BASE_COMMITS; i++) {
      const change = baseStep()
      mergedIn.set(change[0], change[1])
      base = stream.commit({ ref: REFS.base, message: `change after the fork ${i}`, files: [change] })
    }
    const prFiles = new Map<string, string>([['Dockerfile.ci', PR_DOCKERFILE]])
    const prStep = (i: number): [string, string] => {
      const change: [string, string] = [prPath(i % PR_FILES), `export const part = ${i}\n`]
      prFiles.set(change[0], change[1])
      return change
    }
    // 300 commits: the first, 149 before the merge of the base, the merge, 149 after.
    for (let i = 1; i < 150; i++) stream.commit({ ref: REFS.head, message: `feature ${i}`, files: [prStep(i)] })
    // A merge commit's tree is its first parent's plus the files listed: the base's changes.
    stream.commit({ ref: REFS.head, merge: base, message: `Merge branch 'main' into feature`, files: [...mergedIn] })
    for (let i = 151; i < PR_COMMITS - 1; i++) stream.commit({ ref: REFS.head, message: `feature ${i}`, files: [prStep(i)] })
    const head = stream.commit({ ref: REFS.head, message: `feature ${PR_COMMITS - 1}`, files: [prStep(PR_COMMITS - 1)] })

    for (let i = MERGED_BASE_COMMITS; i < behind; i++)
      base = stream.commit({ ref: REFS.base, message: `change after the fork ${i}`, files: [baseStep()] })
    // GitHub's test merge: the base's tip plus the PR's files (the base never touches them).
    const merge = stream.commit({ ref: REFS.merge, from: base, merge: head, message: 'Merge feature into main', files: [...prFiles] })
    return { base, head, merge }
  })
}

/** How many files the PR's three-dot diff lists: its own and Dockerfile.ci. */
export const PR_CHANGED_FILES = PR_FILES + 1
