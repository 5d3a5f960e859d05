// Who may drive the action from a comment: a repository permission, never an
// author_association (GitHub reports CONTRIBUTOR for organisation members whose membership is
// private, and MEMBER does not imply write access). Pure.
import type { CollaboratorPermission } from '../github/repository.js'

/**
 * The repository roles from least to most access (docs: "Repository roles for an
 * organization"). triage and maintain exist on organisation repositories only.
 */
export const PERMISSIONS = ['read', 'triage', 'write', 'maintain', 'admin'] as const
export type Permission = (typeof PERMISSIONS)[number]

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value)
}

/**
 * The role that decides: `role_name` when it is one of the five, else (a custom role) its base
 * `permission`; undefined for `none`. Source: GitHub's OpenAPI description of the operation
 * repos/get-collaborator-permission-level ("the maintain role is mapped to write and the triage
 * role is mapped to read"; "role_name provides the name of the assigned role, including custom roles").
 */
export function effectivePermission({ permission, roleName }: CollaboratorPermission): Permission | undefined {
  if (roleName !== undefined && isPermission(roleName)) return roleName
  return isPermission(permission) ? permission : undefined
}

export function meets(actual: Permission | undefined, required: Permission): boolean {
  return actual !== undefined && PERMISSIONS.indexOf(actual) >= PERMISSIONS.indexOf(required)
}

/** A GitHub App or the Actions bot: `name[bot]` logins, or a user of type Bot. */
export function isBot(user: { login: string; type?: string }): boolean {
  return user.type === 'Bot' || /\[bot\]$/.test(user.login)
}
