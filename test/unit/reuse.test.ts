import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { renderComment } from '../../src/comment/comment-body.js'
import { parseLsTree } from '../../src/git/ls-tree.js'
import { hashInputs } from '../../src/resolution/inputs-hash.js'
import { parseInputs } from '../../src/action/inputs.js'
import { checkRevision, INPUTS_LABEL, REVISION_LABEL } from '../../src/registry/labels.js'
import { ociLabels } from '../../src/resolution/oci-labels.js'
import { judgeReusable, planReuse, withReuseTag } from '../../src/resolution/reuse.js'
import { reuseTag } from '../../src/resolution/tags.js'
import type { PullRequestTarget, PushTarget } from '../../src/action/target.js'

const HASH = 'ab'.repeat(32)
const SHA = '1234567890abcdef1234567890abcdef12345678'
const DIGEST = `sha256:${'c'.repeat(64)}`
const pr: PullRequestTarget = { kind: 'pull_request', number: 42, headSha: SHA, headRef: 'f', baseRef: 'main', fork: false }
const push = (branch: string): PushTarget => ({ kind: 'push', branch, sha: SHA })

describe('reuse tags', () => {
  it('names the PR under pull-request, the repository under repository', () => {
    expect(reuseTag(42, HASH.slice(0, 16))).toBe('pr-42-inputs-abababababababab')
    expect(reuseTag(undefined, HASH.slice(0, 16))).toBe('inputs-abababababababab')
  })

  it('reuses (and so hashes) only where this context builds; a push only on a long-lived branch under repository; nothing under off', () => {
    expect(planReuse('pull-request', pr, true, false)).toEqual({ prNumber: 42 })
    expect(planReuse('repository', pr, true, false)).toEqual({})
    expect(planReuse('pull-request', pr, false, false)).toBeUndefined()
    expect(planReuse('pull-request', push('main'), true, true)).toBeUndefined()
    expect(planReuse('repository', push('main'), true, true)).toEqual({})
    expect(planReuse('repository', push('topic'), true, false)).toBeUndefined()
    expect(planReuse('off', pr, true, false)).toBeUndefined()
    expect(planReuse('off', push('main'), true, true)).toBeUndefined()
  })

  it('adds the reuse tag to what a build here pushes, and to nothing where nothing is built', () => {
    const resolved = { push: ['pr-42'], pushReferences: ['r/ci:pr-42'] }
    expect(withReuseTag(resolved, 'r/ci', 'pr-42-inputs-ab')).toEqual({
      push: ['pr-42', 'pr-42-inputs-ab'],
      pushReferences: ['r/ci:pr-42', 'r/ci:pr-42-inputs-ab'],
    })
    expect(withReuseTag({ push: [], pushReferences: [] }, 'r/ci', 'pr-42-inputs-ab')).toEqual({ push: [], pushReferences: [] })
  })
})

describe('whether a found image may stand in for a build', () => {
  const reference = 'r/ci:pr-42-inputs-abababababababab'
  it('offers it pinned by digest when its inputs label equals the hash', () => {
    const verdict = judgeReusable(reference, HASH, { digest: DIGEST, labels: { [INPUTS_LABEL]: HASH, [REVISION_LABEL]: SHA } })
    expect(verdict).toEqual({ kind: 'reusable', pinned: `${reference}@${DIGEST}`, digest: DIGEST, revision: SHA })
  })

  it('refuses a tag whose image carries another hash, or none: a tag alone is no proof', () => {
    expect(judgeReusable(reference, HASH, { digest: DIGEST, labels: { [INPUTS_LABEL]: 'cd'.repeat(32) } })).toMatchObject({
      kind: 'refused',
    })
    expect(judgeReusable(reference, HASH, { digest: DIGEST, labels: {} })).toMatchObject({ kind: 'refused' })
  })
})

describe('the inputs label', () => {
  it('is set with the revision and source labels when the hash is known', () => {
    expect(ociLabels({ revision: SHA, sourceUrl: 'https://github.com/acme/app', inputsHash: HASH })).toContain(`${INPUTS_LABEL}=${HASH}`)
  })

  it('proves an image copied from another commit built from the same inputs', () => {
    expect(checkRevision('r/ci:pr-42', SHA, 'f'.repeat(40), { expected: HASH, labelled: HASH }).kind).toBe('match')
    expect(checkRevision('r/ci:pr-42', SHA, 'f'.repeat(40), { expected: HASH, labelled: 'cd'.repeat(32) }).kind).toBe('mismatch')
  })

  it("leaves a copied image unproved, not refused, where this run knows no inputs hash (a /regen's issue_comment run)", () => {
    const check = checkRevision('r/ci:pr-42-sha-1234567', SHA, 'f'.repeat(40), { labelled: HASH })
    expect(check).toMatchObject({ kind: 'unproved', message: expect.stringContaining(`reused it as an image of the same inputs`) })
    // Without an inputs label it is another commit's image: refused.
    expect(checkRevision('r/ci:pr-42-sha-1234567', SHA, 'f'.repeat(40), {}).kind).toBe('mismatch')
  })
})

describe('the reuse input', () => {
  const read = (reuse: string) => (name: string) => ({ command: 'resolve-image', reuse })[name] ?? ''
  it('defaults to pull-request and rejects anything else, naming the input, the value and what is accepted', () => {
    expect(parseInputs(read('')).reuse).toBe('pull-request')
    expect(parseInputs(read('repository')).reuse).toBe('repository')
    expect(() => parseInputs(read('always'))).toThrow(/Input `reuse` must be one of pull-request, repository, off.*got "always"/)
  })
})

describe('the inputs hash of a tree listing', () => {
  const listing = (bMode: string) =>
    Buffer.from(
      `${bMode} blob ${'1'.repeat(40)}\tb\0` +
        `040000 tree ${'4'.repeat(40)}\tdir\0` +
        `160000 commit ${'2'.repeat(40)}\tB sub\0` +
        `120000 blob ${'3'.repeat(40)}\ta link\0`,
    )

  it('skips trees, sorts by path bytes and hashes `<mode> <id> <path>` lines', () => {
    const { files, hash } = hashInputs(parseLsTree(listing('100644')), () => true)
    expect(files).toBe(3)
    const lines = `160000 ${'2'.repeat(40)} B sub\n120000 ${'3'.repeat(40)} a link\n100644 ${'1'.repeat(40)} b\n`
    expect(hash).toBe(createHash('sha256').update(lines).digest('hex'))
  })

  it('changes with a file mode alone: `chmod +x` of an entry script changes the image', () => {
    expect(hashInputs(parseLsTree(listing('100755')), () => true).hash).not.toBe(
      hashInputs(parseLsTree(listing('100644')), () => true).hash,
    )
  })
})

describe('the comment of a reused image', () => {
  it('says which commit the image was built for and that the inputs did not change', () => {
    const body = renderComment({
      state: 'built',
      imageRepository: 'ghcr.io/acme/app/ci',
      tag: 'pr-42',
      localCommand: 'make gen',
      commitSha: SHA,
      repositoryUrl: 'https://github.com/acme/app',
      reused: { from: 'f'.repeat(40) },
    })
    expect(body).toContain(
      `reused the image built for [<code>fffffff</code>](https://github.com/acme/app/commit/${'f'.repeat(40)}) (inputs unchanged)`,
    )
  })
})
