// A repository with a long history: 20,000 commits on the base branch, each changing a line of
// one of 500 files, and a PR that branched off 20 commits before the base's tip.
import { createPullRequestOrigin, REFS, type PullRequestOrigin } from './pull-request-origin.js'
import { BUILD_WORKFLOW, BUILD_WORKFLOW_PATH, DOCKERFILE } from './build-workflow.js'

export const HISTORY_COMMITS = 20_000
export const COMMITS_AFTER_FORK = 20
const FILES = 500
const LINES = 20

const path = (file: number) => `src/pkg-${file % 20}/module-${file}.ts`

/** A file as of commit `version`: one line carries the version, the rest stay put, as in real edits. */
function content(file: number, version: number): string {
  const lines: string[] = []
  for (let line = 0; line < LINES; line++) {
    lines.push(
      line === version % LINES
        ? `export const edit${line} = ${version} // changed in commit ${version}`
        : `export const value${line} = ${file * LINES + line}`,
    )
  }
  return `${lines.join('\n')}\n`
}

const PR_CHANGES = [
  ['Dockerfile.ci', `${DOCKERFILE}RUN apt-get install -y jq\n`],
  ['src/pkg-0/uses-jq.ts', 'export const usesJq = true\n'],
] as const

export function createLongHistoryOrigin(dir: string): PullRequestOrigin {
  return createPullRequestOrigin(dir, (stream) => {
    const initial = Array.from({ length: FILES }, (_, f) => [path(f), content(f, -1)] as const)
    let base = stream.commit({
      ref: REFS.base,
      message: 'initial',
      files: [...initial, ['Dockerfile.ci', DOCKERFILE], [BUILD_WORKFLOW_PATH, BUILD_WORKFLOW]],
    })
    let head = base
    for (let i = 1; i < HISTORY_COMMITS; i++) {
      if (i === HISTORY_COMMITS - COMMITS_AFTER_FORK) {
        // The PR branches off here, in three commits.
        stream.commit({ ref: REFS.head, from: base, message: 'install jq in the CI image', files: [PR_CHANGES[0]] })
        stream.commit({ ref: REFS.head, message: 'use jq', files: [PR_CHANGES[1]] })
        head = stream.commit({ ref: REFS.head, message: 'review fixes', files: [PR_CHANGES[1]] })
      }
      const file = (i * 7919) % FILES
      base = stream.commit({ ref: REFS.base, message: `change ${i}`, files: [[path(file), content(file, i)]] })
    }
    const merge = stream.commit({ ref: REFS.merge, from: base, merge: head, message: 'Merge feature into main', files: PR_CHANGES })
    return { base, head, merge }
  })
}
