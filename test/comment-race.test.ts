// Two runs announcing the same PR's image at once (two pushes in quick succession, a re-run).
import { afterEach, beforeEach, expect, it } from 'vitest'
import { commentMarker } from '../src/comment-marker.js'
import { issueCommentsApi } from '../src/comments.js'
import { createClient } from '../src/github.js'
import { upsertComment } from '../src/upsert-comment.js'
import { FakeComments } from './support/fake-comments.js'
import { FakeGitHub } from './support/github-server.js'

const MARKER = commentMarker('ghcr.io/acme/app/ci')

let fake: FakeGitHub
let comments: FakeComments

beforeEach(async () => {
  fake = await new FakeGitHub().start()
  comments = new FakeComments(fake)
})
afterEach(() => fake.stop())

/**
 * The worst interleaving, made certain: each run's creates wait until both runs have listed the
 * PR's comments, so both see none and both create one.
 */
function bothListBeforeEitherCreates(): typeof fetch {
  let listed = 0
  let open!: () => void
  const gate = new Promise<void>((resolve) => (open = resolve))
  return async (input, init) => {
    if (init?.method === 'POST') await gate
    const response = await fetch(input, init)
    if ((init?.method ?? 'GET') === 'GET' && ++listed === 2) open()
    return response
  }
}

it('two runs that both create a comment leave exactly one, the oldest', async () => {
  const gatedFetch = bothListBeforeEitherCreates()
  const run = (name: string) =>
    upsertComment(
      issueCommentsApi(createClient({ token: 'test-token', baseUrl: fake.url, msPerSecond: 1, fetch: gatedFetch }), { owner: 'acme', repo: 'app' }, 42),
      MARKER,
      `${MARKER}\nfrom ${name}`,
    )

  const [a, b] = await Promise.all([run('a'), run('b')])

  // The race was real: both runs created a comment.
  expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(2)
  const left = comments.on(42)
  expect(left).toHaveLength(1)
  expect(a.comment.id).toBe(left[0]!.id)
  expect(b.comment.id).toBe(left[0]!.id)
  expect([a.action, b.action].sort()).toEqual(['created', 'updated'])
  expect(left[0]!.body).toMatch(new RegExp(`^${MARKER}\\nfrom [ab]$`))
})
