// The local CLI as a person runs it (a terminal: no GITHUB_ACTIONS) and as a CI shell step does:
// the image it prints is checked as the action checks it, and what it says is plain text.
import { spawnSync } from 'node:child_process'
import { relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { invokedAs } from '../../src/cli/usage.js'
import { DIST, runAction } from '../support/action.js'
import { pullRequestEvent } from '../support/events.js'
import { checkoutMerge, git, makePullRequestRepo, tempDir } from '../support/git.js'
import { FORGED, unintendedCommands } from '../support/workflow-commands.js'

const ROOT = resolve(import.meta.dirname, '../..')

function run(cwd: string, args: string[], extraEnv: Record<string, string> = {}, command = [process.execPath, DIST]) {
  const env = { PATH: process.env.PATH, HOME: cwd, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', ...extraEnv }
  const result = spawnSync(command[0]!, [...command.slice(1), ...args], { cwd, env, encoding: 'utf8' })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** A developer's clone on a PR branch that leaves the image alone, its origin at `originUrl`. */
function cloneWithOrigin(originUrl: string, prFiles: Record<string, string> = { 'src/a.ts': 'x\n' }): string {
  const repo = makePullRequestRepo({ baseRef: 'main', prFiles })
  const clone = tempDir()
  git(clone, 'clone', '-q', `file://${repo.origin}`, '.')
  git(clone, 'remote', 'set-url', 'origin', originUrl)
  git(clone, 'checkout', '-q', 'feature')
  return clone
}

describe('the image the local CLI prints', () => {
  it('is never one docker would refuse: an origin whose name makes none is an error, and nothing is printed', () => {
    const clone = cloneWithOrigin('https://github.com/a$(id)b/r`id`;x.git')
    const result = run(clone, ['resolve-image'])
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('error: The repository a$(id)b/r`id`;x gives no valid image repository')
    expect(result.stderr).toContain('--image')
    expect(result.stderr).not.toContain('ghcr.io/a$(id)b')
  })

  it('needs --image for an origin that is not on github.com, and says so', () => {
    const clone = cloneWithOrigin('git@gitlab.com:team/app.git')
    const refused = run(clone, ['resolve-image'])
    expect(refused.code).toBe(1)
    expect(refused.stdout).toBe('')
    expect(refused.stderr).toContain('error: The origin remote is on gitlab.com, not github.com')
    expect(refused.stderr).toContain('pass --image REPO')
    const given = run(clone, ['resolve-image', '--image', 'registry.gitlab.com/team/app/ci'])
    expect(given.code, given.stderr).toBe(0)
    expect(given.stdout).toBe('registry.gitlab.com/team/app/ci:latest\n')
  })

  it('comes from the origin as configured or as git expands it (url.<base>.insteadOf)', () => {
    const clone = cloneWithOrigin('gh:acme/app')
    git(clone, 'config', 'url.git@github.com:.insteadOf', 'gh:')
    const result = run(clone, ['resolve-image'])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toBe('ghcr.io/acme/app/ci:latest\n')
  })

  it('is checked as the action checks its image input', () => {
    const clone = cloneWithOrigin('git@github.com:acme/app.git')
    const result = run(clone, ['resolve-image', '--image', 'ghcr.io/acme/app/ci:v2'])
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('error: --image is the image repository without a tag or digest')
  })

  it('is never a lower-cased copy of an --image typed with capitals: that is refused, naming the fix', () => {
    const clone = cloneWithOrigin('git@github.com:acme/app.git')
    const result = run(clone, ['resolve-image', '--image', 'registry.Example.com:5000/Team/App/ci'])
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe(
      'error: --image "registry.Example.com:5000/Team/App/ci" has upper-case letters in its repository path, which registries refuse: ' +
        'the path is lower-case letters, digits and the separators . _ __ - (the distribution reference grammar). ' +
        'Did you mean --image registry.Example.com:5000/team/app/ci?\n',
    )
    // The host is a DNS name: its case is no mistake.
    const host = run(clone, ['resolve-image', '--image', 'Registry.Example.com/team/app/ci'])
    expect(host.code, host.stderr).toBe(0)
    expect(host.stdout).toBe('registry.example.com/team/app/ci:latest\n')
  })
})

describe('mistakes in the command line exit 2 and say what is accepted', () => {
  const here = '<here>'
  it.each([
    [
      ['resolve'],
      `error: unknown command "resolve": the commands here are resolve-image, diff; wait-for-build, comment-image run in GitHub Actions only. ${here} --help prints the usage.`,
    ],
    [
      ['wait-for-build'],
      'error: wait-for-build runs in GitHub Actions only (it needs the workflow run, its API and its token); here: resolve-image, diff.',
    ],
    [['resolve-image', 'main'], `error: unexpected argument "main": resolve-image takes options only (${here} --help lists them).`],
    [
      ['resolve-image', '--json', 'x', 'y'],
      `error: unexpected arguments "x" "y": resolve-image takes options only (${here} --help lists them).`,
    ],
    [['resolve-image', '--bse', 'main'], `error: unknown option --bse: ${here} --help lists the options.`],
    [
      ['--json', 'resolve-image'],
      'error: "--json" comes before a command: the command comes first (resolve-image, diff), then its options.',
    ],
    [['resolve-image', '--pr-number', 'x'], 'error: --pr-number must be a positive whole number; got "x".'],
  ])('%j', (args, message) => {
    const clone = cloneWithOrigin('git@github.com:acme/app.git')
    const result = spawnSync(process.execPath, [DIST, ...args], {
      cwd: clone,
      env: { PATH: process.env.PATH, HOME: clone },
      encoding: 'utf8',
    })
    expect(result.status).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe(`${message.replace(here, `node ${relative(clone, DIST)}`)}\n`)
  })
})

describe('--json', () => {
  it("carries every output of the action's resolve-image for the same PR, with the same values, but the resolution later steps take", async () => {
    // A PR that changes the image: its build would push a reuse tag, so both hash its inputs.
    const repo = makePullRequestRepo({ baseRef: 'main', prFiles: { 'Dockerfile.ci': 'FROM y\n' } })
    const event = pullRequestEvent({ number: 42, baseRef: 'main', baseSha: repo.baseSha, headSha: repo.headSha })
    // No registry answers on port 9 of loopback: the action's reuse lookup fails to a notice, as the
    // CLI reads none.
    const image = '127.0.0.1:9/acme/app/ci'
    const action = await runAction({
      inputs: { command: 'resolve-image', 'github-token': '', image },
      eventName: 'pull_request',
      event,
      workspace: checkoutMerge(repo, 0),
      // The PR's own pull_request run: its commit is the merge it checks out.
      sha: repo.mergeSha,
      ref: 'refs/pull/42/merge',
    })
    expect(action.exitCode, action.stdout).toBe(0)
    const clone = tempDir()
    git(clone, 'clone', '-q', `file://${repo.origin}`, '.')
    git(clone, 'remote', 'set-url', 'origin', 'https://github.com/acme/app')
    git(clone, 'checkout', '-q', 'feature')
    const result = run(clone, ['resolve-image', '--json', '--pr-number', '42', '--image', image])
    expect(result.code, result.stderr).toBe(0)
    const { 'uncommitted-watched-files': uncommitted, ...outputs } = JSON.parse(result.stdout) as Record<string, unknown>
    expect(uncommitted).toEqual([])
    // `resolution` is for the steps after resolve-image in a workflow run; a terminal has none.
    const { resolution, ...actionOutputs } = action.outputs
    expect(resolution).toMatch(/^\{"schema":1,/)
    expect(Object.keys(outputs).sort(), action.stdout).toEqual(Object.keys(actionOutputs).sort())
    // As the action writes them: lists one per line, changed-files a JSON array. No registry is read
    // here, so whether an image may be reused is not known.
    const asText = (name: string, value: unknown) =>
      name === 'changed-files' ? JSON.stringify(value) : Array.isArray(value) ? value.join('\n') : String(value)
    const { 'reusable-image': reusable, ...known } = outputs
    expect(reusable).toBeNull()
    expect(Object.fromEntries(Object.entries(known).map(([name, value]) => [name, asText(name, value)]))).toEqual(
      Object.fromEntries(Object.entries(actionOutputs).filter(([name]) => name !== 'reusable-image')),
    )
    expect(outputs).toMatchObject({
      fork: false,
      labels: expect.arrayContaining(['org.opencontainers.image.source=https://github.com/acme/app']),
    })
    expect(outputs['inputs-hash']).toMatch(/^[0-9a-f]{64}$/)
  })
})

describe('the local CLI in a terminal', () => {
  it('without arguments prints its usage on stderr and exits 2, not a workflow command', () => {
    const result = run(tempDir(), [])
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('resolve-image [options]\n  Prints the CI image')
    expect(result.stderr).not.toContain('::')
  })

  it('--help prints the usage on stdout and exits 0', () => {
    const result = run(tempDir(), ['resolve-image', '--help'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('  --json ')
    expect(result.stderr).toBe('')
  })

  it('--help names the command as it was run: node and the path from here', () => {
    const elsewhere = tempDir()
    const result = run(elsewhere, ['--help'])
    expect(result.stdout.split('\n')[0]).toBe(`Usage: node ${relative(elsewhere, DIST)} resolve-image [options]`)
    expect(result.stdout).not.toContain('npm run local')
  })

  it('--help names `npm run local --` when run so in this repository', () => {
    // npm keeps its logs under HOME: a scratch one, not this checkout.
    const result = run(ROOT, ['run', '--silent', 'local', '--', '--help'], { HOME: tempDir() }, ['npm'])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout.split('\n')[0]).toBe('Usage: npm run local -- resolve-image [options]')
  })

  it.each([
    [
      { npm_command: 'exec', npm_config_package: 'github:acme/ci-image' },
      '/x/.npm/_npx/1/node_modules/.bin/ci-image',
      'npx github:acme/ci-image',
    ],
    [{ npm_command: 'exec' }, '/x/.npm/_npx/1/node_modules/.bin/ci-image', 'npx github:OWNER/REPO'],
    [{}, '/usr/local/bin/ci-image', 'ci-image'],
    [
      { npm_command: 'run', npm_lifecycle_event: 'local', npm_package_name: 'other' },
      '/w/tools/ci/dist/index.js',
      'node tools/ci/dist/index.js',
    ],
  ])('--help under %o, script %s, says %s', (env, script, expected) => {
    expect(invokedAs(env, script, '/w')).toBe(expected)
  })
})

describe('the local CLI in a CI shell step', () => {
  it("says what the build workflow's patterns are without starting a workflow command", () => {
    const pattern = JSON.stringify(`release/*\n::set-output name=image::ghcr.io/attacker/evil\n::error::${FORGED}`)
    const workflow = `on:\n  pull_request:\n    branches: [${pattern}]\n    paths: [Dockerfile.ci]\n`
    const clone = cloneWithOrigin('git@github.com:acme/app.git', { '.github/workflows/build-ci-image.yml': workflow })
    const result = run(clone, ['resolve-image', '--json'], { GITHUB_ACTIONS: 'true', CI: 'true' })
    expect(result.code, result.stderr).toBe(0)
    // The runner reads a step's stdout and stderr alike.
    expect(unintendedCommands(result.stdout)).toEqual([])
    expect(unintendedCommands(result.stderr)).toEqual([])
    expect(JSON.parse(result.stdout).reason).toContain('::set-output name=image::')
  })
})
