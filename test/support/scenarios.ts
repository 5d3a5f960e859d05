// The scenarios a repository lives through (a regular PR; a PR that changes the image, then its
// merge; an untrusted /regen), played end to end: the bundled action run as the Actions runner
// runs it, real git repositories, and the embedded GitHub with a build run on a timeline.
// Shared by `npm run demo` (which prints the timeline) and test/bundle/e2e.test.ts (which asserts it).
import { runAction, type ActionRun, type RunActionOptions } from './action.js'
import { issueCommentEvent, pullRequestEvent, pullRequestObject, pushEvent } from './events.js'
import { FakeComments } from './fake-comments.js'
import { serveCompare } from './fake-compare.js'
import { asFakeImage } from './buildkit-image.js'
import { ciImage, type CiImageSpec } from './ci-images.js'
import { dockerWithBuiltImages, fakeDocker, type FakeDocker } from './fake-docker.js'
import { FakeRegistry } from './fake-registry.js'
import { FakeRuns } from './fake-runs.js'
import { checkoutMerge, makePullRequestRepo, type PullRequestRepo } from './git.js'
import { FakeGitHub } from './github-server.js'
import { jobLogReader, summaryText } from './job-log.js'

export type Say = (actor: string, text: string) => void

const BUILD_WORKFLOW = `name: Build CI image
on:
  pull_request:
    paths: [Dockerfile.ci, .github/workflows/build-ci-image.yml]
  push:
    branches: [main, v2]
jobs: {}
`
const TOKEN = 'ghs_demoTokenNeverPrinted'
const BUILD_WORKFLOW_REF = 'acme/app/.github/workflows/build-ci-image.yml@refs/pull/42/merge'

export interface World {
  github: FakeGitHub
  runs: FakeRuns
  comments: FakeComments
  /** The runner's docker, and through it the registry; each scenario sets what its build pushed. */
  docker: FakeDocker
  /**
   * With one, the image lives in this loopback registry instead of ghcr.io, holding v2's image
   * and what the PR's build pushes, with their SBOMs: comment-image compares them.
   */
  registry?: FakeRegistry
  say: Say
  stop(): Promise<void>
}

/** The images of scenario 2: v2's, and the PR's, which adds Python 3.13 (sizes of a real CI image, no bytes). */
const STABLE_IMAGE: CiImageSpec = { go: '1.22.5', scale: 60, layerBlobs: false }
const PR_IMAGE: CiImageSpec = { ...STABLE_IMAGE, apt: ['bash', 'ca-certificates', 'curl', 'git', 'make', 'python3-pip', 'python3.13'] }

export async function startWorld(say: Say = () => {}, o: { registry?: boolean } = {}): Promise<World> {
  const github = await new FakeGitHub().start()
  const runs = new FakeRuns(github)
  runs.addWorkflow('build-ci-image.yml')
  const comments = new FakeComments(github)
  const registry = o.registry ? await FakeRegistry.start({ auth: 'none' }) : undefined
  registry?.push('acme/app/ci', 'v2', asFakeImage(ciImage(STABLE_IMAGE)))
  const stop = async () => {
    await github.stop()
    await registry?.stop()
  }
  return { github, runs, comments, docker: fakeDocker(), registry, say, stop }
}

/** Outputs the story tells already (the PR, the reason in the log) or that only a build reads. */
const TOLD_ELSEWHERE = new Set(['reason', 'labels', 'pr-number', 'head-sha', 'base-ref'])

/**
 * One `uses: ./` step of a job: says what a person reads of it on GitHub, the log as the runner
 * shows it (support/job-log.ts), then the step's outputs and its job summary.
 */
async function step(world: World, job: string, o: Omit<RunActionOptions, 'apiUrl'>): Promise<ActionRun> {
  const actor = `${job} › ${o.inputs.command}`
  const readLog = jobLogReader()
  const run = await runAction({
    ...o,
    inputs: { 'github-token': TOKEN, ...o.inputs },
    apiUrl: world.github.url,
    env: { PATH: `${world.docker.dir}:${process.env.PATH ?? ''}`, GITHUB_RUN_ID: '7001', ...(o.env ?? {}) },
    onLine: (line) => {
      const shown = readLog(line)
      if (shown !== undefined) world.say(actor, shown)
    },
  })
  world.say(actor, run.exitCode === 0 ? '✓ done' : `✗ failed (exit ${run.exitCode})`)
  const outputs = Object.entries(run.outputs).filter(([name, value]) => value !== '' && !TOLD_ELSEWHERE.has(name))
  if (outputs.length > 0)
    world.say(actor, `  outputs: ${outputs.map(([name, value]) => `${name}=${value.replaceAll('\n', ', ')}`).join('  ')}`)
  for (const line of summaryText(run.summary)) world.say(actor, `  summary │ ${line}`)
  return run
}

/** Registers the PR on the embedded GitHub; `checkout()` gives each job its own default checkout. */
function pullRequest(world: World, repo: PullRequestRepo, files: string[]) {
  const pr = {
    number: repo.prNumber,
    baseRef: repo.baseRef,
    baseSha: repo.baseSha,
    headSha: repo.headSha,
    headRef: 'update-python',
    changedFiles: files.length,
  }
  world.github.pulls.set(repo.prNumber, pullRequestObject(pr))
  world.github.pullFiles.set(
    repo.prNumber,
    files.map((filename) => ({ filename })),
  )
  // A default checkout lacks the PR's fork point: resolve-image asks GitHub for it.
  serveCompare(world.github, repo.origin)
  // GitHub's own `opened` payload: merge_commit_sha null. The run's merge commit is GITHUB_SHA.
  const run = {
    eventName: 'pull_request',
    event: pullRequestEvent(pr, 'opened'),
    sha: repo.mergeSha,
    ref: `refs/pull/${repo.prNumber}/merge`,
  }
  return { run, checkout: () => checkoutMerge(repo, 1) }
}

export interface RegularResult {
  resolve: ActionRun
}

/** Scenario 1: a PR that leaves the image alone uses the base branch's image at once. */
export async function regularPullRequest(world: World): Promise<RegularResult> {
  world.say('GitHub', 'PR #41 opened against v2: changes src/app.ts only')
  const repo = makePullRequestRepo({
    baseRef: 'v2',
    prNumber: 41,
    baseFiles: { '.github/workflows/build-ci-image.yml': BUILD_WORKFLOW, 'Dockerfile.ci': 'FROM node:24\n' },
    prFiles: { 'src/app.ts': 'export {}\n' },
  })
  const pr = pullRequest(world, repo, ['src/app.ts'])
  const resolve = await step(world, 'check-generate', { inputs: { command: 'resolve-image' }, ...pr.run, workspace: pr.checkout() })
  return { resolve }
}

export type BuildOutcome = 'success' | 'failure' | 'never'

export interface ImagePullRequestResult {
  check: { resolve: ActionRun; wait: ActionRun }
  build: { resolve: ActionRun; comment?: ActionRun }
  commentBody?: string
}

/**
 * Scenario 2: a PR that changes Dockerfile.ci. The build workflow's run appears, is queued, runs
 * and ends `outcome`; meanwhile check-generate resolves pr-N and waits for that run.
 */
export async function imageChangingPullRequest(
  world: World,
  outcome: BuildOutcome = 'success',
  o: { timeoutSeconds?: number } = {},
): Promise<ImagePullRequestResult> {
  world.say('GitHub', 'PR #42 opened against v2: changes Dockerfile.ci (Python 3.13)')
  const repo = makePullRequestRepo({
    baseRef: 'v2',
    prNumber: 42,
    baseFiles: { '.github/workflows/build-ci-image.yml': BUILD_WORKFLOW, 'Dockerfile.ci': 'FROM node:24\n' },
    prFiles: { 'Dockerfile.ci': 'FROM node:24\nRUN apt-get install -y python3.13\n' },
  })
  const pr = pullRequest(world, repo, ['Dockerfile.ci'])
  const { runs, say, registry } = world
  // The registry, through the runner's docker: a successful build pushed the commit's own tag,
  // labelled with the commit it was built from; there is no image of the PR's inputs to reuse yet.
  const commitTag = `pr-42-sha-${repo.headSha.slice(0, 7)}`
  const image = registry ? `${registry.host}/acme/app/ci` : 'ghcr.io/acme/app/ci'
  const inputs: Record<string, string> = registry ? { image } : {}
  const built = asFakeImage(ciImage({ ...PR_IMAGE, labels: { 'org.opencontainers.image.revision': repo.headSha } }))
  if (outcome !== 'success') world.docker = fakeDocker({ imagetools: { images: {} } })
  else if (!registry) world.docker = dockerWithBuiltImages({ [`${image}:${commitTag}`]: repo.headSha })
  else world.docker = fakeDocker({ imagetools: { images: { [`${image}:${commitTag}`]: built } } })
  let finished!: () => void
  const buildDone = new Promise<void>((resolve) => (finished = resolve))
  if (outcome === 'never') {
    finished()
  } else {
    // The build workflow's run, as GitHub moves it along while the image builds (real time).
    const at = (ms: number, apply: () => void) => setTimeout(apply, ms)
    let run: ReturnType<FakeRuns['startRun']> | undefined
    at(800, () => {
      run = runs.startRun({ headSha: repo.headSha, headBranch: 'update-python' })
      say('GitHub', `build-ci-image run ${run.id} queued for ${repo.headSha.slice(0, 7)}`)
    })
    at(1800, () => {
      runs.set(run!, 'in_progress')
      say('GitHub', `build-ci-image run ${run!.id} in progress: docker build -f Dockerfile.ci`)
    })
    at(3800, () => {
      runs.complete(run!, outcome)
      if (outcome === 'success') for (const tag of ['pr-42', commitTag]) registry?.push('acme/app/ci', tag, built)
      say(
        'GitHub',
        `build-ci-image run ${run!.id} completed: ${outcome}${outcome === 'success' ? `, pushed ${image}:pr-42 and :${commitTag}` : ''}`,
      )
      finished()
    })
  }

  const buildJob = (async () => {
    const workspace = pr.checkout()
    const resolve = await step(world, 'build-ci-image', { inputs: { command: 'resolve-image', ...inputs }, ...pr.run, workspace })
    await buildDone
    if (outcome === 'never') return { resolve }
    // The comment step runs inside the build run itself (`if: always()`, `job-status: ${{ job.status }}`),
    // so GITHUB_RUN_ID is that run.
    const env = { GITHUB_RUN_ID: String(runs.runs.at(-1)!.id), GITHUB_WORKFLOW_REF: BUILD_WORKFLOW_REF }
    const comment = await step(world, 'build-ci-image', {
      inputs: {
        command: 'comment-image',
        'job-status': outcome,
        resolution: resolve.outputs.resolution ?? '',
        ...inputs,
        ...(registry ? { diff: 'true' } : {}),
      },
      ...pr.run,
      workspace,
      env,
    })
    return { resolve, comment }
  })()

  const checkJob = (async () => {
    const workspace = pr.checkout()
    const resolve = await step(world, 'check-generate', { inputs: { command: 'resolve-image', ...inputs }, ...pr.run, workspace })
    const wait = await step(world, 'check-generate', {
      inputs: {
        command: 'wait-for-build',
        'poll-interval': '1',
        timeout: String(o.timeoutSeconds ?? 60),
        resolution: resolve.outputs.resolution ?? '',
        ...inputs,
      },
      ...pr.run,
      workspace,
    })
    return { resolve, wait }
  })()

  const [build, check] = await Promise.all([buildJob, checkJob])
  const commentBody = world.comments.on(42)[0]?.body
  return { build, check, commentBody }
}

export interface PushResult {
  resolve: ActionRun
}

/** Scenario 3: a merge to v2 builds v2 and v2-sha-<7>. */
export async function pushToV2(world: World): Promise<PushResult> {
  const sha = '3f9c2a1e8b7d6c5f4a3b2c1d0e9f8a7b6c5d4e3f'
  world.say('GitHub', `push to v2 (${sha.slice(0, 7)}): PR #42 merged`)
  const resolve = await step(world, 'build-ci-image', {
    inputs: { command: 'resolve-image' },
    eventName: 'push',
    event: pushEvent({ ref: 'refs/heads/v2', after: sha }),
    ref: 'refs/heads/v2',
    sha,
  })
  return { resolve }
}

/** A `/regen` comment from someone with read access only (an organisation MEMBER, by its label). */
export async function untrustedRegen(world: World): Promise<{ resolve: ActionRun; requests: string[] }> {
  world.say('GitHub', '@mallory (MEMBER, read access) comments "/regen" on PR #42')
  world.github.collaborators.set('mallory', { permission: 'read', role_name: 'read' })
  const before = world.github.requests.length
  const resolve = await step(world, 'regenerate-on-comment', {
    inputs: { command: 'resolve-image' },
    eventName: 'issue_comment',
    event: issueCommentEvent({ number: 42, association: 'MEMBER', login: 'mallory', body: '/regen' }),
  })
  return { resolve, requests: world.github.requests.slice(before).map((r) => r.path) }
}
