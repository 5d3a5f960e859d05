// The checked reading of the `resolution` input. The input is untrusted text: it has a size cap, a
// strict schema (every field checked, no other field, one known version), and it must be this run's:
// its repository, its target and its image repository. Every message names the input, says what
// was wrong and what to pass instead. Pure.
import { oneLine } from '../action/html.js'
import { FULL_COMMIT_SHA } from '../git/commit-sha.js'
import { imageReference, isValidTag, SHA256_DIGEST } from '../registry/image-ref.js'
import { PULL_REQUEST_EVENTS, type PullRequestEvent } from '../watch/triggers.js'
import {
  MAX_REASON_LENGTH,
  MAX_RESOLUTION_LENGTH,
  MAX_REVISION_LENGTH,
  MAX_TAGS,
  RESOLUTION_SCHEMA,
  resolutionTarget,
  type ImageDecision,
  type ResolutionScope,
  type ResolutionTarget,
} from './resolution-value.js'

const PASS_OWN =
  "pass the `resolution` output of this run's own resolve-image step as it is (`${{ steps.<id>.outputs.resolution }}`, " +
  'or `${{ needs.<job>.outputs.resolution }}` from an earlier job), or leave the input out and the step resolves by itself'

/** At most a line of an untrusted value, as JSON text: no line break, no huge echo. */
function shown(value: unknown): string {
  if (value === undefined) return 'nothing'
  return oneLine(JSON.stringify(value) ?? 'nothing', 80)
}

function malformed(path: string, expected: string, got: unknown): Error {
  const what = path === '' ? 'the value' : `\`${path}\``
  return new Error(
    `Input \`resolution\` is not a value resolve-image wrote: ${what} must be ${expected}; got ${shown(got)}. To fix: ${PASS_OWN}.`,
  )
}

type Fields = Record<string, unknown>

const at = (path: string, key: string) => (path === '' ? key : `${path}.${key}`)

/** An object with the `required` keys and maybe the `optional` ones, and no other. */
function object(value: unknown, path: string, required: readonly string[], optional: readonly string[] = []): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw malformed(path, 'an object', value)
  const fields = value as Fields
  const extra = Object.keys(fields).find((key) => !required.includes(key) && !optional.includes(key))
  if (extra !== undefined) throw malformed(at(path, extra), 'absent (resolve-image writes no such field)', fields[extra])
  const missing = required.find((key) => !Object.hasOwn(fields, key))
  if (missing !== undefined) throw malformed(at(path, missing), 'present', undefined)
  return fields
}

function text(fields: Fields, path: string, key: string, max: number, test: (value: string) => boolean, expected: string): string {
  const value = fields[key]
  if (typeof value !== 'string' || value.length > max || !test(value)) throw malformed(at(path, key), expected, value)
  return value
}

function optionalText(fields: Fields, path: string, key: string, max: number, test: (value: string) => boolean, expected: string) {
  return fields[key] === undefined ? undefined : text(fields, path, key, max, test, expected)
}

function boolean(fields: Fields, path: string, key: string): boolean {
  if (typeof fields[key] !== 'boolean') throw malformed(at(path, key), 'true or false', fields[key])
  return fields[key]
}

function count(fields: Fields, path: string, key: string, least: number): number {
  const value = fields[key]
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < least)
    throw malformed(at(path, key), `a whole number of at least ${least}`, value)
  return value
}

const anything = () => true
const noControl = (value: string) => value !== '' && !/[\p{Cc}\p{Cf}\u2028\u2029]/u.test(value)
const commitSha = (value: string) => FULL_COMMIT_SHA.test(value)
const COMMIT = 'a full commit SHA'
const INPUTS_HASH = /^[0-9a-f]{64}$/

function readTarget(value: unknown): ResolutionTarget {
  const kind = object(value, 'target', ['kind'], ['pr', 'headSha', 'queueSha', 'branch', 'sha']).kind
  if (kind === 'push') {
    const fields = object(value, 'target', ['kind', 'branch', 'sha'])
    return {
      kind,
      branch: text(fields, 'target', 'branch', 255, noControl, 'a branch name'),
      sha: text(fields, 'target', 'sha', 64, commitSha, COMMIT).toLowerCase(),
    }
  }
  if (kind === 'pull_request') {
    const fields = object(value, 'target', ['kind', 'pr', 'headSha'])
    return { kind, pr: count(fields, 'target', 'pr', 1), headSha: text(fields, 'target', 'headSha', 64, commitSha, COMMIT).toLowerCase() }
  }
  if (kind === 'merge_group') {
    const fields = object(value, 'target', ['kind', 'pr', 'headSha', 'queueSha'])
    return {
      kind,
      pr: count(fields, 'target', 'pr', 1),
      headSha: text(fields, 'target', 'headSha', 64, commitSha, COMMIT).toLowerCase(),
      queueSha: text(fields, 'target', 'queueSha', 64, commitSha, COMMIT).toLowerCase(),
    }
  }
  throw malformed('target.kind', 'pull_request, merge_group or push', kind)
}

/** A reference in `imageRepository`: `<imageRepository>:<tag>`. */
const inRepository = (imageRepository: string) => (value: string) =>
  value.startsWith(`${imageRepository}:`) && isValidTag(value.slice(imageRepository.length + 1))

function readReuse(value: unknown, imageRepository: string): ImageDecision['reuse'] {
  const fields = object(value, 'decision.reuse', [], ['hash', 'reusable'])
  const hash = optionalText(fields, 'decision.reuse', 'hash', 64, (v) => INPUTS_HASH.test(v), 'a sha256 in lower-case hex')
  if (fields.reusable === undefined) return { hash }
  const path = 'decision.reuse.reusable'
  const reusable = object(fields.reusable, path, ['pinned', 'digest'], ['revision'])
  const digest = text(reusable, path, 'digest', 71, (v) => SHA256_DIGEST.test(v), 'an image digest (sha256:<64 hex>)')
  const pinned = text(
    reusable,
    path,
    'pinned',
    imageRepository.length + 200,
    (v) => v.endsWith(`@${digest}`) && inRepository(imageRepository)(v.slice(0, -digest.length - 1)),
    `${imageRepository}:<tag>@${digest}`,
  )
  const revision = optionalText(reusable, path, 'revision', MAX_REVISION_LENGTH, anything, `at most ${MAX_REVISION_LENGTH} characters`)
  return { hash, reusable: { pinned, digest, revision } }
}

function readEvents(value: unknown): PullRequestEvent[] {
  const events = value as unknown[]
  const known = (event: unknown) => (PULL_REQUEST_EVENTS as readonly unknown[]).includes(event)
  if (
    !Array.isArray(value) ||
    events.length > PULL_REQUEST_EVENTS.length ||
    !events.every(known) ||
    new Set(events).size !== events.length
  ) {
    throw malformed('decision.events', `a list of distinct events among ${PULL_REQUEST_EVENTS.join(', ')}`, value)
  }
  return value as PullRequestEvent[]
}

function readTags(value: unknown, imageRepository: string): string[] {
  const isReference = inRepository(imageRepository)
  if (!Array.isArray(value) || value.length > MAX_TAGS || !value.every((v) => typeof v === 'string' && isReference(v))) {
    throw malformed('decision.tags', `a list of at most ${MAX_TAGS} references ${imageRepository}:<tag>`, value)
  }
  return value as string[]
}

const DECISION_FIELDS = ['image', 'tag', 'tags', 'modified', 'fork', 'reason'] as const
const OPTIONAL_DECISION_FIELDS = ['commitTag', 'events', 'changedCount', 'beyondPathFilterLimit', 'reuse'] as const

function readDecision(value: unknown, imageRepository: string, target: ResolutionTarget): ImageDecision {
  const path = 'decision'
  const fields = object(value, path, DECISION_FIELDS, OPTIONAL_DECISION_FIELDS)
  const TAG = 'a Docker tag'
  const tag = text(fields, path, 'tag', 128, isValidTag, TAG)
  const image = imageReference(imageRepository, tag)
  text(fields, path, 'image', image.length, (v) => v === image, image)
  const modified = boolean(fields, path, 'modified')
  const fork = boolean(fields, path, 'fork')
  // Where a build of this context's own image is awaited or announced, its commit's tag names it.
  const ownImage = target.kind === 'push' || (modified && !fork)
  const commitTag = ownImage
    ? text(fields, path, 'commitTag', 128, isValidTag, TAG)
    : optionalText(fields, path, 'commitTag', 128, isValidTag, TAG)
  return {
    image,
    tag,
    commitTag,
    tags: readTags(fields.tags, imageRepository),
    modified,
    fork,
    reason: text(fields, path, 'reason', MAX_REASON_LENGTH, noControl, `one sentence of at most ${MAX_REASON_LENGTH} characters`),
    events: fields.events === undefined ? undefined : readEvents(fields.events),
    changedCount: fields.changedCount === undefined ? undefined : count(fields, path, 'changedCount', 0),
    beyondPathFilterLimit: fields.beyondPathFilterLimit === undefined ? undefined : boolean(fields, path, 'beyondPathFilterLimit'),
    reuse: fields.reuse === undefined ? undefined : readReuse(fields.reuse, imageRepository),
  }
}

/** What a target is, for a message: `PR #42 at 0123abc`, `a push to "main" at 0123abc`. */
function describeTarget(target: ResolutionTarget): string {
  const at = (sha: string) => `at ${sha.slice(0, 7)}`
  switch (target.kind) {
    case 'pull_request':
      return `PR #${target.pr} ${at(target.headSha)}`
    case 'merge_group':
      return `the merge queue's group of PR #${target.pr} ${at(target.headSha)} (queue commit ${target.queueSha.slice(0, 7)})`
    case 'push':
      return `a push to ${shown(target.branch)} ${at(target.sha)}`
  }
}

function describe(repository: string, target: ResolutionTarget, imageRepository: string): string {
  return `${describeTarget(target)} of ${shown(repository)}, image ${shown(imageRepository)}`
}

function sameTarget(a: ResolutionTarget, b: ResolutionTarget): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/**
 * The decision the `resolution` input carries, once it is found to be a value resolve-image wrote
 * for this run's repository, target and image repository; otherwise an error saying what to pass.
 */
export function readResolution(input: string, scope: ResolutionScope): ImageDecision {
  if (input.length > MAX_RESOLUTION_LENGTH) {
    throw new Error(
      `Input \`resolution\` holds ${input.length} characters, more than the ${MAX_RESOLUTION_LENGTH} a resolve-image value can have ` +
        `(it starts ${shown(input.slice(0, 40))}). To fix: ${PASS_OWN}.`,
    )
  }
  let value: unknown
  try {
    value = JSON.parse(input)
  } catch (error) {
    const why = oneLine((error as Error).message, 120)
    throw new Error(`Input \`resolution\` is not JSON (${why}); got ${shown(input)}. To fix: ${PASS_OWN}.`, { cause: error })
  }
  const schema = object(value, '', ['schema'], ['repository', 'imageRepository', 'target', 'decision']).schema
  if (schema !== RESOLUTION_SCHEMA) {
    throw new Error(
      `Input \`resolution\` has schema version ${shown(schema)}; this version of ci-image reads version ${RESOLUTION_SCHEMA}. ` +
        'Run resolve-image and this step with the same version of the action, and pass the output as it is.',
    )
  }
  const fields = object(value, '', ['schema', 'repository', 'imageRepository', 'target', 'decision'])
  const repository = text(fields, '', 'repository', 201, (v) => /^[\w.-]+\/[\w.-]+$/.test(v), 'owner/repo')
  const imageRepository = text(fields, '', 'imageRepository', 1024, noControl, 'an image repository')
  const target = readTarget(fields.target)
  const ours = {
    repository: `${scope.repository.owner}/${scope.repository.repo}`,
    target: resolutionTarget(scope.target),
    imageRepository: scope.imageRepository,
  }
  if (
    repository.toLowerCase() !== ours.repository.toLowerCase() ||
    !sameTarget(target, ours.target) ||
    imageRepository !== ours.imageRepository
  ) {
    throw new Error(
      `Input \`resolution\` is resolve-image's decision for ${describe(repository, target, imageRepository)}, but this step runs for ` +
        `${describe(ours.repository, ours.target, ours.imageRepository)}: it is refused. To fix: ${PASS_OWN}.`,
    )
  }
  return readDecision(fields.decision, imageRepository, target)
}
