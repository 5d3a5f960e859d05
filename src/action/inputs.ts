// Parses and validates the action's inputs into a typed config. Every message names the input.
import { INPUT_DEFAULTS, type InputName } from './action-interface.js'
import { FULL_COMMIT_SHA } from '../git/commit-sha.js'
import { isPermission, PERMISSIONS, type Permission } from './permission.js'
import type { Repository } from '../github/repository.js'
import { isImageRepository, isValidTag, parseImageReference, SHA256_DIGEST, type ParsedImageReference } from '../registry/image-ref.js'

const REUSE_MODES = ['pull-request', 'repository', 'off'] as const
/** Which image built from the same inputs may stand in for a build (docs/reuse.md). */
export type ReuseMode = (typeof REUSE_MODES)[number]

export const COMMANDS = ['resolve-image', 'wait-for-build', 'comment-image'] as const
type Command = (typeof COMMANDS)[number]

export interface Inputs {
  command: Command
  token: string
  /** Lower-cased image repository (no tag); undefined means `ghcr.io/<owner>/<repo>/ci`. */
  imageRepository?: string
  watch: string[]
  buildWorkflow: string
  branchTags: Map<string, string>
  /** Undefined: the default branch's tag in branchTags, else `latest` (see defaultStableTag). */
  defaultTag?: string
  prNumber?: number
  headSha?: string
  pollIntervalSeconds: number
  timeoutSeconds: number
  pull: boolean
  /** On issue_comment events, the least repository permission a commenter needs. */
  trustedPermission: Permission
  /** Which image built from the same inputs may stand in for a build. */
  reuse: ReuseMode
  /**
   * wait-for-build, comment-image: resolve-image's `resolution` output, untrusted text that
   * resolution/read-resolution.ts reads and checks; undefined: the step resolves by itself.
   */
  resolution?: string
  /** comment-image: how the build job ended. */
  jobStatus: JobStatus
  /** comment-image: the digest the build pushed, when the workflow passes it. */
  digest?: string
  /** comment-image: compare the PR's image with the stable image it replaces. */
  diff: boolean
  /** What the PR comment shows to run in the image locally, after `docker run … <image>`. */
  localCommand: string
}

/** Reads one input as the runner passes it (`core.getInput` in production). */
export type InputReader = (name: InputName) => string

class InputError extends Error {
  constructor(input: InputName, message: string) {
    super(`Input \`${input}\` ${message}`)
    this.name = 'InputError'
  }
}

function lines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
}

function positiveInteger(name: InputName, value: string): number {
  if (!/^\d+$/.test(value) || Number(value) <= 0 || !Number.isSafeInteger(Number(value))) {
    throw new InputError(name, `must be a positive whole number; got "${value}".`)
  }
  return Number(value)
}

function parseCommand(value: string): Command {
  if (value === '') throw new InputError('command', `is required: one of ${COMMANDS.join(', ')}.`)
  if (!(COMMANDS as readonly string[]).includes(value)) {
    throw new InputError('command', `must be one of ${COMMANDS.join(', ')}; got "${value}".`)
  }
  return value as Command
}

function parseImageRepository(value: string): string | undefined {
  if (value === '') return undefined
  const image = value.toLowerCase()
  const lastComponent = image.slice(image.lastIndexOf('/') + 1)
  if (image.includes('@') || lastComponent.includes(':')) {
    throw new InputError('image', `is the image repository without a tag or digest (e.g. ghcr.io/acme/app/ci); got "${value}".`)
  }
  if (!isImageRepository(image)) {
    throw new InputError('image', `must be an image repository such as ghcr.io/acme/app/ci; got "${value}".`)
  }
  return image
}

export function parseBranchTags(value: string): Map<string, string> {
  const map = new Map<string, string>()
  for (const line of lines(value)) {
    const match = /^([^=\s]+)\s*=\s*(\S+)$/.exec(line)
    if (!match) {
      throw new InputError('branch-tags', `takes one \`branch=tag\` per line (e.g. main=latest); got "${line}".`)
    }
    const [, branch, tag] = match as unknown as [string, string, string]
    if (!isValidTag(tag)) {
      throw new InputError(
        'branch-tags',
        `has an invalid tag "${tag}" for ${branch}: tags use A-Z a-z 0-9 _ . -, start with a letter, digit or _, at most 128 characters.`,
      )
    }
    map.set(branch, tag)
  }
  return map
}

function parseDefaultTag(value: string): string | undefined {
  if (value === '') return undefined
  if (!isValidTag(value)) {
    throw new InputError(
      'default-tag',
      `must be a Docker tag (A-Z a-z 0-9 _ . -, starting with a letter, digit or _, at most 128 characters); got "${value}".`,
    )
  }
  return value
}

// It goes into a shell code block of the PR comment: one line, nothing that could close the block.
function parseLocalCommand(value: string): string {
  if (/[\p{Cc}\p{Cf}\u2028\u2029`]/u.test(value)) {
    throw new InputError(
      'local-command',
      `must be one line without backticks or control characters, such as "make gen" or "npm test"; got ${JSON.stringify(value)}.`,
    )
  }
  return value
}

/** A workflow file's name as `build-workflow` takes it: the file in .github/workflows. */
export const WORKFLOW_FILE_NAME = /^[\w.-]+\.ya?ml$/

function parseBuildWorkflow(value: string): string {
  if (!WORKFLOW_FILE_NAME.test(value)) {
    throw new InputError('build-workflow', `must be a workflow file name such as build-ci-image.yml; got "${value}".`)
  }
  return value
}

function parseHeadSha(value: string): string | undefined {
  if (value === '') return undefined
  if (!FULL_COMMIT_SHA.test(value)) {
    throw new InputError('head-sha', `must be a full commit SHA (40 hexadecimal characters); got "${value}".`)
  }
  return value.toLowerCase()
}

function parsePermission(value: string): Permission {
  if (isPermission(value)) return value
  throw new InputError('trusted-permission', `must be one of ${PERMISSIONS.join(', ')}; got "${value}".`)
}

const JOB_STATUSES = ['success', 'failure', 'cancelled'] as const
export type JobStatus = (typeof JOB_STATUSES)[number]

/** `${{ job.status }}`: success, failure or cancelled (docs: "Contexts", job context). */
function parseJobStatus(value: string): JobStatus {
  const status = value.toLowerCase()
  if ((JOB_STATUSES as readonly string[]).includes(status)) return status as JobStatus
  throw new InputError('job-status', `must be one of ${JOB_STATUSES.join(', ')} (pass \`\${{ job.status }}\`); got "${value}".`)
}

function parseDigest(value: string): string | undefined {
  if (value === '') return undefined
  if (!SHA256_DIGEST.test(value)) {
    throw new InputError(
      'digest',
      `must be an image digest, sha256: and 64 hexadecimal characters (docker/build-push-action's \`digest\` output); got "${value}".`,
    )
  }
  return value
}

function parseReuse(value: string): ReuseMode {
  if ((REUSE_MODES as readonly string[]).includes(value)) return value as ReuseMode
  throw new InputError(
    'reuse',
    `must be one of ${REUSE_MODES.join(', ')} (pull-request: only an image built for the same PR; repository: any built in this repository; off: always build); got "${value}".`,
  )
}

// resolve-image makes the value; given to it, the input says the workflow mixed up its steps.
function parseResolution(command: Command, value: string): string | undefined {
  if (value === '') return undefined
  if (command === 'resolve-image') {
    throw new InputError(
      'resolution',
      "is resolve-image's own output, for the wait-for-build and comment-image steps after it: remove it from the resolve-image step.",
    )
  }
  return value
}

function parseBoolean(name: InputName, value: string): boolean {
  if (/^true$/i.test(value)) return true
  if (/^false$/i.test(value)) return false
  throw new InputError(name, `must be true or false; got "${value}".`)
}

/** The default of an input, as action.yml gives it; a runner expression counts as none. */
export function inputDefault(name: InputName): string {
  const value: string = INPUT_DEFAULTS[name]
  return value.startsWith('${{') ? '' : value
}

export function parseInputs(read: InputReader): Inputs {
  // The runner passes action.yml's defaults; other callers (tests, the local CLI) may not.
  const text = (name: InputName): string => read(name).trim() || inputDefault(name)
  const prNumber = text('pr-number')
  const command = parseCommand(text('command'))
  return {
    command,
    token: text('github-token'),
    imageRepository: parseImageRepository(text('image')),
    watch: lines(read('watch')),
    buildWorkflow: parseBuildWorkflow(text('build-workflow')),
    branchTags: parseBranchTags(text('branch-tags')),
    defaultTag: parseDefaultTag(text('default-tag')),
    prNumber: prNumber === '' ? undefined : positiveInteger('pr-number', prNumber),
    headSha: parseHeadSha(text('head-sha')),
    pollIntervalSeconds: positiveInteger('poll-interval', text('poll-interval')),
    timeoutSeconds: positiveInteger('timeout', text('timeout')),
    pull: parseBoolean('pull', text('pull')),
    trustedPermission: parsePermission(text('trusted-permission')),
    reuse: parseReuse(text('reuse')),
    resolution: parseResolution(command, text('resolution')),
    jobStatus: parseJobStatus(text('job-status')),
    digest: parseDigest(text('digest')),
    diff: parseBoolean('diff', text('diff')),
    localCommand: parseLocalCommand(text('local-command')),
  }
}

/**
 * `ghcr.io/<owner>/<repo>/ci`, lower-cased as registries require; the action and the local CLI
 * both name the image so, and refuse a name docker would not take rather than print it.
 */
export function defaultImageRepository(repository: Repository): string {
  const image = `ghcr.io/${repository.owner}/${repository.repo}/ci`.toLowerCase()
  let parsed: ParsedImageReference | undefined
  try {
    parsed = parseImageReference(image)
  } catch {
    // Reported below.
  }
  if (!parsed || parsed.tag !== undefined || parsed.digest !== undefined) {
    throw new Error(
      `The repository ${repository.owner}/${repository.repo} gives no valid image repository (ghcr.io/<owner>/<repo>/ci, ` +
        'lower-case letters and digits joined by ".", "_", "__" or "-"): set the `image` input (--image in a terminal), e.g. ghcr.io/acme/app/ci.',
    )
  }
  return image
}
