// upsertComment over Octokit against the embedded GitHub on loopback.
import { describe, expect, it } from 'vitest'
import { commentMarker } from '../../src/comment/comment-marker.js'
import { issueCommentsApi } from '../../src/comment/issue-comments.js'
import { createClient } from '../../src/github/client.js'
import { upsertComment } from '../../src/comment/upsert-comment.js'
import { FakeComments, PERSON } from '../support/fake-comments.js'
import { useEmbeddedGitHub } from '../support/embedded-github.js'
import { ACTIONS_BOT } from '../support/github-server.js'

const MARKER = commentMarker('ghcr.io/acme/app/ci')
/** The workflow token's identity, as GraphQL's `viewer` names it. */
const BOT = ACTIONS_BOT.login
const PATH = '/repos/acme/app/issues/42/comments'

let comments: FakeComments
const github = useEmbeddedGitHub((github) => (comments = new FakeComments(github)))

const api = async () =>
  issueCommentsApi(await createClient({ token: 'test-token', baseUrl: github().url, msPerSecond: 1 }), { owner: 'acme', repo: 'app' }, 42)
const writes = () =>
  github()
    .requests.filter((r) => r.method !== 'GET')
    .map((r) => `${r.method} ${r.path}`)

describe('keeping one image comment on a PR', () => {
  it('creates the comment on a PR that has none', async () => {
    const result = await upsertComment(await api(), { marker: MARKER, body: `${MARKER}\nfirst`, author: BOT })
    expect(result).toMatchObject({ action: 'created', deleted: [] })
    expect(comments.on(42).map((c) => [c.id, c.body])).toEqual([[result.comment!.id, `${MARKER}\nfirst`]])
    expect(result.comment!.html_url).toBe(`https://github.com/acme/app/pull/42#issuecomment-${result.comment!.id}`)
  })

  it('finds ours on the second page of 150 comments and updates it in place', async () => {
    for (let i = 0; i < 120; i++) comments.add(42, `comment ${i}`, PERSON)
    const ours = comments.add(42, `${MARKER}\nold image`)
    for (let i = 120; i < 149; i++) comments.add(42, `comment ${i}`, PERSON)

    const result = await upsertComment(await api(), { marker: MARKER, body: `${MARKER}\nnew image`, author: BOT })

    expect(result).toMatchObject({ action: 'updated', comment: { id: ours.id } })
    expect(comments.byId.get(ours.id)!.body).toBe(`${MARKER}\nnew image`)
    expect(writes()).toEqual([`PATCH /repos/acme/app/issues/comments/${ours.id}`])
    const lists = github().requests.filter((r) => r.path === PATH)
    expect(lists.map((r) => [r.query.get('per_page'), r.query.get('page') ?? '1'])).toEqual([
      ['100', '1'],
      ['100', '2'],
    ])
    expect(comments.on(42)).toHaveLength(150)
  })

  it('cleans up duplicates an earlier race left, keeping the oldest', async () => {
    const oldest = comments.add(42, `${MARKER}\nA`)
    comments.add(42, 'a person in between', PERSON)
    // A stranger's copy of the marker is neither a duplicate to delete nor the one to keep.
    const planted = comments.add(42, `${MARKER}\nplanted`, PERSON)
    const newer = comments.add(42, `${MARKER}\nB`)

    const result = await upsertComment(await api(), { marker: MARKER, body: `${MARKER}\nC`, author: BOT })

    expect(result).toMatchObject({ action: 'updated', comment: { id: oldest.id }, deleted: [newer.id] })
    expect(comments.on(42).map((c) => c.body)).toEqual([`${MARKER}\nC`, 'a person in between', `${MARKER}\nplanted`])
    expect(comments.byId.get(planted.id)!.body).toBe(`${MARKER}\nplanted`)
  })

  it("leaves another image repository's comment alone and writes its own", async () => {
    const otherMarker = commentMarker('ghcr.io/acme/app/tools')
    const other = comments.add(42, `${otherMarker}\ntools image`)
    const before = { ...other }

    const result = await upsertComment(await api(), { marker: MARKER, body: `${MARKER}\nci image`, author: BOT })

    expect(result.action).toBe('created')
    expect(result.comment!.id).not.toBe(other.id)
    expect(comments.byId.get(other.id)).toEqual(before)
    expect(writes()).toEqual([`POST ${PATH}`])
    expect(comments.on(42).map((c) => c.body)).toEqual([`${otherMarker}\ntools image`, `${MARKER}\nci image`])
  })
})

describe('writing only what changes', () => {
  it('an update that would not change the body writes nothing (nobody is notified)', async () => {
    const ours = comments.add(42, `${MARKER}\nsame`)
    const result = await upsertComment(await api(), { marker: MARKER, body: `${MARKER}\nsame`, author: BOT })
    expect(result).toMatchObject({ action: 'unchanged', comment: { id: ours.id } })
    expect(writes()).toEqual([])
  })

  it('create: false updates our comment when there is one, and creates none when there is not', async () => {
    const none = await upsertComment(await api(), { marker: MARKER, body: `${MARKER}\nstable`, author: BOT, create: false })
    expect(none).toEqual({ action: 'none', deleted: [] })
    expect(writes()).toEqual([])
    const ours = comments.add(42, `${MARKER}\npr-42`)
    const updated = await upsertComment(await api(), { marker: MARKER, body: `${MARKER}\nstable`, author: BOT, create: false })
    expect(updated).toMatchObject({ action: 'updated', comment: { id: ours.id } })
  })
})
