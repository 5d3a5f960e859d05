import { describe, expect, it } from 'vitest'
import { parseBranchTags } from '../../src/action/inputs.js'
import { isValidTag } from '../../src/registry/image-ref.js'
import { prCommitTag } from '../../src/registry/pr-tags.js'
import { choosePullRequestTag, choosePushTags, defaultStableTag, sanitizeTagPart, shaTag } from '../../src/resolution/tags.js'

const branchTags = parseBranchTags('v2=v2\nmain=latest\nmaster=latest')
const sha = '0123456789abcdef0123456789abcdef01234567'

describe('the tag table of docs/how-it-decides.md', () => {
  it.each([
    { context: 'PR to v2 not touching watched paths', baseRef: 'v2', modified: false, fork: false, tag: 'v2', push: [] },
    { context: 'PR to main not touching watched paths', baseRef: 'main', modified: false, fork: false, tag: 'latest', push: [] },
    { context: 'PR to master not touching watched paths', baseRef: 'master', modified: false, fork: false, tag: 'latest', push: [] },
    { context: 'PR to another branch', baseRef: 'release/1.x', modified: false, fork: false, tag: 'v2', push: [] },
    {
      context: 'PR touching watched paths',
      baseRef: 'v2',
      modified: true,
      fork: false,
      tag: 'pr-123',
      push: ['pr-123', 'pr-123-sha-0123456'],
    },
    { context: 'fork PR touching watched paths', baseRef: 'main', modified: true, fork: true, tag: 'latest', push: [] },
  ])('$context → $tag', ({ baseRef, modified, fork, tag, push }) => {
    const choice = choosePullRequestTag({ prNumber: 123, headSha: sha, baseRef, modified, fork, branchTags, defaultTag: 'v2' })
    expect(choice.tag).toBe(tag)
    expect(choice.push).toEqual(push)
    expect(choice.reason).toMatch(/PR #123/)
  })

  it.each([
    { branch: 'v2', tag: 'v2', push: ['v2', 'v2-sha-0123456'] },
    { branch: 'main', tag: 'latest', push: ['latest', 'main-sha-0123456'] },
    { branch: 'master', tag: 'latest', push: ['latest', 'master-sha-0123456'] },
    { branch: 'feature/x', tag: 'feature-x-sha-0123456', push: ['feature-x-sha-0123456'] },
  ])('push to $branch → $push', ({ branch, tag, push }) => {
    const choice = choosePushTags(branch, sha, branchTags)
    expect(choice.tag).toBe(tag)
    expect(choice.push).toEqual(push)
  })

  it('uses the configured default tag for unknown base branches', () => {
    const choice = choosePullRequestTag({
      prNumber: 1,
      headSha: sha,
      baseRef: 'develop',
      modified: false,
      fork: false,
      branchTags,
      defaultTag: 'stable',
    })
    expect(choice.tag).toBe('stable')
    expect(choice.reason).toMatch(/no entry in branch-tags/)
  })

  // A repository with only `main` must never be sent to a tag its build does not push (`v2`).
  it.each([
    { defaultBranch: 'main', defaultTag: undefined, tag: 'latest' },
    { defaultBranch: 'v2', defaultTag: undefined, tag: 'v2' },
    { defaultBranch: 'trunk', defaultTag: undefined, tag: 'latest' },
    { defaultBranch: undefined, defaultTag: undefined, tag: 'latest' },
    { defaultBranch: 'v2', defaultTag: 'stable', tag: 'stable' },
  ])('an unlisted base, default branch $defaultBranch, default-tag $defaultTag → $tag', ({ defaultBranch, defaultTag, tag }) => {
    expect(defaultStableTag({ branchTags, defaultTag, defaultBranch })).toBe(tag)
    const choice = choosePullRequestTag({
      prNumber: 1,
      headSha: sha,
      baseRef: 'release/1.x',
      modified: false,
      fork: false,
      branchTags,
      defaultTag,
      defaultBranch,
    })
    expect(choice.tag).toBe(tag)
  })

  it("a default branch of its own: branch-tags' entry for it", () => {
    const tags = parseBranchTags('develop=edge')
    expect(defaultStableTag({ branchTags: tags, defaultBranch: 'develop' })).toBe('edge')
  })
})

describe('the immutable tag of a PR commit', () => {
  it('names the PR and the first 7 characters of its head commit', () => {
    expect(prCommitTag(42, '1A2B3C4D5E6F7A8B9C0D1A2B3C4D5E6F7A8B9C0D')).toBe('pr-42-sha-1a2b3c4')
  })

  it('is pushed beside pr-N, which later pushes overwrite, and names the head, not the merge commit', () => {
    const head = 'b'.repeat(40)
    const choice = choosePullRequestTag({
      prNumber: 7,
      headSha: head,
      baseRef: 'main',
      modified: true,
      fork: false,
      branchTags,
      defaultTag: 'v2',
    })
    expect(choice).toMatchObject({ tag: 'pr-7', push: ['pr-7', 'pr-7-sha-bbbbbbb'] })
    expect(choice.push.every(isValidTag)).toBe(true)
  })

  it('stays a valid tag for the largest PR numbers', () => {
    expect(isValidTag(prCommitTag(Number.MAX_SAFE_INTEGER, sha))).toBe(true)
  })

  it.each(['', 'abc', 'not-a-sha', '0123456/../x', '0123456'])('refuses %j as a head commit', (head) => {
    expect(() => prCommitTag(1, head)).toThrow(`A PR's head commit must be a hexadecimal SHA; got "${head}".`)
  })
})

describe('branch names become valid tags', () => {
  it.each([
    ['feature/login', 'feature-login'],
    ['fix/$(rm -rf ~); echo `id`', 'fix-rm-rf-echo-id'],
    ['a\'b"c|d&e>f', 'a-b-c-d-e-f'],
    ['für-übung', 'fur-ubung'],
    ['日本語', 'branch'],
    ['.hidden', 'hidden'],
    ['-leading', 'leading'],
    ['emoji-🚀-x', 'emoji-x'],
  ])('%s → %s', (branch, expected) => {
    expect(sanitizeTagPart(branch)).toBe(expected)
    expect(isValidTag(shaTag(branch, sha))).toBe(true)
  })

  it('keeps the whole tag within 128 characters and keeps the sha', () => {
    const tag = shaTag('x'.repeat(300), sha)
    expect(tag).toHaveLength(128)
    expect(tag.endsWith('-sha-0123456')).toBe(true)
    expect(isValidTag(tag)).toBe(true)
  })

  it.each([
    ['v2', true],
    ['_x', true],
    ['.x', false],
    ['-x', false],
    ['a b', false],
    ['x'.repeat(128), true],
    ['x'.repeat(129), false],
  ])('isValidTag(%j) = %s', (tag, valid) => {
    expect(isValidTag(tag)).toBe(valid)
  })
})
