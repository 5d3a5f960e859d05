// Text from the repository, the PR, the event, a registry or the API, written to the log by the
// bundle as the runner runs it: the runner must read no command from it (support/workflow-commands.ts
// reads stdout as actions/runner does). Each payload is what an attacker can put in that text.
import { describe, expect, it } from 'vitest'
import { runAction } from '../support/action.js'
import { useEmbeddedGitHub } from '../support/embedded-github.js'
import { pullRequestEvent, pushEvent } from '../support/events.js'
import { fakeDocker, withDockerOnPath } from '../support/fake-docker.js'
import { buildxImage } from '../support/fake-registry.js'
import { FakeRuns } from '../support/fake-runs.js'
import { checkoutMerge, makePullRequestRepo } from '../support/git.js'
import { serveCompare } from '../support/fake-compare.js'
import { FORGED, unintendedCommands, workflowCommands } from '../support/workflow-commands.js'

const TOKEN = 'ghs_logSafetyToken1234567890'
const HEAD = '4'.repeat(40)

/** Line breaks, then every way to start a command: set an output, forge annotations, stop the runner reading ours. */
const COMMANDS = [
  '::set-output name=pinned-image::ghcr.io/attacker/evil:latest',
  `::error::${FORGED} the build failed`,
  `::warning title=${FORGED}::x`,
  `::stop-commands::${FORGED}`,
  `  ::add-mask::${FORGED}`,
  // Soft hyphens, which .NET's culture-sensitive StartsWith may skip.
  `\u00AD\u00AD::notice::${FORGED}`,
]
const MULTI_LINE = COMMANDS.map((command, i) => (i % 2 === 0 ? `\n${command}` : `\r\n${command}`)).join('')
/** For text of one line: the runner's v1 syntax, `##[command]` anywhere in a line. */
const ONE_LINE = `x ##[error]${FORGED} ##[set-output name=pinned-image]ghcr.io/attacker/evil:latest`

const github = useEmbeddedGitHub()

describe('untrusted text in the log', () => {
  it('resolve-image: a branches pattern in the PR copy of the build workflow', async () => {
    // YAML double quotes take \n and \r escapes: one pattern that spans lines. `[error]` is a
    // valid character class of a pattern; the rest of ONE_LINE is not.
    const pattern = JSON.stringify(`release/*${MULTI_LINE} ##[error]${FORGED}`)
    const workflow = `on:\n  pull_request:\n    branches: [${pattern}]\n    paths: [Dockerfile.ci]\n`
    const repo = makePullRequestRepo({
      baseRef: 'main',
      prFiles: { 'Dockerfile.ci': 'FROM node:24\n', '.github/workflows/build-ci-image.yml': workflow },
    })
    serveCompare(github(), repo.origin)
    const run = await runAction({
      inputs: { command: 'resolve-image', 'github-token': TOKEN },
      eventName: 'pull_request',
      event: pullRequestEvent({ number: repo.prNumber, baseRef: repo.baseRef, baseSha: repo.baseSha, headSha: repo.headSha }),
      workspace: checkoutMerge(repo, 1),
      apiUrl: github().url,
      sha: repo.mergeSha,
    })
    expect(unintendedCommands(run.stdout)).toEqual([])
    expect(run.exitCode, run.stdout).toBe(0)
    // The reason quotes the pattern, in the log and the output, where it belongs.
    expect(run.outputs.reason).toContain('::set-output name=pinned-image::')
    expect(run.stdout).toContain('release/*%0A%3A:set-output name=pinned-image%3A:ghcr.io/attacker/evil:latest')
    expect(run.outputs['pinned-image']).toBeUndefined()
  })

  it('comment-image: the branch of a push event', async () => {
    const branch = `feature${MULTI_LINE}${ONE_LINE}`
    const run = await runAction({
      inputs: { command: 'comment-image', 'github-token': TOKEN },
      eventName: 'push',
      event: pushEvent({ ref: `refs/heads/${branch}`, after: HEAD }),
      ref: `refs/heads/${branch}`,
      sha: HEAD,
      apiUrl: github().url,
    })
    expect(unintendedCommands(run.stdout)).toEqual([])
    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.stdout).toContain('Nothing commented: a push to feature%0A%3A:set-output')
  })

  describe('wait-for-build', () => {
    const image = buildxImage({
      labels: { 'org.opencontainers.image.revision': HEAD, 'org.opencontainers.image.source': 'https://github.com/acme/app' },
    })
    const images = { [`ghcr.io/acme/app/ci:pr-42-sha-${HEAD.slice(0, 7)}`]: image }
    const waitFor42 = (docker: ReturnType<typeof fakeDocker>, pull: boolean) =>
      runAction({
        inputs: { command: 'wait-for-build', 'github-token': TOKEN, 'poll-interval': '1', timeout: '30', pull: String(pull) },
        eventName: 'pull_request',
        event: pullRequestEvent({ number: 42, headSha: HEAD, baseRef: 'main' }),
        apiUrl: github().url,
        env: withDockerOnPath(docker),
      })

    it("the API's name of another PR's build run", async () => {
      github().pullFiles.set(42, [{ filename: 'Dockerfile.ci' }])
      const runs = new FakeRuns(github())
      runs.addWorkflow('build-ci-image.yml', { name: `Build${MULTI_LINE}${ONE_LINE}` })
      runs.startRun({ headSha: HEAD, pullRequests: [7], status: 'completed', conclusion: 'success' })
      runs.startRun({ headSha: HEAD, pullRequests: [42], status: 'completed', conclusion: 'success' })
      const run = await waitFor42(fakeDocker({ imagetools: { images } }), false)
      expect(unintendedCommands(run.stdout)).toEqual([])
      expect(run.exitCode, run.stdout).toBe(0)
      expect(run.stdout).toMatch(/Not the build waited for: Build%0A%3A:set-output .* because it builds PR #7/)
    })

    it("docker pull's output, with the registry's refusal in it, streamed as it comes", async () => {
      github().pullFiles.set(42, [{ filename: 'Dockerfile.ci' }])
      const runs = new FakeRuns(github())
      runs.addWorkflow('build-ci-image.yml')
      runs.startRun({ headSha: HEAD, pullRequests: [42], status: 'completed', conclusion: 'success' })
      // The fake docker writes the error inside single quotes: the payload has none.
      const refusal = `denied: ${MULTI_LINE}\n${ONE_LINE}`
      const run = await waitFor42(fakeDocker({ failures: 1, error: refusal, imagetools: { images } }), true)
      expect(unintendedCommands(run.stdout, { errors: true })).toEqual([])
      expect(run.exitCode).toBe(1)
      // docker's own output is in the log, between the action's stop and resume lines.
      const commands = workflowCommands(run.stdout).map((c) => c.name)
      expect(commands).toContain('stop-commands')
      expect(run.stdout).toContain('::set-output name=pinned-image::')
      expect(run.outputs['pinned-image']).not.toContain('attacker')
    })
  })
})
