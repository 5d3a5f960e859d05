// The three workflows' steps through reuse, as the runner runs them: the bundled action, real git
// repositories (a PR that is pushed to again and again), the embedded GitHub, and a real
// distribution registry behind a counting proxy. The build workflow's docker steps are stand-ins
// (test/support/registry-push.ts): buildx cannot run here. Shared by test/bundle/reuse.test.ts
// and bench/reuse.ts.
import { runAction, type ActionRun } from './action.js'
import { countingProxy } from './counting-proxy.js'
import { pullRequestEvent, pullRequestObject, pushEvent, workflowDispatchEvent } from './events.js'
import { FakeComments } from './fake-comments.js'
import { serveCompare } from './fake-compare.js'
import { fakeDocker, withDockerOnPath, type FakeDocker } from './fake-docker.js'
import { FakeRuns } from './fake-runs.js'
import { serveTrees } from './fake-trees.js'
import { checkoutMerge, commit, git, publishPullRequest, tempDir, type PullRequestRepo } from './git.js'
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
const TOKEN = 'ghs_reuseTokenNeverPrinted'

export interface ReuseWorld {
  github: FakeGitHub
  runs: FakeRuns
  comments: FakeComments
  registry: RegistryService
  /** The image repository, reached through the counting proxy. */
  imageRepository: string
  /** Requests the action's steps sent to the registry (the build stand-ins bypass the proxy). */
  registryRequests: () => number
  docker: FakeDocker
  /** Images the build workflow built (not copied). */
  builds: number
  stop(): Promise<void>
}

export async function startReuseWorld(): Promise<ReuseWorld> {
  const github = await new FakeGitHub().start()
  const runs = new FakeRuns(github)
  runs.addWorkflow('build-ci-image.yml')
  const registry = await startRegistry()
  const proxy = await countingProxy(registry.url)
  return {
    github,
    runs,
    comments: new FakeComments(github),
    registry,
    imageRepository: `${proxy.host}/acme/app/ci`,
    registryRequests: () => proxy.paths.length,
    // No buildx here: the action reads the registry over its HTTP API; `docker pull` is recorded.
    docker: fakeDocker(),
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
    git(this.origin, 'config', 'uploadpack.allowReachableSHA1InWant', 'true')
    serveCompare(world.github, this.origin)
    serveTrees(world.github, this.origin)
    // For a job without a checkout, which reads the build workflow over the API.
    world.github.files.set('.github/workflows/build-ci-image.yml', BUILD_WORKFLOW)
  }

  /** A push of `files` to the PR's branch; GitHub makes its merge commit. */
  push(files: Record<string, string>): PullRequestRepo {
    git(this.origin, 'checkout', '-q', 'feature')
    commit(this.origin, `push ${Object.keys(files).join(' ')}`, files)
    git(this.origin, 'checkout', '-q', 'main')
    this.repo = publishPullRequest(this.origin, { baseRef: 'main', headRef: 'feature', prNumber: this.number })
    const changed = git(this.origin, 'diff', '--name-only', `${this.repo.baseSha}...${this.repo.headSha}`).split('\n').filter(Boolean)
    const pr = { ...this.facts(), changedFiles: changed.length }
    this.world.github.pulls.set(this.number, { ...pullRequestObject(pr), merge_commit_sha: this.repo.mergeSha })
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

  event(): Record<string, unknown> {
    const event = pullRequestEvent(this.facts())
    event.pull_request.merge_commit_sha = this.repo.mergeSha
    return event
  }
}

type Context =
  { eventName: 'pull_request'; pr: PullRequestBranch } | { eventName: 'push' | 'workflow_dispatch'; origin: string; sha: string }

function checkout(context: Context, none = false): string {
  if (none) return tempDir('ci-image-no-checkout-')
  if (context.eventName === 'pull_request') return checkoutMerge(context.pr.repo, 1)
  const dir = tempDir('ci-image-checkout-')
  git(dir, 'init', '-q')
  git(dir, 'fetch', '-q', '--no-tags', '--depth=1', `file://${context.origin}`, context.sha)
  git(dir, 'checkout', '-q', '--detach', context.sha)
  return dir
}

async function step(
  world: ReuseWorld,
  context: Context,
  workspace: string,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
) {
  const sha = context.eventName === 'pull_request' ? context.pr.repo.mergeSha : context.sha
  const event =
    context.eventName === 'pull_request'
      ? context.pr.event()
      : context.eventName === 'push'
        ? pushEvent({ ref: 'refs/heads/main', after: sha })
        : workflowDispatchEvent({ ref: 'refs/heads/main' })
  return runAction({
    inputs: { 'github-token': TOKEN, image: world.imageRepository, ...inputs },
    eventName: context.eventName,
    event,
    workspace,
    sha,
    ref: context.eventName === 'pull_request' ? `refs/pull/${context.pr.number}/merge` : 'refs/heads/main',
    apiUrl: world.github.url,
    env: { ...withDockerOnPath(world.docker), GITHUB_RUN_ID: '7001', ...env },
  })
}

export interface BuildJob {
  resolve: ActionRun
  /** What the job did with the image: built it, copied the reusable one, or nothing (no tags). */
  did: 'built' | 'copied' | 'nothing'
  comment?: ActionRun
}

/**
 * The shipped build workflow's steps (.github/workflows/build-ci-image.yml): resolve-image; the
 * copy when `reusable-image` is set and no fresh build was asked for, else the build; comment-image
 * on a PR. GitHub starts its run for the commit (`headSha`) and ends it when the job ends.
 */
export async function buildWorkflow(
  world: ReuseWorld,
  context: Context,
  o: { reuse?: string; freshBuild?: boolean; beforePush?: Promise<void> } = {},
): Promise<BuildJob> {
  const workspace = checkout(context)
  const headSha = context.eventName === 'pull_request' ? context.pr.repo.headSha : context.sha
  const run = world.runs.startRun({
    headSha,
    event: context.eventName,
    pullRequests: context.eventName === 'pull_request' ? [context.pr.number] : [],
    status: 'in_progress',
  })
  const inputs: Record<string, string> = o.reuse ? { reuse: o.reuse } : {}
  const resolve = await step(world, context, workspace, { command: 'resolve-image', ...inputs })
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
    await pushBuiltImage(world.registry.url, tags, resolve.outputs.labels!.split('\n').filter(Boolean))
    world.builds++
    did = 'built'
  }
  world.runs.complete(run, 'success')
  if (context.eventName !== 'pull_request' || tags.length === 0) return { resolve, did }
  const comment = await step(world, context, workspace, { command: 'comment-image', ...inputs }, { GITHUB_RUN_ID: String(run.id) })
  return { resolve, did, comment }
}

export interface CheckJob {
  resolve: ActionRun
  wait: ActionRun
}

/** A check job's steps (.github/workflows/check-generate.yml): resolve-image, then wait-for-build. */
export async function checkJob(
  world: ReuseWorld,
  context: Context,
  o: { reuse?: string; pull?: boolean; withoutCheckout?: boolean } = {},
): Promise<CheckJob> {
  const workspace = checkout(context, o.withoutCheckout)
  const inputs: Record<string, string> = o.reuse ? { reuse: o.reuse } : {}
  const resolve = await step(world, context, workspace, { command: 'resolve-image', ...inputs })
  const wait = await step(world, context, workspace, {
    command: 'wait-for-build',
    'poll-interval': '1',
    timeout: '30',
    pull: String(o.pull ?? false),
    ...inputs,
  })
  return { resolve, wait }
}

/** Resolves once a request to a path matching `pattern` arrives after `since` (an index into the recorded requests). */
async function requestArrives(github: FakeGitHub, pattern: RegExp, since: number): Promise<void> {
  while (!github.requests.slice(since).some((request) => pattern.test(request.path))) {
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
  const polled = requestArrives(world.github, /\/actions\/workflows\/[^/]+\/runs$/, since)
  const build = buildWorkflow(world, context, { reuse: o.reuse, beforePush: Promise.race([check.then(() => {}), polled]) })
  return { build: await build, check: await check }
}
