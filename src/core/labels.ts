// The OCI labels a build sets so that its image says which commit it was built from and where
// that commit lives, and the check of that claim once the image is in the registry.
//
// Keys: the OCI image spec's pre-defined annotation keys
// (https://github.com/opencontainers/image-spec/blob/main/annotations.md#pre-defined-annotation-keys).
// `created` is left out on purpose: a timestamp in the image config changes the config, and with
// it the digest, of every rebuild of the same commit.
import { FULL_COMMIT_SHA } from './commit-sha.js'
import type { Target } from './target.js'

/** "Source control revision identifier for the packaged software" (OCI annotations). */
export const REVISION_LABEL = 'org.opencontainers.image.revision'
/**
 * "URL to get source code for building the image" (OCI annotations). On GHCR this label also
 * connects the package to the repository, from which it can inherit its access: GitHub Docs,
 * "Connecting a repository to a package" (https://docs.github.com/en/packages/learn-github-packages/connecting-a-repository-to-a-package).
 */
export const SOURCE_LABEL = 'org.opencontainers.image.source'
/** The inputs hash the image was built from (core/inputs-hash.ts): what makes it reusable. */
export const INPUTS_LABEL = 'ci-image.inputs'

export interface OciLabelInput {
  /** The commit the build is built from: a full SHA. */
  revision: string
  /** The repository's URL, e.g. https://github.com/acme/app (or the GitHub Enterprise server's). */
  sourceUrl: string
  /** The image's inputs hash, when known. */
  inputsHash?: string
}

/**
 * The commit a build in this context is built from: the PR head (never the merge commit), the
 * pushed commit, or a merge queue's commit.
 */
export function builtRevision(target: Target): string {
  switch (target.kind) {
    case 'pull_request':
      return target.headSha
    case 'merge_group':
      return target.queue.headSha
    case 'push':
      return target.sha
  }
}

/**
 * `key=value` lines for docker/build-push-action's `labels` input (a newline-delimited list):
 * values are checked so that none can add a line, that is, a label of its own.
 */
export function ociLabels(input: OciLabelInput): string[] {
  if (!FULL_COMMIT_SHA.test(input.revision)) {
    throw new Error(`The revision label needs a full commit SHA (40 or 64 hexadecimal characters); got "${input.revision}".`)
  }
  let url: URL | undefined
  try {
    url = new URL(input.sourceUrl)
  } catch {
    url = undefined
  }
  if (!url || !/^https?:$/.test(url.protocol) || /\s/.test(input.sourceUrl)) {
    throw new Error(`The source label needs the repository's http(s) URL; got "${input.sourceUrl}".`)
  }
  if (input.inputsHash !== undefined && !/^[0-9a-f]{64}$/.test(input.inputsHash)) {
    throw new Error(`The inputs label needs a sha256 in lower-case hexadecimal; got "${input.inputsHash}".`)
  }
  const inputs = input.inputsHash === undefined ? [] : [`${INPUTS_LABEL}=${input.inputsHash}`]
  return [`${REVISION_LABEL}=${input.revision.toLowerCase()}`, `${SOURCE_LABEL}=${input.sourceUrl}`, ...inputs]
}

export type RevisionCheck =
  /** The image was built from the awaited commit. */
  | { kind: 'match' }
  /** The image was built from another commit: its checks would test the wrong image. */
  | { kind: 'mismatch'; message: string }
  /** The image does not say: it cannot be verified. */
  | { kind: 'unlabelled'; message: string }

/** The image's inputs label against the hash this context computed: equal proves the image as well as its revision would. */
export interface InputsCheck {
  expected?: string
  labelled?: string
}

/**
 * Compares the image's revision label with the commit whose build was awaited; an image copied
 * from a build of other commits with the same inputs (reuse) is proved by its inputs label.
 */
export function checkRevision(reference: string, expected: string, labelled: string | undefined, inputs: InputsCheck = {}): RevisionCheck {
  if (inputs.expected !== undefined && inputs.labelled?.trim() === inputs.expected) return { kind: 'match' }
  if (labelled === undefined || labelled.trim() === '') {
    return {
      kind: 'unlabelled',
      message:
        `${reference} has no ${REVISION_LABEL} label, so it cannot be checked to be built from ${expected}. ` +
        "Pass resolve-image's `labels` output to docker/build-push-action's `labels` input.",
    }
  }
  if (labelled.trim().toLowerCase() === expected.toLowerCase()) return { kind: 'match' }
  return {
    kind: 'mismatch',
    message:
      `${reference} was built from commit ${labelled.trim()}, not from ${expected}, the commit whose build was awaited: ` +
      'a later build may have overwritten the tag, or the build labels the merge commit instead of the PR head.',
  }
}
