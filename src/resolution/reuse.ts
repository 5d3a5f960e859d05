// Reuse, decided without I/O: whether a build here pushes a reuse tag so that a later context may
// reuse its image (and looks the tag up first), and whether the image found may stand in for a
// build. A tag alone is never proof: only the image's inputs label is (docs/reuse.md).
import { imageReference, pinnedReference } from '../registry/image-ref.js'
import { INPUTS_LABEL, REVISION_LABEL } from '../registry/labels.js'
import type { ReuseMode } from '../action/inputs.js'
import type { Target } from '../action/target.js'

/** A context whose build pushes a reuse tag, looked up before it builds. */
export interface ReusePlan {
  /** The PR whose builds share images (`reuse: pull-request`); undefined: the whole repository's. */
  prNumber?: number
}

/**
 * `builds`: this context pushes tags (a same-repository PR that changes the watched paths, or a
 * push). A push reuses only under `repository`, and only on a long-lived branch (one with a
 * stable tag): a PR's image is what that branch then ships. Undefined where nothing is reused,
 * so that nothing there needs an inputs hash.
 */
export function planReuse(mode: ReuseMode, target: Target, builds: boolean, longLived: boolean): ReusePlan | undefined {
  if (mode === 'off' || !builds) return undefined
  if (target.kind === 'pull_request') return mode === 'repository' ? {} : { prNumber: target.number }
  if (target.kind === 'push' && longLived && mode === 'repository') return {}
  return undefined
}

export type ReuseVerdict =
  /** Built from the same inputs: `pinned` stands in for a build. */
  | { kind: 'reusable'; pinned: string; digest: string; revision?: string }
  /** The tag is there but its image does not prove these inputs. */
  | { kind: 'refused'; why: string }

/** Judges the image a reuse tag points to: only its inputs label, equal to the hash, makes it reusable. */
export function judgeReusable(reference: string, hash: string, image: { digest: string; labels: Record<string, string> }): ReuseVerdict {
  const labelled = image.labels[INPUTS_LABEL]?.trim()
  if (labelled === undefined || labelled === '') return { kind: 'refused', why: `${reference} has no ${INPUTS_LABEL} label` }
  if (labelled !== hash) return { kind: 'refused', why: `${reference} carries ${INPUTS_LABEL}=${labelled.slice(0, 80)}, not ${hash}` }
  const revision = image.labels[REVISION_LABEL]?.trim()
  return { kind: 'reusable', pinned: pinnedReference(reference, image.digest), digest: image.digest, revision: revision || undefined }
}

/** What resolve found out about reuse, for the outputs, the summary and the other commands. */
export interface ReuseFacts {
  /** The inputs hash at the build commit; undefined when it could not be computed (`notice` says why). */
  hash?: string
  /** How many files are inputs. */
  inputFiles?: number
  /** The reuse tag a build here pushes. */
  tag?: string
  reusable?: Extract<ReuseVerdict, { kind: 'reusable' }>
  /** Why no image is reused although one was looked for: a notice, never a failure. */
  notice?: string
}

/** The resolved push list with the reuse tag added: a build here makes its image reusable. */
export function withReuseTag<T extends { push: string[]; pushReferences: string[] }>(
  resolved: T,
  imageRepository: string,
  tag?: string,
): T {
  if (tag === undefined || resolved.push.length === 0 || resolved.push.includes(tag)) return resolved
  return { ...resolved, push: [...resolved.push, tag], pushReferences: [...resolved.pushReferences, imageReference(imageRepository, tag)] }
}
