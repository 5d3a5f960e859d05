// The build workflow's `on` read by the bundle as GitHub reads it: GitHub's own parser
// (@actions/workflow-parser, actions/languageservices), on forms a hand-written reader got wrong.
// Each case is resolve-image run as the runner runs dist/index.js, on a full checkout (no API).
// The schema (workflow-parser/src/workflow-v1.0.json: `event-branches`, `event-paths`, the
// `*-activity-types` one-ofs) allows a string or a sequence for each filter and for `types`.
import { describe, expect, it } from 'vitest'
import { runAction } from '../support/action.js'
import { pullRequestEvent } from '../support/events.js'
import { checkoutMerge, makePullRequestRepo } from '../support/git.js'

const FILE = '.github/workflows/build-ci-image.yml'
const JOBS = "jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: 'true'\n"

/** resolve-image on a PR into `baseRef` that changes `changed`, the base branch holding `workflow`. */
async function resolve(workflow: string, o: { changed: string; baseRef?: string; action?: string }) {
  const repo = makePullRequestRepo({ baseRef: o.baseRef, baseFiles: { [FILE]: workflow }, prFiles: { [o.changed]: 'x\n' } })
  const event = pullRequestEvent({ baseRef: repo.baseRef, baseSha: repo.baseSha, headSha: repo.headSha }, o.action)
  return runAction({ inputs: { command: 'resolve-image' }, eventName: 'pull_request', event, workspace: checkoutMerge(repo, 0) })
}

describe('single-string filters and types, which GitHub accepts', () => {
  it('paths: Dockerfile.ci watches that one file', async () => {
    const workflow = `on:\n  pull_request:\n    paths: Dockerfile.ci\n${JOBS}`
    const changed = await resolve(workflow, { changed: 'Dockerfile.ci' })
    expect(changed.exitCode, changed.stdout).toBe(0)
    expect(changed.outputs).toMatchObject({ modified: 'true', tag: 'pr-42', 'changed-files': '["Dockerfile.ci"]' })
    const other = await resolve(workflow, { changed: 'src/app.ts' })
    expect(other.outputs).toMatchObject({ modified: 'false', tag: 'latest' })
  })

  it('branches: v2 builds for PRs into v2 only', async () => {
    const workflow = `on:\n  pull_request:\n    branches: v2\n${JOBS}`
    expect((await resolve(workflow, { changed: 'src/app.ts', baseRef: 'v2' })).outputs).toMatchObject({ modified: 'true', tag: 'pr-42' })
    const main = await resolve(workflow, { changed: 'src/app.ts', baseRef: 'main' })
    expect(main.exitCode, main.stdout).toBe(0)
    expect(main.outputs).toMatchObject({ modified: 'false', tag: 'latest' })
    expect(main.stdout).toContain('the base branch main does not match branches (v2)')
  })

  it('types: opened builds when the PR opens, not on a push to it', async () => {
    const workflow = `on:\n  pull_request:\n    types: opened\n${JOBS}`
    expect((await resolve(workflow, { changed: 'a.txt', action: 'opened' })).outputs).toMatchObject({ modified: 'true' })
    const pushed = await resolve(workflow, { changed: 'a.txt', action: 'synchronize' })
    expect(pushed.outputs).toMatchObject({ modified: 'false' })
    expect(pushed.stdout).toContain('its types (opened)')
  })
})

describe('white space as YAML reads it', () => {
  // U+00A0 is no YAML white space (YAML 1.2, s-white is space and tab): it stays in the value,
  // so `v2<NBSP>` ignores no branch named v2, whatever the other lines of the file are.
  it.each([
    ['alone', ''],
    ['beside an anchor', 'env: &env\n  A: "1"\n'],
  ])('a no-break space ends a branches-ignore value (%s): the PR into v2 still builds', async (_, extra) => {
    const workflow = `${extra}on:\n  pull_request:\n    branches-ignore: [v2\u00a0]\n${JOBS}`
    const run = await resolve(workflow, { changed: 'src/app.ts', baseRef: 'v2' })
    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.outputs).toMatchObject({ modified: 'true', tag: 'pr-42' })
  })

  it('a form feed after a value is refused, quoting GitHub’s parser and naming the file', async () => {
    const run = await resolve(`on:\n  pull_request:\n    branches: [v2]\f\n${JOBS}`, { changed: 'src/app.ts', baseRef: 'v2' })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(`::error::GitHub's workflow parser refuses ${FILE}`)
    expect(run.stdout).toContain('Unexpected scalar at node end at line 3')
  })

  it('a vertical tab starts a top-level key, not a branches filter: the PR into main builds', async () => {
    const run = await resolve(`on:\n  pull_request:\n\v    branches: [v2]\n${JOBS}`, { changed: 'src/app.ts', baseRef: 'main' })
    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.outputs).toMatchObject({ modified: 'true', tag: 'pr-42' })
  })

  it('a document indented as a whole is read, not "has no on"', async () => {
    const indented = `on:\n  pull_request:\n    paths: [Dockerfile.ci]\n${JOBS}`.replace(/^/gm, '  ')
    const changed = await resolve(indented, { changed: 'Dockerfile.ci' })
    expect(changed.exitCode, changed.stdout).toBe(0)
    expect(changed.outputs).toMatchObject({ modified: 'true', 'changed-files': '["Dockerfile.ci"]' })
    expect((await resolve(indented, { changed: 'src/app.ts' })).outputs).toMatchObject({ modified: 'false' })
  })
})
