// An ordinary repository and an ordinary PR that changes the image: the start-up case, where
// the time is the tool's own, not git's.
import { createPullRequestOrigin, REFS, type PullRequestOrigin } from './pull-request-origin.js'
import { BUILD_WORKFLOW, BUILD_WORKFLOW_PATH, DOCKERFILE } from './build-workflow.js'

const FILES = 2_000
const COMMITS_BEFORE_FORK = 300
const COMMITS_AFTER_FORK = 5

const path = (i: number) => `src/module-${i % 40}/file-${i}.ts`

export function createEverydayOrigin(dir: string): PullRequestOrigin {
  return createPullRequestOrigin(dir, (stream) => {
    const files = Array.from({ length: FILES }, (_, i) => [path(i), `export const value${i} = ${i}\n`] as const)
    let base = stream.commit({
      ref: REFS.base,
      message: 'initial',
      files: [...files, ['Dockerfile.ci', DOCKERFILE], [BUILD_WORKFLOW_PATH, BUILD_WORKFLOW]],
    })
    for (let i = 0; i < COMMITS_BEFORE_FORK; i++) {
      base = stream.commit({ ref: REFS.base, message: `change ${i}`, files: [[path(i * 7), `export const value = ${i}\n`]] })
    }
    const prChanges = [
      ['Dockerfile.ci', `${DOCKERFILE}RUN apt-get install -y jq\n`],
      ['src/module-1/new-feature.ts', 'export const feature = true\n'],
    ] as const
    const head = stream.commit({ ref: REFS.head, from: base, message: 'install jq in the CI image', files: prChanges })
    for (let i = 0; i < COMMITS_AFTER_FORK; i++) {
      base = stream.commit({ ref: REFS.base, message: `later change ${i}`, files: [[path(i * 11 + 3), `export const later = ${i}\n`]] })
    }
    const merge = stream.commit({ ref: REFS.merge, from: base, merge: head, message: 'Merge feature into main', files: prChanges })
    return { base, head, merge }
  })
}

/** The watched files this PR changes: the answer both ways must give. */
export const EVERYDAY_WATCHED_CHANGES = ['Dockerfile.ci']
