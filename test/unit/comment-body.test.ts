import { describe, expect, it } from 'vitest'
import { MAX_COMMENT_LENGTH, renderComment, type ImageComment } from '../../src/comment/comment-body.js'
import { commentMarker, hasMarker, markedComments } from '../../src/comment/comment-marker.js'

const SHA = '1234567890abcdef1234567890abcdef12345678'
const MARKER = '<!-- ci-image:ghcr.io/acme/app/ci -->'

const comment = (over: Partial<ImageComment> = {}): ImageComment => ({
  state: 'built',
  imageRepository: 'ghcr.io/acme/app/ci',
  tag: 'pr-42',
  commitSha: SHA,
  branch: 'feature',
  repositoryUrl: 'https://github.com/acme/app',
  runUrl: 'https://github.com/acme/app/actions/runs/987654',
  localCommand: 'make gen',
  ...over,
})

const occurrences = (text: string, part: string) => text.split(part).length - 1

describe('the image comment', () => {
  it('tells a person the image, the commit, the build run and how to run it locally', () => {
    const body = renderComment(comment())
    expect(body.startsWith(`${MARKER}\n### 🐳 Docker CI Image Built\n`)).toBe(true)
    expect(body).toContain('- **Image:** <code>ghcr.io/acme/app/ci:pr-42</code>')
    expect(body).toContain(`- **Commit:** [<code>1234567</code>](https://github.com/acme/app/commit/${SHA}) on <code>feature</code>`)
    expect(body).toContain('(https://github.com/acme/app/actions/runs/987654)')
    expect(body).toContain(
      '```sh\ndocker pull ghcr.io/acme/app/ci:pr-42\n' +
        'docker run --rm -v "$PWD":/workspace -w /workspace ghcr.io/acme/app/ci:pr-42 make gen\n```',
    )
  })

  it('shows the local-command input as what to run in the image', () => {
    const body = renderComment(comment({ localCommand: 'npm ci && npm test' }))
    expect(body).toContain('docker run --rm -v "$PWD":/workspace -w /workspace ghcr.io/acme/app/ci:pr-42 npm ci && npm test\n```')
    expect(renderComment(comment({ state: 'stable', tag: 'latest', localCommand: 'make check' }))).toContain(
      'ghcr.io/acme/app/ci:latest make check\n```',
    )
  })

  it('leaves out what is not known rather than showing a placeholder', () => {
    const body = renderComment(comment({ runUrl: undefined, branch: undefined }))
    expect(body).not.toMatch(/Build|undefined/)
    expect(body).toContain(`- **Commit:** [<code>1234567</code>](https://github.com/acme/app/commit/${SHA})\n`)
  })

  it.each([
    ['a fake marker', `x--><!-- ci-image:ghcr.io/acme/app/ci -->`],
    ['HTML that would fold the rest away', 'x</code><details><summary>hi</summary><!--'],
    ['new blocks and a link', 'a\n\n# Heading\n[click](javascript:alert(1))'],
    ['backticks and mentions', '`x` @acme/admins #1 ```'],
    ['bidi and control characters', 'safe\u202Elave\u0000\r\n'],
  ])('a hostile branch name (%s) shows as text and leaves the marker alone', (_, branch) => {
    const body = renderComment(comment({ branch }))
    expect(body.startsWith(MARKER)).toBe(true)
    expect(occurrences(body, '<!--')).toBe(1)
    expect(occurrences(body, '-->')).toBe(1)
    // eslint-disable-next-line no-control-regex -- a NUL in the branch name must not reach the body
    expect(body).not.toMatch(/<details|<summary|\]\(javascript|\n# Heading|\u202E|\u0000/)
    const commitLine = body.split('\n').find((line) => line.startsWith('- **Commit:**'))!
    expect(commitLine).toMatch(/ on <code>[^<>`]*<\/code>$/)
    expect(markedComments([{ id: 1, body }], MARKER)).toHaveLength(1)
  })

  it("stays within GitHub's size limit whatever the branch name", () => {
    const body = renderComment(comment({ branch: '💥'.repeat(100_000) }))
    expect(body.length).toBeLessThan(MAX_COMMENT_LENGTH)
    expect(body).toContain('…</code>')
  })

  it('refuses to put something that is not an image reference into a shell example', () => {
    expect(() => renderComment(comment({ imageRepository: 'ghcr.io/acme/app\nrm -rf /' }))).toThrow('not an image reference')
    expect(() => renderComment(comment({ tag: 'pr-1; curl x' }))).toThrow('not an image reference')
    expect(() => renderComment(comment({ imageRepository: 'ghcr.io/acme//ci' }))).toThrow('not an image reference')
  })
})

describe('the comment in each state of the build', () => {
  const DIGEST = `sha256:${'cd'.repeat(32)}`

  it('built, with the digest: the per-commit tag, the digest, and a digest-pinned pull line', () => {
    const body = renderComment(comment({ commitTag: 'pr-42-sha-1234567', digest: DIGEST }))
    expect(body).toContain(
      '- **Image:** <code>ghcr.io/acme/app/ci:pr-42</code> (this commit: <code>ghcr.io/acme/app/ci:pr-42-sha-1234567</code>)',
    )
    expect(body).toContain(`- **Digest:** <code>${DIGEST}</code>`)
    expect(body).toContain(`docker pull ghcr.io/acme/app/ci:pr-42@${DIGEST}\n`)
  })

  it('built, without the digest: pulls the tag only this commit has', () => {
    const body = renderComment(comment({ commitTag: 'pr-42-sha-1234567' }))
    expect(body).not.toContain('Digest')
    expect(body).toContain('docker pull ghcr.io/acme/app/ci:pr-42-sha-1234567\n')
  })

  it('failed: no image for this commit, with the run link', () => {
    const body = renderComment(comment({ state: 'failed' }))
    expect(body.startsWith(`${MARKER}\n### ❌ Docker CI image build failed\n`)).toBe(true)
    expect(body).toContain(
      `The image for commit [<code>1234567</code>](https://github.com/acme/app/commit/${SHA}) on <code>feature</code> did not build: see [workflow run](https://github.com/acme/app/actions/runs/987654).`,
    )
    expect(body).not.toContain('docker pull')
  })

  it('cancelled: says superseded', () => {
    const body = renderComment(comment({ state: 'cancelled' }))
    expect(body).toContain('### ⏹️ Docker CI image build cancelled')
    expect(body).toContain('most likely superseded by a newer push to this pull request')
  })

  it('stable: the PR uses the stable image now, in words that do not change from push to push', () => {
    const a = renderComment(comment({ state: 'stable', tag: 'v2' }))
    const b = renderComment(comment({ state: 'stable', tag: 'v2', commitSha: 'f'.repeat(40), runUrl: undefined }))
    expect(a).toBe(b)
    expect(a).toContain(
      'This pull request no longer changes the CI image, so its checks use the stable image <code>ghcr.io/acme/app/ci:v2</code>.',
    )
    expect(a).toContain('docker pull ghcr.io/acme/app/ci:v2\n')
  })

  it('refuses a digest that is not one in a shell line', () => {
    expect(renderComment(comment({ digest: 'sha256:x; rm -rf /' }))).not.toContain('rm -rf')
  })
})

describe('finding our comment', () => {
  it('keeps one marker per image repository, none a prefix of another', () => {
    const app = commentMarker('ghcr.io/acme/app')
    const appCi = commentMarker('ghcr.io/acme/app/ci')
    expect(appCi).toBe(MARKER)
    expect(hasMarker(`${appCi}\nbody`, app)).toBe(false)
    expect(hasMarker(`${app}\nbody`, appCi)).toBe(false)
  })

  it('encodes anything that could end the HTML comment early', () => {
    expect(commentMarker('evil --!> -->x<y')).toBe('<!-- ci-image:evil%20--%21%3E%20--%3Ex%3Cy -->')
  })

  it('counts a comment only when it starts with the marker, oldest first', () => {
    const found = markedComments(
      [
        { id: 30, body: `${MARKER}\nnewer` },
        { id: 10, body: `> ${MARKER}\nquoted in a reply` },
        { id: 20, body: `\n${MARKER}\nolder` },
        { id: 40, body: `Look: ${MARKER}` },
        { id: 50, body: null },
      ],
      MARKER,
    )
    expect(found.map((c) => c.id)).toEqual([20, 30])
  })
})
