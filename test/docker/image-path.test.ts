// The image path on real parts: the bundle run as the runner runs it, a real Docker daemon
// (scripts/services.sh: dockerd without a bridge, builds with --network none, the classic builder as
// on a runner without buildx) and a real distribution registry on 127.0.0.1. resolve-image's `tags`
// and `labels` go to `docker build` exactly as they are, `docker push` pushes them; wait-for-build
// reads what the registry serves (over its HTTP API: this docker has no buildx), pins, verifies
// and pulls by digest. Only GitHub is the embedded stand-in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runAction, type ActionRun } from '../support/action.js'
import { buildImage, docker, DOCKER_AVAILABLE, HAS_BUILDX, NO_DOCKER_REASON, pushTags, requireDocker } from '../support/docker-service.js'
import { useEmbeddedGitHub } from '../support/embedded-github.js'
import { pullRequestEvent, pullRequestObject } from '../support/events.js'
import { serveCompare } from '../support/fake-compare.js'
import { FakeRuns } from '../support/fake-runs.js'
import { checkoutMerge, makePullRequestRepo, tempDir, type PullRequestRepo } from '../support/git.js'
import { startRegistry, type RegistryService } from '../support/registry-service.js'

const WORKFLOW = "on:\n  pull_request:\n    paths: ['Dockerfile.ci']\n"
const TOKEN = 'ghs_imagePathTest'
const ACCOUNT = { user: 'builder', password: 'registry-secret-4711' }

if (!DOCKER_AVAILABLE && process.env.CI !== 'true') console.warn(`test/docker/image-path.test.ts skipped: ${NO_DOCKER_REASON}`)
const withDocker = describe.skipIf(!DOCKER_AVAILABLE && process.env.CI !== 'true')

let runs: FakeRuns
const github = useEmbeddedGitHub((github) => {
  github.files.set('.github/workflows/build-ci-image.yml', WORKFLOW)
  runs = new FakeRuns(github)
  runs.addWorkflow('build-ci-image.yml')
})

let open: RegistryService
let locked: RegistryService
beforeAll(async () => {
  requireDocker()
  ;[open, locked] = await Promise.all([startRegistry(), startRegistry({ auth: ACCOUNT })])
})
afterAll(async () => {
  await Promise.all([open?.stop(), locked?.stop()])
})

/** A docker config of the test's own: no login unless the test logs in. */
const dockerEnv = () => ({ DOCKER_CONFIG: tempDir('ci-image-docker-config-') })

/** PR #42 changing Dockerfile.ci, registered on the embedded GitHub; one more commit with `next()`. */
function pullRequest() {
  const repo = makePullRequestRepo({
    prNumber: 42,
    baseFiles: { '.github/workflows/build-ci-image.yml': WORKFLOW, 'Dockerfile.ci': 'FROM scratch\n' },
    prFiles: { 'Dockerfile.ci': 'FROM scratch\nCOPY content.txt /\n' },
  })
  const pr = { number: 42, baseRef: repo.baseRef, baseSha: repo.baseSha, headSha: repo.headSha, changedFiles: 1 }
  github().pulls.set(42, pullRequestObject(pr))
  github().pullFiles.set(42, [{ filename: 'Dockerfile.ci' }])
  serveCompare(github(), repo.origin)
  return repo
}

function step(repo: PullRequestRepo, inputs: Record<string, string>, env: Record<string, string>): Promise<ActionRun> {
  return runAction({
    inputs: { 'github-token': TOKEN, ...inputs },
    eventName: 'pull_request',
    event: pullRequestEvent({ number: 42, headSha: repo.headSha, baseRef: repo.baseRef, baseSha: repo.baseSha }),
    apiUrl: github().url,
    workspace: checkoutMerge(repo, 1),
    sha: repo.mergeSha,
    env: { PATH: process.env.PATH ?? '', ...(process.env.DOCKER_HOST ? { DOCKER_HOST: process.env.DOCKER_HOST } : {}), ...env },
  })
}

/** The build job: resolve-image, then `docker build` and `docker push` with exactly its outputs. */
async function buildJob(repo: PullRequestRepo, image: string, env: Record<string, string>, o: { labels?: boolean } = {}) {
  const resolve = await step(repo, { command: 'resolve-image', image }, env)
  expect(resolve.exitCode, resolve.stdout).toBe(0)
  const tags = resolve.outputs.tags!.split('\n')
  const labels = o.labels === false ? [] : resolve.outputs.labels!.split('\n')
  buildImage({ tags, labels, content: `built from ${repo.headSha}\n`, env })
  pushTags(tags, env)
  runs.startRun({ headSha: repo.headSha, pullRequests: [42], status: 'completed', conclusion: 'success' })
  return { tags, labels }
}

function waitJob(repo: PullRequestRepo, image: string, env: Record<string, string>, pull = true) {
  return step(repo, { command: 'wait-for-build', image, 'poll-interval': '1', timeout: '30', pull: String(pull) }, env)
}

/** The digest the registry serves for a tag, as `docker push` left it (RepoDigests of the local image). */
function servedDigest(reference: string, env: Record<string, string>): string {
  const digests = JSON.parse(docker(['image', 'inspect', '--format', '{{json .RepoDigests}}', reference], env)) as string[]
  return digests[0]!.split('@')[1]!
}

withDocker('the image path on a real Docker daemon and a real registry', () => {
  it("resolve-image's tags and labels → docker build → docker push → wait-for-build pins, verifies and pulls by digest", async () => {
    const repo = pullRequest()
    const env = dockerEnv()
    const image = `${open.host}/acme/app/ci`
    const { tags, labels } = await buildJob(repo, image, env)
    expect(tags).toEqual([`${image}:pr-42`, `${image}:pr-42-sha-${repo.headSha.slice(0, 7)}`])
    expect(labels).toContain(`org.opencontainers.image.revision=${repo.headSha}`)
    const digest = servedDigest(tags[1]!, env)
    // The runner of the checks has no copy: what it pulls comes from the registry.
    docker(['image', 'rm', ...tags], env)

    const wait = await waitJob(repo, image, env)
    expect(wait.exitCode, wait.stdout).toBe(0)
    expect(wait.outputs).toMatchObject({ digest, 'pinned-image': `${image}:pr-42@${digest}`, verified: 'true' })
    expect(
      docker(
        ['image', 'inspect', '--format', '{{index .Config.Labels "org.opencontainers.image.revision"}}', `${image}@${digest}`],
        env,
      ).trim(),
    ).toBe(repo.headSha)
    expect(wait.stdout.replace(`::add-mask::${TOKEN}`, '')).not.toContain(TOKEN)
  })

  it('pull: false reads the same digest from the registry and pulls nothing', async () => {
    const repo = pullRequest()
    const env = dockerEnv()
    const image = `${open.host}/nopull/app/ci`
    const { tags } = await buildJob(repo, image, env)
    const digest = servedDigest(tags[1]!, env)
    docker(['image', 'rm', ...tags], env)
    const wait = await waitJob(repo, image, env, false)
    expect(wait.exitCode, wait.stdout).toBe(0)
    expect(wait.outputs.digest).toBe(digest)
    expect(() => docker(['image', 'inspect', `${image}@${digest}`], env)).toThrow()
  })

  it("the race: a later commit overwrote pr-42; A's checks get A's image by its own tag", async () => {
    const repoA = pullRequest()
    const env = dockerEnv()
    const image = `${open.host}/race/app/ci`
    const a = await buildJob(repoA, image, env)
    const digestA = servedDigest(a.tags[1]!, env)
    // B is pushed before A's checks read the registry: pr-42 is B's now.
    const repoB = pullRequest()
    await buildJob(repoB, image, env)
    expect(servedDigest(`${image}:pr-42`, env)).not.toBe(digestA)

    const wait = await waitJob(repoA, image, env)
    expect(wait.exitCode, wait.stdout).toBe(0)
    expect(wait.outputs).toMatchObject({ digest: digestA, 'pinned-image': `${image}:pr-42@${digestA}`, verified: 'true' })
  })

  it('an image built without the labels: pinned, verified=false, a warning', async () => {
    const repo = pullRequest()
    const env = dockerEnv()
    const image = `${open.host}/nolabel/app/ci`
    await buildJob(repo, image, env, { labels: false })
    const wait = await waitJob(repo, image, env, false)
    expect(wait.exitCode, wait.stdout).toBe(0)
    expect(wait.outputs.verified).toBe('false')
    expect(wait.stdout).toMatch(/::warning title=CI image not verified::.*has no org\.opencontainers\.image\.revision label/)
  })

  it('a multi-platform index (docker manifest create/push): the index digest, each platform checked', async () => {
    const repo = pullRequest()
    const env = dockerEnv()
    const image = `${open.host}/multi/app/ci`
    const resolve = await step(repo, { command: 'resolve-image', image }, env)
    const tags = resolve.outputs.tags!.split('\n')
    const labels = resolve.outputs.labels!.split('\n')
    // Two single-platform images of one commit, then an index of them under each tag.
    const parts = ['amd64', 'arm64'].map((arch) => `${image}:part-${arch}`)
    for (const [i, part] of parts.entries()) buildImage({ tags: [part], labels, content: `platform ${i}\n`, env })
    pushTags(parts, env)
    let digest = ''
    for (const tag of tags) {
      docker(['manifest', 'create', '--insecure', tag, ...parts], env)
      docker(['manifest', 'annotate', '--arch', 'arm64', tag, parts[1]!], env)
      digest = docker(['manifest', 'push', '--insecure', '--purge', tag], env).trim().split('\n').at(-1)!
    }
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    runs.startRun({ headSha: repo.headSha, pullRequests: [42], status: 'completed', conclusion: 'success' })

    const wait = await waitJob(repo, image, env, false)
    expect(wait.exitCode, wait.stdout).toBe(0)
    expect(wait.outputs).toMatchObject({ digest, verified: 'true' })
    expect(wait.stdout).toContain(`was built from ${repo.headSha} (linux/amd64, linux/arm64).`)
  })

  it('a registry behind htpasswd, after `docker login`: read with the credentials docker stored, not refused with 401', async () => {
    const repo = pullRequest()
    const env = dockerEnv()
    const image = `${locked.host}/acme/app/ci`
    // The password through stdin, as docker/login-action passes it: never on a command line.
    docker(['login', '--username', ACCOUNT.user, '--password-stdin', locked.host], env, ACCOUNT.password)
    const { tags } = await buildJob(repo, image, env)
    const digest = servedDigest(tags[1]!, env)
    docker(['image', 'rm', ...tags], env)
    const wait = await waitJob(repo, image, env)
    expect(wait.exitCode, wait.stdout).toBe(0)
    expect(wait.outputs).toMatchObject({ digest, verified: 'true' })
    expect(`${wait.stdout}${wait.stderr}${wait.summary}`).not.toContain(ACCOUNT.password)
  })

  it('a registry behind htpasswd without a login: no credentials for the host, and to log in', async () => {
    const repo = pullRequest()
    const pusher = dockerEnv()
    const image = `${locked.host}/nologin/app/ci`
    docker(['login', '--username', ACCOUNT.user, '--password-stdin', locked.host], pusher, ACCOUNT.password)
    await buildJob(repo, image, pusher)
    const wait = await waitJob(repo, image, dockerEnv(), false)
    expect(wait.exitCode).toBe(1)
    // Over the HTTP API (no buildx, as here) the case is named; through buildx, docker's own refusal.
    if (!HAS_BUILDX) expect(wait.stdout).toContain(`::error::There are no credentials for ${locked.host}`)
    expect(wait.stdout).toContain(`Log in to ${locked.host} before this step (docker/login-action)`)
  })
})
