// Two runs announcing the same PR's image at once (two pushes in quick succession, a re-run).
import { expect, it } from 'vitest'
import { commentMarker } from '../../src/comment/comment-marker.js'
import { issueCommentsApi } from '../../src/comment/issue-comments.js'
import { createClient } from '../../src/github/client.js'
import { upsertComment } from '../../src/comment/upsert-comment.js'
import { FakeComments } from '../support/fake-comments.js'
import { useEmbeddedGitHub } from '../support/embedded-github.js'
import { ACTIONS_BOT, type FakeGitHub } from '../support/github-server.js'

const MARKER = commentMarker('ghcr.io/acme/app/ci')

let comments: FakeComments
const github = useEmbeddedGitHub((github) => (comments = new FakeComments(github)))

/**
 * The worst interleaving, made certain: GitHub answers no create until both runs have listed the
 * PR's comments, so both see none and both create one.
 */
function bothListBeforeEitherCreates(fake: FakeGitHub): void {
  let listed = 0
  let open!: () => void
  const gate = new Promise<void>((resolve) => (open = resolve))
  fake.holdBack = async (request) => {
    if (request.method === 'POST') await gate
  }
  const previous = fake.onRequest
  fake.onRequest = (request) => {
    previous(request)
    if (request.method === 'GET' && ++listed === 2) open()
  }
}

it('two runs that both create a comment leave exactly one, the oldest', async () => {
  bothListBeforeEitherCreates(github())
  const run = async (name: string) =>
    upsertComment(
      issueCommentsApi(
        await createClient({ token: 'test-token', baseUrl: github().url, msPerSecond: 1 }),
        { owner: 'acme', repo: 'app' },
        42,
      ),
      { marker: MARKER, body: `${MARKER}\nfrom ${name}`, author: ACTIONS_BOT.login },
    )

  const [a, b] = await Promise.all([run('a'), run('b')])

  // The race was real: both runs created a comment.
  expect(github().requests.filter((r) => r.method === 'POST')).toHaveLength(2)
  const left = comments.on(42)
  expect(left).toHaveLength(1)
  expect(a.comment!.id).toBe(left[0]!.id)
  expect(b.comment!.id).toBe(left[0]!.id)
  expect([a.action, b.action].sort()).toEqual(['created', 'updated'])
  expect(left[0]!.body).toMatch(new RegExp(`^${MARKER}\\nfrom [ab]$`))
})
