// The repository's own workflows use this action as its users will, and examples/ holds the sets
// users copy; these checks cover what actionlint cannot see: our action's inputs and outputs,
// pinning, least privilege, and untrusted values in scripts.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { COMMANDS } from '../../src/action/inputs.js'
import { choosePullRequestTag, reuseTag } from '../../src/resolution/tags.js'
import { commit, git, tempDir } from '../support/git.js'

const root = resolve(import.meta.dirname, '../..')
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as {
  inputs: Record<string, unknown>
  outputs: Record<string, unknown>
}
const dir = join(root, '.github', 'workflows')

interface Step {
  id?: string
  name?: string
  if?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
  env?: Record<string, string>
}
interface Job {
  if?: string
  needs?: string | string[]
  permissions?: Record<string, string>
  steps: Step[]
}
interface Workflow {
  on: Record<string, unknown>
  permissions?: Record<string, string>
  jobs: Record<string, Job>
}

function read(path: string, file: string) {
  const text = readFileSync(join(root, path, file), 'utf8')
  return { file: `${path}/${file}`, text, doc: parse(text) as Workflow }
}

const own = readdirSync(dir)
  .filter((f) => f.endsWith('.yml'))
  .map((file) => read('.github/workflows', file))
const exampleSets = readdirSync(join(root, 'examples'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
const examples = exampleSets.flatMap((set) =>
  readdirSync(join(root, 'examples', set))
    .filter((f) => f.endsWith('.yml'))
    .map((file) => read(`examples/${set}`, file)),
)
const workflows = [...own, ...examples]

/**
 * How a workflow names this action: `./` here; in what users copy, the place of the `uses:` line
 * each release's notes give (scripts/release-notes.mjs), which the README says where to find.
 */
const THIS_ACTION = new Set(['./', 'OWNER/REPO@SHA'])
const knownInputs = new Set(Object.keys(action.inputs))
const knownOutputs = new Set(Object.keys(action.outputs))

const steps = (w: Workflow) => Object.values(w.jobs).flatMap((job) => job.steps)
const ourSteps = (w: Workflow) => steps(w).filter((s) => s.uses !== undefined && THIS_ACTION.has(s.uses))
// Values an outsider controls: PR titles and bodies, branch and tag names, comments, commit messages.
const isAction = (step: Step, name: string) => step.uses?.startsWith(`${name}@`) === true
const isCommand = (step: Step, command: string) => step.uses !== undefined && THIS_ACTION.has(step.uses) && step.with?.command === command
// Steps that pull the CI image: wait-for-build (unless told not to) and `docker run`.
const pullsImage = (step: Step) =>
  (isCommand(step, 'wait-for-build') && ![false, 'false'].includes(step.with?.pull as string | boolean)) ||
  /\bdocker\s+(run|pull)\b/.test(step.run ?? '')

/**
 * Inputs the pinned artifact actions declare; actionlint checks a popular action's inputs only
 * when `uses:` names a tag it knows (rhysd/actionlint, rule_action.go: PopularActions[spec]), never
 * for a commit SHA. Read from each action's own action.yml at the pinned commit (upload-artifact
 * v7.0.0, download-artifact v8.0.1).
 */
const ARTIFACT_ACTION_INPUTS: Record<string, string[]> = {
  'actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f': [
    'name',
    'path',
    'if-no-files-found',
    'retention-days',
    'compression-level',
    'overwrite',
    'include-hidden-files',
    'archive',
  ],
  'actions/download-artifact@3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c': [
    'name',
    'artifact-ids',
    'path',
    'pattern',
    'merge-multiple',
    'github-token',
    'repository',
    'run-id',
    'skip-decompress',
    'digest-mismatch',
  ],
}
const UNTRUSTED =
  /\$\{\{[^}]*(github\.(head_ref|ref_name|ref)\b|github\.event\.(pull_request|issue|comment|review|head_commit|commits)|steps\.[^}]*outputs)[^}]*\}\}/

describe.each(workflows)('$file', ({ doc, text }) => {
  it('grants at most read at the top; a job that needs more asks for it', () => {
    const top = doc.permissions
    expect(top).toBeDefined()
    expect(Object.values(top!).filter((p) => p !== 'read')).toEqual([])
    if (Object.keys(top!).length === 0) for (const job of Object.values(doc.jobs)) expect(job.permissions).toBeDefined()
  })

  it('pins third-party actions to a full commit SHA with the version in a comment', () => {
    for (const step of steps(doc).filter((s) => s.uses && !THIS_ACTION.has(s.uses))) {
      expect(step.uses).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/)
      expect(text).toMatch(new RegExp(`${step.uses!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} # v\\d`))
    }
  })

  it('passes only known inputs to this action, with a valid command, and reads only its outputs', () => {
    for (const step of ourSteps(doc)) {
      expect(Object.keys(step.with ?? {}).filter((name) => !knownInputs.has(name))).toEqual([])
      expect(COMMANDS).toContain(step.with?.command)
    }
    const ids = new Set(ourSteps(doc).flatMap((step) => (step.id ? [step.id] : [])))
    const read = [...text.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)].filter(([, id]) => ids.has(id!)).map(([, , name]) => name!)
    expect(read.filter((name) => !knownOutputs.has(name))).toEqual([])
  })

  // One resolution per job (docs/how-it-decides.md): a later step resolving again costs the diff,
  // the workflow read, the inputs hash and a registry lookup once more.
  it("gives wait-for-build and comment-image the job's resolution, or a needed job's", () => {
    const resolutionOf = (job: Job) => {
      const resolve = job.steps.find((s) => isCommand(s, 'resolve-image'))
      return resolve && `\${{ steps.${resolve.id}.outputs.resolution }}`
    }
    for (const job of Object.values(doc.jobs)) {
      const needed = [job.needs ?? []].flat().filter((name) => {
        const resolution = resolutionOf(doc.jobs[name]!)
        const outputs = (doc.jobs[name] as { outputs?: Record<string, string> }).outputs
        return resolution !== undefined && outputs?.resolution === resolution
      })
      const given = [resolutionOf(job), ...needed.map((name) => `\${{ needs.${name}.outputs.resolution }}`)].filter((r) => r !== undefined)
      if (given.length === 0) continue
      for (const step of job.steps.filter((s) => isCommand(s, 'wait-for-build') || isCommand(s, 'comment-image'))) {
        expect(given).toContain(step.with?.resolution)
      }
    }
  })

  it('never expands an untrusted value inside a script', () => {
    for (const step of steps(doc).filter((s) => s.run)) expect(step.run).not.toMatch(UNTRUSTED)
  })

  // "If this check is required and it gets skipped, then the check's status is shown as pending [...]
  // you won't be able to merge the pull request": https://docs.github.com/en/repositories/configuring-branches-and-merges-in-your-repository/managing-protected-branches/troubleshooting-required-status-checks#handling-skipped-but-required-checks
  it('filters pull requests by path only in the build workflow, whose skipped run nothing requires', () => {
    const pullRequest = doc.on.pull_request as Record<string, unknown> | null | undefined
    if (!doc.jobs.build) expect(Object.keys(pullRequest ?? {}).filter((key) => key.startsWith('paths'))).toEqual([])
  })

  it('logs in to the registry before a step pulls the image (private registries)', () => {
    for (const job of Object.values(doc.jobs)) {
      const firstPull = job.steps.findIndex(pullsImage)
      if (firstPull === -1) continue
      const login = job.steps.findIndex((s) => isAction(s, 'docker/login-action') && s.with?.registry === 'ghcr.io')
      expect(login).toBeGreaterThanOrEqual(0)
      expect(login).toBeLessThan(firstPull)
    }
  })

  it('passes the pinned artifact actions only inputs they declare', () => {
    for (const step of steps(doc).filter((s) => s.uses && s.uses in ARTIFACT_ACTION_INPUTS)) {
      expect(Object.keys(step.with ?? {}).filter((name) => !ARTIFACT_ACTION_INPUTS[step.uses!]!.includes(name))).toEqual([])
    }
  })
})

describe('the workflows', () => {
  it('are the three of the system, the clean-up, the release and the tests', () => {
    expect(own.map((w) => w.file.split('/').pop()).sort()).toEqual([
      'build-ci-image.yml',
      'check-generate.yml',
      'clean-up-pr-images.yml',
      'regenerate-on-comment.yml',
      'release.yml',
      'test.yml',
    ])
  })

  it('the untrusted-value check catches a title or a tag name in a script', () => {
    expect('echo "${{ github.event.pull_request.title }}"').toMatch(UNTRUSTED)
    expect('echo "${{ github.head_ref }}"').toMatch(UNTRUSTED)
    expect('git push origin "${{ github.ref_name }}"').toMatch(UNTRUSTED)
    expect('echo "$TITLE"').not.toMatch(UNTRUSTED)
    expect('echo "${{ github.repository }}"').not.toMatch(UNTRUSTED)
  })

  it('the stale-dist check of check-generate fails on a changed and on a new untracked file under dist/', () => {
    const check = read('.github/workflows', 'check-generate.yml')
    const script = steps(check.doc).find((s) => s.name === 'Fail if dist/ differs from the committed one')!.run!
    const repo = tempDir('ci-image-stale-')
    git(repo, 'init', '-q')
    commit(repo, 'dist', { 'dist/index.js': 'built\n' })
    const run = () => spawnSync('bash', ['-e', '-c', script], { cwd: repo, encoding: 'utf8' })
    expect(run().status).toBe(0)
    mkdirSync(join(repo, 'dist', 'chunks'))
    writeFileSync(join(repo, 'dist', 'chunks', '1.js'), 'new\n')
    const untracked = run()
    expect(untracked.status).toBe(1)
    expect(untracked.stdout).toContain('?? dist/chunks/1.js')
    git(repo, 'add', '-A')
    git(repo, 'commit', '-q', '-m', 'chunk')
    writeFileSync(join(repo, 'dist', 'index.js'), 'changed\n')
    expect(run().status).toBe(1)
  })
})

describe('the clean-up', () => {
  /** The tag patterns its first step hands to ghcr-cleanup-action for PR `pr`, run as the runner runs it. */
  function deletedTags(pr: number): string[] {
    const { doc } = read('.github/workflows', 'clean-up-pr-images.yml')
    const step = steps(doc).find((s) => s.id === 'target')!
    const output = join(tempDir('ci-image-clean-up-'), 'output')
    writeFileSync(output, '')
    const run = spawnSync('bash', ['-e', '-c', step.run!], {
      env: { PATH: process.env.PATH, GITHUB_OUTPUT: output, REPOSITORY: 'App', PR: String(pr) },
      encoding: 'utf8',
    })
    expect(run.status, run.stderr).toBe(0)
    const line = readFileSync(output, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('tags='))!
    return line.slice('tags='.length).split(',')
  }

  /**
   * ghcr-cleanup-action's `delete-tags`: comma-separated wildcard patterns (src/image-filter.ts,
   * `wcmatch(deleteTags.split(','))`; wildcard-match's `*` is any run of characters but `/`).
   */
  const matcher = (patterns: string[]) => {
    const res = patterns.map(
      (p) =>
        new RegExp(
          `^${p
            .replace(/[.+^${}()|[\]\\]/g, '\\$&')
            .replaceAll('*', '[^/]*')
            .replaceAll('?', '[^/]')}$`,
        ),
    )
    return (tag: string) => res.some((re) => re.test(tag))
  }

  it("deletes every tag a PR's build pushes: pr-N, pr-N-sha-<7> and its reuse tags pr-N-inputs-<16 hex>", () => {
    const deleted = matcher(deletedTags(42))
    const built = choosePullRequestTag({
      prNumber: 42,
      headSha: '1a2b3c4'.padEnd(40, '0'),
      baseRef: 'main',
      modified: true,
      fork: false,
      branchTags: new Map([['main', 'latest']]),
    }).push
    const pushed = [...built, reuseTag(42, 'ab'.repeat(8)), reuseTag(42, '0123456789abcdef')]
    expect(pushed).toEqual(['pr-42', 'pr-42-sha-1a2b3c4', 'pr-42-inputs-abababababababab', 'pr-42-inputs-0123456789abcdef'])
    for (const tag of pushed) expect(deleted(tag), tag).toBe(true)
  })

  it("leaves every other tag: another PR's, the branches', and the repository's reuse tags a merge ships", () => {
    const deleted = matcher(deletedTags(42))
    for (const tag of ['pr-4', 'pr-421', 'pr-421-sha-1a2b3c4', 'pr-421-inputs-abababababababab', 'latest', 'v2', 'main-sha-1a2b3c4']) {
      expect(deleted(tag), tag).toBe(false)
    }
    expect(deleted(reuseTag(undefined, 'ab'.repeat(8))), 'inputs-<16 hex>').toBe(false)
  })
})

describe('the release workflow', () => {
  const release = read('.github/workflows', 'release.yml').doc

  it('runs on a pushed vX.Y.Z tag', () => {
    expect(release.on).toEqual({ push: { tags: ['v*.*.*'] } })
  })

  it('writes in one job, which runs none of the repository code', () => {
    const writers = Object.entries(release.jobs).filter(([, job]) => Object.values(job.permissions ?? {}).includes('write'))
    expect(writers.map(([name, job]) => [name, job.permissions])).toEqual([['release', { contents: 'write' }]])
    expect(release.jobs.release!.steps.filter((step) => step.uses !== undefined)).toEqual([])
  })

  it("writes the notes from the tag, the repository's name and the tagged commit, first; moves vX to that commit", () => {
    const check = release.jobs.check!.steps
    const notes = check.find((step) => step.id === 'notes')!
    expect(notes.env).toEqual({ TAG: '${{ github.ref_name }}', REPO: '${{ github.repository }}' })
    expect(notes.run).toContain('sha="$(git rev-parse HEAD)"')
    expect(notes.run).toContain('node scripts/release-notes.mjs "$TAG" "$REPO" "$sha" > "$RUNNER_TEMP/notes.md"')
    expect(check.indexOf(notes)).toBeLessThan(check.findIndex((step) => step.run === 'npm ci'))
    const move = release.jobs.release!.steps.find((step) => step.name === 'Move the major tag to this release')!
    expect(move.env?.SHA).toBe('${{ needs.check.outputs.sha }}')
  })

  it('tests the tagged commit, dist/ included, before anything is published', () => {
    expect(release.jobs.check!.steps.map((step) => step.run)).toEqual(expect.arrayContaining(['npm ci', 'npm run services -- npm test']))
    expect((release.jobs.release as { needs?: string }).needs).toBe('check')
  })
})

describe('the examples', () => {
  it('are the container-job and monorepo sets, each with a build, its checks and the clean-up', () => {
    expect(examples.map((w) => w.file).sort()).toEqual([
      'examples/container-job/build-ci-image.yml',
      'examples/container-job/check.yml',
      'examples/container-job/clean-up-pr-images.yml',
      'examples/monorepo/build-ci-image.yml',
      'examples/monorepo/check-generate.yml',
      'examples/monorepo/clean-up-pr-images.yml',
      'examples/monorepo/regenerate-on-comment.yml',
    ])
  })

  it('use the published action, never the local copy', () => {
    for (const { doc } of examples) for (const step of steps(doc)) expect(step.uses).not.toBe('./')
  })

  it('pin each action to the commit this repository runs, so one Dependabot bump updates both', () => {
    const pins = new Map(
      own.flatMap(({ doc }) => steps(doc).flatMap((s) => (s.uses?.includes('@') ? [s.uses.split('@') as [string, string]] : []))),
    )
    for (const { doc } of examples) {
      for (const step of steps(doc).filter((s) => s.uses && !THIS_ACTION.has(s.uses))) {
        const [name, sha] = step.uses!.split('@')
        if (pins.has(name!)) expect(`${name}@${sha}`).toBe(`${name}@${pins.get(name!)}`)
      }
    }
  })

  it.each(exampleSets)('%s: names the one job to make a required check, a job that runs on every PR and merge queue', (set) => {
    const files = examples.filter((w) => w.file.startsWith(`examples/${set}/`))
    const named = files.flatMap((w) => {
      const job = /Required check: make the `([\w-]+)` job required/.exec(w.text.replace(/\n# /g, ' '))?.[1]
      return job ? [{ w, job }] : []
    })
    expect(named.map(({ w, job }) => `${w.file}: ${job}`)).toHaveLength(1)
    const { w, job } = named[0]!
    expect(Object.keys(w.doc.jobs)).toContain(job)
    expect(w.doc.on).toEqual({ pull_request: null, merge_group: null })
    // The build workflow runs only when the image changes: it says not to require it.
    const build = files.find((f) => f.file.endsWith('/build-ci-image.yml'))!
    expect(build.text).toContain('# Required check: none here.')
  })

  it.each(exampleSets)('%s: the comment shows the command the checks run in the image (local-command)', (set) => {
    const files = examples.filter((w) => w.file.startsWith(`examples/${set}/`))
    const comment = files.flatMap((w) => steps(w.doc)).find((step) => isCommand(step, 'comment-image'))!
    const command = comment.with?.['local-command'] as string
    expect(command).toBeTruthy()
    const checks = files.filter((w) => /Required check: make/.test(w.text)).flatMap((w) => steps(w.doc).map((step) => step.run ?? ''))
    expect(checks.some((run) => run === command || run.endsWith(` ${command}`))).toBe(true)
  })

  it.each(exampleSets)("%s: the clean-up is this repository's, as it is", (set) => {
    expect(readFileSync(join(root, 'examples', set, 'clean-up-pr-images.yml'), 'utf8')).toBe(
      readFileSync(join(dir, 'clean-up-pr-images.yml'), 'utf8'),
    )
  })

  it('container-job: the check runs in the digest-pinned image the setup job awaited, pulled with the job token', () => {
    const { jobs } = read('examples/container-job', 'check.yml').doc as { jobs: Record<string, Job & Record<string, any>> }
    expect(jobs.setup!.steps.find((s) => s.with?.command === 'wait-for-build')?.with).toMatchObject({ pull: false })
    expect(jobs.setup!.outputs['pinned-image']).toContain('steps.wait.outputs.pinned-image')
    expect(jobs.check!.container).toEqual({
      image: '${{ needs.setup.outputs.pinned-image }}',
      credentials: { username: '${{ github.actor }}', password: '${{ secrets.GITHUB_TOKEN }}' },
    })
    expect(jobs.check!.permissions).toMatchObject({ packages: 'read' })
  })

  it('the checks run on merge queues too, and the builds pass on their labels and job status', () => {
    for (const file of ['examples/container-job/check.yml', 'examples/monorepo/check-generate.yml']) {
      expect(Object.keys(workflows.find((w) => w.file === file)!.doc.on)).toContain('merge_group')
    }
    const builds = workflows.filter((w) => w.file.endsWith('/build-ci-image.yml'))
    expect(builds.map((w) => w.file)).toContain('.github/workflows/build-ci-image.yml')
    for (const { doc } of builds) {
      // Labels and manifest annotations alike: registry reads take the proof from the manifest.
      expect(steps(doc).find((s) => s.uses?.startsWith('docker/build-push-action'))?.with).toMatchObject({
        labels: '${{ steps.image.outputs.labels }}',
        annotations: '${{ steps.image.outputs.labels }}',
      })
      const comment = steps(doc).find((s) => s.with?.command === 'comment-image') as Step & { if: string }
      expect(comment.if).toMatch(/^always\(\) && /)
      expect(comment.with?.['job-status']).toBe('${{ job.status }}')
    }
  })

  it('monorepo: gen.Dockerfile, main -> latest and v2 -> v2 in every workflow, make gen then no diff', () => {
    const set = examples.filter((w) => w.file.startsWith('examples/monorepo/'))
    for (const { doc } of set) {
      for (const step of ourSteps(doc)) expect(step.with).toMatchObject({ 'branch-tags': 'main=latest\nv2=v2\n', 'default-tag': 'latest' })
    }
    const build = set.find((w) => w.file.endsWith('/build-ci-image.yml'))!.doc
    expect((build.on.pull_request as { paths: string[] }).paths).toContain('gen.Dockerfile')
    expect(steps(build).find((s) => s.uses?.startsWith('docker/build-push-action'))?.with?.file).toBe('gen.Dockerfile')
    const check = set.find((w) => w.file.endsWith('/check-generate.yml'))!.doc.jobs.check!.steps
    expect(check.at(-2)?.run).toMatch(/ make gen$/)
    expect(check.at(-1)?.run).toContain('git status --porcelain --untracked-files=all')
  })
})

describe.each(workflows.filter((w) => w.file.endsWith('build-ci-image.yml')))('reuse in $file', ({ doc }) => {
  const job = Object.values(doc.jobs).find((j) => j.steps.some((s) => isAction(s, 'docker/build-push-action')))!
  const resolve = job.steps.find((s) => isCommand(s, 'resolve-image'))!
  const reuse = job.steps.find((s) => /docker buildx imagetools create/.test(s.run ?? ''))
  const build = job.steps.find((s) => isAction(s, 'docker/build-push-action'))!
  const dispatch = doc.on.workflow_dispatch as { inputs?: Record<string, { type?: string }> } | undefined

  it('copies the reusable image to the tags in the registry instead of building, its values through env', () => {
    expect(reuse?.if).toBe(`steps.${resolve.id}.outputs.reusable-image != '' && !inputs.fresh-build`)
    expect(reuse!.env).toEqual({
      REUSABLE_IMAGE: `\${{ steps.${resolve.id}.outputs.reusable-image }}`,
      TAGS: `\${{ steps.${resolve.id}.outputs.tags }}`,
    })
    expect(reuse!.run).not.toMatch(/docker (pull|build)\b/)
  })

  it('builds only when nothing is reusable, or when a dispatch asks for a fresh build', () => {
    expect(build.if).toBe(
      `steps.${resolve.id}.outputs.tags != '' && (steps.${resolve.id}.outputs.reusable-image == '' || inputs.fresh-build)`,
    )
    expect(dispatch?.inputs?.['fresh-build']?.type).toBe('boolean')
  })

  it('copies before the comment step announces the image', () => {
    const comment = job.steps.findIndex((s) => isCommand(s, 'comment-image'))
    expect(job.steps.indexOf(reuse!)).toBeLessThan(comment)
  })
})

describe('Dependabot', () => {
  const config = parse(readFileSync(join(root, '.github', 'dependabot.yml'), 'utf8')) as {
    updates: { 'package-ecosystem': string; schedule: { interval: string }; groups: Record<string, { patterns: string[] }> }[]
  }

  it('updates the actions and the npm packages weekly, one grouped PR each', () => {
    expect(config.updates.map((u) => u['package-ecosystem']).sort()).toEqual(['github-actions', 'npm'])
    for (const update of config.updates) {
      expect(update.schedule.interval).toBe('weekly')
      expect(Object.values(update.groups).map((group) => group.patterns)).toEqual([['*']])
    }
  })
})

// `/regen` builds a PR's code and pushes to its branch: the PR's code (install scripts included)
// must never run where a token can write, and what it produces reaches the branch only as dist/.
describe('regenerate-on-comment.yml', () => {
  const { doc } = workflows.find((w) => w.file === '.github/workflows/regenerate-on-comment.yml')!
  const jobs = Object.entries(doc.jobs)
  // A script runs the PR's code when it starts its build tools or its image (not when a message names them).
  const RUNS_PR_CODE = /(^|[;&|]\s*)\s*(docker\s+run|npm|npx|yarn|pnpm|make|node)\b/m
  const runsPrCode = (job: Job) => job.steps.some((s) => RUNS_PR_CODE.test(s.run ?? ''))
  const canWrite = (job: Job) => Object.values(job.permissions ?? {}).includes('write')
  const scripts = (job: Job) => job.steps.flatMap((s) => (s.run ? [s.run] : []))
  const builders = jobs.filter(([, job]) => runsPrCode(job))
  const writers = jobs.filter(([, job]) => canWrite(job))
  const [builderName, builder] = builders[0] ?? ['', { steps: [] }]
  const [, writer] = writers[0] ?? ['', { steps: [] }]

  it('answers only new comments, so that an edit cannot change what was asked', () => {
    expect(doc.on).toEqual({ issue_comment: { types: ['created'] } })
  })

  it('runs the PR code in one job, whose token can only read', () => {
    expect(builders).toHaveLength(1)
    expect(builder.permissions).toEqual({ contents: 'read', actions: 'read', packages: 'read', 'pull-requests': 'read' })
  })

  it('writes from one job, which runs nothing of the PR', () => {
    expect(writers).toHaveLength(1)
    expect(runsPrCode(writer)).toBe(false)
    expect(writer.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' })
    // In this job the workspace is the PR's checkout: `./` would be the PR's copy of the action.
    expect(writer.steps.filter((s) => s.uses?.startsWith('./'))).toEqual([])
  })

  it('leaves no credentials in any checkout', () => {
    const checkouts = steps(doc).filter((s) => isAction(s, 'actions/checkout'))
    expect(checkouts.length).toBeGreaterThan(0)
    for (const step of checkouts) expect(step.with?.['persist-credentials']).toBe(false)
  })

  it('checks the commenter before anything else runs', () => {
    const first = builder.steps.findIndex((s) => s.uses === './')
    expect(isCommand(builder.steps[first]!, 'resolve-image')).toBe(true)
    // Only the default branch's checkout, which `uses: ./` needs, comes before.
    for (const step of builder.steps.slice(0, first)) {
      expect(isAction(step, 'actions/checkout')).toBe(true)
      expect(step.with?.ref).toBeUndefined()
    }
  })

  it('builds and pushes exactly the commit the comment resolved', () => {
    const prCheckout = builder.steps.find((s) => isAction(s, 'actions/checkout') && s.with?.ref !== undefined)
    expect(prCheckout?.with?.ref).toMatch(/^\$\{\{ steps\.\w+\.outputs\.head-sha \}\}$/)
    const writerCheckout = writer.steps.find((s) => isAction(s, 'actions/checkout'))
    expect(writerCheckout?.with?.ref).toBe(`\${{ needs.${builderName}.outputs.head-sha }}`)
  })

  it('hands over dist/ alone, as plain files', () => {
    const uploads = builder.steps.filter((s) => isAction(s, 'actions/upload-artifact'))
    expect(uploads).toHaveLength(1)
    const upload = uploads[0]!
    expect(upload.with).toMatchObject({ path: 'pr/dist/', 'if-no-files-found': 'error' })
    expect(upload.with?.['include-hidden-files']).toBeUndefined()
    const refusesLinks = (step: Step) => /find .* ! -type f ! -type d/.test(step.run ?? '')
    expect(builder.steps.slice(0, builder.steps.indexOf(upload)).some(refusesLinks)).toBe(true)

    const download = writer.steps.find((s) => isAction(s, 'actions/download-artifact'))
    expect(download?.with?.name).toBe(upload.with?.name)
    expect(String(download?.with?.path)).toMatch(/^\$\{\{ runner\.temp \}\}\//)
    const commit = writer.steps.findIndex((s) => /\bcommit\b/.test(s.run ?? ''))
    expect(writer.steps.slice(0, commit).some(refusesLinks)).toBe(true)
  })

  it('commits only dist/, with hooks and fsmonitor off for every git command', () => {
    const commands = scripts(writer)
      .flatMap((script) => [...script.replace(/\\\n\s*/g, ' ').matchAll(/(?<![\w.$/-])git((?:\s+-c\s+\S+)*)\s+([a-z][a-z-]*)/g)])
      .map(([, options, command]) => ({ options: options!, command: command! }))
    expect(commands.map((c) => c.command)).toEqual(expect.arrayContaining(['add', 'commit', 'push']))
    for (const { options } of commands) {
      expect(options).toContain('-c core.hooksPath=/dev/null')
      expect(options).toContain('-c core.fsmonitor=false')
    }
    const script = scripts(writer).join('\n')
    expect(script).toMatch(/\sadd --all -- dist\n/)
    expect(script).toMatch(/\scommit [^\n]* -- dist\n/)
  })

  it('pushes without force, the token in no URL and no argument', () => {
    const script = scripts(writer).join('\n')
    expect(script).not.toMatch(/https?:\/\/[^\s"']*@/)
    expect(script).not.toMatch(/--force|\spush\s[^\n]*\s-f\b|:\+|"\+/)
    expect(script).toMatch(/\spush --quiet "\$remote" "HEAD:refs\/heads\/\$HEAD_REF"/)
    // The credential travels in git's environment, as an extra header for the server only.
    expect(script).toContain('GIT_CONFIG_KEY_0="http.$GITHUB_SERVER_URL/.extraheader"')
    expect(script).not.toMatch(/git\s[^\n]*\$\{?(TOKEN|auth)\b/)
  })

  it('pushes only for a trusted commenter, and replies on the PR whatever happened', () => {
    expect([writer.needs].flat()).toContain(builderName)
    // pr-number is set only once resolve-image has found the commenter trusted.
    expect(writer.if).toContain(`needs.${builderName}.outputs.pr-number != ''`)
    expect(writer.if).toContain('!cancelled()')
    const reply = writer.steps.at(-1)!
    expect(reply.if).toBe('always()')
    expect(reply.run).toMatch(/^gh pr comment "\$PR"/m)
    expect(reply.env?.GH_TOKEN).toBe('${{ github.token }}')
  })
})

// What a new user reads and copies: a short quick start, every snippet a piece of a workflow that
// `npm run lint:workflows` and the checks above cover, every page and example reachable.
describe('the documentation', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8')
  const docs = readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md'))
  const pages = ['README.md', 'CONTRIBUTING.md', 'SECURITY.md', 'examples/README.md', ...docs.map((f) => `docs/${f}`)]
  const linted = workflows.map((w) => w.text)

  it('quick start: from the top to the inputs table in at most 60 lines', () => {
    const lines = readme.split('\n')
    const inputs = lines.indexOf('## Inputs')
    expect(inputs).toBeGreaterThan(0)
    expect(inputs).toBeLessThanOrEqual(60)
    for (const command of COMMANDS) expect(lines.slice(0, inputs).join('\n')).toContain(`command: ${command}`)
  })

  it.each(pages)('%s: every YAML snippet is a piece of a linted workflow, as it is there', (page) => {
    const text = readFileSync(join(root, page), 'utf8')
    for (const [, snippet] of text.matchAll(/```ya?ml\n([\s\S]*?)```/g)) {
      expect(
        linted.some((workflow) => workflow.includes(snippet!)),
        snippet,
      ).toBe(true)
    }
  })

  it('links every docs page and every example set from the README', () => {
    for (const file of docs) expect(readme).toContain(`](docs/${file}`)
    for (const set of exampleSets) expect(readme).toContain(`](examples/${set})`)
  })

  it.each(pages)('%s: every relative link leads to a file of the repository', (page) => {
    const text = readFileSync(join(root, page), 'utf8')
    for (const [, target] of text.matchAll(/\]\((?!https?:|#)([^)#\s]+)/g)) {
      const path = join(dirname(page), target!)
      expect(existsSync(join(root, path)), `${page} → ${target}`).toBe(true)
    }
  })

  it('lists every input and output of action.yml', () => {
    for (const name of Object.keys(action.inputs)) expect(readme).toContain(`| \`${name}\` |`)
    for (const name of Object.keys(action.outputs)) expect(readme).toMatch(new RegExp(`\`${name}\``))
  })
})
