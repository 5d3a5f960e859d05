// Who may drive the action from a comment: a repository role at least as high as required.
import { describe, expect, it } from 'vitest'
import { effectivePermission, isBot, meets, PERMISSIONS } from '../../src/action/permission.js'

describe('repository permissions', () => {
  it.each([
    // GitHub's OpenAPI description, repos/get-collaborator-permission-level: `permission` maps maintain
    // to write and triage to read; `role_name` names the role, custom roles included.
    { permission: 'write', roleName: 'maintain', effective: 'maintain' },
    { permission: 'read', roleName: 'triage', effective: 'triage' },
    { permission: 'admin', roleName: 'admin', effective: 'admin' },
    // A custom repository role: its base permission decides.
    { permission: 'write', roleName: 'release-manager', effective: 'write' },
    { permission: 'none', roleName: undefined, effective: undefined },
  ])('$permission / $roleName → $effective', ({ permission, roleName, effective }) => {
    expect(effectivePermission({ permission, roleName })).toBe(effective)
  })

  it('orders the roles read < triage < write < maintain < admin', () => {
    for (const [i, required] of PERMISSIONS.entries()) {
      expect(PERMISSIONS.filter((actual) => meets(actual, required))).toEqual(PERMISSIONS.slice(i))
    }
    expect(meets(undefined, 'read')).toBe(false)
  })

  it('tells a bot by its login or its type', () => {
    expect(isBot({ login: 'dependabot[bot]' })).toBe(true)
    expect(isBot({ login: 'some-app', type: 'Bot' })).toBe(true)
    expect(isBot({ login: 'octocat', type: 'User' })).toBe(false)
  })
})
