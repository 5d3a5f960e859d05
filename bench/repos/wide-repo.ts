// A monorepo-sized case: 100,000 files on the base branch, a PR (a generated-code refresh,
// say) changing 10,000 of them and no watched file.
import { createPullRequestOrigin, REFS, type PullRequestOrigin } from './pull-request-origin.js'
import { BUILD_WORKFLOW, BUILD_WORKFLOW_PATH, DOCKERFILE } from './build-workflow.js'

export const WIDE_FILES = 100_000
export const WIDE_CHANGED = 10_000

const path = (i: number) => `src/d${String(i % 100).padStart(3, '0')}/f${String(i).padStart(6, '0')}.txt`

/** The PR's changed paths, in git's order (sorted), as the API would list them. */
function wideChangedPaths(): string[] {
  const step = WIDE_FILES / WIDE_CHANGED
  return Array.from({ length: WIDE_CHANGED }, (_, i) => path(i * step)).sort()
}

export function createWideOrigin(dir: string): PullRequestOrigin {
  return createPullRequestOrigin(dir, (stream) => {
    function* baseFiles(): Generator<readonly [string, string]> {
      for (let i = 0; i < WIDE_FILES; i++) yield [path(i), `file ${i}\n`]
      yield ['Dockerfile.ci', DOCKERFILE]
      yield [BUILD_WORKFLOW_PATH, BUILD_WORKFLOW]
    }
    const changes = wideChangedPaths().map((p) => [p, `${p} regenerated\n`] as const)
    const base = stream.commit({ ref: REFS.base, message: 'import the monorepo', files: baseFiles() })
    const head = stream.commit({ ref: REFS.head, from: base, message: 'regenerate 10,000 files', files: changes })
    const merge = stream.commit({ ref: REFS.merge, from: base, merge: head, message: 'Merge feature into main', files: changes })
    return { base, head, merge }
  })
}
