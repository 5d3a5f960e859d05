import { describe, expect, it } from 'vitest'
import { parseInputs } from '../../src/action/inputs.js'

function read(values: Record<string, string>) {
  return (name: string) => values[name] ?? ''
}

describe('inputs', () => {
  it("applies action.yml's defaults", () => {
    const inputs = parseInputs(read({ command: 'resolve-image' }))
    expect(inputs).toMatchObject({
      command: 'resolve-image',
      imageRepository: undefined,
      watch: [],
      buildWorkflow: 'build-ci-image.yml',
      defaultTag: undefined,
      pollIntervalSeconds: 20,
      timeoutSeconds: 1200,
      pull: true,
      trustedPermission: 'write',
      localCommand: 'make gen',
    })
    expect([...inputs.branchTags]).toEqual([
      ['v2', 'v2'],
      ['main', 'latest'],
      ['master', 'latest'],
    ])
  })

  it('reads every input', () => {
    const inputs = parseInputs(
      read({
        command: 'wait-for-build',
        image: 'GHCR.io/Acme/App/CI',
        watch: 'ci.Dockerfile\n\n# comment\n!docs/**\n',
        'build-workflow': 'image.yaml',
        'branch-tags': 'develop = edge\nmain=latest',
        'default-tag': 'stable',
        'pr-number': '7',
        'head-sha': 'ABCDEF0123456789ABCDEF0123456789ABCDEF01',
        'poll-interval': '5',
        timeout: '60',
        pull: 'False',
        'trusted-permission': 'maintain',
        'local-command': 'npm ci && npm test',
      }),
    )
    expect(inputs).toMatchObject({
      imageRepository: 'ghcr.io/acme/app/ci',
      watch: ['ci.Dockerfile', '!docs/**'],
      buildWorkflow: 'image.yaml',
      defaultTag: 'stable',
      prNumber: 7,
      headSha: 'abcdef0123456789abcdef0123456789abcdef01',
      pollIntervalSeconds: 5,
      timeoutSeconds: 60,
      pull: false,
      trustedPermission: 'maintain',
      localCommand: 'npm ci && npm test',
    })
    expect([...inputs.branchTags]).toEqual([
      ['develop', 'edge'],
      ['main', 'latest'],
    ])
  })

  it.each([
    [{ command: '' }, 'Input `command` is required: one of resolve-image, wait-for-build, comment-image.'],
    [{ command: 'build' }, 'Input `command` must be one of resolve-image, wait-for-build, comment-image; got "build".'],
    [{ 'poll-interval': 'soon' }, 'Input `poll-interval` must be a positive whole number; got "soon".'],
    [{ 'poll-interval': '0' }, 'Input `poll-interval` must be a positive whole number; got "0".'],
    [{ timeout: '-5' }, 'Input `timeout` must be a positive whole number; got "-5".'],
    [{ timeout: '1.5' }, 'Input `timeout` must be a positive whole number; got "1.5".'],
    [{ timeout: 'ten' }, 'Input `timeout` must be a positive whole number; got "ten".'],
    [{ 'pr-number': 'abc' }, 'Input `pr-number` must be a positive whole number; got "abc".'],
    [{ 'branch-tags': 'main:latest' }, 'Input `branch-tags` takes one `branch=tag` per line (e.g. main=latest); got "main:latest".'],
    [{ 'branch-tags': 'main latest' }, 'Input `branch-tags` takes one `branch=tag` per line (e.g. main=latest); got "main latest".'],
    [{ 'branch-tags': 'main=' }, 'Input `branch-tags` takes one `branch=tag` per line (e.g. main=latest); got "main=".'],
    [{ 'branch-tags': 'main=la test' }, 'Input `branch-tags` takes one `branch=tag` per line (e.g. main=latest); got "main=la test".'],
    [{ 'branch-tags': 'main=.hidden' }, 'Input `branch-tags` has an invalid tag ".hidden" for main'],
    [{ 'default-tag': 'a/b' }, 'Input `default-tag` must be a Docker tag'],
    [{ image: 'ghcr.io/acme/app:v1' }, 'Input `image` is the image repository without a tag or digest'],
    [{ image: 'ghcr.io/acme/app@sha256:abc' }, 'Input `image` is the image repository without a tag or digest'],
    [{ image: 'ghcr.io/acme/app ci' }, 'Input `image` must be an image repository such as ghcr.io/acme/app/ci; got "ghcr.io/acme/app ci".'],
    [{ 'build-workflow': '.github/workflows/build.yml' }, 'Input `build-workflow` must be a workflow file name such as build-ci-image.yml'],
    [{ 'head-sha': 'abc123' }, 'Input `head-sha` must be a full commit SHA (40 hexadecimal characters); got "abc123".'],
    [{ 'local-command': 'make gen\nrm -rf /' }, 'Input `local-command` must be one line without backticks or control characters'],
    [{ 'local-command': 'make ``` gen' }, 'Input `local-command` must be one line without backticks or control characters'],
    [{ pull: 'yes' }, 'Input `pull` must be true or false; got "yes".'],
    [{ 'trusted-permission': 'MEMBER' }, 'Input `trusted-permission` must be one of read, triage, write, maintain, admin; got "MEMBER".'],
    [
      { 'job-status': 'skipped' },
      'Input `job-status` must be one of success, failure, cancelled (pass `${{ job.status }}`); got "skipped".',
    ],
    [{ digest: 'abc' }, 'Input `digest` must be an image digest, sha256: and 64 hexadecimal characters'],
    [{ digest: `sha256:${'A'.repeat(64)}` }, 'Input `digest` must be an image digest'],
    [
      { resolution: '{"schema":1}' },
      "Input `resolution` is resolve-image's own output, for the wait-for-build and comment-image steps after it",
    ],
  ])('rejects %j', (values, message) => {
    expect(() => parseInputs(read({ command: 'resolve-image', ...values }))).toThrow(message)
  })

  it('hands `resolution` to wait-for-build and comment-image as it is (resolution/resolution-value.ts reads it); empty is none', () => {
    for (const command of ['wait-for-build', 'comment-image']) {
      expect(parseInputs(read({ command, resolution: ' {"schema":1} \n' })).resolution).toBe('{"schema":1}')
      expect(parseInputs(read({ command })).resolution).toBeUndefined()
    }
  })

  it('accepts a registry with a port', () => {
    expect(parseInputs(read({ command: 'resolve-image', image: 'localhost:5000/ci' })).imageRepository).toBe('localhost:5000/ci')
  })

  // docker's grammar (distribution/reference, regexp.go: domainAndPort), as for every reference read.
  it('accepts a registry at an IPv6 address, as docker does', () => {
    expect(parseInputs(read({ command: 'resolve-image', image: '[::1]:5000/ci' })).imageRepository).toBe('[::1]:5000/ci')
  })

  it('refuses a first component that names a registry no host can have', () => {
    expect(() => parseInputs(read({ command: 'resolve-image', image: 'my_registry.io/acme/ci' }))).toThrow(
      'Input `image` must be an image repository such as ghcr.io/acme/app/ci; got "my_registry.io/acme/ci".',
    )
  })
})
