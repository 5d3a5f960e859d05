// The resolution value (src/resolution/resolution-value.ts, read-resolution.ts): what resolve-image writes reads back
// as the decision it made, for every kind of context; anything else (another run's value, a
// malformed or oversized one) is refused with a message naming the input and what to pass.
import { describe, expect, it } from 'vitest'
import type { MergeGroupTarget, PullRequestTarget, PushTarget } from '../../src/action/target.js'
import { resolveFork, resolveMergeGroup, resolvePullRequest, resolvePush, type ResolvedImage } from '../../src/resolution/decision.js'
import { imageDecisionOf, MAX_RESOLUTION_LENGTH, resolutionValue, type ResolutionScope } from '../../src/resolution/resolution-value.js'
import { readResolution } from '../../src/resolution/read-resolution.js'
import { decideWatch } from '../../src/watch/watch.js'

const IMAGE = 'ghcr.io/acme/app/ci'
const HEAD = 'a1'.repeat(20)
const config = { imageRepository: IMAGE, branchTags: new Map([['main', 'latest']]) }
const pr: PullRequestTarget = {
  kind: 'pull_request',
  number: 42,
  baseRef: 'main',
  baseSha: 'b'.repeat(40),
  headSha: HEAD,
  headRef: 'feature',
  fork: false,
}
const push: PushTarget = { kind: 'push', branch: 'main', sha: 'c'.repeat(40) }
const queue: MergeGroupTarget = {
  kind: 'merge_group',
  queue: { baseRef: 'main', baseSha: 'b'.repeat(40), headSha: 'd'.repeat(40), headRef: `gh-readonly-queue/main/pr-42-${HEAD}` },
  pr,
}
const scopeOf = (target: ResolutionScope['target']): ResolutionScope => ({
  repository: { owner: 'acme', repo: 'app' },
  target,
  imageRepository: IMAGE,
})

async function resolvedPullRequest(changed: string[], target: PullRequestTarget = pr): Promise<ResolvedImage> {
  const watch = await decideWatch(
    { input: ['Dockerfile.ci'], buildWorkflow: 'build-ci-image.yml' },
    { baseRef: 'main', changedPaths: changed },
  )
  return resolvePullRequest(config, target, watch, { paths: changed, source: 'git', complete: true })
}

const DIGEST = `sha256:${'e'.repeat(64)}`
const HASH = 'f'.repeat(64)
/** A PR that changes the image, for which an image of the same inputs was found. */
async function withReuse(): Promise<ResolvedImage> {
  const resolved = await resolvedPullRequest(['Dockerfile.ci', 'src/a.ts'])
  const pinned = `${IMAGE}:pr-42-inputs-${HASH.slice(0, 16)}@${DIGEST}`
  return {
    ...resolved,
    reuse: {
      hash: HASH,
      inputFiles: 1,
      tag: `pr-42-inputs-${HASH.slice(0, 16)}`,
      reusable: { kind: 'reusable', pinned, digest: DIGEST, revision: '9'.repeat(40) },
    },
  }
}

describe('the resolution value', () => {
  it('reads back, for this run, as the decision resolve-image made: a PR that changes the image, with a reusable image', async () => {
    const resolved = await withReuse()
    const value = resolutionValue(resolved, scopeOf(pr))
    const decision = readResolution(value, scopeOf(pr))
    expect(decision).toEqual(imageDecisionOf(resolved))
    expect(decision).toMatchObject({
      image: `${IMAGE}:pr-42`,
      tag: 'pr-42',
      commitTag: `pr-42-sha-${HEAD.slice(0, 7)}`,
      modified: true,
      fork: false,
      events: ['pull_request', 'pull_request_target'],
      changedCount: 2,
      beyondPathFilterLimit: false,
      reuse: { hash: HASH, reusable: { pinned: resolved.reuse!.reusable!.pinned, digest: DIGEST, revision: '9'.repeat(40) } },
    })
    // Compact: one line, what later steps act on (the changed files are in `changed-files`).
    expect(value).not.toMatch(/\n|src\/a\.ts/)
  })

  it.each([
    ['a PR that changes nothing watched', () => resolvedPullRequest(['src/a.ts']), pr],
    ["a fork's PR", async () => resolveFork(config, { ...pr, fork: true }), { ...pr, fork: true }],
    ['a push', async () => resolvePush(config, push), push],
    [
      "a merge queue's group",
      async () => {
        const watch = await decideWatch(
          { input: ['Dockerfile.ci'], buildWorkflow: 'b.yml' },
          { baseRef: 'main', changedPaths: ['Dockerfile.ci'] },
        )
        return resolveMergeGroup(config, queue, watch, { paths: ['Dockerfile.ci'], source: 'git', complete: true })
      },
      queue,
    ],
  ] as const)('reads back for %s', async (_, resolve, target) => {
    const resolved = await resolve()
    expect(readResolution(resolutionValue(resolved, scopeOf(target)), scopeOf(target))).toEqual(imageDecisionOf(resolved))
  })

  it('takes the repository whatever its case, as GitHub does', async () => {
    const value = resolutionValue(await resolvedPullRequest(['Dockerfile.ci']), {
      ...scopeOf(pr),
      repository: { owner: 'Acme', repo: 'App' },
    })
    expect(() => readResolution(value, scopeOf(pr))).not.toThrow()
  })

  it('clips a long reason, so that a value resolve-image writes is always one it reads', async () => {
    const resolved = { ...(await resolvedPullRequest(['src/a.ts'])), reason: 'R'.repeat(10_000) }
    const decision = readResolution(resolutionValue(resolved, scopeOf(pr)), scopeOf(pr))
    expect(decision.reason).toHaveLength(2048)
    expect(decision.reason.endsWith('…')).toBe(true)
  })
})

describe('a resolution that is not this run’s', () => {
  const valueFor = async (target: ResolutionScope['target'], change: Partial<ResolutionScope> = {}) =>
    resolutionValue(await resolvedPullRequest(['Dockerfile.ci'], target.kind === 'pull_request' ? target : pr), {
      ...scopeOf(target),
      ...change,
    })

  it.each([
    [
      'another PR',
      () => valueFor({ ...pr, number: 41 }),
      /decision for PR #41 at a1a1a1a of "acme\/app", image "ghcr.io\/acme\/app\/ci", but this step runs for PR #42 at a1a1a1a of "acme\/app"/,
    ],
    [
      'another head commit',
      () => valueFor({ ...pr, headSha: '0'.repeat(40) }),
      /for PR #42 at 0000000 .*, but this step runs for PR #42 at a1a1a1a /,
    ],
    [
      'another repository',
      () => valueFor(pr, { repository: { owner: 'acme', repo: 'fork' } }),
      /of "acme\/fork", .* but this step runs for .* of "acme\/app"/,
    ],
    [
      'another image repository',
      () => valueFor(pr, { imageRepository: 'ghcr.io/acme/app/other' }),
      /image "ghcr.io\/acme\/app\/other", but this step runs for .*image "ghcr.io\/acme\/app\/ci"/,
    ],
    ["a merge queue's group", () => valueFor(queue), /for the merge queue's group of PR #42 at a1a1a1a \(queue commit ddddddd\)/],
    ['a push', () => valueFor(push), /for a push to "main" at ccccccc/],
  ])('is refused for %s, saying what it is for, what this run is and what to pass', async (_, value, says) => {
    const read = async () => readResolution(await value(), scopeOf(pr))
    await expect(read()).rejects.toThrow(says)
    await expect(read()).rejects.toThrow(
      /^Input `resolution` is resolve-image's decision for .*: it is refused\. To fix: pass the `resolution` output of this run's own resolve-image step/,
    )
  })

  it("is refused for another commit of this PR's merge queue", async () => {
    const value = resolutionValue(await resolvedPullRequest(['Dockerfile.ci']), scopeOf(queue))
    const later = { ...queue, queue: { ...queue.queue, headSha: '5'.repeat(40) } }
    expect(() => readResolution(value, scopeOf(later))).toThrow(/queue commit ddddddd.*queue commit 5555555/)
  })
})

describe('a malformed resolution', () => {
  let value: Record<string, any>
  const fresh = async () => (value = JSON.parse(resolutionValue(await withReuse(), scopeOf(pr))) as Record<string, any>)
  const read = (v: unknown) => () => readResolution(typeof v === 'string' ? v : JSON.stringify(v), scopeOf(pr))

  it.each<[string, (v: Record<string, any>) => void, string]>([
    ['a tag docker refuses', (v) => (v.decision.tag = 'pr 42'), '`decision.tag` must be a Docker tag; got "pr 42"'],
    [
      'an image outside the image repository',
      (v) => (v.decision.image = 'docker.io/evil/ci:pr-42'),
      '`decision.image` must be ghcr.io/acme/app/ci:pr-42',
    ],
    [
      'a tag to push elsewhere',
      (v) => (v.decision.tags = ['docker.io/evil/ci:x']),
      '`decision.tags` must be a list of at most 8 references ghcr.io/acme/app/ci:<tag>',
    ],
    ['a string for a boolean', (v) => (v.decision.modified = 'true'), '`decision.modified` must be true or false; got "true"'],
    ['no commit tag for its own build', (v) => delete v.decision.commitTag, '`decision.commitTag` must be a Docker tag; got nothing'],
    [
      'an event no build runs on',
      (v) => (v.decision.events = ['push']),
      '`decision.events` must be a list of distinct events among pull_request, pull_request_target',
    ],
    ['a negative count', (v) => (v.decision.changedCount = -1), '`decision.changedCount` must be a whole number of at least 0'],
    ['a hash that is no sha256', (v) => (v.decision.reuse.hash = 'abc'), '`decision.reuse.hash` must be a sha256 in lower-case hex'],
    [
      'a digest that is none',
      (v) => (v.decision.reuse.reusable.digest = 'sha256:abc'),
      '`decision.reuse.reusable.digest` must be an image digest',
    ],
    [
      'a reusable image of another repository',
      (v) => (v.decision.reuse.reusable.pinned = `docker.io/evil/ci:x@${DIGEST}`),
      '`decision.reuse.reusable.pinned` must be ghcr.io/acme/app/ci:<tag>@sha256:',
    ],
    ['a reason that breaks the line', (v) => (v.decision.reason = 'fine\n::error::not'), '`decision.reason` must be one sentence'],
    [
      'a field resolve-image never writes',
      (v) => (v.decision.pull = true),
      '`decision.pull` must be absent (resolve-image writes no such field); got true',
    ],
    ['a PR number of 0', (v) => (v.target.pr = 0), '`target.pr` must be a whole number of at least 1; got 0'],
    ['a PR number as text', (v) => (v.target.pr = '42'), '`target.pr` must be a whole number of at least 1; got "42"'],
    [
      'an unknown kind of target',
      (v) => (v.target = { kind: 'issue' }),
      '`target.kind` must be pull_request, merge_group or push; got "issue"',
    ],
    ['a short head SHA', (v) => (v.target.headSha = 'a1a1a1a'), '`target.headSha` must be a full commit SHA; got "a1a1a1a"'],
    [
      'a push target with a PR field',
      (v) => (v.target = { kind: 'push', branch: 'main', sha: 'c'.repeat(40), pr: 1 }),
      '`target.pr` must be absent',
    ],
  ])('is refused: %s', async (_, change, says) => {
    await fresh()
    change(value)
    expect(read(value)).toThrow(`Input \`resolution\` is not a value resolve-image wrote: ${says}`)
    expect(read(value)).toThrow(/To fix: pass the `resolution` output of this run's own resolve-image step as it is/)
  })

  it.each([
    [
      'text that is not JSON',
      '${{ steps.image.outputs.resolution }}',
      /^Input `resolution` is not JSON \(.+\); got "\$\{\{ steps\.image\.outputs\.resolution \}\}"\. To fix: /,
    ],
    ['a list', '[1]', /^Input `resolution` is not a value resolve-image wrote: the value must be an object; got \[1\]/],
    ['null', 'null', /the value must be an object; got null/],
    [
      'a value of another schema version',
      '{"schema":2,"decision":{}}',
      /^Input `resolution` has schema version 2; this version of ci-image reads version 1\. Run resolve-image and this step with the same version/,
    ],
    ['a schema version as text', '{"schema":"1"}', /has schema version "1"/],
    ['a field of its own', '{"schema":1,"extra":1}', /`extra` must be absent/],
    ['no schema', '{"repository":"acme/app"}', /`schema` must be present; got nothing/],
  ])('is refused: %s', (_, input, says) => {
    expect(read(input)).toThrow(says)
  })

  it('is refused past its size cap, quoting no more than its start', () => {
    const huge = `{"schema":1,"pad":"${'A'.repeat(MAX_RESOLUTION_LENGTH)}"}`
    expect(read(huge)).toThrow(new RegExp(`^Input \`resolution\` holds ${huge.length} characters, more than the ${MAX_RESOLUTION_LENGTH}`))
    let message = ''
    try {
      read(huge)()
    } catch (error) {
      message = (error as Error).message
    }
    expect(message.length).toBeLessThan(600)
  })

  it('quotes at most a line of a bad value: no line break, no long echo', async () => {
    await fresh()
    value.decision.tag = `${'x'.repeat(5000)}\n::error::injected`
    let message = ''
    try {
      read(value)()
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).not.toContain('\n')
    expect(message).not.toContain('x'.repeat(100))
    expect(message.length).toBeLessThan(600)
  })
})
