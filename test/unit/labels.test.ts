// The OCI labels a build sets, and the check of the revision label against the awaited commit.
import { describe, expect, it } from 'vitest'
import { checkRevision, REVISION_LABEL, SOURCE_LABEL } from '../../src/registry/labels.js'
import { builtRevision, ociLabels } from '../../src/resolution/oci-labels.js'

const HEAD = '1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d'
const MERGE = 'f'.repeat(40)

describe('the labels resolve-image hands to the build', () => {
  it('are the OCI revision and source keys, one key=value per line', () => {
    expect(REVISION_LABEL).toBe('org.opencontainers.image.revision')
    expect(SOURCE_LABEL).toBe('org.opencontainers.image.source')
    expect(ociLabels({ revision: HEAD, sourceUrl: 'https://github.com/acme/app' })).toEqual([
      `org.opencontainers.image.revision=${HEAD}`,
      'org.opencontainers.image.source=https://github.com/acme/app',
    ])
  })

  it('take the GitHub Enterprise server’s URL as the source', () => {
    expect(ociLabels({ revision: HEAD, sourceUrl: 'https://github.example.com/acme/app' })[1]).toBe(
      'org.opencontainers.image.source=https://github.example.com/acme/app',
    )
  })

  it('label the PR head, never the merge commit, and the pushed commit on a push', () => {
    const pr = { kind: 'pull_request' as const, number: 42, baseRef: 'main', headSha: HEAD, headRef: 'feature', fork: false }
    expect(builtRevision(pr)).toBe(HEAD)
    expect(builtRevision(pr)).not.toBe(MERGE)
    expect(builtRevision({ kind: 'push', branch: 'main', sha: MERGE })).toBe(MERGE)
  })

  it.each([
    [{ revision: 'abc1234', sourceUrl: 'https://github.com/acme/app' }, 'The revision label needs a full commit SHA'],
    [{ revision: `${HEAD}\nevil=1`, sourceUrl: 'https://github.com/acme/app' }, 'The revision label needs a full commit SHA'],
    [
      { revision: HEAD, sourceUrl: 'https://github.com/acme/app\norg.opencontainers.image.revision=0' },
      "The source label needs the repository's http(s) URL",
    ],
    [{ revision: HEAD, sourceUrl: 'ftp://github.com/acme/app' }, "The source label needs the repository's http(s) URL"],
    [{ revision: HEAD, sourceUrl: 'acme/app' }, "The source label needs the repository's http(s) URL"],
  ])('refuse %j: no value can add a line of its own', (input, message) => {
    expect(() => ociLabels(input)).toThrow(message)
  })
})

describe('the revision check after the build', () => {
  const ref = 'ghcr.io/acme/app/ci:pr-42'

  it('passes when the image was built from the awaited commit, whatever the case', () => {
    expect(checkRevision(ref, HEAD, HEAD.toUpperCase())).toEqual({ kind: 'match' })
  })

  it('fails naming both commits when a later build overwrote the tag', () => {
    const check = checkRevision(ref, HEAD, MERGE)
    expect(check.kind).toBe('mismatch')
    expect('message' in check && check.message).toBe(
      `${ref} was built from commit ${MERGE}, not from ${HEAD}, the commit whose build was awaited: ` +
        'a later build may have overwritten the tag, or the build labels the merge commit instead of the PR head.',
    )
  })

  it.each([undefined, '', '  '])('says how to label the build when the label is %j', (labelled) => {
    const check = checkRevision(ref, HEAD, labelled)
    expect(check.kind).toBe('unlabelled')
    expect('message' in check && check.message).toContain(
      "Pass resolve-image's `labels` output to docker/build-push-action's `labels` and `annotations` inputs.",
    )
  })
})
