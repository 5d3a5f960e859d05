// The three workflows' steps through reuse, as the runner runs them: the bundled action, real git
// repositories (a PR that is pushed to again and again), the embedded GitHub, and a real
// distribution registry behind a counting proxy. The build workflow's docker steps are stand-ins
// (test/support/registry-push.ts): buildx cannot run here. Shared by test/bundle/reuse.test.ts
// and bench/reuse.ts.
import { chmodSync } from 'node:fs'
import { join } from 'node:path'
import { runAction, type ActionRun } from './action.js'
import { countingProxy } from './counting-proxy.js'
import { issueCommentEvent, pullRequestEvent, pullRequestObject, pushEvent, workflowDispatchEvent } from './events.js'
import { FakeComments } from './fake-comments.js'
import { serveCompare } from './fake-compare.js'
import { fakeDocker, withDockerOnPath, type FakeDocker } from './fake-docker.js'
import { FakeRuns } from './fake-runs.js'
import { serveCommitObjects, serveTrees } from './fake-trees.js'
import { recordGitCalls, type GitRecorder } from './git-recorder.js'
import { commit, git, publishPullRequest, tempDir, type PullRequestRepo } from './git.js'
import { FakeGitHub } from './github-server.js'
import { startRegistry, type RegistryService } from './registry-service.js'
import { copyImage, pushBuiltImage } from './registry-push.js'

const BUILD_WORKFLOW = `name: Build CI image
on:
  pull_request:
    paths: [Dockerfile.ci, docker/**, .github/workflows/build-ci-image.yml]
  push:
    branches: [main]
jobs: {}
`
const BUILD_WORKFLOW_FILE = 'build-ci-image.yml'
const TOKEN = 'ghs_reuseTokenNeverPrinted'
/** Who comments `/regen`: a collaborator with write access, the least `trusted-permission` admits by default. */
const REGEN_COMMENTER = 'dana'

export interface ReuseWorld {
  github: FakeGitHub
  runs: FakeRuns
  comments: FakeComments
  registry: RegistryService
  /** The image repository, reached through the counting proxy. */
  imageRepository: string
  /** Requests the action's steps sent to the registry (the build stand-ins bypass the proxy). */
  registryRequests: () => number
  /** The paths of those requests, in order. */
  registryPaths: () => string[]
  docker: FakeDocker
  /** Every git the action's steps started (the world's own git, which sets repositories up, is not on it). */
  git: GitRecorder
  /** Images the build workflow built (not copied). */
  builds: number
  stop(): Promise<void>
}

export async function startReuseWorld(): Promise<ReuseWorld> {
  const github = await new FakeGitHub().start()
  const runs = new FakeRuns(github)
  runs.addWorkflow(BUILD_WORKFLOW_FILE)
  github.collaborators.set(REGEN_COMMENTER, { permission: 'write', role_name: 'write' })
  const registry = await startRegistry()
  const proxy = await countingProxy(registry.url)
  return {
    github,
    runs,
    comments: new FakeComments(github),
    registry,
    imageRepository: `${proxy.host}/acme/app/ci`,
    registryRequests: () => proxy.paths.length,
    registryPaths: () => [...proxy.paths],
    // No buildx here: the action reads the registry over its HTTP API; `docker pull` is recorded.
    docker: fakeDocker(),
    git: recordGitCalls(),
    builds: 0,
    async stop() {
      await proxy.stop()
      await registry.stop()
      await github.stop()
    },
  }
}

/** A pull request into main whose branch gets pushed to, one commit per push. */
export class PullRequestBranch {
  readonly origin = tempDir('ci-image-origin-')
  repo!: PullRequestRepo
  /** The push before the last one: its merge commit is what `synchronize` payloads often still carry. */
  previous?: PullRequestRepo

  constructor(
    private readonly world: ReuseWorld,
    readonly number = 42,
    readonly fork = false,
  ) {
    git(this.origin, 'init', '-q', '-b', 'main')
    commit(this.origin, 'initial', {
      '.github/workflows/build-ci-image.yml': BUILD_WORKFLOW,
      'Dockerfile.ci': 'FROM node:24\n',
      'docker/setup.sh': 'echo setup\n',
      'src/app.ts': 'export {}\n',
    })
    git(this.origin, 'branch', 'feature')
    // GitHub serves any commit of the repository by SHA, also a merge commit its merge ref has left behind.
    git(this.origin, 'config', 'uploadpack.allowAnySHA1InWant', 'true')
    serveCompare(world.github, this.origin)
    serveTrees(world.github, this.origin)
    serveCommitObjects(world.github, this.origin)
    // For a job without a checkout, which reads the build workflow over the API.
    world.github.files.set('.github/workflows/build-ci-image.yml', BUILD_WORKFLOW)
  }

  /**
   * A push of `files` to the PR's branch (and of `executable`, existing files made executable:
   * `chmod +x`, the content unchanged); GitHub makes its merge commit.
   */
  push(files: Record<string, string>, executable: string[] = []): PullRequestRepo {
    git(this.origin, 'checkout', '-q', 'feature')
    for (const path of executable) chmodSync(join(this.origin, path), 0o755)
    commit(this.origin, `push ${[...Object.keys(files), ...executable].join(' ')}`, files)
    git(this.origin, 'checkout', '-q', 'main')
    this.previous = this.repo
    this.repo = publishPullRequest(this.origin, { baseRef: 'main', headRef: 'feature', prNumber: this.number })
    const changed = git(this.origin, 'diff', '--name-only', `${this.repo.baseSha}...${this.repo.headSha}`).split('\n').filter(Boolean)
    // `GET /pulls/{n}` as GitHub answers while it computes mergeability: merge_commit_sha and mergeable null.
    this.world.github.pulls.set(this.number, pullRequestObject({ ...this.facts(), changedFiles: changed.length }))
    this.world.github.pullFiles.set(
      this.number,
      changed.map((filename) => ({ filename })),
    )
    return this.repo
  }

  /** Merges the PR into main as GitHub's merge button does: main becomes the merge commit. */
  merge(): string {
    git(this.origin, 'update-ref', 'refs/heads/main', this.repo.mergeSha)
    git(this.origin, 'reset', '-q', '--hard')
    return this.repo.mergeSha
  }

  private facts() {
    return {
      number: this.number,
      baseRef: 'main',
      baseSha: this.repo.baseSha,
      headSha: this.repo.headSha,
      headRef: 'feature',
      fork: this.fork,
    }
  }

  /**
   * The event of the last push as GitHub sends it: `opened` for the first (merge_commit_sha null),
   * `synchronize` after that, still carrying the previous push's test merge (actions/checkout#518).
   */
  event(): Record<string, unknown> {
    if (!this.previous) return pullRequestEvent(this.facts(), 'opened')
    return pullRequestEvent(
      { ...this.facts(), previousHeadSha: this.previous.headSha, previousMergeSha: this.previous.mergeSha },
      'synchronize',
    )
  }
}

type Context =
  | {
      eventName: 'pull_request'
      pr: PullRequestBranch
      /** GITHUB_SHA, when GitHub made this run's merge commit from an earlier push (actions/checkout#237). */
      runSha?: string
      /** What the job checks out: GITHUB_SHA as actions/checkout does by default, or the PR's head. */
      checkout?: 'default' | 'head'
    }
  /** A `/regen` comment on the PR by someone with write access: the run is on the default branch. */
  | { eventName: 'issue_comment'; pr: PullRequestBranch }
  | { eventName: 'push' | 'workflow_dispatch'; origin: string; sha: string }

/** GITHUB_SHA ("Events that trigger workflows"): the merge commit of a PR event, the default branch's last commit on issue_comment. */
function runSha(context: Context): string {
  if (context.eventName === 'pull_request') return context.runSha ?? context.pr.repo.mergeSha
  if (context.eventName === 'issue_comment') return git(context.pr.origin, 'rev-parse', 'refs/heads/main')
  return context.sha
}

/**
 * A checkout as actions/checkout makes it: by default GITHUB_SHA, fetched on a PR event as
 * `+<GITHUB_SHA>:refs/remotes/pull/<N>/merge` (src/ref-helper.ts, getRefSpec), depth 1.
 */
function checkout(context: Context, none = false): string {
  if (none) return tempDir('ci-image-no-checkout-')
  const dir = tempDir('ci-image-checkout-')
  git(dir, 'init', '-q')
  const origin = context.eventName === 'pull_request' || context.eventName === 'issue_comment' ? context.pr.origin : context.origin
  const sha = context.eventName === 'pull_request' && context.checkout === 'head' ? context.pr.repo.headSha : runSha(context)
  const local = context.eventName === 'pull_request' ? `refs/remotes/pull/${context.pr.number}/merge` : 'refs/remotes/origin/main'
  git(dir, 'remote', 'add', 'origin', `file://${origin}`)
  git(dir, 'fetch', '-q', '--no-tags', '--depth=1', 'origin', `+${sha}:${local}`)
  git(dir, 'checkout', '-q', '--detach', local)
  return dir
}

function event(context: Context): Record<string, unknown> {
  switch (context.eventName) {
    case 'pull_request':
      return context.pr.event()
    case 'issue_comment':
      return issueCommentEvent({ number: context.pr.number, login: REGEN_COMMENTER, body: '/regen' })
    case 'push':
      return pushEvent({ ref: 'refs/heads/main', after: context.sha })
    case 'workflow_dispatch':
      return workflowDispatchEvent({ ref: 'refs/heads/main' })
  }
}

/** A step's run, with what reached GitHub, the registry and git while it ran (a job running meanwhile adds its own). */
export interface StepRun extends ActionRun {
  sent: { github: string[]; registry: string[]; git: string[][] }
}

/** One `uses: ./` step of a job of `workflow` (its file name: GITHUB_WORKFLOW_REF names it). */
export async function runStep(
  world: ReuseWorld,
  context: Context,
  workflow: string,
  workspace: string,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
): Promise<StepRun> {
  const ref = context.eventName === 'pull_request' ? `refs/pull/${context.pr.number}/merge` : 'refs/heads/main'
  const before = { github: world.github.requests.length, registry: world.registryRequests(), git: world.git.calls().length }
  const run = await runAction({
    inputs: { 'github-token': TOKEN, image: world.imageRepository, ...inputs },
    eventName: context.eventName,
    event: event(context),
    workspace,
    sha: runSha(context),
    ref,
    apiUrl: world.github.url,
    env: {
      PATH: `${world.git.dir}:${withDockerOnPath(world.docker).PATH}`,
      GITHUB_RUN_ID: '7001',
      GITHUB_WORKFLOW_REF: `${world.github.owner}/${world.github.repo}/.github/workflows/${workflow}@${ref}`,
      ...env,
    },
  })
  const sent = {
    github: world.github.requests.slice(before.github).map((request) => request.path),
    registry: world.registryPaths().slice(before.registry),
    git: world.git.calls().slice(before.git),
  }
  return { ...run, sent }
}

export interface BuildJob {
  resolve: StepRun
  /** What the job did with the image: built it, copied the reusable one, or nothing (no tags). */
  did: 'built' | 'copied' | 'nothing'
  comment?: StepRun
}

/** `resolution` as the shipped workflows pass it from the resolve step; nothing when a job resolves in each step. */
function passed(resolve: ActionRun, pass: boolean | undefined): Record<string, string> {
  return pass === false ? {} : { resolution: resolve.outputs.resolution ?? '' }
}

/**
 * The shipped build workflow's steps (.github/workflows/build-ci-image.yml): resolve-image; the
 * copy when `reusable-image` is set and no fresh build was asked for, else the build; comment-image
 * on a PR, given resolve-image's `resolution` (unless `resolution: false`). GitHub starts its run
 * for the commit (`headSha`) and ends it when the job ends.
 */
export async function buildWorkflow(
  world: ReuseWorld,
  context: Context,
  o: { reuse?: string; freshBuild?: boolean; beforePush?: Promise<void>; resolution?: boolean } = {},
): Promise<BuildJob> {
  const workspace = checkout(context)
  if (context.eventName === 'issue_comment') throw new Error('The build workflow does not run on issue_comment.')
  const headSha = context.eventName === 'pull_request' ? context.pr.repo.headSha : context.sha
  const run = world.runs.startRun({
    headSha,
    event: context.eventName,
    pullRequests: context.eventName === 'pull_request' ? [context.pr.number] : [],
    status: 'in_progress',
  })
  const inputs: Record<string, string> = o.reuse ? { reuse: o.reuse } : {}
  const resolve = await runStep(world, context, BUILD_WORKFLOW_FILE, workspace, { command: 'resolve-image', ...inputs })
  if (resolve.exitCode !== 0) throw new Error(`resolve-image failed:\n${resolve.stdout}`)
  const tags = resolve.outputs.tags!.split('\n').filter(Boolean)
  const reusable = resolve.outputs['reusable-image'] ?? ''
  let did: BuildJob['did'] = 'nothing'
  // The build takes minutes: the checks of the same push have resolved and started waiting by now.
  await o.beforePush
  if (tags.length > 0 && reusable !== '' && !o.freshBuild) {
    await copyImage(world.registry.url, reusable, tags)
    did = 'copied'
  } else if (tags.length > 0) {
    // build-push-action with `labels:` and `annotations:` both from resolve-image's `labels`.
    await pushBuiltImage(world.registry.url, tags, resolve.outputs.labels!.split('\n').filter(Boolean))
    world.builds++
    did = 'built'
  }
  world.runs.complete(run, 'success')
  if (context.eventName !== 'pull_request' || tags.length === 0) return { resolve, did }
  const comment = await runStep(
    world,
    context,
    BUILD_WORKFLOW_FILE,
    workspace,
    { command: 'comment-image', ...inputs, ...passed(resolve, o.resolution) },
    { GITHUB_RUN_ID: String(run.id) },
  )
  return { resolve, did, comment }
}

export interface CheckJob {
  resolve: StepRun
  wait: StepRun
}

/**
 * A check job's steps (.github/workflows/check-generate.yml, or regenerate-on-comment.yml on a
 * comment): resolve-image, then wait-for-build given its `resolution` (unless `resolution: false`).
 */
export async function checkJob(
  world: ReuseWorld,
  context: Context,
  o: { reuse?: string; pull?: boolean; withoutCheckout?: boolean; resolution?: boolean } = {},
): Promise<CheckJob> {
  const workspace = checkout(context, o.withoutCheckout)
  const workflow = context.eventName === 'issue_comment' ? 'regenerate-on-comment.yml' : 'check-generate.yml'
  const inputs: Record<string, string> = o.reuse ? { reuse: o.reuse } : {}
  const resolve = await runStep(world, context, workflow, workspace, { command: 'resolve-image', ...inputs })
  const wait = await runStep(world, context, workflow, workspace, {
    command: 'wait-for-build',
    'poll-interval': '1',
    timeout: '30',
    pull: String(o.pull ?? false),
    ...inputs,
    ...passed(resolve, o.resolution),
  })
  return { resolve, wait }
}

/**
 * Resolves once a request to a path matching `pattern` arrives after `since` (an index into the
 * recorded requests), or once `until` settles: a check that reuses an image never polls, and a
 * watch that outlived it would keep the process alive.
 */
async function requestArrives(github: FakeGitHub, pattern: RegExp, since: number, until: Promise<unknown>): Promise<void> {
  let settled = false
  const settle = () => void (settled = true)
  until.then(settle, settle)
  while (!settled && !github.requests.slice(since).some((request) => pattern.test(request.path))) {
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

export interface PushCycle {
  build: BuildJob
  check: CheckJob
}

/**
 * One push as GitHub runs it: the build workflow and a check job start together. The build pushes
 * its image only once the check has either returned (a reusable image) or started polling for the
 * build run, as it would during a build that takes minutes.
 */
export async function pushCycle(world: ReuseWorld, context: Context, o: { reuse?: string; pull?: boolean } = {}): Promise<PushCycle> {
  const since = world.github.requests.length
  const check = checkJob(world, context, o)
  const polled = requestArrives(world.github, /\/actions\/workflows\/[^/]+\/runs$/, since, check)
  const build = buildWorkflow(world, context, { reuse: o.reuse, beforePush: Promise.race([check.then(() => {}), polled]) })
  return { build: await build, check: await check }
}
